import type { NabProfile } from './profiles';
import { probationLength, scaledSigmoid } from './sigmoid';
import type { RowWindow } from './windows';

/** One data file as NAB scores it: a detector's scores per row and the labelled windows. */
export interface NabScoredFile {
	readonly name: string;
	readonly scores: ArrayLike<number>;
	readonly windows: readonly RowWindow[];
}

/** Where a row falls: in the probationary period, outside every window, or in window k. */
const PROBATION = -2;
const OUTSIDE = -1;

interface SweepRows {
	/** Region per row: PROBATION, OUTSIDE or the window's index in the file. */
	readonly region: Int32Array;
	/** The profile-weighted score the row would earn as a detection. */
	readonly weighted: Float64Array;
}

/**
 * The weighted score of every row if it were a detection (NAB's `calcSweepScore`):
 * inside a window A_TP·σ(position)/σ(−1); outside, A_FP·σ(distance past the previous
 * window), or −A_FP when no window has ended yet.
 */
export function sweepRows(
	rowCount: number,
	windows: readonly RowWindow[],
	profile: NabProfile
): SweepRows {
	const region = new Int32Array(rowCount).fill(OUTSIDE);
	const weighted = new Float64Array(rowCount);
	const maxTp = scaledSigmoid(-1);
	const probation = probationLength(rowCount);
	const sorted = windows.map((window, index) => ({ ...window, index }));
	sorted.sort((a, b) => a.left - b.left);
	let next = 0;
	let current: (RowWindow & { index: number }) | undefined;
	let previousRight: number | undefined;
	let previousWidth = 0;
	for (let row = 0; row < rowCount; row++) {
		if (!current && next < sorted.length && sorted[next]!.left === row) current = sorted[next++];
		if (current) {
			const width = current.right - current.left + 1;
			weighted[row] =
				(scaledSigmoid(-(current.right - row + 1) / width) * profile.tpWeight) / maxTp;
			region[row] = current.index;
		} else if (previousRight === undefined) {
			weighted[row] = -profile.fpWeight;
		} else {
			weighted[row] =
				scaledSigmoid(Math.abs(previousRight - row) / (previousWidth - 1)) * profile.fpWeight;
		}
		if (row < probation) region[row] = PROBATION;
		if (current && row === current.right) {
			previousRight = row;
			previousWidth = current.right - current.left + 1;
			current = undefined;
		}
	}
	return { region, weighted };
}

/** Confusion counts over scored rows (probationary rows excluded), as NAB's tables give them. */
export interface NabCounts {
	tp: number;
	fp: number;
	fn: number;
	tn: number;
}

export interface NabFileScore extends NabCounts {
	readonly name: string;
	/** Raw weighted score: best detection per window (−A_FN if none) plus every out-of-window one. */
	readonly score: number;
}

/** Scores one file with detections at `score >= threshold` (NAB's `scoreDataSet`). */
export function scoreFile(
	file: NabScoredFile,
	profile: NabProfile,
	threshold: number
): NabFileScore {
	const { region, weighted } = sweepRows(file.scores.length, file.windows, profile);
	const best = file.windows.map(() => -profile.fnWeight);
	const counts: NabCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
	let outside = 0;
	for (let row = 0; row < region.length; row++) {
		const where = region[row]!;
		if (where === PROBATION) continue;
		const detected = file.scores[row]! >= threshold;
		if (where === OUTSIDE) {
			if (detected) {
				counts.fp++;
				outside += weighted[row]!;
			} else counts.tn++;
		} else if (detected) {
			counts.tp++;
			best[where] = Math.max(best[where]!, weighted[row]!);
		} else counts.fn++;
	}
	const score = outside + best.reduce((sum, value) => sum + value, 0);
	return { name: file.name, score, ...counts };
}

export interface NabCorpusScore {
	readonly threshold: number;
	/** Raw corpus score S. */
	readonly raw: number;
	/** 100·(S − S_null)/(S_perfect − S_null). */
	readonly normalised: number;
	readonly files: readonly NabFileScore[];
}

/** S_perfect = A_TP per window; S_null = −A_FN per window (no detections at all). */
export function normaliseScore(raw: number, windowCount: number, profile: NabProfile): number {
	const perfect = profile.tpWeight * windowCount;
	const nullScore = -profile.fnWeight * windowCount;
	return (100 * (raw - nullScore)) / (perfect - nullScore);
}

export function scoreCorpus(
	files: readonly NabScoredFile[],
	profile: NabProfile,
	threshold: number
): NabCorpusScore {
	const scored = files.map((file) => scoreFile(file, profile, threshold));
	const raw = scored.reduce((sum, file) => sum + file.score, 0);
	const windowCount = files.reduce((sum, file) => sum + file.windows.length, 0);
	return { threshold, raw, normalised: normaliseScore(raw, windowCount, profile), files: scored };
}

/**
 * NAB's threshold optimisation: one threshold for the whole corpus, the distinct score value
 * that maximises the raw score. Rows are swept from the highest score down, keeping the
 * running total (windows keep their best detection), and the total is read at each change
 * of score value. Ties keep the highest threshold, as NAB's stable sort does.
 */
export function optimiseThreshold(
	files: readonly NabScoredFile[],
	profile: NabProfile
): { threshold: number; raw: number } {
	const scores: number[] = [];
	const weights: number[] = [];
	const windowIds: number[] = [];
	let windowBase = 0;
	for (const file of files) {
		const { region, weighted } = sweepRows(file.scores.length, file.windows, profile);
		for (let row = 0; row < region.length; row++) {
			if (region[row] === PROBATION) continue;
			scores.push(file.scores[row]!);
			weights.push(weighted[row]!);
			windowIds.push(region[row] === OUTSIDE ? -1 : windowBase + region[row]!);
		}
		windowBase += file.windows.length;
	}
	const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
	const best = new Array<number>(windowBase).fill(-profile.fnWeight);
	let total = -profile.fnWeight * windowBase;
	let bestThreshold = 1.1;
	let bestRaw = total;
	for (let k = 0; k < order.length; k++) {
		const row = order[k]!;
		const window = windowIds[row]!;
		const weight = weights[row]!;
		if (window < 0) total += weight;
		else if (weight > best[window]!) {
			total += weight - best[window]!;
			best[window] = weight;
		}
		const score = scores[row]!;
		const last = k === order.length - 1 || scores[order[k + 1]!] !== score;
		if (last && total > bestRaw) {
			bestRaw = total;
			bestThreshold = score;
		}
	}
	return { threshold: bestThreshold, raw: bestRaw };
}
