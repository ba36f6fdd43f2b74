import { describe, expect, it } from 'vitest';
import type { HourWeekdayCell } from '$lib/core/metrics/hour-weekday';
import { heatmapCellColors, heatmapRows, relativeLuminance } from './heatmap';

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

describe('heatmapRows', () => {
	const cell = (
		weekday: number,
		hour: number,
		tickets: number,
		firstResponseMedianSeconds: number | null
	): HourWeekdayCell => ({
		weekday,
		hour,
		tickets,
		firstResponseMedianSeconds,
		firstResponseN: firstResponseMedianSeconds === null ? 0 : 1
	});
	const cells = [cell(0, 0, 4, 120), cell(0, 1, 0, null), cell(6, 23, 2, 600), cell(3, 12, 1, 60)];
	const minutes = (seconds: number | null) => (seconds === null ? '–' : `${seconds / 60} min`);

	it('puts each cell in its weekday row, in order, shaded against the largest value', () => {
		const rows = heatmapRows(cells, 'tickets', minutes);
		expect(rows).toHaveLength(7);
		expect(rows.map((row) => row.map((view) => view.hour))).toEqual([
			[0, 1],
			[],
			[],
			[12],
			[],
			[],
			[23]
		]);
		const [busiest, empty] = rows[0] ?? [];
		expect(busiest).toEqual({
			weekday: 0,
			hour: 0,
			tickets: 4,
			value: 4,
			text: '4',
			...(({ fill, text }) => ({
				fill,
				color: text,
				style: `background: ${fill}; color: ${text}`
			}))(heatmapCellColors(4, 4, 'tickets'))
		});
		expect(empty?.value).toBe(0);
		expect(empty?.text).toBe('0');
		expect(rows[6]?.[0]?.fill).toBe(heatmapCellColors(2, 4, 'tickets').fill);
	});

	it('shows first-response medians as durations; cells without one stay unshaded', () => {
		const rows = heatmapRows(cells, 'firstResponse', minutes);
		expect(rows[0]?.map((view) => [view.value, view.text, view.fill])).toEqual([
			[120, '2 min', heatmapCellColors(120, 600, 'firstResponse').fill],
			[null, '–', 'transparent']
		]);
		expect(rows[6]?.[0]?.color).toBe('#ffffff');
		// The ticket count stays with the cell: it names the cell's link and decides there is one.
		expect(rows[6]?.[0]?.tickets).toBe(2);
	});

	it('gives seven empty rows without cells', () => {
		expect(heatmapRows([], 'tickets', minutes)).toEqual([[], [], [], [], [], [], []]);
	});
});
