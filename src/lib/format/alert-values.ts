import type { MetricKind } from '$lib/core/alerts/monitored-series';
import { formatCount, formatDuration, formatPercent, type FormatLocale } from './format';

/** A metric value in its unit: tickets, a duration, or a share. */
export function formatMetricValue(kind: MetricKind, value: number, locale: FormatLocale): string {
	switch (kind) {
		case 'first_response_median':
		case 'resolution_median':
			return formatDuration(value, locale);
		case 'csat_satisfied_rate':
		case 'negative_share':
			return formatPercent(value, locale);
		default:
			return formatCount(Math.round(value), locale);
	}
}

/** "+142" / "−12": a signed whole count. */
export function formatSignedCount(value: number, locale: FormatLocale): string {
	const rounded = Math.round(value);
	return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${formatCount(Math.abs(rounded), locale)}`;
}
