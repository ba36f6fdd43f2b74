import { area, line, max, scaleLinear, scaleUtc } from 'd3';

export interface AlertChartInput {
	/** Wall-clock ms of the first point; one point per `stepMs`. */
	startWallMs: number;
	stepMs: number;
	observed: readonly number[];
	expected: readonly number[];
	lower: readonly number[];
	upper: readonly number[];
	/** Wall-clock ms of the first and last alert points. */
	alertStartWallMs: number;
	alertEndWallMs: number;
}

export interface AlertChartLayout {
	margin: { top: number; right: number; bottom: number; left: number };
	observedPath: string;
	expectedPath: string;
	bandPath: string;
	/** The alert's span, shaded. */
	alert: { x: number; width: number };
	yTicks: { y: number; value: number }[];
	xTicks: { x: number; wallMs: number }[];
}

/**
 * Observed line, expected line and the usual band around it, with the alert's span shaded.
 * Missing points (NaN) break the lines. The y axis starts at 0 (every metric is ≥ 0) and
 * ends at the largest observed or expected value, so a wide band on a log-scale metric
 * cannot flatten the lines (the band is clipped at the top).
 */
export function layoutAlertChart(
	input: AlertChartInput,
	width: number,
	height: number
): AlertChartLayout {
	const margin = { top: 12, right: 16, bottom: 28, left: 52 };
	const innerWidth = Math.max(10, width - margin.left - margin.right);
	const innerHeight = Math.max(10, height - margin.top - margin.bottom);
	const n = input.observed.length;
	const at = (i: number) => input.startWallMs + i * input.stepMs;
	const x = scaleUtc()
		.domain([at(0), at(Math.max(1, n - 1))])
		.range([margin.left, margin.left + innerWidth]);
	const finite = (values: readonly number[]) => values.filter((v) => Number.isFinite(v));
	const top = Math.max(1e-9, max(finite(input.observed)) ?? 0, max(finite(input.expected)) ?? 0);
	const y = scaleLinear()
		.domain([0, top * 1.05])
		.nice()
		.range([margin.top + innerHeight, margin.top])
		.clamp(true);
	const indices = Array.from({ length: n }, (_, i) => i);
	const pathOf = (values: readonly number[]) =>
		line<number>()
			.defined((i) => Number.isFinite(values[i] ?? NaN))
			.x((i) => x(at(i)))
			.y((i) => y(values[i] ?? 0))(indices) ?? '';
	const bandPath =
		area<number>()
			.defined(
				(i) => Number.isFinite(input.lower[i] ?? NaN) && Number.isFinite(input.upper[i] ?? NaN)
			)
			.x((i) => x(at(i)))
			.y0((i) => y(Math.max(0, input.lower[i] ?? 0)))
			.y1((i) => y(input.upper[i] ?? 0))(indices) ?? '';
	// The span covers each alert point's whole step (half a step either side).
	const half = (x(at(1)) - x(at(0))) / 2;
	const from = Math.max(margin.left, x(input.alertStartWallMs) - half);
	const to = Math.min(margin.left + innerWidth, x(input.alertEndWallMs) + half);
	return {
		margin,
		observedPath: pathOf(input.observed),
		expectedPath: pathOf(input.expected),
		bandPath,
		alert: { x: from, width: Math.max(2, to - from) },
		yTicks: y.ticks(4).map((value) => ({ y: y(value), value })),
		xTicks: x.ticks(Math.max(2, Math.floor(innerWidth / 120))).map((date) => ({
			x: x(date),
			wallMs: date.getTime()
		}))
	};
}
