import type { TicketColumns } from '../model/ticket-columns';
import { quantileInPlace } from './quantile';

export interface DailyVolumePoint {
	/** Local calendar day in the requested time zone, 'YYYY-MM-DD'. */
	day: string;
	/** UTC instant of the local day's first moment (midnight, or the end of a DST gap at midnight). */
	dayStartMs: number;
	/** Tickets created on this local day. */
	tickets: number;
	/** Median first response of tickets created on this day; null when none has a valid one. */
	firstResponseMedianSeconds: number | null;
	/** Tickets behind the median (finite, non-negative first response). */
	firstResponseN: number;
}

const SECOND_MS = 1000;
/** Marks rows without a creation time in the Int32 day column (real local days are ±1e8). */
const NO_DAY = -0x80000000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** UTC offsets lie within −12 h … +14 h, so a local midnight is within this window of its UTC twin. */
const MAX_OFFSET_EAST_MS = 14 * HOUR_MS;
const MAX_OFFSET_WEST_MS = 12 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		// Throws RangeError for an unknown zone, which is what a caller passing garbage should get.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Cache entry for a UTC day or hour whose offset changes within it. */
const MIXED = Infinity;
/** Longest UTC-day range cached in a dense array (~270 years); wider ranges use a Map. */
const MAX_DENSE_DAYS = 100_000;

/**
 * UTC offsets (local − UTC, in ms) for one zone. Intl costs microseconds per call, far too much for
 * a million rows, so offsets are cached per UTC day (a dense array over the data's range, as a Map
 * lookup per row costs more than the rest of the scan); only a day that contains a transition
 * falls back to per-hour entries, and only the transition hour itself asks Intl per instant.
 * (Assumes at most one transition per UTC day, true of every zone in use.)
 */
class OffsetCache {
	private readonly formatter: Intl.DateTimeFormat;
	/** Offset per UTC day from denseFirstDay on: NaN = not read yet, MIXED = transition day. */
	private readonly denseByDay: Float64Array;
	private readonly denseFirstDay: number;
	/** Days outside the dense range (gap-day starts near the edges, outlier timestamps). */
	private readonly byDay = new Map<number, number>();
	/** UTC hour → offset, or MIXED (transition days only). */
	private readonly byHour = new Map<number, number>();

	/** `firstUtcMs`..`lastUtcMs` = the instants most lookups will fall in. */
	constructor(timeZone: string, firstUtcMs: number, lastUtcMs: number) {
		this.formatter = formatterFor(timeZone);
		const firstDay = Math.floor(firstUtcMs / DAY_MS);
		const dayCount = Math.floor(lastUtcMs / DAY_MS) - firstDay + 1;
		const dense = dayCount > 0 && dayCount <= MAX_DENSE_DAYS;
		this.denseFirstDay = dense ? firstDay : 0;
		this.denseByDay = new Float64Array(dense ? dayCount : 0).fill(NaN);
	}

	offsetAt(utcMs: number): number {
		const utcDay = Math.floor(utcMs / DAY_MS);
		const dayOffsetMs = this.dayOffset(utcDay);
		if (dayOffsetMs !== MIXED) return dayOffsetMs;

		const utcHour = Math.floor(utcMs / HOUR_MS);
		let hourOffsetMs = this.byHour.get(utcHour);
		if (hourOffsetMs === undefined) {
			hourOffsetMs = this.spanOffset(utcHour * HOUR_MS, HOUR_MS);
			this.byHour.set(utcHour, hourOffsetMs);
		}
		return hourOffsetMs === MIXED ? this.exactOffsetAt(utcMs) : hourOffsetMs;
	}

	private dayOffset(utcDay: number): number {
		const index = utcDay - this.denseFirstDay;
		if (index >= 0 && index < this.denseByDay.length) {
			let offsetMs = this.denseByDay[index] ?? NaN;
			if (Number.isNaN(offsetMs)) {
				offsetMs = this.spanOffset(utcDay * DAY_MS, DAY_MS);
				this.denseByDay[index] = offsetMs;
			}
			return offsetMs;
		}
		let offsetMs = this.byDay.get(utcDay);
		if (offsetMs === undefined) {
			offsetMs = this.spanOffset(utcDay * DAY_MS, DAY_MS);
			this.byDay.set(utcDay, offsetMs);
		}
		return offsetMs;
	}

	/** The offset throughout [startMs, startMs + lengthMs), or MIXED if it differs at the ends. */
	private spanOffset(startMs: number, lengthMs: number): number {
		const atStartMs = this.exactOffsetAt(startMs);
		return atStartMs === this.exactOffsetAt(startMs + lengthMs - 1) ? atStartMs : MIXED;
	}

	/** Offset at one instant, read from Intl: local wall time (as if UTC) minus the instant. */
	private exactOffsetAt(utcMs: number): number {
		let year = 1970;
		let month = 1;
		let day = 1;
		let hour = 0;
		let minute = 0;
		let second = 0;
		for (const part of this.formatter.formatToParts(utcMs)) {
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
					// Some engines print midnight as 24 even with h23.
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
		const wallMs = new Date(0);
		// setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
		wallMs.setUTCFullYear(year, month - 1, day);
		wallMs.setUTCHours(hour, minute, second, 0);
		return wallMs.getTime() - Math.floor(utcMs / SECOND_MS) * SECOND_MS;
	}

	/** Local calendar day number (days since 1970-01-01 in local wall time) of an instant. */
	localDayOf(utcMs: number): number {
		return Math.floor((utcMs + this.offsetAt(utcMs)) / DAY_MS);
	}

	/**
	 * UTC instant at which local day `localDay` begins. Usually local midnight; where a DST gap
	 * swallows midnight the day begins at the transition; where midnight repeats, the first one.
	 */
	localDayStartMs(localDay: number): number {
		const wallMs = localDay * DAY_MS;
		// The offsets in force on either side of the window holding the answer (at most one change).
		const westOffsetMs = this.offsetAt(wallMs - MAX_OFFSET_EAST_MS);
		const eastOffsetMs = this.offsetAt(wallMs + MAX_OFFSET_WEST_MS);
		if (westOffsetMs === eastOffsetMs) return wallMs - westOffsetMs;
		let best = Infinity;
		for (const candidateMs of [wallMs - westOffsetMs, wallMs - eastOffsetMs]) {
			if (candidateMs + this.offsetAt(candidateMs) === wallMs) best = Math.min(best, candidateMs);
		}
		if (best !== Infinity) return best;
		// Midnight does not exist: find the first instant whose wall time is past it (the transition).
		let lo = Math.min(wallMs - westOffsetMs, wallMs - eastOffsetMs);
		let hi = Math.max(wallMs - westOffsetMs, wallMs - eastOffsetMs);
		while (hi - lo > 1) {
			const mid = Math.floor((lo + hi) / 2);
			if (mid + this.offsetAt(mid) >= wallMs) hi = mid;
			else lo = mid;
		}
		return hi;
	}
}

/** 'YYYY-MM-DD' of a local day number (computed in UTC arithmetic: the day is already local). */
function dayLabel(localDay: number): string {
	return new Date(localDay * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Tickets created per local calendar day in `timeZone` (IANA name), with each day's median first
 * response. Days run from the first to the last ticket's day with empty days filled with zeros,
 * so a chart's x axis is continuous. Tickets without a creation time are skipped.
 */
export function dailyTicketVolume(columns: TicketColumns, timeZone: string): DailyVolumePoint[] {
	const created = columns.createdAtMs;
	const firstResponse = columns.firstResponseSeconds;
	const size = Math.min(columns.size, created.length);
	if (size === 0) return [];

	let firstCreatedMs = Infinity;
	let lastCreatedMs = -Infinity;
	for (let i = 0; i < size; i++) {
		const createdMs = created[i] ?? NaN;
		if (!Number.isFinite(createdMs)) continue;
		if (createdMs < firstCreatedMs) firstCreatedMs = createdMs;
		if (createdMs > lastCreatedMs) lastCreatedMs = createdMs;
	}
	if (firstCreatedMs === Infinity) return [];
	const offsets = new OffsetCache(timeZone, firstCreatedMs, lastCreatedMs);
	// Pass 1: local day per row and the day range.
	const rowDays = new Int32Array(size);
	let firstDay = Infinity;
	let lastDay = -Infinity;
	for (let i = 0; i < size; i++) {
		const createdMs = created[i] ?? NaN;
		if (!Number.isFinite(createdMs)) {
			rowDays[i] = NO_DAY;
			continue;
		}
		const localDay = offsets.localDayOf(createdMs);
		rowDays[i] = localDay;
		if (localDay < firstDay) firstDay = localDay;
		if (localDay > lastDay) lastDay = localDay;
	}

	// Pass 2: counts per day, and where each day's first-response values start (counting sort).
	const dayCount = lastDay - firstDay + 1;
	const tickets = new Uint32Array(dayCount);
	const responseStarts = new Uint32Array(dayCount + 1);
	for (let i = 0; i < size; i++) {
		const localDay = rowDays[i] ?? NO_DAY;
		if (localDay === NO_DAY) continue;
		const index = localDay - firstDay;
		tickets[index] = (tickets[index] ?? 0) + 1;
		const seconds = firstResponse[i] ?? NaN;
		// Same rule as the overview KPI: negative first responses are impossible and left out.
		if (Number.isFinite(seconds) && seconds >= 0) {
			responseStarts[index + 1] = (responseStarts[index + 1] ?? 0) + 1;
		}
	}
	for (let d = 0; d < dayCount; d++) {
		responseStarts[d + 1] = (responseStarts[d + 1] ?? 0) + (responseStarts[d] ?? 0);
	}

	// Pass 3: scatter first responses into per-day segments of one buffer.
	const responses = new Float64Array(responseStarts[dayCount] ?? 0);
	const cursor = responseStarts.slice(0, dayCount);
	for (let i = 0; i < size; i++) {
		const localDay = rowDays[i] ?? NO_DAY;
		if (localDay === NO_DAY) continue;
		const seconds = firstResponse[i] ?? NaN;
		if (!(Number.isFinite(seconds) && seconds >= 0)) continue;
		const index = localDay - firstDay;
		const position = cursor[index] ?? 0;
		responses[position] = seconds;
		cursor[index] = position + 1;
	}

	const points: DailyVolumePoint[] = new Array<DailyVolumePoint>(dayCount);
	for (let d = 0; d < dayCount; d++) {
		const localDay = firstDay + d;
		const start = responseStarts[d] ?? 0;
		const end = responseStarts[d + 1] ?? 0;
		points[d] = {
			day: dayLabel(localDay),
			dayStartMs: offsets.localDayStartMs(localDay),
			tickets: tickets[d] ?? 0,
			firstResponseMedianSeconds: quantileInPlace(responses.subarray(start, end), 0.5),
			firstResponseN: end - start
		};
	}
	return points;
}
