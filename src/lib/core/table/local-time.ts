import { rankedGroupMedians, type GroupCodes } from './ranked-column';
import { tableRanks } from './table-kpis';
import type { DailyVolumePoint } from '../metrics/daily-volume';
import type { DailyBacklog, DailyBacklogPoint } from '../metrics/backlog';
import { TICKET_STATUSES, codeOf } from '../model/ticket';
import { HOURS, WEEKDAYS, type HourWeekdayCell } from '../metrics/hour-weekday';
import { localDayStartMs, timeZoneOffsetMs } from '../time/time-zone';
import { dayOfNumber } from './days';
import type { TicketTable } from './ticket-table';

const DAY_MS = 86_400_000;
const SOLVED = codeOf(TICKET_STATUSES, 'solved');
const CLOSED = codeOf(TICKET_STATUSES, 'closed');
/** Local day of a row without a creation time. */
export const NO_DAY = -0x80000000;
/** Weekday × hour cell of a row without a creation time. */
export const NO_CELL = 255;

/**
 * Each row's creation time in one time zone, computed once per zone: the local day number
 * and the weekday × hour cell (weekday · 24 + hour, Monday = 0). Converting 1M instants to
 * local time costs a few hundred ms; every filter change would otherwise pay it twice.
 */
export interface LocalTimeColumns {
	timeZone: string;
	localDays: Int32Array;
	cells: Uint8Array;
	/**
	 * Local day of each resolved row's (last) solve; NO_DAY for unresolved rows, UNPLACED for
	 * resolved rows with no solve time (the backlog leaves them out).
	 */
	solvedDays: Int32Array;
}

/** Solved day of a resolved row without a solve instant. */
export const UNPLACED = NO_DAY + 1;

export function localTimeColumns(table: TicketTable, timeZone: string): LocalTimeColumns {
	const localDays = new Int32Array(table.size);
	const cells = new Uint8Array(table.size);
	const solvedDays = new Int32Array(table.size).fill(NO_DAY);
	const { createdAtMs: created, statusCodes, solvedAtMs, resolutionSeconds } = table.columns;
	for (let row = 0; row < table.size; row++) {
		const status = statusCodes[row] as number;
		if (status === SOLVED || status === CLOSED) {
			// backlog.ts's solveInstant: the stated solve time, else created + resolution.
			const solvedAt = solvedAtMs[row] as number;
			const instant = Number.isFinite(solvedAt)
				? solvedAt
				: (created[row] as number) + (resolutionSeconds[row] as number) * 1000;
			solvedDays[row] = Number.isFinite(instant)
				? Math.floor((instant + timeZoneOffsetMs(instant, timeZone)) / DAY_MS)
				: UNPLACED;
		}
		const createdMs = created[row] ?? NaN;
		if (!Number.isFinite(createdMs)) {
			localDays[row] = NO_DAY;
			cells[row] = NO_CELL;
			continue;
		}
		const localMs = createdMs + timeZoneOffsetMs(createdMs, timeZone);
		const localDay = Math.floor(localMs / DAY_MS);
		localDays[row] = localDay;
		// 1970-01-01 was a Thursday: weekday 3 when Monday = 0.
		const weekday = (((localDay + 3) % 7) + 7) % 7;
		cells[row] = weekday * HOURS + Math.floor((localMs - localDay * DAY_MS) / 3_600_000);
	}
	return { timeZone, localDays, cells, solvedDays };
}

type RowVisitor = (visit: (row: number) => void) => void;

const visitorOf =
	(table: TicketTable, rows: Uint32Array | null): RowVisitor =>
	(visit) => {
		if (rows === null) for (let row = 0; row < table.size; row++) visit(row);
		else for (let i = 0; i < rows.length; i++) visit(rows[i] as number);
	};

/**
 * Tickets and the median of the valid first responses per group: counts in one pass, medians
 * from the table's ranked first responses (the same numbers as quantileInPlace per group).
 */
function groupMedians(
	table: TicketTable,
	rows: Uint32Array | null,
	groupOf: GroupCodes,
	groupCount: number
): { tickets: Uint32Array; medians: (number | null)[]; n: Uint32Array } {
	const tickets = new Uint32Array(groupCount);
	const { codes, base } = groupOf;
	const count = rows === null ? table.size : rows.length;
	for (let i = 0; i < count; i++) {
		const group = (codes[rows === null ? i : (rows[i] as number)] as number) - base;
		if (group >= 0 && group < groupCount) tickets[group] = (tickets[group] as number) + 1;
	}
	const { medians, n } = rankedGroupMedians(
		tableRanks(table).firstResponse,
		rows,
		groupOf,
		groupCount
	);
	return { tickets, medians, n };
}

/** dailyTicketVolume of the selected rows (null = all), from the precomputed local days. */
export function tableDailyVolume(
	table: TicketTable,
	rows: Uint32Array | null,
	local: LocalTimeColumns
): DailyVolumePoint[] {
	const forEachRow = visitorOf(table, rows);
	let firstDay = Infinity;
	let lastDay = -Infinity;
	forEachRow((row) => {
		const day = local.localDays[row] ?? NO_DAY;
		if (day === NO_DAY) return;
		if (day < firstDay) firstDay = day;
		if (day > lastDay) lastDay = day;
	});
	if (firstDay === Infinity) return [];
	const dayCount = lastDay - firstDay + 1;
	// NO_DAY lies far below firstDay: out of range, so left out.
	const { tickets, medians, n } = groupMedians(
		table,
		rows,
		{ codes: local.localDays, base: firstDay },
		dayCount
	);
	const points: DailyVolumePoint[] = [];
	for (let d = 0; d < dayCount; d++) {
		points.push({
			day: dayOfNumber(firstDay + d),
			dayStartMs: localDayStartMs(firstDay + d, local.timeZone),
			tickets: tickets[d] ?? 0,
			firstResponseMedianSeconds: medians[d] ?? null,
			firstResponseN: n[d] ?? 0
		});
	}
	return points;
}

/** hourWeekdayGrid of the selected rows (null = all), from the precomputed cells. */
export function tableHourWeekday(
	table: TicketTable,
	rows: Uint32Array | null,
	local: LocalTimeColumns
): HourWeekdayCell[] {
	// NO_CELL (255) is past the last cell: left out.
	const { tickets, medians, n } = groupMedians(
		table,
		rows,
		{ codes: local.cells, base: 0 },
		HOUR_WEEKDAY_CELLS
	);
	return hourWeekdayCells(tickets, { medians, n });
}

/** Weekday × hour cells of the grid (cell = weekday · 24 + hour). */
export const HOUR_WEEKDAY_CELLS = WEEKDAYS * HOURS;

/** The grid's cells from the tickets and first-response medians per cell. */
export function hourWeekdayCells(
	tickets: Uint32Array,
	{ medians, n }: { medians: (number | null)[]; n: Uint32Array }
): HourWeekdayCell[] {
	const cellCount = HOUR_WEEKDAY_CELLS;
	const cells: HourWeekdayCell[] = [];
	for (let cell = 0; cell < cellCount; cell++) {
		cells.push({
			weekday: Math.floor(cell / HOURS),
			hour: cell % HOURS,
			tickets: tickets[cell] ?? 0,
			firstResponseMedianSeconds: medians[cell] ?? null,
			firstResponseN: n[cell] ?? 0
		});
	}
	return cells;
}

/**
 * dailyBacklog of the selected rows (null = all) from the precomputed local days: created,
 * solved and open at the end of each local day, with the same exclusions.
 */
export function tableDailyBacklog(
	table: TicketTable,
	rows: Uint32Array | null,
	local: LocalTimeColumns
): DailyBacklog {
	const forEachRow = visitorOf(table, rows);
	let firstDay = Infinity;
	let lastDay = -Infinity;
	let excluded = 0;
	forEachRow((row) => {
		const createdDay = local.localDays[row] as number;
		if (createdDay === NO_DAY) return;
		const solvedDay = local.solvedDays[row] as number;
		if (solvedDay === UNPLACED) {
			excluded++;
			return;
		}
		if (createdDay < firstDay) firstDay = createdDay;
		if (createdDay > lastDay) lastDay = createdDay;
		if (solvedDay !== NO_DAY && solvedDay > lastDay) lastDay = solvedDay;
	});
	if (firstDay === Infinity) return { points: [], excluded };
	const dayCount = lastDay - firstDay + 1;
	const created = new Uint32Array(dayCount);
	const solved = new Uint32Array(dayCount);
	forEachRow((row) => {
		const createdDay = local.localDays[row] as number;
		const solvedDay = local.solvedDays[row] as number;
		if (createdDay === NO_DAY || solvedDay === UNPLACED) return;
		created[createdDay - firstDay]!++;
		// A solve stated before creation still closes the ticket, on its creation day.
		if (solvedDay !== NO_DAY) solved[Math.max(solvedDay, createdDay) - firstDay]!++;
	});
	const points: DailyBacklogPoint[] = [];
	let open = 0;
	for (let k = 0; k < dayCount; k++) {
		const day = firstDay + k;
		open += (created[k] as number) - (solved[k] as number);
		points.push({
			day: dayOfNumber(day),
			dayStartMs: localDayStartMs(day, local.timeZone),
			created: created[k] as number,
			solved: solved[k] as number,
			openAtEnd: open
		});
	}
	return { points, excluded };
}

/** The local days a zone's columns span (creation and solve days), once per columns. */
const daySpans = new WeakMap<LocalTimeColumns, { first: number; last: number }>();

function daySpanOf(local: LocalTimeColumns): { first: number; last: number } {
	let span = daySpans.get(local);
	if (span === undefined) {
		let first = Infinity;
		let last = -Infinity;
		const { localDays, solvedDays } = local;
		for (let row = 0; row < localDays.length; row++) {
			const day = localDays[row] as number;
			if (day === NO_DAY) continue;
			if (day < first) first = day;
			if (day > last) last = day;
			const solvedDay = solvedDays[row] as number;
			if (solvedDay !== NO_DAY && solvedDay !== UNPLACED && solvedDay > last) last = solvedDay;
		}
		span = { first, last };
		daySpans.set(local, span);
	}
	return span;
}

/** Past this many days (garbage years in a file) per-day counters would waste memory. */
const MAX_COUNTED_DAYS = 200_000;

/**
 * tableDailyVolume and tableDailyBacklog of the same rows (the dashboard shows both), equal
 * to the two calls: one counting pass into per-day arrays over the table's day span instead
 * of four passes, then the first-response medians per day from the ranked column.
 */
export function tableDailySeries(
	table: TicketTable,
	rows: Uint32Array | null,
	local: LocalTimeColumns
): { daily: DailyVolumePoint[]; backlog: DailyBacklog } {
	const span = daySpanOf(local);
	if (span.first === Infinity || span.last - span.first + 1 > MAX_COUNTED_DAYS)
		return {
			daily: tableDailyVolume(table, rows, local),
			backlog: tableDailyBacklog(table, rows, local)
		};
	const base = span.first;
	const length = span.last - base + 1;
	const tickets = new Uint32Array(length);
	const created = new Uint32Array(length);
	const solved = new Uint32Array(length);
	const { localDays, solvedDays } = local;
	let volumeFirst = Infinity;
	let volumeLast = -Infinity;
	let backlogFirst = Infinity;
	let backlogLast = -Infinity;
	let excluded = 0;
	const count = rows === null ? table.size : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const day = localDays[row] as number;
		if (day === NO_DAY) continue;
		tickets[day - base]!++;
		if (day < volumeFirst) volumeFirst = day;
		if (day > volumeLast) volumeLast = day;
		const solvedDay = solvedDays[row] as number;
		if (solvedDay === UNPLACED) {
			excluded++;
			continue;
		}
		created[day - base]!++;
		if (day < backlogFirst) backlogFirst = day;
		if (day > backlogLast) backlogLast = day;
		if (solvedDay !== NO_DAY) {
			if (solvedDay > backlogLast) backlogLast = solvedDay;
			// A solve stated before creation still closes the ticket, on its creation day.
			solved[Math.max(solvedDay, day) - base]!++;
		}
	}
	const dayStarts = new Map<number, number>();
	const dayStartMs = (day: number) => {
		let start = dayStarts.get(day);
		if (start === undefined) dayStarts.set(day, (start = localDayStartMs(day, local.timeZone)));
		return start;
	};
	const daily: DailyVolumePoint[] = [];
	if (volumeFirst !== Infinity) {
		const dayCount = volumeLast - volumeFirst + 1;
		const { medians, n } = rankedGroupMedians(
			tableRanks(table).firstResponse,
			rows,
			{ codes: localDays, base: volumeFirst },
			dayCount
		);
		for (let d = 0; d < dayCount; d++) {
			const day = volumeFirst + d;
			daily.push({
				day: dayOfNumber(day),
				dayStartMs: dayStartMs(day),
				tickets: tickets[day - base] as number,
				firstResponseMedianSeconds: medians[d] ?? null,
				firstResponseN: n[d] ?? 0
			});
		}
	}
	const points: DailyBacklogPoint[] = [];
	let open = 0;
	for (let day = backlogFirst; day <= backlogLast; day++) {
		const k = day - base;
		open += (created[k] as number) - (solved[k] as number);
		points.push({
			day: dayOfNumber(day),
			dayStartMs: dayStartMs(day),
			created: created[k] as number,
			solved: solved[k] as number,
			openAtEnd: open
		});
	}
	return { daily, backlog: { points, excluded } };
}
