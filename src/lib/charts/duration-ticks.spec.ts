import { describe, expect, it } from 'vitest';
import { niceDurationTicks } from './volume-chart';

describe('niceDurationTicks', () => {
	it('ticks at round hours when the maximum is in hours', () => {
		// A 27.8 h maximum → 0, 10, 20, 30 h.
		expect(niceDurationTicks(100_000, 4).map((s) => s / 3600)).toEqual([0, 10, 20, 30]);
	});

	it('ticks at round minutes below two hours', () => {
		expect(niceDurationTicks(50 * 60, 4).map((s) => s / 60)).toEqual([0, 10, 20, 30, 40, 50]);
	});

	it('always reaches the maximum', () => {
		for (const max of [1, 59, 61, 7199, 7201, 86_399, 200_000, 1_000_000]) {
			const ticks = niceDurationTicks(max, 4);
			expect(ticks[0]).toBe(0);
			expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
		}
	});
});

describe('layoutVolumeChart first-response axis', () => {
	it('labels the axis at round hours and tops it at the last tick', async () => {
		const { layoutVolumeChart } = await import('./volume-chart');
		const layout = layoutVolumeChart(
			[
				{
					day: '2026-07-01',
					dayStartMs: 0,
					tickets: 5,
					firstResponseMedianSeconds: 100_000,
					firstResponseN: 5
				},
				{
					day: '2026-07-02',
					dayStartMs: 86_400_000,
					tickets: 3,
					firstResponseMedianSeconds: 3_600,
					firstResponseN: 3
				}
			],
			600,
			260
		);
		expect(layout.firstResponseTicks.map((tick) => tick.seconds / 3600)).toEqual([0, 10, 20, 30]);
		expect(layout.firstResponseTicks.at(-1)?.y).toBe(layout.margin.top);
	});
});
