import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetector, scoreSeries } from './create-detector';
import { ENSEMBLE_DEFAULTS } from './ensemble';
import { parseNabCsv } from './nab/csv';
import { windowsToRows } from './nab/windows';
import { plant, seasonalSeries } from './synthetic-series';
import { ALERT_SCORE, type SeasonalResidualConfig } from './types';

/** The ensemble's third member: the log scale's first differences, runs of steps only. */
const DIFFERENCE_MEMBER: Partial<SeasonalResidualConfig> = ENSEMBLE_DEFAULTS.seasonal[2]!;
const SEEDS = [1, 2, 3, 4, 5];
const QUIET_FROM = 400;

describe('seasonal-residual on first differences', () => {
	it('is the ensemble member that watches steps, without a point test', () => {
		expect(DIFFERENCE_MEMBER).toMatchObject({ difference: true, point: false, transform: 'log' });
	});

	it('expects the previous value plus the usual step (a ramp continues)', () => {
		// x = 5 + 2t, no noise: every step is 2, so after the first points the expectation is
		// the previous value + 2, i.e. exactly the next value, and nothing is unusual.
		const detector = createDetector('seasonal-residual', {
			season: 'none',
			difference: true,
			probation: 10
		});
		let last = detector.update(0, 5);
		for (let t = 1; t <= 50; t++) last = detector.update(t * 60_000, 5 + 2 * t);
		expect(last.expected).toBeCloseTo(5 + 2 * 50, 9);
		expect(last.score).toBeLessThan(1e-3);
		// A value that keeps the level but breaks the step: expected 5 + 2·51 = 107, seen 101.
		const turned = detector.update(51 * 60_000, 101);
		expect(turned.expected).toBeCloseTo(107, 9);
	});

	it.each(SEEDS)('stays quiet on a clean seasonal series (seed %i)', (seed) => {
		const series = seasonalSeries({ seed });
		const scores = scoreSeries(
			createDetector('seasonal-residual', DIFFERENCE_MEMBER),
			series.timesMs,
			series.values
		);
		expect(Math.max(...scores.subarray(QUIET_FROM))).toBeLessThan(ALERT_SCORE);
	});

	it.each(SEEDS)('ignores a lone 8σ spike: its step up and step down cancel (seed %i)', (seed) => {
		const series = plant(seasonalSeries({ seed }), 1200, 24);
		const scores = scoreSeries(
			createDetector('seasonal-residual', DIFFERENCE_MEMBER),
			series.timesMs,
			series.values
		);
		expect(Math.max(...scores.subarray(QUIET_FROM))).toBeLessThan(ALERT_SCORE);
	});
});

/** NAB's files, shared beside the repository; the check skips when they are absent. */
const NAB_DIR = join(process.cwd(), '..', 'shared', 'datasets', 'nab');
const present = existsSync(join(NAB_DIR, 'data', 'realKnownCause', 'nyc_taxi.csv'));

describe.skipIf(!present)('the difference member on real data (NAB nyc_taxi)', () => {
	it('finds the New Year window that the raw and log members alone miss', () => {
		const series = parseNabCsv(
			readFileSync(join(NAB_DIR, 'data/realKnownCause/nyc_taxi.csv'), 'utf8')
		);
		const labels = JSON.parse(
			readFileSync(join(NAB_DIR, 'labels/combined_windows.json'), 'utf8')
		) as Record<string, [string, string][]>;
		const windows = windowsToRows(series.timestamps, labels['realKnownCause/nyc_taxi.csv']!);
		const newYear = windows[3]!;
		expect(series.timestamps[newYear.left]).toBe('2014-12-29 21:30:00');
		const peakIn = (config: Partial<typeof ENSEMBLE_DEFAULTS>) => {
			const scores = scoreSeries(createDetector('ensemble', config), series.timesMs, series.values);
			return Math.max(...scores.subarray(newYear.left, newYear.right + 1));
		};
		expect(peakIn({})).toBeGreaterThanOrEqual(ALERT_SCORE);
		expect(peakIn({ seasonal: ENSEMBLE_DEFAULTS.seasonal.slice(0, 2) })).toBeLessThan(ALERT_SCORE);
	});
});
