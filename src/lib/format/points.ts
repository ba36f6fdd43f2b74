import type { FormatLocale } from './format';

/** NPS-style points: "+20", "−7", "0"; "–" when absent. */
export function formatPoints(points: number | null, locale: FormatLocale): string {
	if (points === null || !Number.isFinite(points)) return '–';
	return new Intl.NumberFormat(locale, {
		maximumFractionDigits: 0,
		signDisplay: 'exceptZero'
	}).format(points);
}
