import { describe, expect, it } from 'vitest';
import type { DailyVolumePoint } from '$lib/core/metrics/daily-volume';
import {
	dayAtPixel,
	dayRangeOfPixels,
	layoutVolumeChart,
	peakDay,
	pixelsOfDayRange,
	sameBrushPixels
} from './volume-chart';

const DAY_MS = 86_400_000;
const MARCH_1 = Date.UTC(2024, 2, 1);

/** Consecutive days from 2024-03-01 with the given ticket counts and first-response medians. */
function days(tickets: readonly number[], medians: readonly (number | null)[] = []) {
	return tickets.map((count, i): DailyVolumePoint => ({
		day: `2024-03-${String(i + 1).padStart(2, '0')}`,
		dayStartMs: MARCH_1 + i * DAY_MS,
		tickets: count,
		firstResponseMedianSeconds: medians[i] ?? null,
		firstResponseN: medians[i] === undefined || medians[i] === null ? 0 : count
	}));
}

// 496 × 240 leaves a 400 × 200 plot area: x 44..444, y 12 (top) .. 212 (baseline).
const WIDTH = 496;
const HEIGHT = 240;
const TOP = 12;
const BASELINE = 212;

describe('layoutVolumeChart: bars', () => {
	const layout = layoutVolumeChart(days([10, 0, 5, 20]), WIDTH, HEIGHT);

	it('makes the busiest day reach the top of the plot area', () => {
		const tallest = layout.bars[3];
		expect(tallest?.y).toBeCloseTo(TOP, 9);
		expect(tallest?.height).toBeCloseTo(BASELINE - TOP, 9);
	});

	it('makes bar heights proportional to tickets, all standing on the baseline', () => {
		expect(layout.bars.map((bar) => bar.height)).toEqual([100, 0, 50, 200]);
		for (const bar of layout.bars) expect(bar.y + bar.height).toBeCloseTo(BASELINE, 9);
	});

	it('gives a day without tickets no height', () => {
		expect(layout.bars[1]).toMatchObject({ day: '2024-03-02', tickets: 0, height: 0, y: BASELINE });
	});

	it('spreads equal bars over the plot width in day order, with 20 % gaps', () => {
		// step = 400 / (4 − 0.2), bar = 0.8 step.
		const step = 400 / 3.8;
		expect(layout.bars.map((bar) => bar.day)).toEqual([
			'2024-03-01',
			'2024-03-02',
			'2024-03-03',
			'2024-03-04'
		]);
		layout.bars.forEach((bar, i) => {
			expect(bar.x).toBeCloseTo(44 + i * step, 9);
			expect(bar.width).toBeCloseTo(0.8 * step, 9);
		});
		const last = layout.bars[3];
		expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(444, 9);
	});

	it('keeps heights proportional when the axis is rounded up past the busiest day', () => {
		const bars = layoutVolumeChart(days([17, 34, 51]), WIDTH, HEIGHT).bars;
		const [a, b, c] = bars.map((bar) => bar.height);
		expect((b ?? 0) / (a ?? 1)).toBeCloseTo(2, 9);
		expect((c ?? 0) / (a ?? 1)).toBeCloseTo(3, 9);
		expect(c).toBeLessThanOrEqual(BASELINE - TOP);
	});

	it('reports the layout size and margins it used', () => {
		expect(layout.width).toBe(WIDTH);
		expect(layout.height).toBe(HEIGHT);
		expect(layout.margin).toEqual({ top: 12, right: 52, bottom: 28, left: 44 });
	});

	it('puts the ticket axis ticks on the same scale as the bars', () => {
		const zero = layout.ticketTicks.find((tick) => tick.value === 0);
		const twenty = layout.ticketTicks.find((tick) => tick.value === 20);
		expect(zero?.y).toBeCloseTo(BASELINE, 9);
		expect(twenty?.y).toBeCloseTo(TOP, 9);
	});
});

describe('layoutVolumeChart: first-response line', () => {
	it('draws through each bar centre on its own scale', () => {
		const layout = layoutVolumeChart(days([1, 1, 1, 1], [600, 1200, 900, 300]), WIDTH, HEIGHT);
		// Centres at 44 + i·step + 0.4·step; y = 212 − 200·median/1200.
		expect(layout.firstResponsePath).toBe('M86.105,112L191.368,12L296.632,62L401.895,162');
	});

	it('breaks the line over days without a median: two runs, two moves', () => {
		const layout = layoutVolumeChart(
			days([1, 1, 0, 0, 1], [600, 1200, null, null, 300]),
			WIDTH,
			HEIGHT
		);
		const path = layout.firstResponsePath;
		expect(path.match(/M/g)).toHaveLength(2);
		expect(path.startsWith('M')).toBe(true);
		// The second run starts at the fifth day's centre.
		const step = 400 / 4.8;
		const fifthCentre = 44 + 4 * step + 0.4 * step;
		const secondMove = /M([\d.]+),([\d.]+)/g;
		const moves = [...path.matchAll(secondMove)].map((m) => [Number(m[1]), Number(m[2])]);
		expect(moves[1]?.[0]).toBeCloseTo(fifthCentre, 2);
		expect(moves[1]?.[1]).toBeCloseTo(BASELINE - (200 * 300) / 1200, 2);
	});

	it('treats a zero median as a value, not as a gap', () => {
		const path = layoutVolumeChart(days([1, 1, 1], [0, 600, 0]), WIDTH, HEIGHT).firstResponsePath;
		expect(path.match(/M/g)).toHaveLength(1);
		expect(path.match(/L/g)).toHaveLength(2);
	});

	it('draws no line when no day has a median', () => {
		expect(layoutVolumeChart(days([3, 4]), WIDTH, HEIGHT).firstResponsePath).toBe('');
	});
});

describe('layoutVolumeChart: empty input', () => {
	it('gives no bars, no line and no day ticks', () => {
		const layout = layoutVolumeChart([], WIDTH, HEIGHT);
		expect(layout.bars).toEqual([]);
		expect(layout.firstResponsePath).toBe('');
		expect(layout.dayTicks).toEqual([]);
	});
});

describe('layoutVolumeChart: day ticks', () => {
	it('places day ticks on UTC midnights inside the data range', () => {
		const points = days([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		const layout = layoutVolumeChart(points, WIDTH, HEIGHT);
		expect(layout.dayTicks.length).toBeGreaterThanOrEqual(2);
		for (const tick of layout.dayTicks) {
			expect(tick.dayStartMs % DAY_MS).toBe(0);
			expect(tick.dayStartMs).toBeGreaterThanOrEqual(MARCH_1);
			expect(tick.dayStartMs).toBeLessThanOrEqual(MARCH_1 + 9 * DAY_MS);
		}
		// Each tick sits at the centre of its day's bar.
		for (const tick of layout.dayTicks) {
			const bar = layout.bars[(tick.dayStartMs - MARCH_1) / DAY_MS];
			expect(tick.x).toBeCloseTo((bar?.x ?? NaN) + (bar?.width ?? NaN) / 2, 6);
		}
	});
});

describe('peakDay', () => {
	it('returns the busiest day', () => {
		expect(peakDay(days([3, 9, 4]))?.day).toBe('2024-03-02');
	});

	it('returns the first of several equally busy days', () => {
		expect(peakDay(days([5, 9, 9, 2]))?.day).toBe('2024-03-02');
	});

	it('returns the first day when no day has tickets', () => {
		expect(peakDay(days([0, 0]))?.day).toBe('2024-03-01');
	});

	it('returns null for no days', () => {
		expect(peakDay([])).toBeNull();
	});
});

describe('brush and click mapping', () => {
	// Bars 10 px wide every 20 px: centres at 15, 35, 55, 75.
	const bars = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'].map((day, i) => ({
		day,
		x: 10 + 20 * i,
		y: 0,
		width: 10,
		height: 5,
		tickets: 1
	}));
	it('maps a brushed pixel span to the days whose bar centre it covers', () => {
		expect(dayRangeOfPixels(bars, 30, 60)).toEqual({ from: '2026-01-02', to: '2026-01-03' });
		expect(dayRangeOfPixels(bars, 60, 30)).toEqual({ from: '2026-01-02', to: '2026-01-03' });
		expect(dayRangeOfPixels(bars, 36, 54)).toBeNull();
	});
	it('maps a day range back to the pixels of its bars', () => {
		expect(pixelsOfDayRange(bars, '2026-01-02', '2026-01-03')).toEqual([30, 60]);
		expect(pixelsOfDayRange(bars, null, '2026-01-01')).toEqual([10, 20]);
		expect(pixelsOfDayRange(bars, null, null)).toBeNull();
		expect(pixelsOfDayRange(bars, '2027-01-01', null)).toBeNull();
	});
	it('finds the clicked day by the nearest bar', () => {
		expect(dayAtPixel(bars, 44)).toBe('2026-01-02');
		expect(dayAtPixel(bars, 46)).toBe('2026-01-03');
		expect(dayAtPixel([], 46)).toBeNull();
	});
	it('tells a brush already on the range from one that must move', () => {
		expect(sameBrushPixels(null, null)).toBe(true);
		expect(sameBrushPixels([30, 60], null)).toBe(false);
		expect(sameBrushPixels(null, [30, 60])).toBe(false);
		expect(sameBrushPixels([30.2, 59.7], [30, 60])).toBe(true);
		expect(sameBrushPixels([30, 61], [30, 60])).toBe(false);
		expect(sameBrushPixels([29, 60], [30, 60])).toBe(false);
	});
});
