import { autocorrelations } from './stats';

/** z for the one-sided 90 % test M4's benchmark code uses. */
const SEASONALITY_CRITICAL_Z = 1.645;

/**
 * M4's seasonality test (Benchmarks and Evaluation.R, `SeasonalityTest`): seasonal iff the
 * series has at least 3 periods and |r_m| > 1.645 · √((1 + 2 Σ_{k<m} r_k²) / n).
 */
export function isSeasonal(series: ArrayLike<number>, period: number): boolean {
	const n = series.length;
	if (period < 2 || n < 3 * period) return false;
	const acf = autocorrelations(series, period);
	let sumSquares = 0;
	for (let k = 0; k < period - 1; k++) sumSquares += acf[k]! ** 2;
	const limit = (SEASONALITY_CRITICAL_Z / Math.sqrt(n)) * Math.sqrt(1 + 2 * sumSquares);
	return Math.abs(acf[period - 1]!) > limit;
}

/**
 * Seasonal indices of R's `decompose(type = "multiplicative")`: ratios to a centred moving
 * average, averaged per position in the cycle, normalised to mean 1. Index k applies to
 * observations k, k + period, … counted from the first one.
 */
export function multiplicativeSeasonalIndices(
	series: ArrayLike<number>,
	period: number
): Float64Array {
	const n = series.length;
	const half = Math.floor(period / 2);
	const even = period % 2 === 0;
	const sums = new Float64Array(period);
	const counts = new Float64Array(period);
	for (let t = half; t < n - half; t++) {
		let trend = 0;
		for (let j = -half; j <= half; j++) {
			const weight = even && Math.abs(j) === half ? 0.5 : 1;
			trend += weight * series[t + j]!;
		}
		trend /= period;
		sums[t % period] = sums[t % period]! + series[t]! / trend;
		counts[t % period] = counts[t % period]! + 1;
	}
	const indices = sums.map((sum, k) => sum / counts[k]!);
	let total = 0;
	for (const index of indices) total += index;
	const average = total / period;
	return indices.map((index) => index / average);
}
