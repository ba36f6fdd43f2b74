import { line, max, scaleBand, scaleLinear, scaleUtc } from 'd3';
import type { DailyVolumePoint } from '$lib/core/metrics/daily-volume';

export interface VolumeChartLayout {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	bars: { day: string; x: number; y: number; width: number; height: number; tickets: number }[];
	/** SVG path of the daily first-response median; days without replies break the line. */
	firstResponsePath: string;
	ticketTicks: { y: number; value: number }[];
	firstResponseTicks: { y: number; seconds: number }[];
	dayTicks: { x: number; dayStartMs: number }[];
}

/** Scales and shapes for the daily volume chart; the Svelte component only draws them. */
export function layoutVolumeChart(
	points: readonly DailyVolumePoint[],
	width: number,
	height: number
): VolumeChartLayout {
	const margin = { top: 12, right: 52, bottom: 28, left: 44 };
	const innerWidth = Math.max(10, width - margin.left - margin.right);
	const innerHeight = Math.max(10, height - margin.top - margin.bottom);
	const x = scaleBand<string>()
		.domain(points.map((point) => point.day))
		.range([margin.left, margin.left + innerWidth])
		.paddingInner(points.length > 60 ? 0.1 : 0.2);
	const yTickets = scaleLinear()
		.domain([0, Math.max(1, max(points, (point) => point.tickets) ?? 0)])
		.nice()
		.range([margin.top + innerHeight, margin.top]);
	const maxFirstResponseSeconds =
		max(points, (point) => point.firstResponseMedianSeconds ?? 0) || 1;
	const durationTicks = niceDurationTicks(maxFirstResponseSeconds, 4);
	const yFirstResponse = scaleLinear()
		.domain([0, durationTicks.at(-1) ?? maxFirstResponseSeconds])
		.range([margin.top + innerHeight, margin.top]);

	const bars = points.map((point) => {
		const top = yTickets(point.tickets);
		return {
			day: point.day,
			x: x(point.day) ?? 0,
			y: top,
			width: x.bandwidth(),
			height: margin.top + innerHeight - top,
			tickets: point.tickets
		};
	});
	const path =
		line<DailyVolumePoint>()
			.defined((point) => point.firstResponseMedianSeconds !== null)
			.x((point) => (x(point.day) ?? 0) + x.bandwidth() / 2)
			.y((point) => yFirstResponse(point.firstResponseMedianSeconds ?? 0))(points) ?? '';

	const first = points[0];
	const last = points[points.length - 1];
	const time =
		first && last
			? scaleUtc()
					.domain([first.dayStartMs, last.dayStartMs])
					.range([margin.left + x.bandwidth() / 2, margin.left + innerWidth - x.bandwidth() / 2])
			: null;
	const dayTicks = time
		? time.ticks(Math.max(2, Math.floor(innerWidth / 90))).map((date) => ({
				x: time(date),
				dayStartMs: date.getTime()
			}))
		: [];

	return {
		width,
		height,
		margin,
		bars,
		firstResponsePath: path,
		ticketTicks: yTickets.ticks(4).map((value) => ({ y: yTickets(value), value })),
		firstResponseTicks: durationTicks.map((seconds) => ({ y: yFirstResponse(seconds), seconds })),
		dayTicks
	};
}

/** The busiest day, for the chart's text summary. */
export function peakDay(points: readonly DailyVolumePoint[]): DailyVolumePoint | null {
	let peak: DailyVolumePoint | null = null;
	for (const point of points) if (peak === null || point.tickets > peak.tickets) peak = point;
	return peak;
}

const DURATION_UNITS_S = [1, 60, 3600, 86_400] as const;

/**
 * Axis ticks for durations at round values of a readable unit (10 min, 6 h, 2 d), not
 * round numbers of seconds (which read as "27.8 h"). The last tick is ≥ the maximum.
 */
export function niceDurationTicks(maxSeconds: number, count: number): number[] {
	const unit =
		[...DURATION_UNITS_S].reverse().find((candidate) => maxSeconds >= 2 * candidate) ?? 1;
	const scale = scaleLinear()
		.domain([0, maxSeconds / unit])
		.nice(count);
	const ticks = scale.ticks(count);
	const top = scale.domain()[1] ?? maxSeconds / unit;
	if ((ticks.at(-1) ?? 0) < top) ticks.push(top);
	return ticks.map((tick) => tick * unit);
}

type Bar = VolumeChartLayout['bars'][number];

/** The days whose bar centre lies within pixels [x0, x1] (a brush selection), or null if none. */
export function dayRangeOfPixels(
	bars: readonly Bar[],
	x0: number,
	x1: number
): { from: string; to: string } | null {
	const inside = bars.filter((bar) => {
		const centre = bar.x + bar.width / 2;
		return centre >= Math.min(x0, x1) && centre <= Math.max(x0, x1);
	});
	const first = inside[0];
	const last = inside[inside.length - 1];
	return first && last ? { from: first.day, to: last.day } : null;
}

/** The pixel span covering the bars of days from..to (inclusive), or null if none is drawn. */
export function pixelsOfDayRange(
	bars: readonly Bar[],
	from: string | null,
	to: string | null
): [number, number] | null {
	if (from === null && to === null) return null;
	const inside = bars.filter(
		(bar) => (from === null || bar.day >= from) && (to === null || bar.day <= to)
	);
	const first = inside[0];
	const last = inside[inside.length - 1];
	return first && last ? [first.x, last.x + last.width] : null;
}

/** Whether two brush selections cover the same pixels (to half a pixel); null is no selection. */
export function sameBrushPixels(
	a: readonly [number, number] | null,
	b: readonly [number, number] | null
): boolean {
	if (a === null || b === null) return a === b;
	return Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) < 0.5;
}

/** The day whose bar is nearest to pixel x (a click on the chart), or null without bars. */
export function dayAtPixel(bars: readonly Bar[], x: number): string | null {
	let best: Bar | null = null;
	let bestDistance = Infinity;
	for (const bar of bars) {
		const distance = Math.abs(bar.x + bar.width / 2 - x);
		if (distance < bestDistance) {
			best = bar;
			bestDistance = distance;
		}
	}
	return best?.day ?? null;
}
