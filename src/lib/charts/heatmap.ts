import { interpolateBlues, interpolateOranges, rgb } from 'd3';
import type { HourWeekdayCell } from '$lib/core/metrics/hour-weekday';

export type HeatmapMetric = 'tickets' | 'firstResponse';

/**
 * Fill and text colour of a heatmap cell: the share of the largest value picks a shade, and
 * the text turns white on dark shades so it keeps a readable contrast.
 */
export function heatmapCellColors(
	value: number | null,
	maxValue: number,
	metric: HeatmapMetric
): { fill: string; text: string } {
	if (value === null || maxValue <= 0) return { fill: 'transparent', text: 'inherit' };
	const share = Math.min(1, Math.max(0, value / maxValue));
	// Keep the lightest shade visibly tinted and the darkest short of black.
	const shade = 0.08 + share * 0.84;
	const fill = (metric === 'tickets' ? interpolateBlues : interpolateOranges)(shade);
	return { fill, text: textColorOn(fill) };
}

// A few hundred distinct shades at most: parse each once (168 cells per filter change).
const textColors = new Map<string, string>();

/** WCAG: black or white, whichever contrasts more; one of them always reaches 4.58:1. */
function textColorOn(fill: string): string {
	let text = textColors.get(fill);
	if (text === undefined) {
		const luminance = relativeLuminance(fill);
		const onWhite = 1.05 / (luminance + 0.05);
		const onBlack = (luminance + 0.05) / 0.05;
		text = onWhite >= onBlack ? '#ffffff' : '#000000';
		textColors.set(fill, text);
	}
	return text;
}

/** One heatmap cell as the page's table draws it. */
export interface HeatmapCellView {
	weekday: number;
	hour: number;
	tickets: number;
	/** The metric's value (tickets, or median first response in seconds). */
	value: number | null;
	/** The value as written in the cell. */
	text: string;
	fill: string;
	color: string;
	/** Both as one inline style: one write per changed cell instead of two. */
	style: string;
}

/** The 7 weekday rows of cells (0 = Monday), shaded against the largest value of the metric. */
export function heatmapRows(
	cells: readonly HourWeekdayCell[],
	metric: HeatmapMetric,
	formatDuration: (seconds: number | null) => string
): HeatmapCellView[][] {
	const valueOf = (cell: HourWeekdayCell) =>
		metric === 'tickets' ? cell.tickets : cell.firstResponseMedianSeconds;
	let maxValue = 0;
	for (const cell of cells) maxValue = Math.max(maxValue, valueOf(cell) ?? 0);
	const rows: HeatmapCellView[][] = Array.from({ length: 7 }, () => []);
	for (const cell of cells) {
		const value = valueOf(cell);
		const colors = heatmapCellColors(value, maxValue, metric);
		rows[cell.weekday]?.push({
			weekday: cell.weekday,
			hour: cell.hour,
			tickets: cell.tickets,
			value,
			text: metric === 'tickets' ? String(cell.tickets) : formatDuration(value),
			fill: colors.fill,
			color: colors.text,
			style: `background: ${colors.fill}; color: ${colors.text}`
		});
	}
	return rows;
}

/** WCAG 2 relative luminance of a CSS colour. */
export function relativeLuminance(color: string): number {
	const { r, g, b } = rgb(color);
	const linear = (channel: number) => {
		const c = channel / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
