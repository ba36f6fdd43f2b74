/** A point forecast with central prediction intervals, in the units of the fitted series. */
export interface Forecast {
	mean: Float64Array;
	/** One entry per requested level (e.g. 80, 95), in the order asked for. */
	intervals: PredictionInterval[];
}

export interface PredictionInterval {
	/** Coverage in percent, e.g. 95. */
	level: number;
	lower: Float64Array;
	upper: Float64Array;
}

export interface FitOptions {
	/** Horizon the caller will ask for; model selection backtests at this horizon. */
	horizon?: number;
}

/**
 * One model for one equally spaced series. `fit` may be async so that a model running in a
 * worker can yield (e.g. a tfjs model later); the statistical models here fit synchronously.
 */
export interface Forecaster {
	readonly kind: ForecasterKind | NeuralForecasterKind;
	fit(series: Float64Array, options?: FitOptions): void | Promise<void>;
	predict(horizon: number, levels?: number[]): Forecast;
	dispose(): void;
}

export const FORECASTER_KINDS = [
	'seasonal-naive',
	'naive2',
	'ets',
	'mstl-ets',
	'ar',
	'sarima',
	'auto'
] as const;

export type ForecasterKind = (typeof FORECASTER_KINDS)[number];

/** Models that need tfjs; they live in $lib/ml (the core stays free of tfjs). */
export type NeuralForecasterKind = 'mlp';

/** Default interval levels in percent, as in R's forecast package. */
export const DEFAULT_LEVELS: readonly number[] = [80, 95];
