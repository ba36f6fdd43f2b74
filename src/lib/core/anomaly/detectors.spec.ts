import { describe, expect, it } from 'vitest';
import { createDetector, scoreSeries } from './create-detector';
import { plant, seasonalSeries, type SyntheticSeries } from './synthetic-series';
import { ALERT_SCORE, type DetectorKind } from './types';

/** Probation of the detectors (300 points) plus a margin for the statistics to settle. */
const QUIET_FROM = 400;
const AT = 1200;
/** "Within a few points": the plant and the next five. */
const REACTION = 6;
/** A shift needs a few points to tell apart from noise: four hours at this sampling. */
const SHIFT_REACTION = 8;
const SEEDS = [1, 2, 3, 4, 5];

function scores(kind: DetectorKind, series: SyntheticSeries): Float64Array {
	return scoreSeries(createDetector(kind), series.timesMs, series.values);
}

function firstAlert(all: Float64Array, from: number): number {
	for (let index = from; index < all.length; index++) if (all[index] >= ALERT_SCORE) return index;
	return -1;
}

function maxAfter(all: Float64Array, from: number): number {
	return Math.max(...all.subarray(from));
}

describe.each(['seasonal-residual', 'ensemble'] as const)('%s detector', (kind) => {
	it.each(SEEDS)('stays quiet on a clean seasonal series (seed %i)', (seed) => {
		expect(maxAfter(scores(kind, seasonalSeries({ seed })), QUIET_FROM)).toBeLessThan(ALERT_SCORE);
	});

	it.each(SEEDS)('finds a planted spike of 8σ at once (seed %i)', (seed) => {
		const all = scores(kind, plant(seasonalSeries({ seed }), AT, 24));
		expect(firstAlert(all, QUIET_FROM)).toBe(AT);
	});

	it.each(SEEDS)('finds a planted dip of 8σ at once (seed %i)', (seed) => {
		const all = scores(kind, plant(seasonalSeries({ seed }), AT, -24));
		expect(firstAlert(all, QUIET_FROM)).toBe(AT);
	});

	it.each(SEEDS)('finds a level shift of 4σ within a few points (seed %i)', (seed) => {
		const all = scores(kind, plant(seasonalSeries({ seed }), AT, 12, Infinity));
		const alert = firstAlert(all, QUIET_FROM);
		expect(alert).toBeGreaterThanOrEqual(AT);
		expect(alert).toBeLessThan(AT + SHIFT_REACTION);
	});

	it('finds a dip in the daily peak that stays inside the daily range', () => {
		// 30 units off at the peak hours is still a value seen every night: only the seasonal
		// expectation tells it apart.
		const series = seasonalSeries({ seed: 7 });
		const peak = 1200 + 12 - (1200 % 48);
		const alert = firstAlert(scores(kind, plant(series, peak, -30, 6)), QUIET_FROM);
		expect(alert).toBeGreaterThanOrEqual(peak);
		expect(alert).toBeLessThan(peak + REACTION);
	});
});

// On Gaussian noise the point test already sees wider noise (its larger values); the spread
// statistic's own gain is measured on NAB (docs/anomaly-detection.md, ablations).
describe('ensemble on a change of variance', () => {
	/** Noise that grows from σ 3 to σ 9 at AT, the mean unchanged: a flapping sensor. */
	function noisier(seed: number): SyntheticSeries {
		const clean = seasonalSeries({ seed });
		const wide = seasonalSeries({ seed: seed + 100, noise: 9 });
		const values = Float64Array.from(clean.values);
		for (let index = AT; index < values.length; index++) values[index] = wide.values[index]!;
		return { timesMs: clean.timesMs, values };
	}

	it.each(SEEDS)('finds a tripled noise level within a day (seed %i)', (seed) => {
		const alert = firstAlert(scores('ensemble', noisier(seed)), QUIET_FROM);
		expect(alert).toBeGreaterThanOrEqual(AT);
		expect(alert).toBeLessThan(AT + 48);
	});
});

describe('level-shift detector', () => {
	const flat = (seed: number) => seasonalSeries({ seed, amplitude: 0 });

	it.each(SEEDS)('stays quiet on clean noise (seed %i)', (seed) => {
		expect(maxAfter(scores('level-shift', flat(seed)), QUIET_FROM)).toBeLessThan(ALERT_SCORE);
	});

	it('ignores a lone spike that the residual test would flag', () => {
		const all = scores('level-shift', plant(flat(3), AT, 24));
		expect(maxAfter(all, QUIET_FROM)).toBeLessThan(ALERT_SCORE);
	});

	it.each(SEEDS)('finds a level shift of 4σ within a few points (seed %i)', (seed) => {
		// CUSUM accumulates evidence: slower than the residual test, but blind to lone spikes.
		const shifted = plant(flat(seed), AT, 12, Infinity);
		const alert = firstAlert(scores('level-shift', shifted), QUIET_FROM);
		expect(alert).toBeGreaterThanOrEqual(AT);
		expect(alert).toBeLessThan(AT + 2 * SHIFT_REACTION);
	});
});

describe('streaming and incremental runs', () => {
	const series = plant(seasonalSeries({ seed: 11 }), AT, 24);

	it.each(['seasonal-residual', 'level-shift', 'ensemble'] as const)(
		'%s: resuming from a saved state scores exactly as one run',
		(kind) => {
			const whole = scores(kind, series);
			const first = createDetector(kind);
			scoreSeries(first, series.timesMs.subarray(0, 1000), series.values.subarray(0, 1000));
			// The state survives JSON (IndexedDB or postMessage would do no worse).
			const saved: unknown = JSON.parse(JSON.stringify(first.state));
			const resumed = createDetector(kind, {}, saved);
			const tail = scoreSeries(
				resumed,
				series.timesMs.subarray(1000),
				series.values.subarray(1000)
			);
			expect(Array.from(tail)).toEqual(Array.from(whole.subarray(1000)));
		}
	);

	it('scores only from the past: a later value never changes an earlier score', () => {
		const changed = plant(series, 1500, 100);
		expect(scores('ensemble', changed).subarray(0, 1500)).toEqual(
			scores('ensemble', series).subarray(0, 1500)
		);
	});

	it('keeps scores in [0, 1], gives an expectation and a band, skips missing values', () => {
		const detector = createDetector('ensemble');
		const all = scoreSeries(detector, series.timesMs, series.values);
		expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...all)).toBeLessThanOrEqual(1);
		const next = detector.update(series.timesMs[0] + 1e12, Number.NaN);
		expect(next).toEqual({ score: 0 });
		const output = detector.update(series.timesMs[series.timesMs.length - 1] + 1_800_000, 100);
		expect(output.lower).toBeLessThan(output.expected ?? Number.NaN);
		expect(output.upper).toBeGreaterThan(output.expected ?? Number.NaN);
	});

	it('reset forgets what it saw', () => {
		const detector = createDetector('seasonal-residual');
		const before = scoreSeries(detector, series.timesMs, series.values);
		detector.reset();
		expect(scoreSeries(detector, series.timesMs, series.values)).toEqual(before);
	});
});
