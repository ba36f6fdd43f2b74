import { SeasonalArForecaster, seasonalLags, type SeasonalArConfig } from './ar/seasonal-ar';
import { AutoForecaster, type AutoConfig } from './auto/auto';
import { EtsForecaster, type EtsConfig } from './ets/ets';
import { MstlEtsForecaster, type MstlEtsConfig } from './mstl/mstl-ets';
import type { SarimaOrder } from './sarima/fit';
import { SarimaForecaster, type SarimaConfig } from './sarima/sarima';
import { Naive2, type Naive2Config } from './naive/naive2';
import { SeasonalNaive, type SeasonalNaiveConfig } from './naive/seasonal-naive';
import type { Forecaster, ForecasterKind } from './types';

/** State one `auto` instance shares between the fits of a candidate (backtest, then final). */
interface CandidateMemo {
	sarimaOrder?: SarimaOrder;
}

/**
 * Named model set-ups `auto` chooses from, built for a daily cycle of `period` steps (24 for
 * hourly data) with a weekly cycle of 7 periods.
 */
const CANDIDATE_BUILDERS = {
	'seasonal-naive': (period: number) => new SeasonalNaive({ period }),
	'mstl-ets': (period: number) => new MstlEtsForecaster({ periods: [period, 7 * period] }),
	ets: (period: number) => new EtsForecaster({ period }),
	ar: (period: number) => new SeasonalArForecaster({ lags: seasonalLags(period), ridge: 1e-6 }),
	// The stepwise order search runs once per series (on the first backtest window, the
	// shortest); later windows and the final fit re-estimate that order's coefficients.
	sarima: (period: number, memo: CandidateMemo) =>
		new SarimaForecaster({
			period,
			order: memo.sarimaOrder,
			maxP: 3,
			maxQ: 3,
			maxSeasonalP: 1,
			maxSeasonalQ: 1,
			maxModels: 30,
			onFitted: (order) => (memo.sarimaOrder ??= order)
		}),
	'ar-sdiff': (period: number) =>
		new SeasonalArForecaster({ lags: seasonalLags(period), ridge: 0.03, difference: period })
} satisfies Record<string, (period: number, memo: CandidateMemo) => Forecaster>;

export type CandidateName = keyof typeof CANDIDATE_BUILDERS;

/** Default candidates, the always-available baseline first (used when history is short). */
export const DEFAULT_CANDIDATES: readonly CandidateName[] = [
	'seasonal-naive',
	'mstl-ets',
	'ets',
	'ar',
	'ar-sdiff'
];

export type AutoForecasterConfig = Partial<AutoConfig<CandidateName>>;

export interface ForecasterConfigs {
	'seasonal-naive': SeasonalNaiveConfig;
	naive2: Naive2Config;
	ets: EtsConfig;
	'mstl-ets': MstlEtsConfig;
	ar: SeasonalArConfig;
	sarima: SarimaConfig;
	auto: AutoForecasterConfig;
}

export function createForecaster<K extends ForecasterKind>(
	kind: K,
	config: ForecasterConfigs[K] = {}
): Forecaster {
	switch (kind) {
		case 'seasonal-naive':
			return new SeasonalNaive(config as SeasonalNaiveConfig);
		case 'naive2':
			return new Naive2(config as Naive2Config);
		case 'ets':
			return new EtsForecaster(config as EtsConfig);
		case 'mstl-ets':
			return new MstlEtsForecaster(config as MstlEtsConfig);
		case 'ar':
			return new SeasonalArForecaster(config as SeasonalArConfig);
		case 'sarima':
			return new SarimaForecaster(config as SarimaConfig);
		case 'auto':
			return createAutoForecaster(config as AutoForecasterConfig);
	}
	throw new RangeError(`unknown forecaster kind: ${String(kind)}`);
}

export function createAutoForecaster(
	config: AutoForecasterConfig = {}
): AutoForecaster<CandidateName> {
	const candidates = config.candidates ?? DEFAULT_CANDIDATES;
	const period = config.period ?? 24;
	const memo: CandidateMemo = {};
	return new AutoForecaster(
		{ ...config, candidates, period },
		(name) => CANDIDATE_BUILDERS[name](period, memo),
		() => delete memo.sarimaOrder
	);
}
