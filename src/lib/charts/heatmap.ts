import { interpolateBlues, interpolateOranges, rgb } from 'd3';

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
	// WCAG: black or white, whichever contrasts more; one of them always reaches 4.58:1.
	const luminance = relativeLuminance(fill);
	const onWhite = 1.05 / (luminance + 0.05);
	const onBlack = (luminance + 0.05) / 0.05;
	return { fill, text: onWhite >= onBlack ? '#ffffff' : '#000000' };
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
