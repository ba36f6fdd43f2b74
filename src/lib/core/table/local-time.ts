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
