/**
 * Humane, locale-aware formatting of KPI values for the UI. Values arrive in base units
 * (seconds, 0..1 fractions, counts, 1..5 scores); absent values render as an en dash.
 */

export type FormatLocale = 'en' | 'zh-CN';

/** Shown for a value that cannot be computed (no tickets, no ratings, …). */
export const MISSING_VALUE = '–';

type DurationUnit = 'second' | 'minute' | 'hour' | 'day';

const DURATION_UNIT_LABELS: Readonly<Record<FormatLocale, Readonly<Record<DurationUnit, string>>>> =
	{
		en: { second: 's', minute: 'min', hour: 'h', day: 'd' },
		'zh-CN': { second: '秒', minute: '分钟', hour: '小时', day: '天' }
	};

const MINUTE_S = 60;
const HOUR_S = 3600;
const DAY_S = 86_400;
/** Switch to the next unit only at 1.5× (90 s, 90 min) or 2× (48 h): "80 min" reads better than "1.3 h". */
const SECONDS_LIMIT_S = 90;
const MINUTES_LIMIT_S = 90 * MINUTE_S;
const HOURS_LIMIT_S = 48 * HOUR_S;

// Intl.NumberFormat construction is slow; the UI formats hundreds of cells per render.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: FormatLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (format === undefined) {
		format = new Intl.NumberFormat(locale, options);
		numberFormats.set(key, format);
	}
	return format;
}

const isPresent = (value: number | null): value is number =>
	value !== null && Number.isFinite(value);

/** Amount, unit and decimals for a duration: whole seconds and minutes, tenths of hours and days. */
function durationParts(
	seconds: number
): [amount: number, unit: DurationUnit, fractionDigits: number] {
	const magnitudeS = Math.abs(seconds);
	if (magnitudeS < SECONDS_LIMIT_S) return [seconds, 'second', 0];
	if (magnitudeS < MINUTES_LIMIT_S) return [seconds / MINUTE_S, 'minute', 0];
	if (magnitudeS < HOURS_LIMIT_S) return [seconds / HOUR_S, 'hour', 1];
	return [seconds / DAY_S, 'day', 1];
}

/** "45 s", "36 min", "5.5 h", "3.2 d" (Chinese: "45 秒", "36 分钟", "5.5 小时", "3.2 天"). */
export function formatDuration(seconds: number | null, locale: FormatLocale): string {
	if (!isPresent(seconds)) return MISSING_VALUE;
	const [amount, unit, fractionDigits] = durationParts(seconds);
	// maximumFractionDigits drops a trailing ".0": "2 h", not "2.0 h".
	const number = numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(amount);
	return `${number} ${DURATION_UNIT_LABELS[locale][unit]}`;
}

/** A 0..1 fraction as a percentage with at most one decimal: 0.875 → "87.5%". */
export function formatPercent(fraction: number | null, locale: FormatLocale): string {
	if (!isPresent(fraction)) return MISSING_VALUE;
	return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A whole count with locale grouping: 12345 → "12,345". */
export function formatCount(count: number | null, locale: FormatLocale): string {
	if (!isPresent(count)) return MISSING_VALUE;
	return numberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}

/** A mean score with two decimals: 4.2105 → "4.21", 4 → "4.00". */
export function formatScore(score: number | null, locale: FormatLocale): string {
	if (!isPresent(score)) return MISSING_VALUE;
	return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/** A plain number with at most two decimals: 1.5 → "1.5", 2 → "2", 1.333 → "1.33". */
export function formatDecimal(value: number | null, locale: FormatLocale): string {
	if (!isPresent(value)) return MISSING_VALUE;
	return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** "1.8 MB": decimal units, as browsers and operating systems show storage. */
export function formatBytes(bytes: number | null, locale: FormatLocale): string {
	if (bytes === null || !Number.isFinite(bytes)) return MISSING_VALUE;
	const units = ['B', 'kB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	const digits = unit === 0 || value >= 100 ? 0 : 1;
	return `${numberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
