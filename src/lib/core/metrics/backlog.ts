import { TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import { localDayNumber, localDayStartMs } from '../time/time-zone';
import type { KpiResult } from './ticket-count';

const DAY_MS = 86_400_000;

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');

const isResolvedCode = (code: number | undefined): boolean =>
	code === SOLVED_CODE || code === CLOSED_CODE;

/**
 * When a resolved ticket was (last) solved: the stated solve time, else created + stated
 * resolution; NaN when the export gives neither.
 */
function solveInstant(columns: TicketColumns, row: number): number {
	const solvedAt = columns.solvedAtMs[row] ?? NaN;
	if (Number.isFinite(solvedAt)) return solvedAt;
	const seconds = columns.resolutionSeconds[row] ?? NaN;
	const created = columns.createdAtMs[row] ?? NaN;
	return created + seconds * 1000;
}

/**
 * The moment the data describes: the latest creation, first reply or solve in it. An export is
 * a snapshot, so "still open" and "still waiting" mean "at this moment", not at today's date
 * (which would make old exports drift and results change by the hour).
 */
export function dataAsOfMs(columns: TicketColumns): number | null {
	let latest = -Infinity;
	const size = columns.size;
	for (let i = 0; i < size; i++) {
		const created = columns.createdAtMs[i] ?? NaN;
		if (created > latest) latest = created;
		const replied = created + (columns.firstResponseSeconds[i] ?? NaN) * 1000;
		if (replied > latest) latest = replied;
		const solvedAt = columns.solvedAtMs[i] ?? NaN;
		if (solvedAt > latest) latest = solvedAt;
	}
	return Number.isFinite(latest) ? latest : null;
}

/** Tickets whose current status is solved or closed (n = every ticket). */
export function solvedCount(columns: TicketColumns): KpiResult {
	const size = Math.min(columns.size, columns.statusCodes.length);
	let solved = 0;
	for (let i = 0; i < size; i++) if (isResolvedCode(columns.statusCodes[i])) solved++;
	return { value: solved, n: size, excluded: 0 };
}

/**
 * Created minus solved within [fromMs, toMs): how much the pile grew (positive) or shrank. Each
 * side is bucketed by its own event (creation, last solve), as Freshdesk's received/resolved.
 * Resolved tickets with no solve time cannot be placed and are excluded. n = tickets created in
 * the period plus tickets solved in it.
 */
export function netBacklogChange(columns: TicketColumns, fromMs: number, toMs: number): KpiResult {
	const size = Math.min(columns.size, columns.statusCodes.length, columns.createdAtMs.length);
	let created = 0;
	let solved = 0;
	let excluded = 0;
	for (let i = 0; i < size; i++) {
		const createdAt = columns.createdAtMs[i] ?? NaN;
		if (createdAt >= fromMs && createdAt < toMs) created++;
		if (!isResolvedCode(columns.statusCodes[i])) continue;
		const solvedAt = solveInstant(columns, i);
		if (!Number.isFinite(solvedAt)) excluded++;
		else if (solvedAt >= fromMs && solvedAt < toMs) solved++;
	}
	return { value: created - solved, n: created + solved, excluded };
}

export interface DailyBacklogPoint {
	/** Local day 'YYYY-MM-DD'. */
	day: string;
	dayStartMs: number;
	created: number;
	/** Tickets whose (last) solve fell on this day. */
	solved: number;
	/** Tickets created by the end of this day and not solved by then. */
	openAtEnd: number;
}

export interface DailyBacklog {
	points: DailyBacklogPoint[];
	/** Resolved tickets without a solve time: left out of every day (they cannot be placed). */
	excluded: number;
}

/**
 * Created, solved and open-at-end per local day in `timeZone`, from the first creation to the
 * last event. Reopened tickets (status open again) count as open from creation on.
 */
export function dailyBacklog(columns: TicketColumns, timeZone: string): DailyBacklog {
	const size = Math.min(columns.size, columns.statusCodes.length, columns.createdAtMs.length);
	const createdDays = new Float64Array(size).fill(NaN);
	const solvedDays = new Float64Array(size).fill(NaN);
	let firstDay = Infinity;
	let lastDay = -Infinity;
	let excluded = 0;
	for (let i = 0; i < size; i++) {
		const createdAt = columns.createdAtMs[i] ?? NaN;
		if (!Number.isFinite(createdAt)) continue;
		let solvedDay = NaN;
		if (isResolvedCode(columns.statusCodes[i])) {
			const solvedAt = solveInstant(columns, i);
			if (!Number.isFinite(solvedAt)) {
				excluded++;
				continue;
			}
			solvedDay = localDayNumber(solvedAt, timeZone);
		}
		const createdDay = localDayNumber(createdAt, timeZone);
		createdDays[i] = createdDay;
		solvedDays[i] = solvedDay;
		firstDay = Math.min(firstDay, createdDay);
		lastDay = Math.max(lastDay, createdDay, Number.isNaN(solvedDay) ? -Infinity : solvedDay);
	}
	if (firstDay === Infinity) return { points: [], excluded };
	const dayCount = lastDay - firstDay + 1;
	const created = new Uint32Array(dayCount);
	const solved = new Uint32Array(dayCount);
	for (let i = 0; i < size; i++) {
		const createdDay = createdDays[i] ?? NaN;
		if (Number.isNaN(createdDay)) continue;
		created[createdDay - firstDay]!++;
		const solvedDay = solvedDays[i] ?? NaN;
		// A solve stated before creation still closes the ticket, on its creation day.
		if (!Number.isNaN(solvedDay)) solved[Math.max(solvedDay, createdDay) - firstDay]!++;
	}
	const points: DailyBacklogPoint[] = [];
	let open = 0;
	for (let k = 0; k < dayCount; k++) {
		const day = firstDay + k;
		open += (created[k] ?? 0) - (solved[k] ?? 0);
		points.push({
			day: new Date(day * DAY_MS).toISOString().slice(0, 10),
			dayStartMs: localDayStartMs(day, timeZone),
			created: created[k] ?? 0,
			solved: solved[k] ?? 0,
			openAtEnd: open
		});
	}
	return { points, excluded };
}

/**
 * Tickets open at `endMs` (default: the data's own moment): created at or before it and not
 * resolved by then. A ticket counts as resolved at `endMs` if its status is solved/closed and
 * its solve instant is not later; a reopened ticket (status open again) is open. Resolved
 * tickets with no solve time at all cannot be placed in time and are excluded unless `endMs`
 * is the data's moment, when their status answers. n = tickets created by `endMs`. `asOf` is
 * dataAsOfMs(columns), passed in when the caller has it already.
 */
export function openBacklogAt(
	columns: TicketColumns,
	endMs?: number,
	asOf: number | null = dataAsOfMs(columns)
): KpiResult {
	if (asOf === null) return { value: null, n: 0, excluded: 0 };
	const end = endMs ?? asOf;
	const atDataMoment = end >= asOf;
	const size = Math.min(columns.size, columns.statusCodes.length, columns.createdAtMs.length);
	let created = 0;
	let open = 0;
	let excluded = 0;
	for (let i = 0; i < size; i++) {
		const createdAt = columns.createdAtMs[i] ?? NaN;
		if (!(createdAt <= end)) continue;
		if (!isResolvedCode(columns.statusCodes[i])) {
			created++;
			open++;
			continue;
		}
		if (atDataMoment) {
			created++;
			continue;
		}
		const solvedAt = solveInstant(columns, i);
		if (!Number.isFinite(solvedAt)) {
			excluded++;
			continue;
		}
		created++;
		if (solvedAt > end) open++;
	}
	return { value: open, n: created, excluded };
}
