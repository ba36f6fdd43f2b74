import { describe, expect, it } from 'vitest';
import type { DailyBacklogPoint } from '$lib/core/metrics/backlog';
import { layoutBacklogChart } from './backlog-chart';

const DAY = 86_400_000;
const point = (day: number, openAtEnd: number): DailyBacklogPoint => ({
	day: new Date(day * DAY).toISOString().slice(0, 10),
	dayStartMs: day * DAY,
	created: 0,
	solved: 0,
	openAtEnd
});

describe('layoutBacklogChart', () => {
	it('places each day left to right and the open count bottom to top', () => {
		const layout = layoutBacklogChart([point(0, 0), point(1, 4), point(2, 2)], 400, 200);
		const [a, b, c] = layout.points;
		// x spans the plot: 44 … 384.
		expect(a?.x).toBe(44);
		expect(c?.x).toBe(384);
		expect(b?.x).toBe(214);
		// y: 0 at the bottom (200 − 28), 4 (the nice maximum) at the top margin.
		expect(a?.y).toBe(172);
		expect(b?.y).toBe(12);
		expect(c?.y).toBe(92);
		expect(layout.openPath.startsWith('M44,172')).toBe(true);
		expect(layout.ticks.at(-1)).toEqual({ y: 12, value: 4 });
	});

	it('centres a single day and draws nothing for none', () => {
		expect(layoutBacklogChart([point(5, 3)], 400, 200).points[0]?.x).toBe(214);
		const empty = layoutBacklogChart([], 400, 200);
		expect(empty.points).toEqual([]);
		expect(empty.dayTicks).toEqual([]);
	});
});
