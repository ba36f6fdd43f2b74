import type { KpiUnit } from '$lib/core/metrics/overview-kpis';
import {
	formatCount,
	formatDecimal,
	formatDuration,
	formatPercent,
	formatScore,
	type FormatLocale
} from './format';

/** A KPI value in its unit's humane form: "36 min", "87.5%", "1,234", "4.21". */
export function formatKpiValue(value: number | null, unit: KpiUnit, locale: FormatLocale): string {
	switch (unit) {
		case 'seconds':
			return formatDuration(value, locale);
		case 'fraction':
			return formatPercent(value, locale);
		case 'count':
			return formatCount(value, locale);
		case 'score':
			return formatScore(value, locale);
		case 'number':
			return formatDecimal(value, locale);
	}
}

/** "12 Jul" / "7月12日" for a UTC instant shown in the given zone. */
export function formatDayLabel(epochMs: number, locale: FormatLocale, timeZone: string): string {
	return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(
		epochMs
	);
}

/** "14 Jul 2026, 10:03" / "2026年7月14日 10:03" in the given zone. */
export function formatDateTime(epochMs: number, locale: FormatLocale, timeZone: string): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(epochMs);
}

/** Short weekday names, Monday first: "Mon" … "Sun" / "周一" … "周日". */
export function weekdayLabels(locale: FormatLocale): string[] {
	const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
	// 2024-01-01 was a Monday.
	return Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(2024, 0, 1 + day)));
}
