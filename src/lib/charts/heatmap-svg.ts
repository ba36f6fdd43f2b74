import type { HourWeekdayCell } from '$lib/core/metrics/hour-weekday';
import { heatmapCellColors, type HeatmapMetric } from './heatmap';
import { escapeXml } from './svg-document';

const LABEL_WIDTH = 48;
const CELL = 28;
const HEAD = 22;

/**
 * The weekday × hour heatmap as SVG marks (the page shows it as an HTML table, which cannot be
 * saved as an image): one square per cell, shaded as on the page, its value written in it.
 */
export function heatmapSvgBody(
	cells: readonly HourWeekdayCell[],
	metric: HeatmapMetric,
	weekdayLabels: readonly string[],
	formatValue: (value: number | null) => string
): { body: string; width: number; height: number } {
	const valueOf = (cell: HourWeekdayCell) =>
		metric === 'tickets' ? cell.tickets : cell.firstResponseMedianSeconds;
	const maxValue = Math.max(0, ...cells.map((cell) => valueOf(cell) ?? 0));
	const font = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
	const parts: string[] = [];
	for (let hour = 0; hour < 24; hour++)
		parts.push(
			`<text x="${LABEL_WIDTH + hour * CELL + CELL / 2}" y="${HEAD - 6}" font-size="10" text-anchor="middle" fill="#57606a" ${font}>${hour}</text>`
		);
	weekdayLabels.forEach((label, weekday) =>
		parts.push(
			`<text x="${LABEL_WIDTH - 6}" y="${HEAD + weekday * CELL + CELL / 2 + 4}" font-size="11" text-anchor="end" fill="#1f2328" ${font}>${escapeXml(label)}</text>`
		)
	);
	for (const cell of cells) {
		const value = valueOf(cell);
		const colors = heatmapCellColors(value, maxValue, metric);
		const x = LABEL_WIDTH + cell.hour * CELL;
		const y = HEAD + cell.weekday * CELL;
		const fill = colors.fill === 'transparent' ? '#ffffff' : colors.fill;
		const text = colors.text === 'inherit' ? '#1f2328' : colors.text;
		parts.push(
			`<rect x="${x}" y="${y}" width="${CELL - 1}" height="${CELL - 1}" fill="${fill}" stroke="#d0d7de" stroke-width="0.5" data-weekday="${cell.weekday}" data-hour="${cell.hour}" data-value="${value ?? ''}"/>`
		);
		if (value !== null && (metric === 'firstResponse' || value > 0))
			parts.push(
				`<text x="${x + (CELL - 1) / 2}" y="${y + CELL / 2 + 3}" font-size="9" text-anchor="middle" fill="${text}" ${font}>${escapeXml(formatValue(value))}</text>`
			);
	}
	return {
		body: parts.join(''),
		width: LABEL_WIDTH + 24 * CELL + 4,
		height: HEAD + weekdayLabels.length * CELL + 4
	};
}
