import { area, line, max, scaleLinear, scaleUtc } from 'd3';

const HOUR_MS = 3_600_000;

export interface ForecastChartInput {
	/** Wall-clock ms (local time read as UTC) of history[0]. */
	historyStartWallMs: number;
	history: readonly number[];
	/** Wall-clock ms of mean[0]; the hour after the last history value. */
	forecastStartWallMs: number;
	mean: readonly number[];
	lower80: readonly number[];
	upper80: readonly number[];
	lower95: readonly number[];
	upper95: readonly number[];
	/** Marked events (promotions, holidays, …), wall-clock ranges; drawn as shaded spans. */
	events?: readonly { name: string; kind: string; startWallMs: number; endWallMs: number }[];
}

export interface ForecastChartLayout {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	historyPath: string;
	meanPath: string;
	band80Path: string;
	band95Path: string;
	/** x of the forecast origin (a vertical rule). */
	originX: number;
	yTicks: { y: number; value: number }[];
	/** Ticks in wall-clock ms: format them in UTC to read local time. */
	xTicks: { x: number; wallMs: number }[];
	/** Shaded spans of the events, clipped to the plot (events outside it are left out). */
	eventSpans: { x: number; width: number; name: string; kind: string }[];
}

/** Scales and shapes of the forecast chart: history line, forecast line, 80 % and 95 % bands. */
export function layoutForecastChart(
	input: ForecastChartInput,
	width: number,
	height: number
): ForecastChartLayout {
	const margin = { top: 12, right: 16, bottom: 28, left: 44 };
	const innerWidth = Math.max(10, width - margin.left - margin.right);
	const innerHeight = Math.max(10, height - margin.top - margin.bottom);
	const end = input.forecastStartWallMs + Math.max(1, input.mean.length - 1) * HOUR_MS;
	const x = scaleUtc()
		.domain([input.historyStartWallMs, end])
		.range([margin.left, margin.left + innerWidth]);
	const top = Math.max(1, max(input.history) ?? 0, max(input.upper95) ?? 0);
	const y = scaleLinear()
		.domain([0, top])
		.nice()
		.range([margin.top + innerHeight, margin.top]);
	const historyAt = (i: number) => x(input.historyStartWallMs + i * HOUR_MS);
	const forecastAt = (i: number) => x(input.forecastStartWallMs + i * HOUR_MS);
	const indices = (n: number) => Array.from({ length: n }, (_, i) => i);
	const pathOf = (values: readonly number[], at: (i: number) => number) =>
		line<number>()
			.x((i) => at(i))
			.y((i) => y(values[i] ?? 0))(indices(values.length)) ?? '';
	const bandOf = (lower: readonly number[], upper: readonly number[]) =>
		area<number>()
			.x((i) => forecastAt(i))
			.y0((i) => y(lower[i] ?? 0))
			.y1((i) => y(upper[i] ?? 0))(indices(Math.min(lower.length, upper.length))) ?? '';
	return {
		width,
		height,
		margin,
		historyPath: pathOf(input.history, historyAt),
		meanPath: pathOf(input.mean, forecastAt),
		band80Path: bandOf(input.lower80, input.upper80),
		band95Path: bandOf(input.lower95, input.upper95),
		originX: forecastAt(0),
		yTicks: y.ticks(4).map((value) => ({ y: y(value), value })),
		eventSpans: (input.events ?? []).flatMap((event) => {
			const [left, right] = x.range() as [number, number];
			const from = Math.max(left, x(event.startWallMs));
			const to = Math.min(right, x(event.endWallMs));
			return to > from ? [{ x: from, width: to - from, name: event.name, kind: event.kind }] : [];
		}),
		xTicks: x.ticks(Math.max(2, Math.floor(innerWidth / 140))).map((date) => ({
			x: x(date),
			wallMs: date.getTime()
		}))
	};
}
