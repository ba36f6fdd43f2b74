/**
 * Time-zone offsets for IANA zones, shared by date-time parsing (wall time → instant) and daily
 * bucketing (instant → local day).
 *
 * Both run over up to a million values and Intl costs microseconds per call, so offsets are
 * cached per zone and UTC day: in a dense Float64Array over the days seen so far (a Map lookup
 * per value costs several times more), growing as needed up to MAX_DENSE_DAYS, with a Map for
 * days beyond that. Only a day that contains a transition falls back to per-hour entries, and only
 * the transition hour itself (at :30 in some zones) asks Intl per instant. UTC and its aliases
 * skip all of this. Assumes at most one transition per UTC day, true of every zone in use.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Cache entry for a UTC day or hour whose offset changes within it. */
const MIXED = Infinity;
/** First dense allocation, centred on the first day looked up (~2.8 years, 8 KiB). */
const MIN_DENSE_DAYS = 1024;
/** Widest dense range (~270 years, 800 KiB per zone); days beyond it go to a Map. */
const MAX_DENSE_DAYS = 100_000;
/** Bounds the Maps for pathological inputs spanning millennia; a reset just costs recomputation. */
const MAX_CACHE_ENTRIES = 200_000;

interface ZoneCache {
	format: Intl.DateTimeFormat;
	/** Offset ms per UTC day from denseFirstDay on: NaN = not read yet, MIXED = transition day. */
	dense: Float64Array;
	denseFirstDay: number;
	/** Same for UTC days outside the dense range. */
	days: Map<number, number>;
	/** UTC hour → offset ms, or MIXED (filled for transition days only). */
	hours: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();
let lastZoneName = '';
let lastZone: ZoneCache | null = null;

/** Offset of `timeZone` from UTC at an instant, in ms (local = utc + offset); +02:00 → 7200000. */
export function timeZoneOffsetMs(epochMs: number, timeZone: string): number {
	if (isUtcZone(timeZone)) return 0;
	return zoneOffset(zoneCache(timeZone), epochMs);
}

/** Local calendar day number (days since 1970-01-01 in local wall time) of an instant. */
export function localDayNumber(epochMs: number, timeZone: string): number {
	if (isUtcZone(timeZone)) return Math.floor(epochMs / DAY_MS);
	return Math.floor((epochMs + zoneOffset(zoneCache(timeZone), epochMs)) / DAY_MS);
}

/**
 * UTC instant at which local day `localDay` (as from localDayNumber) begins. Usually local
 * midnight; where a DST gap swallows midnight the day begins at the transition; where midnight
 * repeats, the first one.
 */
export function localDayStartMs(localDay: number, timeZone: string): number {
	const wallMs = localDay * DAY_MS;
	if (isUtcZone(timeZone)) return wallMs;
	return wallTimeToEpochMs(zoneCache(timeZone), wallMs, true);
}

/**
 * Converts a wall-clock time in `timeZone` to epoch ms. Month is 1-based; fields may overflow
 * (day 32, hour 25 …) and are carried arithmetically. Nonexistent times (DST gap) shift forward
 * by the gap (02:30 → 03:30); repeated times (DST overlap) take the first occurrence.
 */
export function zonedWallTimeToEpochMs(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
	millisecond: number,
	timeZone: string
): number {
	const monthIndex = month - 1;
	const carryYears = Math.floor(monthIndex / 12);
	const wallMs =
		daysFromCivil(year + carryYears, monthIndex - carryYears * 12 + 1, day) * DAY_MS +
		hour * HOUR_MS +
		minute * MINUTE_MS +
		second * SECOND_MS +
		millisecond;
	if (isUtcZone(timeZone)) return wallMs;
	return wallTimeToEpochMs(zoneCache(timeZone), wallMs, false);
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm; any year). */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

function isUtcZone(timeZone: string): boolean {
	return (
		timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT' || timeZone === 'Etc/GMT'
	);
}

/**
 * The instant whose wall time in `zone` is `wallMs` (wall time read as if UTC). Overlaps take
 * the first occurrence; a wall time inside a gap is read with the offset before it (shifting it
 * forward by the gap), or with `gapToTransition` becomes the transition itself.
 */
function wallTimeToEpochMs(zone: ZoneCache, wallMs: number, gapToTransition: boolean): number {
	// At most one transition is assumed within ±1 day, so these bracket any gap/overlap.
	const offsetBefore = zoneOffset(zone, wallMs - DAY_MS);
	const offsetAfter = zoneOffset(zone, wallMs + DAY_MS);
	const early = wallMs - offsetBefore;
	const earlyValid = zoneOffset(zone, early) === offsetBefore;
	if (offsetBefore === offsetAfter && earlyValid) return early;
	const late = wallMs - offsetAfter;
	const lateValid = zoneOffset(zone, late) === offsetAfter;
	if (earlyValid && lateValid) return Math.min(early, late);
	if (earlyValid) return early;
	if (lateValid) return late;
	// Gap: reading the wall time with the pre-transition offset lands after the jump.
	if (!gapToTransition) return early;
	// The transition is the first instant whose wall time is not before `wallMs`.
	let lo = Math.min(early, late);
	let hi = Math.max(early, late);
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (mid + zoneOffset(zone, mid) >= wallMs) hi = mid;
		else lo = mid;
	}
	return hi;
}

function zoneCache(timeZone: string): ZoneCache {
	if (lastZone !== null && lastZoneName === timeZone) return lastZone;
	let zone = zones.get(timeZone);
	if (zone === undefined) {
		// Throws RangeError for unknown zones, which is what a misconfigured caller should see.
		const format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		zone = {
			format,
			dense: new Float64Array(0),
			denseFirstDay: 0,
			days: new Map(),
			hours: new Map()
		};
		zones.set(timeZone, zone);
	}
	lastZoneName = timeZone;
	lastZone = zone;
	return zone;
}

function zoneOffset(zone: ZoneCache, epochMs: number): number {
	const day = Math.floor(epochMs / DAY_MS);
	const index = day - zone.denseFirstDay;
	let dayOffset = index >= 0 && index < zone.dense.length ? (zone.dense[index] ?? NaN) : NaN;
	if (Number.isNaN(dayOffset)) dayOffset = readDayOffset(zone, day);
	if (dayOffset !== MIXED) return dayOffset;
	const hour = Math.floor(epochMs / HOUR_MS);
	let hourOffset = zone.hours.get(hour);
	if (hourOffset === undefined) {
		hourOffset = spanOffset(zone.format, hour * HOUR_MS, HOUR_MS);
		remember(zone.hours, hour, hourOffset);
	}
	return hourOffset === MIXED ? computeOffset(zone.format, epochMs) : hourOffset;
}

/** Cache miss for a UTC day: reads its offset (or MIXED) and stores it, densely if it can. */
function readDayOffset(zone: ZoneCache, day: number): number {
	if (coverDensely(zone, day)) {
		const offset = spanOffset(zone.format, day * DAY_MS, DAY_MS);
		zone.dense[day - zone.denseFirstDay] = offset;
		return offset;
	}
	let offset = zone.days.get(day);
	if (offset === undefined) {
		offset = spanOffset(zone.format, day * DAY_MS, DAY_MS);
		remember(zone.days, day, offset);
	}
	return offset;
}

/** Grows the dense range (geometrically) to hold `day`; false if that would make it too wide. */
function coverDensely(zone: ZoneCache, day: number): boolean {
	const old = zone.dense;
	const oldFirst = zone.denseFirstDay;
	const oldEnd = oldFirst + old.length;
	if (day >= oldFirst && day < oldEnd) return true;
	const first = old.length === 0 ? day : Math.min(oldFirst, day);
	const end = old.length === 0 ? day + 1 : Math.max(oldEnd, day + 1);
	if (end - first > MAX_DENSE_DAYS) return false;
	const length = Math.min(MAX_DENSE_DAYS, Math.max(end - first, 2 * old.length, MIN_DENSE_DAYS));
	const slack = length - (end - first);
	// The slack goes where the range grew (both sides for a first allocation).
	let newFirst = first;
	if (old.length === 0) newFirst = first - Math.floor(slack / 2);
	else if (day < oldFirst) newFirst = first - slack;
	const dense = new Float64Array(length).fill(NaN);
	if (old.length > 0) dense.set(old, oldFirst - newFirst);
	zone.dense = dense;
	zone.denseFirstDay = newFirst;
	return true;
}

/** The offset throughout [start, start + span) if equal at both ends (≤ 1 transition), else MIXED. */
function spanOffset(format: Intl.DateTimeFormat, start: number, span: number): number {
	const first = computeOffset(format, start);
	return first === computeOffset(format, start + span - SECOND_MS) ? first : MIXED;
}

function remember(cache: Map<number, number>, key: number, offset: number): void {
	if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
	cache.set(key, offset);
}

/** Offset at one instant, read from Intl: local wall time (as if UTC) minus the instant. */
function computeOffset(format: Intl.DateTimeFormat, epochMs: number): number {
	let year = 0;
	let month = 1;
	let day = 1;
	let hour = 0;
	let minute = 0;
	let second = 0;
	for (const part of format.formatToParts(epochMs)) {
		switch (part.type) {
			case 'year':
				year = Number(part.value);
				break;
			case 'month':
				month = Number(part.value);
				break;
			case 'day':
				day = Number(part.value);
				break;
			case 'hour':
				// Some ICU versions still print 24 for midnight despite h23.
				hour = Number(part.value) % 24;
				break;
			case 'minute':
				minute = Number(part.value);
				break;
			case 'second':
				second = Number(part.value);
				break;
		}
	}
	const wall =
		daysFromCivil(year, month, day) * DAY_MS +
		hour * HOUR_MS +
		minute * MINUTE_MS +
		second * SECOND_MS;
	// Intl works in whole seconds, so compare against the instant truncated the same way.
	return wall - Math.floor(epochMs / SECOND_MS) * SECOND_MS;
}
