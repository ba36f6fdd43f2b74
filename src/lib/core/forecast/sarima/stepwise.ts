import { stl } from '../mstl/stl';
import { mean } from '../shared/stats';
import { fitSarima, type SarimaFit, type SarimaOrder } from './fit';
import { difference, differencingTerms } from './polynomials';

/** KPSS 5 % critical value for level stationarity (Kwiatkowski et al. 1992, table 1). */
const KPSS_CRITICAL_5 = 0.463;
/** Seasonal strength above which one seasonal difference is taken (forecast::nsdiffs "seas"). */
const SEASONAL_STRENGTH_THRESHOLD = 0.64;

/** KPSS level-stationarity statistic with Bartlett weights, lags ⌊4·(n/100)^¼⌋ ("short"). */
export function kpssStatistic(series: Float64Array): number {
	const n = series.length;
	const centre = mean(series);
	const residuals = series.map((value) => value - centre);
	let partial = 0;
	let sumPartialSquares = 0;
	for (const value of residuals) {
		partial += value;
		sumPartialSquares += partial * partial;
	}
	const lags = Math.floor(4 * (n / 100) ** 0.25);
	let longRunVariance = 0;
	for (const value of residuals) longRunVariance += value * value;
	for (let lag = 1; lag <= lags; lag++) {
		let sum = 0;
		for (let t = lag; t < n; t++) sum += residuals[t]! * residuals[t - lag]!;
		longRunVariance += 2 * (1 - lag / (lags + 1)) * sum;
	}
	longRunVariance /= n;
	return sumPartialSquares / (n * n * Math.max(longRunVariance, 1e-300));
}

/** Seasonal strength max(0, 1 − Var(R) / Var(S + R)) from an STL fit (Wang, Smith & Hyndman). */
export function seasonalStrength(series: Float64Array, period: number): number {
	if (series.length < 2 * period + 1) return 0;
	const { seasonal, trend } = stl(series, period, { seasonalWindow: 13 });
	const remainder = series.map((value, t) => value - seasonal[t]! - trend[t]!);
	const detrended = series.map((value, t) => value - trend[t]!);
	const variance = (values: Float64Array) => {
		const centre = mean(values);
		return mean(values.map((value) => (value - centre) ** 2));
	};
	const total = variance(detrended);
	return total > 0 ? Math.max(0, 1 - variance(remainder) / total) : 0;
}

export interface StepwiseOptions {
	period: number;
	maxP?: number;
	maxQ?: number;
	maxSeasonalP?: number;
	maxSeasonalQ?: number;
	/** Cap on the number of orders fitted, as auto.arima's max models (94 there). */
	maxModels?: number;
}

/**
 * Hyndman-Khandakar (2008) stepwise search: D from seasonal strength, d by repeated KPSS tests,
 * then start from four orders and move to any neighbour (±1 on p, q, P, Q, on p and q together,
 * on P and Q together, constant toggled) that lowers AICc, until none does.
 */
export function autoSarima(series: Float64Array, options: StepwiseOptions): SarimaFit {
	const {
		period,
		maxP = 5,
		maxQ = 5,
		maxSeasonalP = 2,
		maxSeasonalQ = 2,
		maxModels = 60
	} = options;
	const seasonal = period > 1 && series.length >= 3 * period;
	const seasonalD =
		seasonal && seasonalStrength(series, period) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
	let d = 0;
	while (d < 2) {
		const differenced = difference(series, differencingTerms(d, seasonalD, period));
		if (differenced.length < 10 || kpssStatistic(differenced) < KPSS_CRITICAL_5) break;
		d++;
	}
	const allowConstant = d + seasonalD <= 1;
	const fitted = new Map<string, SarimaFit>();
	const keyOf = (o: SarimaOrder) =>
		`${o.p},${o.q},${o.seasonalP},${o.seasonalQ},${o.constant ? 1 : 0}`;
	const tryOrder = (o: SarimaOrder): SarimaFit | undefined => {
		if (o.p < 0 || o.q < 0 || o.seasonalP < 0 || o.seasonalQ < 0) return undefined;
		if (o.p > maxP || o.q > maxQ || o.seasonalP > maxSeasonalP || o.seasonalQ > maxSeasonalQ)
			return undefined;
		if (!seasonal && (o.seasonalP > 0 || o.seasonalQ > 0)) return undefined;
		if (o.constant && !allowConstant) return undefined;
		const key = keyOf(o);
		if (fitted.has(key)) return fitted.get(key);
		if (fitted.size >= maxModels) return undefined;
		const fit = fitSarima(series, o);
		fitted.set(key, fit);
		return fit;
	};
	const base = { d, seasonalD, period, constant: allowConstant };
	const s = seasonal ? 1 : 0;
	const starts: SarimaOrder[] = [
		{ ...base, p: 2, q: 2, seasonalP: s, seasonalQ: s },
		{ ...base, p: 0, q: 0, seasonalP: 0, seasonalQ: 0 },
		{ ...base, p: 1, q: 0, seasonalP: s, seasonalQ: 0 },
		{ ...base, p: 0, q: 1, seasonalP: 0, seasonalQ: s }
	];
	let best: SarimaFit | undefined;
	for (const order of starts) {
		const fit = tryOrder(order);
		if (fit && (!best || fit.aicc < best.aicc)) best = fit;
	}
	if (!best) throw new RangeError('no SARIMA order could be fitted');
	let improved = true;
	while (improved) {
		improved = false;
		const o = best.order;
		const moves: Partial<SarimaOrder>[] = [
			{ seasonalP: o.seasonalP - 1 },
			{ seasonalP: o.seasonalP + 1 },
			{ seasonalQ: o.seasonalQ - 1 },
			{ seasonalQ: o.seasonalQ + 1 },
			{ seasonalP: o.seasonalP - 1, seasonalQ: o.seasonalQ - 1 },
			{ seasonalP: o.seasonalP + 1, seasonalQ: o.seasonalQ + 1 },
			{ p: o.p - 1 },
			{ p: o.p + 1 },
			{ q: o.q - 1 },
			{ q: o.q + 1 },
			{ p: o.p - 1, q: o.q - 1 },
			{ p: o.p + 1, q: o.q + 1 },
			{ constant: !o.constant }
		];
		for (const move of moves) {
			const fit = tryOrder({ ...o, ...move });
			if (fit && fit.aicc < best.aicc) {
				best = fit;
				improved = true;
				break;
			}
		}
	}
	return best;
}
