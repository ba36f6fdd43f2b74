import { describe, expect, it } from 'vitest';
import { layoutAlertChart } from './alert-chart';

const DAY = 86_400_000;
const start = Date.UTC(2026, 6, 1);

describe('layoutAlertChart', () => {
	const input = {
		startWallMs: start,
		stepMs: DAY,
		observed: [10, 12, NaN, 40, 11],
		expected: [10, 10, 10, 10, 10],
		lower: [5, 5, 5, 5, -3],
		upper: [15, 15, 15, 15, 400],
		alertStartWallMs: start + 3 * DAY,
		alertEndWallMs: start + 3 * DAY
	};
	const layout = layoutAlertChart(input, 452, 228);

	it('scales x over the points and shades the alert day', () => {
		// Plot from 52 to 436 px over 4 days: 96 px per day; day 3 at 340, shaded ±48.
		expect(layout.alert).toEqual({ x: 292, width: 96 });
	});

	it('breaks the observed line at a missing point and tops the axis at the data', () => {
		expect(layout.observedPath.match(/M/g)?.length).toBe(2);
		expect(Math.max(...layout.yTicks.map((t) => t.value))).toBe(40);
		// The 400 upper bound is clipped at the plot top (y = 12), the −3 floor at 0.
		expect(layout.bandPath).toContain(',12');
		expect(layout.yTicks[0]).toEqual({ y: 200, value: 0 });
	});
});
