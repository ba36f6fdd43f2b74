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

// Intl.DateTimeFormat construction is slow (~0.1 ms); chart axes format a dozen days per draw.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(
	kind: 'day' | 'dateTime',
	locale: FormatLocale,
	timeZone: string
): Intl.DateTimeFormat {
	const key = `${kind}|${locale}|${timeZone}`;
	let format = dateFormats.get(key);
	if (format === undefined) {
		format = new Intl.DateTimeFormat(
			locale,
			kind === 'day'
				? { day: 'numeric', month: 'short', timeZone }
				: { dateStyle: 'medium', timeStyle: 'short', timeZone }
		);
		dateFormats.set(key, format);
	}
	return format;
}

/** "12 Jul" / "7月12日" for a UTC instant shown in the given zone. */
export function formatDayLabel(epochMs: number, locale: FormatLocale, timeZone: string): string {
	return dateFormat('day', locale, timeZone).format(epochMs);
}

/** "14 Jul 2026, 10:03" / "2026年7月14日 10:03" in the given zone. */
export function formatDateTime(epochMs: number, locale: FormatLocale, timeZone: string): string {
	return dateFormat('dateTime', locale, timeZone).format(epochMs);
}

const weekdayNames = new Map<FormatLocale, readonly string[]>();

/** Short weekday names, Monday first: "Mon" … "Sun" / "周一" … "周日". */
export function weekdayLabels(locale: FormatLocale): string[] {
	let names = weekdayNames.get(locale);
	if (names === undefined) {
		const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
		// 2024-01-01 was a Monday.
		names = Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(2024, 0, 1 + day)));
		weekdayNames.set(locale, names);
	}
	// A copy: callers may keep or change their array.
	return [...names];
}
