import type { KpiUnit } from '$lib/core/metrics/overview-kpis';
import type { KpiDelta } from '$lib/core/table/kpi-delta';
import { formatDuration, formatScore, type FormatLocale } from './format';

const signed = (text: string, change: number): string => (change > 0 ? `+${text}` : text);

/** Formatters are costly to build and every tile's delta needs one: built once per locale. */
const fractionFormats = new Map<string, Intl.NumberFormat>();
function fractionFormat(locale: FormatLocale, digits: number): Intl.NumberFormat {
	const key = `${locale}|${digits}`;
	let format = fractionFormats.get(key);
	if (format === undefined) {
		format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
		fractionFormats.set(key, format);
	}
	return format;
}

/**
 * A KPI's change in words a reader can check against the two values: durations in their unit
 * ("−12 min"), fractions in percentage points ("+3.5 pp"), counts with the relative change
 * ("+120 (+12%)"), scores with two decimals ("+0.21").
 */
export function formatKpiChange(delta: KpiDelta, unit: KpiUnit, locale: FormatLocale): string {
	const { change } = delta;
	const number = (value: number, digits: number) => fractionFormat(locale, digits).format(value);
	switch (unit) {
		case 'seconds':
			return signed(formatDuration(change, locale), change);
		case 'fraction':
			return `${signed(number(change * 100, 1), change)} pp`;
		case 'score':
			return signed(formatScore(change, locale), change);
		default: {
			const relative =
				delta.relative === null ? '' : ` (${signed(number(delta.relative * 100, 1), change)}%)`;
			return `${signed(number(change, 0), change)}${relative}`;
		}
	}
}
