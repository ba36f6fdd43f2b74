import { describe, expect, it } from 'vitest';
import { layoutForecastChart } from './forecast-chart';

const H = 3_600_000;

describe('layoutForecastChart', () => {
	const input = {
		historyStartWallMs: 0,
		history: [2, 4, 6, 8],
		forecastStartWallMs: 4 * H,
		mean: [5, 5, 5, 5],
		lower80: [4, 4, 4, 4],
		upper80: [6, 6, 6, 6],
		lower95: [3, 3, 3, 3],
		upper95: [10, 10, 10, 10]
	};

	it('puts history before the origin and the forecast after it, on one y scale', () => {
		const layout = layoutForecastChart(input, 400, 200);
		expect(layout.historyPath.startsWith('M44,')).toBe(true);
		// x: 0 → 44, 7 h → 384: the origin (4 h) sits at 44 + 4/7·340.
		expect(layout.originX).toBeCloseTo(44 + (4 / 7) * 340, 6);
		expect(Number(/^M([\d.]+),/.exec(layout.meanPath)?.[1])).toBeCloseTo(layout.originX, 2);
		// y domain reaches the top of the 95 % band (10): its value at the top margin.
		expect(layout.yTicks.at(-1)?.value).toBe(10);
		expect(layout.yTicks.at(-1)?.y).toBe(12);
		expect(layout.band95Path).toMatch(/^M.*Z$/);
		expect(layout.band80Path).toMatch(/^M.*Z$/);
	});

	it('shades events as spans clipped to the plot', () => {
		const layout = layoutForecastChart(
			{
				...input,
				events: [
					{ name: 'sale', kind: 'promotion', startWallMs: 5 * H, endWallMs: 6 * H },
					{ name: 'old', kind: 'holiday', startWallMs: -5 * H, endWallMs: 1 * H },
					{ name: 'gone', kind: 'launch', startWallMs: -9 * H, endWallMs: -8 * H }
				]
			},
			400,
			200
		);
		// 340 px for 7 hours: the sale covers hour 5 to 6, the holiday is cut at the left edge.
		expect(layout.eventSpans).toHaveLength(2);
		expect(layout.eventSpans[0]!.x).toBeCloseTo(44 + (5 / 7) * 340, 6);
		expect(layout.eventSpans[0]!.width).toBeCloseTo(340 / 7, 6);
		expect(layout.eventSpans[1]).toMatchObject({ x: 44, name: 'old', kind: 'holiday' });
		expect(layout.eventSpans[1]!.width).toBeCloseTo(340 / 7, 6);
	});

	it('copes with an empty forecast', () => {
		const layout = layoutForecastChart(
			{ ...input, mean: [], lower80: [], upper80: [], lower95: [], upper95: [] },
			400,
			200
		);
		expect(layout.meanPath).toBe('');
	});
});
