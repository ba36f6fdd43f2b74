import { describe, expect, it } from 'vitest';
import type { MetricSeries } from './monitored-series';
import { HOLD_BACK, scoreMonitoredSeries } from './score-series';

const series = (values: number[]): MetricSeries => ({
	id: 'volume',
	kind: 'volume',
	segment: null,
	granularity: 'day',
	startWallMs: Date.UTC(2026, 5, 1),
	values,
	transform: 'log'
});
const values = Array.from(
	{ length: 90 },
	(_, day) => 40 + ((day * 7919) % 13) + (day % 7 === 5 ? -20 : 0)
);

describe('scoreMonitoredSeries (incremental)', () => {
	it('scores only the points after the checkpoint, exactly as one run would', () => {
		const whole = scoreMonitoredSeries(series(values));
		const first = scoreMonitoredSeries(series(values.slice(0, 60)));
		expect(first.checkpoint.length).toBe(60 - HOLD_BACK.day);
		const next = scoreMonitoredSeries(series(values), first);
		expect(next.newlyScored).toBe(90 - 58);
		expect(next.scores).toEqual(whole.scores);
		expect(next.expected).toEqual(whole.expected);
	});

	it('rescores the held-back days when the next import completes them', () => {
		const partial = [...values.slice(0, 59), 3]; // the last day was cut short by the export
		const first = scoreMonitoredSeries(series(partial));
		const next = scoreMonitoredSeries(series(values), first);
		expect(next.newlyScored).toBe(32);
		expect(next.scores).toEqual(scoreMonitoredSeries(series(values)).scores);
	});

	it('starts over when older data changed', () => {
		const first = scoreMonitoredSeries(series(values.slice(0, 60)));
		const changed = values.map((v, i) => (i === 10 ? v + 1 : v));
		expect(scoreMonitoredSeries(series(changed), first).newlyScored).toBe(90);
	});
});
