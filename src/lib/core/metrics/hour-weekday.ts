import type { TicketColumns } from '../model/ticket-columns';
import { timeZoneOffsetMs } from '../time/time-zone';
import { quantileInPlace } from './quantile';

/** Monday = 0 … Sunday = 6 (ISO order, as shops plan their week). */
export const WEEKDAYS = 7;
export const HOURS = 24;

export interface HourWeekdayCell {
	weekday: number;
	hour: number;
	tickets: number;
	firstResponseMedianSeconds: number | null;
	firstResponseN: number;
}

/**
 * Tickets created per local weekday × hour in `timeZone`, with each cell's median first
 * response: when customers write, and how long they wait then. 168 cells, Monday 00h first.
 */
export function hourWeekdayGrid(columns: TicketColumns, timeZone: string): HourWeekdayCell[] {
	const cellOfRow = new Int16Array(columns.size).fill(-1);
	const counts = new Int32Array(WEEKDAYS * HOURS);
	const responseCounts = new Int32Array(WEEKDAYS * HOURS);
	for (let row = 0; row < columns.size; row++) {
		const createdAtMs = columns.createdAtMs[row] ?? NaN;
		if (!Number.isFinite(createdAtMs)) continue;
		const localMs = createdAtMs + timeZoneOffsetMs(createdAtMs, timeZone);
		const localDay = Math.floor(localMs / 86_400_000);
		// 1970-01-01 was a Thursday (ISO weekday 3 when Monday = 0).
		const weekday = (((localDay + 3) % 7) + 7) % 7;
		const hour = Math.floor((localMs - localDay * 86_400_000) / 3_600_000);
		const cell = weekday * HOURS + hour;
		cellOfRow[row] = cell;
		counts[cell] = (counts[cell] ?? 0) + 1;
		const seconds = columns.firstResponseSeconds[row] ?? NaN;
		if (Number.isFinite(seconds) && seconds >= 0)
			responseCounts[cell] = (responseCounts[cell] ?? 0) + 1;
	}
	// One pass to place each valid response in its cell's slice of a single buffer.
	const offsets = new Int32Array(WEEKDAYS * HOURS + 1);
	for (let cell = 0; cell < WEEKDAYS * HOURS; cell++)
		offsets[cell + 1] = (offsets[cell] ?? 0) + (responseCounts[cell] ?? 0);
	const responses = new Float64Array(offsets[WEEKDAYS * HOURS] ?? 0);
	const filled = offsets.slice(0, WEEKDAYS * HOURS);
	for (let row = 0; row < columns.size; row++) {
		const cell = cellOfRow[row] ?? -1;
		const seconds = columns.firstResponseSeconds[row] ?? NaN;
		if (cell < 0 || !Number.isFinite(seconds) || seconds < 0) continue;
		responses[filled[cell] ?? 0] = seconds;
		filled[cell] = (filled[cell] ?? 0) + 1;
	}
	const cells: HourWeekdayCell[] = [];
	for (let cell = 0; cell < WEEKDAYS * HOURS; cell++) {
		const slice = responses.subarray(offsets[cell] ?? 0, offsets[cell + 1] ?? 0);
		cells.push({
			weekday: Math.floor(cell / HOURS),
			hour: cell % HOURS,
			tickets: counts[cell] ?? 0,
			firstResponseMedianSeconds: quantileInPlace(slice, 0.5),
			firstResponseN: slice.length
		});
	}
	return cells;
}
