import { describe, expect, it } from 'vitest';
import { groupAlerts, isMaterial, raisedThreshold } from './group-alerts';
import type { ScoredSeries } from './score-series';

const DAY = 86_400_000;
const START = Date.UTC(2026, 6, 1);

function scored(values: number[], scores: number[], expected = 50): ScoredSeries {
	return {
		id: 'volume',
		kind: 'volume',
		segment: null,
		granularity: 'day',
		startWallMs: START,
		values,
		transform: 'log',
		scores,
		expected: values.map(() => expected),
		lower: values.map(() => expected - 20),
		upper: values.map(() => expected + 20),
		checkpoint: { length: 0, state: null },
		newlyScored: values.length
	};
}

describe('groupAlerts', () => {
	it('groups consecutive anomalous days (a weekend gap included) with sums and an id', () => {
		const values = [50, 90, 95, 50, 50, 80, 50, 50, 50, 50, 50, 50, 10];
		const scores = [0, 0.9, 0.97, 0.2, 0.1, 0.88, 0.1, 0, 0, 0, 0, 0, 0.99];
		const alerts = groupAlerts(scored(values, scores));
		expect(alerts.map((a) => [a.id, a.startIndex, a.endIndex, a.direction, a.severity])).toEqual([
			['volume:2026-07-02', 1, 5, 'up', 'high'],
			['volume:2026-07-13', 12, 12, 'down', 'high']
		]);
		// Counts add up over the alert: observed 90 + 95 + 50 + 50 + 80, expected 50 · 5.
		expect(alerts[0]!.observed).toBe(365);
		expect(alerts[0]!.expected).toBe(250);
		expect(alerts[0]!.threshold).toBe(0.85);
	});

	it('ignores immaterial changes (3 tickets over 2 expected)', () => {
		expect(groupAlerts(scored([2, 5, 2], [0, 0.99, 0], 2))).toEqual([]);
		expect(isMaterial('volume', 5, 2)).toBe(false);
		expect(isMaterial('first_response_median', 120, 60)).toBe(false);
		expect(isMaterial('first_response_median', 3600, 1800)).toBe(true);
		expect(isMaterial('csat_satisfied_rate', 0.7, 0.9)).toBe(true);
	});

	it('a dismissal raises the threshold for later alerts of the metric only', () => {
		expect(raisedThreshold(0)).toBe(0.85);
		expect(raisedThreshold(1)).toBeCloseTo(0.925, 12);
		expect(raisedThreshold(2)).toBeCloseTo(0.9625, 12);
		const values = [90, 50, 50, 50, 50, 90, 50, 50, 50, 50, 90];
		const scores = [0.9, 0, 0, 0, 0, 0.9, 0, 0, 0, 0, 0.95];
		const before = groupAlerts(scored(values, scores));
		expect(before.map((a) => a.id)).toEqual([
			'volume:2026-07-01',
			'volume:2026-07-06',
			'volume:2026-07-11'
		]);
		const after = groupAlerts(scored(values, scores), new Set(['volume:2026-07-01']));
		// The dismissed alert stays; the 0.9 one after it no longer counts, the 0.95 one does.
		expect(after.map((a) => [a.id, a.threshold])).toEqual([
			['volume:2026-07-01', 0.85],
			['volume:2026-07-11', 0.925]
		]);
		expect(after[0]!.startWallMs).toBe(START);
		expect(after[1]!.endWallMs).toBe(START + 10 * DAY);
	});
});
