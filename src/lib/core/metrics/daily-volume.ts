import type { TicketColumns } from '../model/ticket-columns';
import { localDayNumber, localDayStartMs } from '../time/time-zone';
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

/** Marks rows without a creation time in the Int32 day column (real local days are ±1e8). */
const NO_DAY = -0x80000000;
const DAY_MS = 86_400_000;

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
		const localDay = localDayNumber(createdMs, timeZone);
		rowDays[i] = localDay;
		if (localDay < firstDay) firstDay = localDay;
		if (localDay > lastDay) lastDay = localDay;
	}
	if (firstDay === Infinity) return [];

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
			dayStartMs: localDayStartMs(localDay, timeZone),
			tickets: tickets[d] ?? 0,
			firstResponseMedianSeconds: quantileInPlace(responses.subarray(start, end), 0.5),
			firstResponseN: end - start
		};
	}
	return points;
}
