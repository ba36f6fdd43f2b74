/**
 * Date-time parsing for imported helpdesk exports.
 *
 * Runs in the import worker on up to a million cells, so it scans with charCodeAt over the
 * trimmed range instead of slicing or using regexes, keeps its scratch state in module
 * variables (no per-call objects), and leaves zone offsets to ../../time/time-zone, which caches
 * them. ISO and all-numeric shapes get fixed-layout fast paths before the general scanner.
 */

import { daysFromCivil, zonedWallTimeToEpochMs } from '../../time/time-zone';

// Re-exported for modules that import them from here.
export { timeZoneOffsetMs, zonedWallTimeToEpochMs } from '../../time/time-zone';

export interface ParseDateTimeOptions {
	/** IANA zone for wall times without an explicit offset (an offset in the text wins). */
	timeZone: string;
	/** Ambiguous numeric dates like 03/04/2026: true = day first; default false (US). */
	dayFirst?: boolean;
}

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const C_TAB = 9;
const C_LF = 10;
const C_CR = 13;
const C_SPACE = 32;
const C_LPAREN = 40;
const C_RPAREN = 41;
const C_PLUS = 43;
const C_COMMA = 44;
const C_DASH = 45;
const C_DOT = 46;
const C_SLASH = 47;
const C_0 = 48;
const C_COLON = 58;
const C_T_UPPER = 84;
const C_Z_UPPER = 90;
const C_T_LOWER = 116;
const C_Z_LOWER = 122;
const C_NBSP = 0xa0;
const C_MINUS_SIGN = 0x2212;
const C_IDEO_SPACE = 0x3000;
const C_NIAN = 0x5e74; // 年
const C_YUE = 0x6708; // 月
const C_RI = 0x65e5; // 日
const C_HAO = 0x53f7; // 号
const C_SHI = 0x65f6; // 时
const C_SHI_TRAD = 0x6642; // 時
const C_DIAN = 0x70b9; // 点
const C_DIAN_TRAD = 0x9ede; // 點
const C_FEN = 0x5206; // 分
const C_MIAO = 0x79d2; // 秒

const MERIDIEM_NONE = 0;
const MERIDIEM_AM = 1;
const MERIDIEM_PM = 2;
const MERIDIEM_NOON = 3;

const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
] as const;
const WEEKDAY_NAMES = [
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday'
] as const;

const MONTH_KEYS = MONTH_NAMES.map((name) => key3(name, 0));
const WEEKDAY_KEYS = WEEKDAY_NAMES.map((name) => key3(name, 0));

/** RFC 2822 zone names → offset minutes (military letters other than Z are unreliable). */
const ZONES: ReadonlyArray<readonly [string, number]> = [
	['utc', 0],
	['gmt', 0],
	['ut', 0],
	['z', 0],
	['est', -300],
	['edt', -240],
	['cst', -360],
	['cdt', -300],
	['mst', -420],
	['mdt', -360],
	['pst', -480],
	['pdt', -420]
];

const CJK_MERIDIEM_WORDS = ['上午', '凌晨', '早上', '早晨', '下午', '晚上', '傍晚', '中午'];
const CJK_MERIDIEM_KINDS = [
	MERIDIEM_AM,
	MERIDIEM_AM,
	MERIDIEM_AM,
	MERIDIEM_AM,
	MERIDIEM_PM,
	MERIDIEM_PM,
	MERIDIEM_PM,
	MERIDIEM_NOON
];

// Scratch result of the last successful scan; module-level so parsing allocates nothing.
let rY = 0;
let rMo = 0;
let rD = 0;
let rH = 0;
let rMi = 0;
let rS = 0;
let rMs = 0;
let rHasOffset = false;
let rOffsetMs = 0;
// General scanner cursor, end of the trimmed range, and the last number's digit count.
let pos = 0;
let end = 0;
let numLen = 0;
let wordEnd = 0;

/**
 * Parses a date-time cell to epoch ms, or null when it is empty or not a real date.
 * Accepts ISO 8601 (with or without T/offset/fraction), Zendesk "2026-07-14 10:03:27 +0200",
 * US "7/14/2026 10:03 AM", EU "14.07.2026 10:03" / "14/07/2026", Chinese
 * "2026年7月14日 10:03" / "2026/7/14", RFC 2822 mail dates, and 10/13-digit epoch s/ms.
 * Throws RangeError if a zone is needed and `options.timeZone` is not a valid IANA name.
 */
export function parseDateTime(text: string, options: ParseDateTimeOptions): number | null {
	let a = 0;
	let e = text.length;
	while (a < e && isSpace(text.charCodeAt(a))) a++;
	while (e > a && isSpace(text.charCodeAt(e - 1))) e--;
	if (a === e) return null;
	if (
		!scanIsoFast(text, a, e) &&
		!scanNumericFast(text, a, e, options.dayFirst === true) &&
		!scanRfcFast(text, a, e)
	) {
		if (isDigit(text.charCodeAt(a))) {
			const epoch = scanEpoch(text, a, e);
			if (epoch !== null) return epoch;
		}
		if (!scanGeneral(text, a, e, options.dayFirst === true)) return null;
	}
	return resolveScratch(options.timeZone);
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	}
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function resolveScratch(timeZone: string): number | null {
	if (rMo < 1 || rMo > 12 || rD < 1 || rD > daysInMonth(rY, rMo)) return null;
	if (rMi > 59 || rS > 59) return null;
	// 24:00 is ISO's "end of day"; anything later is garbage.
	if (rH > 24 || (rH === 24 && (rMi !== 0 || rS !== 0 || rMs !== 0))) return null;
	if (!rHasOffset) return zonedWallTimeToEpochMs(rY, rMo, rD, rH, rMi, rS, rMs, timeZone);
	return (
		daysFromCivil(rY, rMo, rD) * DAY_MS +
		rH * HOUR_MS +
		rMi * MINUTE_MS +
		rS * SECOND_MS +
		rMs -
		rOffsetMs
	);
}

// ---------------------------------------------------------------------------------------------
// Character helpers (charCodeAt past the end yields NaN, which fails every range test)

function isDigit(c: number): boolean {
	return c >= C_0 && c <= C_0 + 9;
}

function isSpace(c: number): boolean {
	return (
		c === C_SPACE ||
		c === C_TAB ||
		c === C_LF ||
		c === C_CR ||
		c === C_NBSP ||
		c === C_IDEO_SPACE ||
		c === 0xfeff
	);
}

function isAsciiLetter(c: number): boolean {
	const lower = c | 0x20;
	return lower >= 97 && lower <= 122;
}

/** Two digits at i as a number, or -1. */
function digits2(s: string, i: number): number {
	const a = s.charCodeAt(i) - C_0;
	const b = s.charCodeAt(i + 1) - C_0;
	if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
	return a * 10 + b;
}

/** Four digits at i as a number, or -1. */
function digits4(s: string, i: number): number {
	const hi = digits2(s, i);
	const lo = digits2(s, i + 2);
	return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

function resetTime(): void {
	rH = 0;
	rMi = 0;
	rS = 0;
	rMs = 0;
	rHasOffset = false;
	rOffsetMs = 0;
}

// ---------------------------------------------------------------------------------------------
// Fast path: YYYY-MM-DD[(T| )HH:MM[:SS[.f]]][Z|±HH[:MM]| ±HHMM] at fixed positions

function scanIsoFast(s: string, a: number, e: number): boolean {
	const len = e - a;
	if (len < 10 || s.charCodeAt(a + 4) !== C_DASH || s.charCodeAt(a + 7) !== C_DASH) return false;
	const year = digits4(s, a);
	const month = digits2(s, a + 5);
	const day = digits2(s, a + 8);
	if (year < 0 || month < 0 || day < 0) return false;
	rY = year;
	rMo = month;
	rD = day;
	resetTime();
	if (len === 10) return true;
	let i = a + 10;
	const sep = s.charCodeAt(i);
	if (sep !== C_T_UPPER && sep !== C_SPACE && sep !== C_T_LOWER) return false;
	const hour = digits2(s, i + 1);
	const minute = digits2(s, i + 4);
	if (hour < 0 || minute < 0 || s.charCodeAt(i + 3) !== C_COLON) return false;
	rH = hour;
	rMi = minute;
	i += 6;
	if (i < e && s.charCodeAt(i) === C_COLON) {
		const second = digits2(s, i + 1);
		if (second < 0) return false;
		rS = second;
		i += 3;
		const c = s.charCodeAt(i);
		if (i < e && (c === C_DOT || c === C_COMMA)) {
			i = scanFraction(s, i + 1, e);
			if (i < 0) return false;
		}
	}
	if (i === e) return true;
	let c = s.charCodeAt(i);
	if (c === C_SPACE) c = s.charCodeAt(++i);
	if ((c === C_Z_UPPER || c === C_Z_LOWER) && i + 1 === e) {
		rHasOffset = true;
		return true;
	}
	// Warehouse exports: "2026-07-14 10:03:27 UTC"
	if (i + 3 === e && (s.startsWith('UTC', i) || s.startsWith('GMT', i))) {
		rHasOffset = true;
		return true;
	}
	if (c !== C_PLUS && c !== C_DASH) return false;
	const offHours = digits2(s, i + 1);
	if (offHours < 0) return false;
	i += 3;
	let offMinutes = 0;
	if (i < e) {
		if (s.charCodeAt(i) === C_COLON) i++;
		offMinutes = digits2(s, i);
		if (offMinutes < 0 || i + 2 !== e) return false;
	}
	return setOffset(c === C_DASH ? -1 : 1, offHours, offMinutes);
}

/** Reads fraction digits from i into rMs (truncating past ms); returns the next index or -1. */
function scanFraction(s: string, i: number, e: number): number {
	let ms = 0;
	let n = 0;
	for (; i < e; i++) {
		const d = s.charCodeAt(i) - C_0;
		if (!(d >= 0 && d <= 9)) break;
		if (n < 3) ms = ms * 10 + d;
		n++;
	}
	if (n === 0) return -1;
	if (n === 1) ms *= 100;
	else if (n === 2) ms *= 10;
	rMs = ms;
	return i;
}

function setOffset(sign: number, hours: number, minutes: number): boolean {
	if (hours > 18 || minutes > 59) return false;
	rHasOffset = true;
	rOffsetMs = sign * (hours * HOUR_MS + minutes * MINUTE_MS);
	return true;
}

// ---------------------------------------------------------------------------------------------
// Second fast path: numeric dates with an optional clock and AM/PM, without offsets
// (7/14/2026 10:03 AM, 14.07.2026 10:03, 2026/7/14 10:03:27); anything else goes to the scanner.

function scanNumericFast(s: string, a: number, e: number, dayFirst: boolean): boolean {
	let i = a;
	let n1 = 0;
	for (; i < e; i++) {
		const d = s.charCodeAt(i) - C_0;
		if (d < 0 || d > 9) break;
		n1 = n1 * 10 + d;
	}
	const len1 = i - a;
	if (len1 === 0 || len1 === 3 || len1 > 4 || i === e) return false;
	const sep = s.charCodeAt(i);
	if (sep !== C_SLASH && sep !== C_DOT && sep !== C_DASH) return false;
	let start = ++i;
	let n2 = 0;
	for (; i < e; i++) {
		const d = s.charCodeAt(i) - C_0;
		if (d < 0 || d > 9) break;
		n2 = n2 * 10 + d;
	}
	if (i - start < 1 || i - start > 2 || i === e || s.charCodeAt(i) !== sep) return false;
	start = ++i;
	let n3 = 0;
	for (; i < e; i++) {
		const d = s.charCodeAt(i) - C_0;
		if (d < 0 || d > 9) break;
		n3 = n3 * 10 + d;
	}
	const len3 = i - start;
	if (len1 === 4) {
		if (len3 < 1 || len3 > 2) return false;
		rY = n1;
		rMo = n2;
		rD = n3;
	} else {
		const year = expandYear(n3, len3);
		if (year < 0) return false;
		const isDayFirst = pickDayFirst(n1, n2, sep, dayFirst);
		rY = year;
		rMo = isDayFirst ? n2 : n1;
		rD = isDayFirst ? n1 : n2;
	}
	resetTime();
	if (i === e) return true;
	const gap = s.charCodeAt(i);
	// Salesforce-style "7/14/2026, 10:03 AM" has a comma before the time.
	if (gap === C_COMMA && s.charCodeAt(i + 1) === C_SPACE) i++;
	else if (gap !== C_SPACE && gap !== C_T_UPPER) return false;
	start = ++i;
	let hour = 0;
	for (; i < e; i++) {
		const d = s.charCodeAt(i) - C_0;
		if (d < 0 || d > 9) break;
		hour = hour * 10 + d;
	}
	if (i - start < 1 || i - start > 2 || s.charCodeAt(i) !== C_COLON) return false;
	const minute = digits2(s, i + 1);
	if (minute < 0) return false;
	rH = hour;
	rMi = minute;
	i += 3;
	if (i < e && s.charCodeAt(i) === C_COLON) {
		const second = digits2(s, i + 1);
		if (second < 0) return false;
		rS = second;
		i += 3;
		if (i < e && s.charCodeAt(i) === C_DOT) {
			i = scanFraction(s, i + 1, e);
			if (i < 0) return false;
		}
	}
	if (i === e) return true;
	if (s.charCodeAt(i) === C_SPACE) i++;
	// Only a bare AM/PM is handled here; zones, "a.m." etc. take the general scanner.
	if (i + 2 !== e || (s.charCodeAt(i + 1) | 0x20) !== 109) return false;
	const m = s.charCodeAt(i) | 0x20;
	if (m !== 97 && m !== 112) return false;
	return applyMeridiem(m === 97 ? MERIDIEM_AM : MERIDIEM_PM);
}

/** A part > 12 can only be the day; otherwise dots mean EU order and slashes/dashes the option. */
function pickDayFirst(n1: number, n2: number, sep: number, dayFirst: boolean): boolean {
	if (n1 > 12) return true;
	if (n2 > 12) return false;
	return sep === C_DOT || dayFirst;
}

// ---------------------------------------------------------------------------------------------
// Third fast path: the canonical RFC 2822 / Date#toUTCString layout
// "[Tue, ]14 Jul 2026 10:03[:27] (+0200|GMT|UT|UTC|Z)"; variants go to the general scanner.

function scanRfcFast(s: string, a: number, e: number): boolean {
	let i = a;
	if (isAsciiLetter(s.charCodeAt(i))) {
		if (WEEKDAY_KEYS.indexOf(key3(s, i)) < 0) return false;
		if (s.charCodeAt(i + 3) !== C_COMMA || s.charCodeAt(i + 4) !== C_SPACE) return false;
		i += 5;
	}
	let day = digits2(s, i);
	if (day >= 0) i += 2;
	else if (isDigit(s.charCodeAt(i))) day = s.charCodeAt(i++) - C_0;
	else return false;
	if (s.charCodeAt(i) !== C_SPACE || !isAsciiLetter(s.charCodeAt(i + 1))) return false;
	const month = MONTH_KEYS.indexOf(key3(s, i + 1)) + 1;
	if (month === 0 || s.charCodeAt(i + 4) !== C_SPACE) return false;
	const year = digits4(s, i + 5);
	i += 9;
	if (year < 0 || s.charCodeAt(i) !== C_SPACE) return false;
	const hour = digits2(s, i + 1);
	const minute = digits2(s, i + 4);
	if (hour < 0 || minute < 0 || s.charCodeAt(i + 3) !== C_COLON) return false;
	i += 6;
	let second = 0;
	if (s.charCodeAt(i) === C_COLON) {
		second = digits2(s, i + 1);
		if (second < 0) return false;
		i += 3;
	}
	if (s.charCodeAt(i) !== C_SPACE) return false;
	i++;
	rY = year;
	rMo = month;
	rD = day;
	resetTime();
	rH = hour;
	rMi = minute;
	rS = second;
	const c = s.charCodeAt(i);
	if ((c === C_PLUS || c === C_DASH) && i + 5 === e) {
		const hh = digits2(s, i + 1);
		const mm = digits2(s, i + 3);
		return hh >= 0 && mm >= 0 && setOffset(c === C_DASH ? -1 : 1, hh, mm);
	}
	const len = e - i;
	if (
		(len === 3 && (s.startsWith('GMT', i) || s.startsWith('UTC', i))) ||
		(len === 2 && s.startsWith('UT', i)) ||
		(len === 1 && c === C_Z_UPPER)
	) {
		rHasOffset = true;
		return true;
	}
	return false;
}

// ---------------------------------------------------------------------------------------------
// Epoch numbers: 10 digits = seconds (optionally with a fraction), 13 digits = milliseconds

function scanEpoch(s: string, a: number, e: number): number | null {
	let i = a;
	let value = 0;
	while (i < e && isDigit(s.charCodeAt(i))) value = value * 10 + (s.charCodeAt(i++) - C_0);
	const digits = i - a;
	if (i === e) {
		if (digits === 13) return value;
		return digits === 10 ? value * SECOND_MS : null;
	}
	if (digits !== 10 || s.charCodeAt(i) !== C_DOT) return null;
	if (scanFraction(s, i + 1, e) !== e) return null;
	return value * SECOND_MS + rMs;
}

// ---------------------------------------------------------------------------------------------
// General scanner (cursor in `pos`, range end in `end`)

function peek(s: string): number {
	return pos < end ? s.charCodeAt(pos) : -1;
}

/** Reads an unsigned integer at pos; -1 if none. Sets numLen. Long runs are capped, not trusted. */
function readNumber(s: string): number {
	let value = 0;
	const start = pos;
	while (pos < end) {
		const d = s.charCodeAt(pos) - C_0;
		if (!(d >= 0 && d <= 9)) break;
		if (pos - start < 9) value = value * 10 + d;
		pos++;
	}
	numLen = pos - start;
	return numLen === 0 ? -1 : value;
}

function skipSpaces(s: string): boolean {
	const start = pos;
	while (pos < end && isSpace(s.charCodeAt(pos))) pos++;
	return pos > start;
}

/** Length of the ASCII word at pos (pos stays put); its end goes to wordEnd. */
function scanWord(s: string): number {
	let i = pos;
	while (i < end && isAsciiLetter(s.charCodeAt(i))) i++;
	wordEnd = i;
	return i - pos;
}

/** Case-insensitive: is s[from, from+len) a prefix (≥ minLen chars) of the lowercase `name`? */
function wordIsPrefixOf(
	s: string,
	from: number,
	len: number,
	name: string,
	minLen: number
): boolean {
	if (len < minLen || len > name.length) return false;
	for (let k = 0; k < len; k++) {
		if ((s.charCodeAt(from + k) | 0x20) !== name.charCodeAt(k)) return false;
	}
	return true;
}

function wordEquals(s: string, from: number, len: number, name: string): boolean {
	return len === name.length && wordIsPrefixOf(s, from, len, name, 1);
}

/** Lower-cased first three letters packed into an int, so a name is found with one indexOf. */
function key3(s: string, i: number): number {
	return (
		((s.charCodeAt(i) | 0x20) << 16) |
		((s.charCodeAt(i + 1) | 0x20) << 8) |
		(s.charCodeAt(i + 2) | 0x20)
	);
}

/** Index of the word at pos in `names` (Jul, July, Sept, Tue, Tues …), or -1; sets wordEnd. */
function findName(s: string, names: readonly string[], keys: readonly number[]): number {
	const len = scanWord(s);
	if (len < 3) return -1;
	const index = keys.indexOf(key3(s, pos));
	if (index < 0) return -1;
	const name = names[index];
	if (len > 3 && (name === undefined || !wordIsPrefixOf(s, pos, len, name, 3))) return -1;
	return index;
}

/** Month 1..12 for an English month word at pos, or 0. */
function readMonthName(s: string): number {
	const index = findName(s, MONTH_NAMES, MONTH_KEYS);
	if (index < 0) return 0;
	pos = wordEnd;
	if (peek(s) === C_DOT) pos++;
	return index + 1;
}

function skipWeekday(s: string): void {
	if (findName(s, WEEKDAY_NAMES, WEEKDAY_KEYS) < 0) return;
	pos = wordEnd;
	if (peek(s) === C_DOT) pos++;
	skipSpaces(s);
	if (peek(s) === C_COMMA) pos++;
	skipSpaces(s);
}

function startsWithAt(s: string, word: string): boolean {
	return pos + word.length <= end && s.startsWith(word, pos);
}

/** Two-digit years: 00–69 → 20xx, 70–99 → 19xx. */
function expandYear(value: number, digits: number): number {
	if (digits === 4) return value;
	if (digits === 2) return value < 70 ? 2000 + value : 1900 + value;
	return -1;
}

function scanGeneral(s: string, a: number, e: number, dayFirst: boolean): boolean {
	pos = a;
	end = e;
	resetTime();
	if (isAsciiLetter(s.charCodeAt(pos))) skipWeekday(s);
	let allowGluedTime = false;
	const first = peek(s);
	if (isAsciiLetter(first)) {
		// "Jul 14, 2026", "July 14 2026", Date#toString's "Tue Jul 14 2026 10:03:27 GMT+0200"
		const month = readMonthName(s);
		if (month === 0) return false;
		skipSpaces(s);
		if (peek(s) === C_DASH) pos++;
		const day = readNumber(s);
		if (numLen < 1 || numLen > 2) return false;
		skipOrdinalSuffix(s);
		let separated = skipSpaces(s);
		const c = peek(s);
		if (c === C_COMMA || c === C_DASH) {
			pos++;
			separated = true;
			skipSpaces(s);
		}
		if (!separated) return false;
		const year = expandYear(readNumber(s), numLen);
		if (year < 0) return false;
		rY = year;
		rMo = month;
		rD = day;
	} else if (isDigit(first)) {
		const n1 = readNumber(s);
		const len1 = numLen;
		const sep = peek(s);
		if (sep === C_NIAN) {
			// 2026年7月14日
			if (len1 !== 4) return false;
			pos++;
			skipSpaces(s);
			const month = readNumber(s);
			if (numLen < 1 || numLen > 2 || peek(s) !== C_YUE) return false;
			pos++;
			skipSpaces(s);
			const day = readNumber(s);
			const dayEnd = peek(s);
			if (numLen < 1 || numLen > 2 || (dayEnd !== C_RI && dayEnd !== C_HAO)) return false;
			pos++;
			rY = n1;
			rMo = month;
			rD = day;
			allowGluedTime = true;
		} else if (len1 === 4 && (sep === C_DASH || sep === C_SLASH || sep === C_DOT)) {
			// 2026-7-14, 2026/7/14, 2026.07.14
			pos++;
			const month = readNumber(s);
			if (numLen < 1 || numLen > 2 || peek(s) !== sep) return false;
			pos++;
			const day = readNumber(s);
			if (numLen < 1 || numLen > 2) return false;
			rY = n1;
			rMo = month;
			rD = day;
		} else if (len1 <= 2 && (sep === C_DASH || sep === C_SPACE) && isMonthWordAhead(s)) {
			// RFC 2822 "14 Jul 2026", Oracle-ish "14-Jul-2026"
			skipSpaces(s);
			if (peek(s) === C_DASH) pos++;
			const month = readMonthName(s);
			if (month === 0) return false;
			if (peek(s) === C_DASH || peek(s) === C_COMMA) pos++;
			skipSpaces(s);
			const year = expandYear(readNumber(s), numLen);
			if (year < 0) return false;
			rY = year;
			rMo = month;
			rD = n1;
		} else if (len1 <= 2 && (sep === C_SLASH || sep === C_DOT || sep === C_DASH)) {
			// 7/14/2026, 14/07/2026, 14.07.2026, 14-07-26
			pos++;
			const n2 = readNumber(s);
			if (numLen < 1 || numLen > 2 || peek(s) !== sep) return false;
			pos++;
			const year = expandYear(readNumber(s), numLen);
			if (year < 0) return false;
			const isDayFirst = pickDayFirst(n1, n2, sep, dayFirst);
			rY = year;
			rMo = isDayFirst ? n2 : n1;
			rD = isDayFirst ? n1 : n2;
		} else {
			return false;
		}
	} else {
		return false;
	}
	if (pos === end) return true;
	return scanTimeAndZone(s, allowGluedTime);
}

function isMonthWordAhead(s: string): boolean {
	const save = pos;
	skipSpaces(s);
	if (peek(s) === C_DASH) pos++;
	const isLetter = isAsciiLetter(peek(s));
	pos = save;
	return isLetter;
}

function skipOrdinalSuffix(s: string): void {
	const len = scanWord(s);
	if (len !== 2) return;
	if (
		wordEquals(s, pos, 2, 'st') ||
		wordEquals(s, pos, 2, 'nd') ||
		wordEquals(s, pos, 2, 'rd') ||
		wordEquals(s, pos, 2, 'th')
	) {
		pos = wordEnd;
	}
}

function scanTimeAndZone(s: string, allowGluedTime: boolean): boolean {
	const c = peek(s);
	if ((c === C_T_UPPER || c === C_T_LOWER) && isDigit(s.charCodeAt(pos + 1))) {
		pos++;
	} else {
		let separated = false;
		while (pos < end) {
			const d = s.charCodeAt(pos);
			if (!isSpace(d) && d !== C_COMMA) break;
			pos++;
			separated = true;
		}
		// "July 14, 2026 at 10:03 AM"
		if (separated && scanWord(s) === 2 && wordEquals(s, pos, 2, 'at')) {
			pos = wordEnd;
			skipSpaces(s);
		}
		if (!separated && !allowGluedTime) return false;
	}
	let meridiem = scanCjkMeridiem(s);
	if (meridiem !== MERIDIEM_NONE) skipSpaces(s);
	if (!scanClock(s)) return false;
	skipSpaces(s);
	if (meridiem === MERIDIEM_NONE) {
		meridiem = scanMeridiemWord(s);
		if (meridiem !== MERIDIEM_NONE) skipSpaces(s);
	}
	if (!applyMeridiem(meridiem)) return false;
	if (pos < end && peek(s) !== C_LPAREN && !scanZone(s)) return false;
	skipSpaces(s);
	// RFC 2822 / Date#toString trailing comment: "(CEST)", "(Central European Summer Time)"
	if (peek(s) === C_LPAREN && s.charCodeAt(end - 1) === C_RPAREN) pos = end;
	return pos === end;
}

function scanCjkMeridiem(s: string): number {
	if (!(peek(s) >= 0x4e00)) return MERIDIEM_NONE;
	for (let k = 0; k < CJK_MERIDIEM_WORDS.length; k++) {
		const word = CJK_MERIDIEM_WORDS[k];
		if (word !== undefined && startsWithAt(s, word)) {
			pos += word.length;
			return CJK_MERIDIEM_KINDS[k] ?? MERIDIEM_NONE;
		}
	}
	return MERIDIEM_NONE;
}

/** AM / PM / a.m. / p.m. / a / p, case-insensitive. */
function scanMeridiemWord(s: string): number {
	const c = peek(s) | 0x20;
	if (c !== 97 && c !== 112) return MERIDIEM_NONE;
	const result = c === 97 ? MERIDIEM_AM : MERIDIEM_PM;
	const save = pos;
	pos++;
	if (peek(s) === C_DOT) pos++;
	if ((peek(s) | 0x20) === 109) {
		pos++;
		if (peek(s) === C_DOT) pos++;
	}
	// "a"/"am" must be a whole word, not the start of e.g. "AEST".
	if (isAsciiLetter(peek(s))) {
		pos = save;
		return MERIDIEM_NONE;
	}
	return result;
}

function applyMeridiem(meridiem: number): boolean {
	if (meridiem === MERIDIEM_NONE) return true;
	if (meridiem === MERIDIEM_NOON) {
		if (rH < 11) rH += 12;
		return rH <= 23;
	}
	if (rH > 12) return meridiem === MERIDIEM_PM; // lenient "下午 15:00"
	rH = (rH % 12) + (meridiem === MERIDIEM_PM ? 12 : 0);
	return true;
}

/** H:MM[:SS[.fff]] or Chinese 10时03分[27秒] / 10点03分. */
function scanClock(s: string): boolean {
	const hour = readNumber(s);
	if (numLen < 1 || numLen > 2) return false;
	rH = hour;
	const sep = peek(s);
	if (sep === C_COLON) {
		pos++;
		rMi = readNumber(s);
		if (numLen !== 2) return false;
		if (peek(s) !== C_COLON) return true;
		pos++;
		rS = readNumber(s);
		if (numLen !== 2) return false;
		const c = peek(s);
		if ((c === C_DOT || c === C_COMMA) && isDigit(s.charCodeAt(pos + 1))) {
			pos = scanFraction(s, pos + 1, end);
		}
		return true;
	}
	if (sep !== C_SHI && sep !== C_SHI_TRAD && sep !== C_DIAN && sep !== C_DIAN_TRAD) return false;
	pos++;
	if (!isDigit(peek(s))) return true;
	rMi = readNumber(s);
	if (numLen > 2) return false;
	if (peek(s) === C_FEN) pos++;
	if (!isDigit(peek(s))) return true;
	rS = readNumber(s);
	if (numLen > 2) return false;
	if (peek(s) === C_MIAO) pos++;
	return true;
}

/** Z, ±HH[:MM], ±HHMM, ±H, UTC/GMT[±offset], or an RFC 2822 zone name. */
function scanZone(s: string): boolean {
	const c = peek(s);
	if (c === C_PLUS || c === C_DASH || c === C_MINUS_SIGN) return scanNumericOffset(s);
	const len = scanWord(s);
	if (len === 0) return false;
	for (let z = 0; z < ZONES.length; z++) {
		const zone = ZONES[z];
		if (zone === undefined || !wordEquals(s, pos, len, zone[0])) continue;
		const minutes = zone[1];
		pos = wordEnd;
		rHasOffset = true;
		rOffsetMs = minutes * MINUTE_MS;
		// "GMT+0200", "UTC+8"
		const next = peek(s);
		if (minutes === 0 && (next === C_PLUS || next === C_DASH || next === C_MINUS_SIGN)) {
			return scanNumericOffset(s);
		}
		return true;
	}
	return false;
}

function scanNumericOffset(s: string): boolean {
	const sign = peek(s) === C_PLUS ? 1 : -1;
	pos++;
	const value = readNumber(s);
	if (numLen === 4) return setOffset(sign, Math.floor(value / 100), value % 100);
	if (numLen !== 1 && numLen !== 2) return false;
	if (peek(s) !== C_COLON) return setOffset(sign, value, 0);
	pos++;
	const minutes = readNumber(s);
	if (numLen !== 2) return false;
	return setOffset(sign, value, minutes);
}
