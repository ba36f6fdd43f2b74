import type { SeasonSetting } from './types';
import { createSortedWindow, pushValue, quantile, type SortedWindow } from './stats/sorted-window';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Timestamps looked at before `auto` settles the sampling step. */
const STEP_SAMPLE = 16;
/** Points of memory of the running error that picks the best season (about 3 half-lives). */
const SELECTION_MEMORY = 1000;

/** One way to read the cycle: no season, a day or a week, split into buckets of one step. */
export interface SeasonCandidate {
	readonly periodMs: number;
	readonly bucketMs: number;
	/** Per bucket: the last `cycles` detrended values, oldest first. Empty without a season. */
	readonly profile: number[][];
	/** Exponentially weighted mean absolute error of this candidate's expectations. */
	error: number;
}

/**
 * An online STL-like decomposition: level = trailing median of the values, seasonal = median
 * of (value − level) at the same time of cycle over the last few cycles. With `auto`, a
 * daily and a weekly season compete with none, and the one with the lowest running error
 * gives the expectation (a taxi fleet is weekly, machine temperature has no season). The
 * expectation is made before the point is seen (streaming: only the past).
 */
export interface SeasonalModel {
	readonly season: SeasonSetting;
	readonly cycles: number;
	/** Timestamps seen while the sampling step is still unknown (`auto`). */
	readonly firstTimes: number[];
	candidates: SeasonCandidate[];
	readonly level: SortedWindow;
}

function candidate(periodMs: number, bucketMs: number): SeasonCandidate {
	const buckets = periodMs > 0 ? Math.max(1, Math.round(periodMs / bucketMs)) : 0;
	return { periodMs, bucketMs, profile: Array.from({ length: buckets }, () => []), error: 0 };
}

export function createSeasonalModel(
	season: SeasonSetting,
	cycles: number,
	levelWindow: number
): SeasonalModel {
	// Without a known step an explicit cycle gets 288 buckets (5 minutes in a day).
	const candidates =
		typeof season === 'object'
			? [candidate(season.periodMs, season.periodMs / 288)]
			: [candidate(0, 0)];
	return { season, cycles, firstTimes: [], candidates, level: createSortedWindow(levelWindow) };
}

/** Sub-daily sampling → day and week compete with none; daily → week; coarser → none. */
function settleAuto(model: SeasonalModel): void {
	const gaps = model.firstTimes.slice(1).map((time, index) => time - model.firstTimes[index]!);
	gaps.sort((a, b) => a - b);
	const step = gaps[Math.floor(gaps.length / 2)] ?? 0;
	if (step > 0 && step < DAY_MS) {
		model.candidates.push(candidate(DAY_MS, step), candidate(WEEK_MS, step));
	} else if (step >= DAY_MS && step < WEEK_MS) {
		model.candidates.push(candidate(WEEK_MS, DAY_MS));
	}
}

function bucketOf(season: SeasonCandidate, timestampMs: number): number[] | undefined {
	if (season.periodMs <= 0) return undefined;
	const phase = ((timestampMs % season.periodMs) + season.periodMs) % season.periodMs;
	return season.profile[Math.floor(phase / season.bucketMs) % season.profile.length];
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function seasonalPart(season: SeasonCandidate, timestampMs: number): number {
	const bucket = bucketOf(season, timestampMs);
	// Two cycles at least: one past value at a time of cycle is noise, not a pattern.
	return bucket && bucket.length >= 2 ? median(bucket) : 0;
}

function bestCandidate(model: SeasonalModel): SeasonCandidate {
	return model.candidates.reduce((best, next) => (next.error < best.error ? next : best));
}

/** The expected value at `timestampMs` from the past only; NaN before any value. */
export function expectValue(model: SeasonalModel, timestampMs: number): number {
	return quantile(model.level, 0.5) + seasonalPart(bestCandidate(model), timestampMs);
}

/** Learns from the point once it has been scored. */
export function learnValue(model: SeasonalModel, timestampMs: number, value: number): void {
	if (model.season === 'auto' && model.candidates.length === 1) {
		if (model.firstTimes.length < STEP_SAMPLE) model.firstTimes.push(timestampMs);
		if (model.firstTimes.length === STEP_SAMPLE) settleAuto(model);
	}
	const level = quantile(model.level, 0.5);
	if (Number.isFinite(level)) {
		for (const season of model.candidates) {
			const miss = Math.abs(value - level - seasonalPart(season, timestampMs));
			season.error += (miss - season.error) / SELECTION_MEMORY;
			const bucket = bucketOf(season, timestampMs);
			if (bucket) {
				bucket.push(value - level);
				if (bucket.length > model.cycles) bucket.shift();
			}
		}
	}
	pushValue(model.level, value);
}
