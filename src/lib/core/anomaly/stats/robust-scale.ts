import { quantile, type SortedWindow } from './sorted-window';

/** IQR / 1.349 estimates a normal σ and ignores the tails that anomalies live in. */
const IQR_TO_SIGMA = 1.349;
/** Mean absolute deviation · √(π/2) estimates a normal σ. */
const MEAN_ABS_TO_SIGMA = 1.2533;

/** Mean absolute deviation from `centre`; one pass over the sorted values. */
function meanAbsoluteDeviation(sorted: readonly number[], centre: number): number {
	let sum = 0;
	for (const value of sorted) sum += Math.abs(value - centre);
	return sum / sorted.length;
}

/**
 * Median and robust σ of a window. Counts that are mostly 0 or mostly one value have a zero
 * IQR, so σ falls back to the mean absolute deviation (it sees the rare non-zero counts),
 * then to a tiny fraction of the level: a change from a flat line reads large but finite.
 */
export function robustLocationScale(window: SortedWindow): { median: number; sigma: number } {
	const median = quantile(window, 0.5);
	const iqr = (quantile(window, 0.75) - quantile(window, 0.25)) / IQR_TO_SIGMA;
	const meanAbs = meanAbsoluteDeviation(window.sorted, median) * MEAN_ABS_TO_SIGMA;
	const floor = 1e-6 * Math.max(Math.abs(median), 1);
	return { median, sigma: Math.max(iqr, meanAbs * 0.5, floor) };
}
