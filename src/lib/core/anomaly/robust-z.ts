import { robustLocationScale } from './stats/robust-scale';
import { createSortedWindow, pushValue, type SortedWindow } from './stats/sorted-window';
import { ALERT_SCORE, type DetectorOutput, type RobustZConfig } from './types';

/**
 * For short business series (a few months of days): the NAB-tuned detectors calibrate their
 * scores on hundreds of past statistics, which a 120-day series never has. Here the yardstick
 * is fixed instead: a robust z of the residual from the weekly expectation.
 */
export const ROBUST_Z_DEFAULTS: RobustZConfig = {
	stepMs: 86_400_000,
	period: 7,
	transform: 'none',
	seasonCycles: 4,
	window: 56,
	probation: 14,
	alertZ: 4,
	sustain: 3
};

/** Residuals needed for a first σ (a week of days after probation). */
const MIN_RESIDUALS = 7;

export interface RobustZState {
	readonly config: RobustZConfig;
	seen: number;
	/** Per time of cycle (weekday): the last `seasonCycles` values, oldest first. */
	readonly profile: number[][];
	readonly residuals: SortedWindow;
	/** The last `sustain` z-scores, oldest first. */
	readonly recentZ: number[];
}

export function initRobustZ(config: RobustZConfig): RobustZState {
	return {
		config,
		seen: 0,
		profile: Array.from({ length: Math.max(1, config.period) }, () => []),
		residuals: createSortedWindow(config.window),
		recentZ: []
	};
}

const forward = (transform: RobustZConfig['transform'], x: number) =>
	transform === 'log' ? Math.sign(x) * Math.log1p(Math.abs(x)) : x;
const backward = (transform: RobustZConfig['transform'], y: number) =>
	transform === 'log' ? Math.sign(y) * Math.expm1(Math.abs(y)) : y;

/**
 * Maps a statistic in robust σ to [0, 1] so that `alertZ` lands exactly on ALERT_SCORE:
 * score = 1 − (1 − ALERT_SCORE)^(stat / alertZ). Monotone, 0 at 0, → 1 for large effects.
 */
export function robustZScore(stat: number, alertZ: number): number {
	if (!(stat > 0)) return 0;
	return Math.min(1, 1 - Math.pow(1 - ALERT_SCORE, stat / alertZ));
}

/** The statistic a score came from (inverse of robustZScore). */
export function robustZFromScore(score: number, alertZ: number): number {
	if (score >= 1) return Infinity;
	return (alertZ * Math.log(1 - score)) / Math.log(1 - ALERT_SCORE);
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Expected value = median of the same time of cycle over the last `seasonCycles` cycles
 * ("a Monday is usually like the last four Mondays": robust to one odd week, and follows a
 * slow trend within a month); z = (residual − median residual) / robust σ of the last `window`
 * residuals. Statistic = max(|z|, |mean z of the last `sustain` points| · sustain^¼) so
 * that a few days in a row at 3σ alert too (a slump), not only one day at 4σ (a spike).
 */
export function stepRobustZ(
	state: RobustZState,
	timestampMs: number,
	rawValue: number
): DetectorOutput {
	const { config, profile, residuals, recentZ } = state;
	const value = forward(config.transform, rawValue);
	const step = Math.floor(timestampMs / config.stepMs);
	const bucket = profile[((step % profile.length) + profile.length) % profile.length]!;
	// Two past cycles at least: one earlier Monday is an anecdote, not a pattern.
	const expected = bucket.length >= 2 ? median(bucket) : value;
	const residual = value - expected;
	let output: DetectorOutput = { score: 0, expected: rawValue };
	let learnt = residual;
	if (residuals.sorted.length >= MIN_RESIDUALS && bucket.length >= 2) {
		const { median, sigma } = robustLocationScale(residuals);
		// An event's residuals are learnt clipped to the band, so a promotion week does not
		// widen the yardstick for the two months after it.
		const limit = config.alertZ * sigma;
		learnt = Math.max(median - limit, Math.min(median + limit, residual));
		const z = (residual - median) / sigma;
		recentZ.push(z);
		if (recentZ.length > config.sustain) recentZ.shift();
		const meanZ = recentZ.reduce((sum, x) => sum + x, 0) / recentZ.length;
		// A run only counts when it points the same way as today.
		const sustained =
			Math.sign(meanZ) === Math.sign(z) ? Math.abs(meanZ) * recentZ.length ** 0.25 : 0;
		const stat = Math.max(Math.abs(z), sustained);
		const centre = expected + median;
		output = {
			score: robustZScore(stat, config.alertZ),
			expected: backward(config.transform, centre),
			lower: backward(config.transform, centre - config.alertZ * sigma),
			upper: backward(config.transform, centre + config.alertZ * sigma)
		};
	}
	// Residuals from before the weekly profile exists are not this series' noise: they would
	// inflate σ for the next `window` points and hide the first real event.
	if (state.seen >= config.probation && bucket.length >= 2) pushValue(residuals, learnt);
	bucket.push(value);
	if (bucket.length > config.seasonCycles) bucket.shift();
	state.seen++;
	return output;
}
