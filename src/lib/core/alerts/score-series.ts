import { createDetector } from '../anomaly/create-detector';
import type { Detector, DetectorOutput } from '../anomaly/types';
import type { MetricSeries } from './monitored-series';

/**
 * A monitored series with every point scored by a streaming detector (each point with only
 * the past), and a checkpoint to resume from when the next import adds points.
 */
export interface ScoredSeries extends MetricSeries {
	scores: number[];
	/** Expected value and ordinary band per point (NaN during warm-up). */
	expected: number[];
	lower: number[];
	upper: number[];
	/**
	 * Detector state after the first `length` points. Held back from the end of the series
	 * (HOLD_BACK points) because the last day of an export is often partial: the next import
	 * completes it, and those points must be scored again from the state before them.
	 */
	checkpoint: { length: number; state: unknown };
	/** Points scored in this run (the rest came from the checkpoint). */
	newlyScored: number;
}

/** Points kept out of the checkpoint: two days, or two days of hours. */
export const HOLD_BACK = { day: 2, hour: 48 } as const;

/**
 * Daily series: the short-series robust z detector on a weekly season. Hourly volume: the
 * NAB-measured ensemble (it has the thousands of points its calibration needs).
 */
export function detectorFor(
	series: Pick<MetricSeries, 'granularity' | 'transform'>,
	state?: unknown
): Detector {
	if (series.granularity === 'hour') return createDetector('ensemble', {}, state);
	return createDetector('robust-z', { transform: series.transform }, state);
}

const sameValue = (a: number | undefined, b: number | undefined) =>
	a === b || (Number.isNaN(a) && Number.isNaN(b));

/** How many leading points of `previous` still hold in `series` (0 when another series). */
function reusablePrefix(series: MetricSeries, previous: ScoredSeries | undefined): number {
	if (!previous) return 0;
	if (
		previous.id !== series.id ||
		previous.granularity !== series.granularity ||
		previous.transform !== series.transform ||
		previous.startWallMs !== series.startWallMs
	)
		return 0;
	const length = previous.checkpoint.length;
	if (length > series.values.length) return 0;
	for (let index = 0; index < length; index++)
		if (!sameValue(previous.values[index], series.values[index])) return 0;
	return length;
}

/**
 * Scores a series, resuming from `previous` (the last run's result for the same series) when
 * its checkpointed prefix is unchanged: then only the points after the checkpoint are scored.
 * Otherwise (older data changed, e.g. a re-import that solved old tickets) it starts over.
 */
export function scoreMonitoredSeries(series: MetricSeries, previous?: ScoredSeries): ScoredSeries {
	const reuse = reusablePrefix(series, previous);
	const detector = detectorFor(series, reuse > 0 ? previous!.checkpoint.state : undefined);
	const n = series.values.length;
	const scores = previous ? previous.scores.slice(0, reuse) : [];
	const expected = previous ? previous.expected.slice(0, reuse) : [];
	const lower = previous ? previous.lower.slice(0, reuse) : [];
	const upper = previous ? previous.upper.slice(0, reuse) : [];
	const step = series.granularity === 'day' ? 86_400_000 : 3_600_000;
	const checkpointAt = Math.max(reuse, n - HOLD_BACK[series.granularity]);
	let checkpoint = {
		length: reuse,
		state: reuse > 0 ? previous!.checkpoint.state : detector.state
	};
	for (let index = reuse; index < n; index++) {
		if (index === checkpointAt) checkpoint = { length: index, state: detector.state };
		const output: DetectorOutput = detector.update(
			series.startWallMs + index * step,
			series.values[index]!
		);
		scores.push(output.score);
		expected.push(output.expected ?? NaN);
		lower.push(output.lower ?? NaN);
		upper.push(output.upper ?? NaN);
	}
	if (checkpointAt >= n) checkpoint = { length: n, state: detector.state };
	return { ...series, scores, expected, lower, upper, checkpoint, newlyScored: n - reuse };
}
