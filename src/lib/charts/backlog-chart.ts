import { area, line, max, scaleLinear, scaleUtc } from 'd3';
import type { DailyBacklogPoint } from '$lib/core/metrics/backlog';

export interface BacklogChartLayout {
	margin: { top: number; right: number; bottom: number; left: number };
	/** Open tickets at the end of each day: a line and the area under it. */
	openPath: string;
	openArea: string;
	/** One marker per day, for the hover title and the test hooks. */
	points: {
		day: string;
		x: number;
		y: number;
		openAtEnd: number;
		created: number;
		solved: number;
	}[];
	ticks: { y: number; value: number }[];
	dayTicks: { x: number; dayStartMs: number }[];
}

/** Days up to which each day gets a visible marker (with its figures as a title). */
export const MARKED_DAYS = 60;

/** Scales and shapes for the open-backlog chart; the Svelte component only draws them. */
export function layoutBacklogChart(
	points: readonly DailyBacklogPoint[],
	width: number,
	height: number
): BacklogChartLayout {
	const margin = { top: 12, right: 16, bottom: 28, left: 44 };
	const innerWidth = Math.max(10, width - margin.left - margin.right);
	const bottom = height - margin.bottom;
	const first = points[0];
	const last = points.at(-1);
	const x = scaleUtc()
		.domain([first?.dayStartMs ?? 0, Math.max(last?.dayStartMs ?? 0, (first?.dayStartMs ?? 0) + 1)])
		.range([margin.left, margin.left + innerWidth]);
	const y = scaleLinear()
		.domain([0, Math.max(1, max(points, (point) => point.openAtEnd) ?? 0)])
		.nice()
		.range([bottom, margin.top]);
	const xOf = (point: DailyBacklogPoint) =>
		points.length === 1 ? margin.left + innerWidth / 2 : x(point.dayStartMs);
	const openLine = line<DailyBacklogPoint>()
		.x(xOf)
		.y((point) => y(point.openAtEnd));
	const openArea = area<DailyBacklogPoint>()
		.x(xOf)
		.y0(bottom)
		.y1((point) => y(point.openAtEnd));
	return {
		margin,
		openPath: openLine(points) ?? '',
		openArea: openArea(points) ?? '',
		points: points.map((point) => ({
			day: point.day,
			x: xOf(point),
			y: y(point.openAtEnd),
			openAtEnd: point.openAtEnd,
			created: point.created,
			solved: point.solved
		})),
		ticks: y.ticks(4).map((value) => ({ y: y(value), value })),
		dayTicks:
			points.length === 0
				? []
				: x.ticks(Math.max(2, Math.floor(innerWidth / 90))).map((date) => ({
						x: x(date),
						dayStartMs: date.getTime()
					}))
	};
}
