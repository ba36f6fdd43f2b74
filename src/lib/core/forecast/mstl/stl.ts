import { loessAt, loessSmooth, movingAverage } from './loess';

export interface StlResult {
	seasonal: Float64Array;
	trend: Float64Array;
}

export interface StlOptions {
	/** Seasonal smoothing window (odd, ≥ 7); R's MSTL uses 7 + 4·i for the i-th period. */
	seasonalWindow: number;
	innerIterations?: number;
}

const nextOdd = (value: number): number => {
	const rounded = Math.ceil(value);
	return rounded % 2 === 0 ? rounded + 1 : rounded;
};

/**
 * STL (Cleveland et al. 1990), non-robust, without the jump speed-ups: cycle-subseries LOESS
 * (degree 0, as R's default), low-pass filter of the seasonal, trend LOESS (degree 1).
 */
export function stl(series: Float64Array, period: number, options: StlOptions): StlResult {
	const n = series.length;
	const seasonalWindow = nextOdd(Math.max(options.seasonalWindow, 7));
	const trendWindow = nextOdd((1.5 * period) / (1 - 1.5 / seasonalWindow));
	const lowPassWindow = nextOdd(period);
	const iterations = options.innerIterations ?? 2;
	let trend: Float64Array = new Float64Array(n);
	const seasonal = new Float64Array(n);
	const detrended = new Float64Array(n);
	const cycle = new Float64Array(n + 2 * period);
	for (let iteration = 0; iteration < iterations; iteration++) {
		for (let t = 0; t < n; t++) detrended[t] = series[t]! - trend[t]!;
		// Smooth each cycle-subseries and extend it one cycle either side.
		for (let phase = 0; phase < period; phase++) {
			const count = Math.ceil((n - phase) / period);
			if (count <= 0) continue;
			const sub = new Float64Array(count);
			for (let j = 0; j < count; j++) sub[j] = detrended[phase + j * period]!;
			for (let j = -1; j <= count; j++) {
				cycle[phase + (j + 1) * period] = loessAt(sub, j, seasonalWindow, 0);
			}
		}
		const low = loessSmooth(
			movingAverage(movingAverage(movingAverage(cycle, period), period), 3),
			lowPassWindow,
			1
		);
		for (let t = 0; t < n; t++) seasonal[t] = cycle[t + period]! - low[t]!;
		const adjusted = series.map((value, t) => value - seasonal[t]!);
		trend = loessSmooth(adjusted, trendWindow, 1);
	}
	return { seasonal, trend };
}

export interface MstlResult {
	/** One seasonal component per retained period, same order as `periods`. */
	seasonals: Float64Array[];
	periods: number[];
	trend: Float64Array;
	/** The series minus every seasonal component (trend + remainder). */
	adjusted: Float64Array;
}

/**
 * MSTL (Bandara, Hyndman & Bergmeir 2021): STL per period from the shortest up, iterated so
 * each seasonal is re-estimated with the others removed. Periods that do not fit twice in the
 * series are dropped.
 */
export function mstl(series: Float64Array, periods: number[], iterations = 2): MstlResult {
	const kept = [...periods].sort((a, b) => a - b).filter((p) => p > 1 && series.length > 2 * p);
	const seasonals: Float64Array[] = kept.map(() => new Float64Array(series.length));
	const adjusted = Float64Array.from(series);
	let trend: Float64Array = new Float64Array(series.length);
	for (let iteration = 0; iteration < iterations; iteration++) {
		kept.forEach((period, i) => {
			const own = seasonals[i]!;
			for (let t = 0; t < adjusted.length; t++) adjusted[t] = adjusted[t]! + own[t]!;
			const result = stl(adjusted, period, { seasonalWindow: 7 + 4 * (i + 1) });
			seasonals[i] = result.seasonal;
			trend = result.trend;
			for (let t = 0; t < adjusted.length; t++) adjusted[t] = adjusted[t]! - result.seasonal[t]!;
		});
	}
	return { seasonals, periods: kept, trend, adjusted };
}
