export type { FitOptions, Forecast, Forecaster, ForecasterKind, PredictionInterval } from './types';
export { DEFAULT_LEVELS, FORECASTER_KINDS } from './types';
export {
	createAutoForecaster,
	createForecaster,
	DEFAULT_CANDIDATES,
	type CandidateName,
	type ForecasterConfigs
} from './create-forecaster';
export { AutoForecaster, type Selection } from './auto/auto';
export { mase, owa, seasonalNaiveScale, smape, M4_HOURLY_PERIOD } from './metrics';
