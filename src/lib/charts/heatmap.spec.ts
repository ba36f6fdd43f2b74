import { describe, expect, it } from 'vitest';
import { heatmapCellColors, relativeLuminance } from './heatmap';

describe('heatmapCellColors', () => {
	it('leaves empty cells unfilled', () => {
		expect(heatmapCellColors(null, 10, 'tickets')).toEqual({
			fill: 'transparent',
			text: 'inherit'
		});
		expect(heatmapCellColors(3, 0, 'tickets').fill).toBe('transparent');
	});

	it('uses dark text on light shades and white text on dark ones', () => {
		expect(heatmapCellColors(0, 100, 'tickets').text).toBe('#000000');
		expect(heatmapCellColors(100, 100, 'tickets').text).toBe('#ffffff');
		expect(heatmapCellColors(100, 100, 'firstResponse').text).toBe('#ffffff');
	});

	it('darkens with the value', () => {
		const light = heatmapCellColors(10, 100, 'tickets').fill;
		const dark = heatmapCellColors(90, 100, 'tickets').fill;
		expect(light).not.toBe(dark);
	});
});

describe('text contrast on every shade', () => {
	it('meets WCAG AA (4.5:1) for all values of both metrics', () => {
		for (const metric of ['tickets', 'firstResponse'] as const)
			for (let value = 0; value <= 100; value++) {
				const { fill, text } = heatmapCellColors(value, 100, metric);
				const [light, dark] = [relativeLuminance(fill), relativeLuminance(text)].sort(
					(a, b) => b - a
				);
				expect(((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)).toBeGreaterThanOrEqual(4.5);
			}
	});
});
