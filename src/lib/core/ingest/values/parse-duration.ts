/**
 * Duration parsing for imported helpdesk exports ("first reply time in minutes", "2h 15m",
 * "01:45:10", "35 分钟" …). Runs per cell in the import worker, so plain numbers — by far the
 * most common shape — take an allocation-free fast path and the rest is a charCodeAt scanner.
 */

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

const UNIT_SECONDS: Readonly<Record<DurationUnit, number>> = {
	seconds: 1,
	minutes: 60,
	hours: 3600,
	days: 86400
};

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const WEEK = 604800;

const C_TAB = 9;
const C_LF = 10;
const C_CR = 13;
const C_SPACE = 32;
const C_PLUS = 43;
const C_COMMA = 44;
const C_DASH = 45;
const C_DOT = 46;
const C_0 = 48;
const C_COLON = 58;
const C_NBSP = 0xa0;
const C_MINUS_SIGN = 0x2212;
const C_IDEO_SPACE = 0x3000;
const C_IDEO_COMMA = 0x3001; // 、
const C_FULL_COMMA = 0xff0c; // ，

// ASCII unit words with their length in seconds, matched case-insensitively against a whole
// letter run. Tuples are read by index (no destructuring) to keep the scan loop cheap.
const WORD_UNITS: ReadonlyArray<readonly [string, number]> = [
	['ms', 0.001],
	['msec', 0.001],
	['msecs', 0.001],
	['millisecond', 0.001],
	['milliseconds', 0.001],
	['s', 1],
	['sec', 1],
	['secs', 1],
	['second', 1],
	['seconds', 1],
	['m', MINUTE],
	['min', MINUTE],
	['mins', MINUTE],
	['minute', MINUTE],
	['minutes', MINUTE],
	['h', HOUR],
	['hr', HOUR],
	['hrs', HOUR],
	['hour', HOUR],
	['hours', HOUR],
	['d', DAY],
	['day', DAY],
	['days', DAY],
	['w', WEEK],
	['wk', WEEK],
	['wks', WEEK],
	['week', WEEK],
	['weeks', WEEK]
];

// CJK units (simplified and traditional), longest first so 分钟 wins over 分.
const CJK_UNITS: ReadonlyArray<readonly [string, number]> = [
	['个小时', HOUR],
	['個小時', HOUR],
	['个钟头', HOUR],
	['個鐘頭', HOUR],
	['小时', HOUR],
	['小時', HOUR],
	['钟头', HOUR],
	['鐘頭', HOUR],
	['分钟', MINUTE],
	['分鐘', MINUTE],
	['秒钟', 1],
	['秒鐘', 1],
	['毫秒', 0.001],
	['星期', WEEK],
	['天', DAY],
	['日', DAY],
	['周', WEEK],
	['週', WEEK],
	['时', HOUR],
	['時', HOUR],
	['分', MINUTE],
	['秒', 1]
];

// Scanner state: module-level so parsing a cell allocates nothing.
let pos = 0;
let end = 0;
let numberEnd = 0;
let numberIsInteger = true;
let unitSeconds = 0;

/**
 * Parses a duration cell to seconds (possibly fractional, rounded to the millisecond), or null
 * for empty/garbage. Plain numbers are in `unitHint` (default seconds). Understands "2h 15m",
 * "2 hours, 15 minutes", "1.5h", "45s", "01:45:10" (h:m:s), "45:10" (m:s; h:m when the hint is
 * hours or days), "1 day 02:03:04", "35 分钟", "2小时15分", "1天2小时", ISO "PT2H15M".
 * A leading minus is kept (the KPI layer decides what to do with negative durations).
 */
export function parseDurationSeconds(text: string, unitHint?: DurationUnit): number | null {
	let a = 0;
	let e = text.length;
	while (a < e && isSpace(text.charCodeAt(a))) a++;
	while (e > a && isSpace(text.charCodeAt(e - 1))) e--;
	if (a === e) return null;
	let sign = 1;
	const first = text.charCodeAt(a);
	if (first === C_DASH || first === C_MINUS_SIGN) {
		sign = -1;
		a++;
	} else if (first === C_PLUS) {
		a++;
	}
	if (a === e) return null;
	pos = a;
	end = e;
	const value = readDecimal(text);
	const scale = UNIT_SECONDS[unitHint ?? 'seconds'];
	if (numberEnd === e) return finish(sign, value * scale);
	if (text.charCodeAt(numberEnd) === C_COMMA) {
		const grouped = parseGrouped(text, a, e);
		if (grouped !== null) return finish(sign, grouped * scale);
	}
	const c = text.charCodeAt(a) | 0x20;
	const total = c === 112 ? scanIso(text) : scanParts(text, unitHint);
	return total === null ? null : finish(sign, total);
}

/**
 * Guesses the unit of plain numbers from a column header: "First reply time in minutes",
 * "Resolution time (in hrs)", "处理时长（分钟）", "Duration (s)". An explicit "in X" / "(X)"
 * wins over a bare unit word; "business hours" and the like are not units.
 */
export function unitHintFromHeader(header: string): DurationUnit | undefined {
	const h = header
		.toLowerCase()
		.replace(/[（[【]/g, '(')
		.replace(/[）\]】]/g, ')')
		.replace(/\b(?:within\s+)?(?:business|calendar|working|office|operating)\s+hours?\b/g, ' ');
	const explicit =
		/(?:^|[^a-z])\(\s*(?:in\s+)?([a-z]+|秒|分钟|分|小时|时|天|日)\s*\)|\bin\s+([a-z]+)\b|单位\s*[:：]\s*([a-z]+|秒|分钟|分|小时|天)/g;
	for (let m = explicit.exec(h); m !== null; m = explicit.exec(h)) {
		const unit = unitFromToken(m[1] ?? m[2] ?? m[3] ?? '');
		if (unit !== undefined) return unit;
	}
	// Not bare "second": "Second reply time" is an ordinal.
	const bare = /\b(seconds|secs|minutes?|mins|hours?|hrs|days)\b|(秒|分钟|小时|天)/.exec(h);
	if (bare === null) return undefined;
	return unitFromToken(bare[1] ?? bare[2] ?? '');
}

function unitFromToken(token: string): DurationUnit | undefined {
	switch (token) {
		case 's':
		case 'sec':
		case 'secs':
		case 'second':
		case 'seconds':
		case '秒':
			return 'seconds';
		case 'm':
		case 'min':
		case 'mins':
		case 'minute':
		case 'minutes':
		case '分':
		case '分钟':
			return 'minutes';
		case 'h':
		case 'hr':
		case 'hrs':
		case 'hour':
		case 'hours':
		case '时':
		case '小时':
			return 'hours';
		case 'd':
		case 'day':
		case 'days':
		case '天':
		case '日':
			return 'days';
		default:
			return undefined;
	}
}

// ---------------------------------------------------------------------------------------------

function finish(sign: number, seconds: number): number | null {
	if (!Number.isFinite(seconds)) return null;
	// Round to ms: hides float noise like 0.1 min → 6.000000000000001 s.
	const rounded = Math.round(seconds * 1000) / 1000;
	// Avoid -0 for "-0".
	return rounded === 0 ? 0 : sign * rounded;
}

/** "1,234" / "12,345.5": thousands groups only; "1,5" is too ambiguous to guess and stays null. */
function parseGrouped(s: string, a: number, e: number): number | null {
	const text = s.slice(a, e);
	return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text) ? Number(text.replace(/,/g, '')) : null;
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

function isDigit(c: number): boolean {
	return c >= C_0 && c <= C_0 + 9;
}

function skipSpaces(s: string): void {
	while (pos < end && isSpace(s.charCodeAt(pos))) pos++;
}

/**
 * Reads `digits[.digits]` at pos into a number without slicing; sets numberEnd (=== pos when
 * nothing was read, result NaN) and numberIsInteger. Does not advance pos.
 */
function readDecimal(s: string): number {
	let i = pos;
	let mantissa = 0;
	let digits = 0;
	let scale = 1;
	for (; i < end; i++) {
		const d = s.charCodeAt(i) - C_0;
		if (d < 0 || d > 9) break;
		mantissa = mantissa * 10 + d;
		digits++;
	}
	numberIsInteger = true;
	if (i < end && s.charCodeAt(i) === C_DOT && isDigit(s.charCodeAt(i + 1))) {
		numberIsInteger = false;
		for (i++; i < end; i++) {
			const d = s.charCodeAt(i) - C_0;
			if (d < 0 || d > 9) break;
			mantissa = mantissa * 10 + d;
			scale *= 10;
			digits++;
		}
	}
	numberEnd = i;
	if (digits === 0) {
		numberEnd = pos;
		return NaN;
	}
	// Exact while the mantissa fits 2^53; one division then rounds correctly like Number().
	if (digits <= 15) return mantissa / scale;
	return Number(s.slice(pos, i));
}

/**
 * Reads a unit at pos (letter run or CJK unit) into unitSeconds and advances pos.
 * Returns false without moving when there is none.
 */
function readUnit(s: string): boolean {
	let i = pos;
	while (i < end) {
		const lower = s.charCodeAt(i) | 0x20;
		if (lower < 97 || lower > 122) break;
		i++;
	}
	const len = i - pos;
	if (len > 0) {
		for (let k = 0; k < WORD_UNITS.length; k++) {
			const unit = WORD_UNITS[k];
			if (unit !== undefined && unit[0].length === len && matchesLower(s, pos, unit[0])) {
				unitSeconds = unit[1];
				pos = i;
				// "hrs.", "min."
				if (pos < end && s.charCodeAt(pos) === C_DOT && !isDigit(s.charCodeAt(pos + 1))) pos++;
				return true;
			}
		}
		return false;
	}
	if (s.charCodeAt(pos) < 0x4e00) return false;
	for (let k = 0; k < CJK_UNITS.length; k++) {
		const unit = CJK_UNITS[k];
		if (unit !== undefined && pos + unit[0].length <= end && s.startsWith(unit[0], pos)) {
			unitSeconds = unit[1];
			pos += unit[0].length;
			return true;
		}
	}
	return false;
}

function matchesLower(s: string, from: number, word: string): boolean {
	for (let k = 0; k < word.length; k++) {
		if ((s.charCodeAt(from + k) | 0x20) !== word.charCodeAt(k)) return false;
	}
	return true;
}

/** Skips spaces and list glue between parts (",", "、", "，", "and", "又"); true if glue was seen. */
function skipGlue(s: string): boolean {
	let glued = false;
	for (;;) {
		skipSpaces(s);
		if (pos >= end) return glued;
		const c = s.charCodeAt(pos);
		if (c === C_COMMA || c === C_IDEO_COMMA || c === C_FULL_COMMA || c === 0x53c8) {
			pos++;
		} else if (pos + 3 < end && matchesLower(s, pos, 'and') && isSpace(s.charCodeAt(pos + 3))) {
			pos += 3;
		} else {
			return glued;
		}
		glued = true;
	}
}

/** A sequence of `number unit` parts, optionally ending in a clock ("1 day 02:03:04"). */
function scanParts(s: string, unitHint: DurationUnit | undefined): number | null {
	let total = 0;
	let previousUnit = 0;
	let parts = 0;
	while (pos < end) {
		const value = readDecimal(s);
		if (numberEnd === pos) return null;
		pos = numberEnd;
		if (pos < end && s.charCodeAt(pos) === C_COLON) {
			if (!numberIsInteger) return null;
			const clock = scanClock(s, value, parts === 0 ? unitHint : undefined);
			return clock === null ? null : total + clock;
		}
		skipSpaces(s);
		if (readUnit(s)) {
			total += value * unitSeconds;
			previousUnit = unitSeconds;
		} else if (pos === end && (previousUnit === HOUR || previousUnit === MINUTE)) {
			// "2h15" / "2小时15": a trailing bare number is the next smaller unit.
			total += value * (previousUnit === HOUR ? MINUTE : 1);
		} else {
			return null;
		}
		parts++;
		// Dangling glue ("2h,") means the value was cut off.
		if (skipGlue(s) && pos >= end) return null;
	}
	return parts === 0 ? null : total;
}

/**
 * Clock after its first component: h:mm:ss[.f], d:hh:mm:ss, or a two-part a:b that is m:ss —
 * or h:mm when the column's unit hint is hours/days (spreadsheet "[h]:mm" durations).
 */
function scanClock(s: string, first: number, unitHint: DurationUnit | undefined): number | null {
	let count = 1;
	let a = first;
	let b = 0;
	let c = 0;
	let d = 0;
	while (pos < end && s.charCodeAt(pos) === C_COLON) {
		pos++;
		const value = readDecimal(s);
		const len = numberEnd - pos;
		if (len === 0 || len > (numberIsInteger ? 2 : 12) || value >= 60) return null;
		pos = numberEnd;
		count++;
		if (count === 2) b = value;
		else if (count === 3) c = value;
		else if (count === 4) d = value;
		else return null;
		// Only the last component may carry a fraction.
		if (!numberIsInteger && pos < end && s.charCodeAt(pos) === C_COLON) return null;
	}
	if (pos !== end) return null;
	if (count === 2 && !numberIsInteger && (unitHint === 'hours' || unitHint === 'days')) return null;
	if (count === 2) {
		return unitHint === 'hours' || unitHint === 'days' ? a * HOUR + b * MINUTE : a * MINUTE + b;
	}
	if (count === 3) return a * HOUR + b * MINUTE + c;
	if (b >= 24) return null;
	a = a * DAY + b * HOUR;
	return a + c * MINUTE + d;
}

/** ISO 8601 durations: P[nW][nD][T[nH][nM][nS]]; years and months are ambiguous, so null. */
function scanIso(s: string): number | null {
	pos++;
	let total = 0;
	let inTime = false;
	let parts = 0;
	while (pos < end) {
		const c = s.charCodeAt(pos) | 0x20;
		if (c === 116) {
			if (inTime) return null;
			inTime = true;
			pos++;
			continue;
		}
		const value = readDecimal(s);
		if (numberEnd === pos || numberEnd >= end) return null;
		pos = numberEnd;
		const designator = s.charCodeAt(pos++) | 0x20;
		if (inTime && designator === 104) total += value * HOUR;
		else if (inTime && designator === 109) total += value * MINUTE;
		else if (inTime && designator === 115) total += value;
		else if (!inTime && designator === 100) total += value * DAY;
		else if (!inTime && designator === 119) total += value * WEEK;
		else return null;
		parts++;
	}
	return parts === 0 ? null : total;
}
