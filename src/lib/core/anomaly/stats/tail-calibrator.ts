import {
	countAtLeast,
	createSortedWindow,
	pushValue,
	quantile,
	type SortedWindow,
	windowSize
} from './sorted-window';

/**
 * The scale counts a history as at least this long: a young stream's records are cheap (the
 * 50th value has a one-in-50 chance of being the largest), so they need a wide margin.
 */
const YOUNG_HISTORY = 3000;

/**
 * Turns a raw anomaly statistic into a score in [0, 1] that means the same on every series:
 * the tail probability p of the value among this stream's own past values (as NAB's
 * anomaly likelihood does with a Gaussian, here empirical), on a log scale relative to what
 * the history can tell apart: score = log(1/p) / log(2(n + 1)), so a new record of the last
 * n values scores 1 and the runner-up just below. n counts as at least YOUNG_HISTORY, and
 * `decades` caps the scale once the history is long.
 */
export interface TailCalibrator {
	readonly history: SortedWindow;
	/** Upper bound on log10(1/p) that maps to score 1. */
	readonly decades: number;
}

export function createTailCalibrator(capacity: number, decades: number): TailCalibrator {
	return { history: createSortedWindow(capacity), decades };
}

/**
 * Tail probability of `raw` among past values, before `raw` joins them; past the largest
 * value the tail is extended exponentially (a wide-margin record is rarer than a near one).
 */
export function tailProbability(calibrator: TailCalibrator, raw: number): number {
	const { history } = calibrator;
	const n = windowSize(history);
	if (n === 0) return 1;
	const atLeast = countAtLeast(history, raw);
	if (atLeast > 0) return (atLeast + 0.5) / (n + 1);
	const max = quantile(history, 1);
	const spread = Math.max(max - quantile(history, 0.9), 1e-9);
	return (0.5 / (n + 1)) * Math.exp(-(raw - max) / spread);
}

/** Scores `raw`, then adds it to the history. */
export function calibrate(calibrator: TailCalibrator, raw: number): number {
	const p = tailProbability(calibrator, raw);
	const n = windowSize(calibrator.history);
	const decades = Math.min(calibrator.decades, Math.log10(2 * (Math.max(n, YOUNG_HISTORY) + 1)));
	pushValue(calibrator.history, raw);
	return Math.min(1, Math.max(0, -Math.log10(p) / decades));
}
