import {
	KPI_IDS,
	KPI_UNITS,
	type KpiId,
	type KpiResult,
	type OverviewKpi
} from '../metrics/overview-kpis';
import {
	businessTimeGap,
	clockOver,
	firstResponseBusinessMedian,
	resolutionBusinessMedian
} from '../metrics/business-time';
import { slaAttainment } from '../metrics/sla-attainment';
import type { TicketColumns } from '../model/ticket-columns';
import {
	DEFAULT_SERVICE_SETTINGS,
	SLA_TABLE_STRIDE,
	slaTargetTable,
	type ServiceSettings,
	type SlaTargets
} from '../model/service-settings';
import { CSAT_SCALES, TICKET_STATUSES, codeOf } from '../model/ticket';
import type { BusinessSchedule } from '../time/business-hours';
import { gatherColumns } from './gather-columns';
import {
	rankColumn,
	rankedQuantiles,
	type QuantileSource,
	type RankedColumn
} from './ranked-column';
import type { TicketTable } from './ticket-table';
import { countByClasses, rowClassesOf, type ClassCounts, type RowClasses } from './row-classes';

const SOLVED = codeOf(TICKET_STATUSES, 'solved');
const CLOSED = codeOf(TICKET_STATUSES, 'closed');
const GOOD_BAD = codeOf(CSAT_SCALES, 'good_bad');
const FIVE_POINT = codeOf(CSAT_SCALES, 'five_point');

const isResolved = (status: number): boolean => status === SOLVED || status === CLOSED;

/** The duration medians' populations, ranked once per table (data version). */
export interface TableRanks {
	/** Valid first responses (finite, ≥ 0): firstResponseTime's sample. */
	firstResponse: RankedColumn;
	/** Resolved tickets' valid resolutions: resolutionTimeMedian's sample. */
	resolution: RankedColumn;
	/** Resolved tickets' valid reply counts: repliesPerTicket's sample. */
	replies: RankedColumn;
}

const ranksByTable = new WeakMap<TicketTable, TableRanks>();

/** Ranks read back from a snapshot of the same table, so they are not rebuilt. */
export function adoptRanks(
	table: TicketTable,
	ranks: TableRanks,
	business?: BusinessRanks,
	firstResolution?: RankedColumn | null
): void {
	ranksByTable.set(table, ranks);
	if (business !== undefined) businessByTable.set(table, business);
	if (firstResolution !== undefined) firstResolutionByTable.set(table, firstResolution);
}

/** The business-hour ranks computed for the table so far (for its snapshot), if any. */
export function businessRanksOf(table: TicketTable): BusinessRanks | undefined {
	return businessByTable.get(table);
}

export function tableRanks(table: TicketTable): TableRanks {
	let ranks = ranksByTable.get(table);
	if (ranks === undefined) {
		const { columns, size } = table;
		const resolved = (row: number) => isResolved(columns.statusCodes[row] as number);
		ranks = {
			firstResponse: rankColumn(
				columns.firstResponseSeconds,
				size,
				(row) => (columns.firstResponseSeconds[row] as number) >= 0
			),
			resolution: rankColumn(
				columns.resolutionSeconds,
				size,
				(row) => resolved(row) && (columns.resolutionSeconds[row] as number) >= 0
			),
			replies: rankColumn(
				columns.agentReplies,
				size,
				(row) => resolved(row) && (columns.agentReplies[row] as number) >= 0
			)
		};
		ranksByTable.set(table, ranks);
	}
	return ranks;
}

/**
 * Business seconds of each row's first response / resolution under one schedule, ranked. Null
 * when they cannot stand in for the per-selection clock exactly: an instant off whole
 * milliseconds (sums of whole ms are exact, so the clock's range then cannot change a value),
 * or no clock over the whole table (no open hour, a garbage timestamp).
 */
export interface BusinessRanks {
	key: string;
	firstResponse: RankedColumn | null;
	resolution: RankedColumn | null;
}

const businessByTable = new WeakMap<TicketTable, BusinessRanks>();

function businessRanks(table: TicketTable, schedule: BusinessSchedule): BusinessRanks {
	const key = JSON.stringify(schedule);
	const cached = businessByTable.get(table);
	if (cached !== undefined && cached.key === key) return cached;
	const { columns, size } = table;
	const rank = (stated: Float64Array, resolvedOnly: boolean): RankedColumn | null => {
		const created = columns.createdAtMs;
		const inScope = (row: number): boolean => {
			if (resolvedOnly && !isResolved(columns.statusCodes[row] as number)) return false;
			const seconds = stated[row] as number;
			return Number.isFinite(seconds) && seconds >= 0 && Number.isFinite(created[row]);
		};
		let fromMs = Infinity;
		let toMs = -Infinity;
		for (let row = 0; row < size; row++) {
			if (!inScope(row)) continue;
			const start = created[row] as number;
			const end = start + (stated[row] as number) * 1000;
			if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
			if (start < fromMs) fromMs = start;
			if (end > toMs) toMs = end;
		}
		if (fromMs > toMs) return rankColumn(new Float64Array(0), 0);
		const clock = clockOver(schedule, fromMs, toMs);
		if (typeof clock === 'string') return null;
		const business = new Float64Array(size).fill(NaN);
		for (let row = 0; row < size; row++) {
			if (!inScope(row)) continue;
			const start = created[row] as number;
			business[row] = clock.secondsBetween(start, start + (stated[row] as number) * 1000);
		}
		return rankColumn(business, size);
	};
	const made = {
		key,
		firstResponse: rank(columns.firstResponseSeconds, false),
		resolution: rank(columns.resolutionSeconds, true)
	};
	businessByTable.set(table, made);
	return made;
}

/** One business-time scope's instants, counts and negatives, as businessMedian's. */
interface BusinessScope {
	from: number;
	to: number;
	count: number;
	excluded: number;
}

interface SlaTally extends KpiResult {
	met: number;
	breached: number;
	pending: number;
}

/** The SLA tally from counts [met, breached, pending, excluded] at `offset` (pending is not in n). */
function slaTallyAt(counts: ArrayLike<number>, offset: number): SlaTally {
	const met = counts[offset] as number;
	const breached = counts[offset + 1] as number;
	const n = met + breached;
	return {
		value: n === 0 ? null : met / n,
		n,
		excluded: counts[offset + 3] as number,
		met,
		breached,
		pending: counts[offset + 2] as number
	};
}

/**
 * What one pass over the selected rows counts (tiles, calendar SLA, exclusions): the counts
 * the row classes give (ClassCounts), with the business-hours scopes and calendar SLA tallies
 * in place of their per-class forms.
 */
interface Tally extends Omit<
	ClassCounts,
	'firstCount' | 'firstBusinessExcluded' | 'resolutionCount' | 'resolutionBusinessExcluded' | 'sla'
> {
	business: [BusinessScope, BusinessScope];
	/** slaAttainment in calendar time (null when the SLA clock is business hours). */
	calendar: { first_response: SlaTally; resolution: SlaTally } | null;
}

/**
 * The tally from the rows' classes (row-classes.ts: one histogram increment per row), or
 * null when they cannot give it exactly: a value no class carries (the table has none), or
 * business scopes so wide that a selection's own instants decide whether a clock exists.
 */
function tallyByClasses(
	table: TicketTable,
	rows: Uint32Array | null,
	calendarTargets: { firstResponse: SlaTargets; resolution: SlaTargets } | null,
	schedule: BusinessSchedule
): Tally | null {
	const classes: RowClasses | null = rowClassesOf(table);
	if (classes === null) return null;
	// A selection's scope lies within the table's: the same answer unless the table's is too wide.
	for (const { from, to } of classes.business)
		if (from <= to && businessTimeGap(schedule, from, to) === 'range_too_wide') return null;
	const counted = countByClasses(table, classes, rows, calendarTargets);
	const [first, resolution] = classes.business;
	const sla = counted.sla;
	return {
		...counted,
		business: [
			{
				from: first.from,
				to: first.to,
				count: counted.firstCount,
				excluded: counted.firstBusinessExcluded
			},
			{
				from: resolution.from,
				to: resolution.to,
				count: counted.resolutionCount,
				excluded: counted.resolutionBusinessExcluded
			}
		],
		calendar:
			sla === null ? null : { first_response: slaTallyAt(sla, 0), resolution: slaTallyAt(sla, 4) }
	};
}

/** A growable list of row numbers (the rows whose SLA verdict waits for the data's moment). */
class RowList {
	rows = new Uint32Array(256);
	length = 0;
	push(row: number): void {
		if (this.length === this.rows.length) {
			const grown = new Uint32Array(this.rows.length * 2);
			grown.set(this.rows);
			this.rows = grown;
		}
		this.rows[this.length++] = row;
	}
}

/**
 * Every count the tiles need in one pass over the selected rows, without copying them: the
 * rates' parts, the data's moment (dataAsOfMs), the business scopes, the first-resolution
 * exclusions and, with calendar targets, slaAttainment's verdicts (both kinds read the same
 * channel, priority, creation and status columns). A still-waiting ticket's verdict needs the
 * data's moment, known only at the end: those rows are judged after the pass (open tickets,
 * usually few). Counts live in locals: one closure over an object cost twice the time.
 */
function tally(
	table: TicketTable,
	rows: Uint32Array | null,
	calendarTargets: { firstResponse: SlaTargets; resolution: SlaTargets } | null
): Tally {
	const c = table.columns;
	const created$ = c.createdAtMs;
	const status$ = c.statusCodes;
	const firstResponse$ = c.firstResponseSeconds;
	const resolution$ = c.resolutionSeconds;
	const solvedAt$ = c.solvedAtMs;
	const replies$ = c.agentReplies;
	const reopens$ = c.reopens;
	const scale$ = c.csatScaleCodes;
	const score$ = c.csatScores;
	const firstResolution$ = c.firstResolutionSeconds;
	const channel$ = c.channelCodes;
	const priority$ = c.priorityCodes;
	const firstTable =
		calendarTargets === null ? null : slaTargetTable(calendarTargets.firstResponse);
	const resolutionTable =
		calendarTargets === null ? null : slaTargetTable(calendarTargets.resolution);
	// [met, breached, pending, excluded] per kind: first response, then resolution.
	const sla = new Float64Array(8);
	const firstWaiting = new RowList();
	const resolutionWaiting = new RowList();

	let tickets = 0;
	let solved = 0;
	let createdKnown = 0;
	let unresolvedKnown = 0;
	let latest = -Infinity;
	let firstResponseExcluded = 0;
	let resolutionExcluded = 0;
	let firstResolutionExcluded = 0;
	let oneTouchKnown = 0;
	let oneTouch = 0;
	let reopenKnown = 0;
	let reopened = 0;
	let repliesSum = 0;
	let rated = 0;
	let satisfied = 0;
	let csatExcluded = 0;
	let fiveCount = 0;
	let fiveSum = 0;
	let fiveExcluded = 0;
	let firstFrom = Infinity;
	let firstTo = -Infinity;
	let firstCount = 0;
	let firstBusinessExcluded = 0;
	let resolutionFrom = Infinity;
	let resolutionTo = -Infinity;
	let resolutionCount = 0;
	let resolutionBusinessExcluded = 0;

	const count = rows === null ? table.size : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		tickets++;
		const status = status$[row] as number;
		const resolved = status === SOLVED || status === CLOSED;
		const created = created$[row] as number;
		const firstResponse = firstResponse$[row] as number;
		const resolution = resolution$[row] as number;
		if (resolved) solved++;
		// dataAsOfMs and openBacklogAt at the data's moment.
		if (created > latest) latest = created;
		const replied = created + firstResponse * 1000;
		if (replied > latest) latest = replied;
		const solvedAt = solvedAt$[row] as number;
		if (solvedAt > latest) latest = solvedAt;
		if (!Number.isNaN(created)) {
			createdKnown++;
			if (!resolved) unresolvedKnown++;
		}
		const createdFinite = Number.isFinite(created);
		const firstResponseFinite = Number.isFinite(firstResponse);
		if (firstResponseFinite && firstResponse < 0) firstResponseExcluded++;
		if (firstResponseFinite && createdFinite) {
			if (firstResponse < 0) firstBusinessExcluded++;
			else {
				firstCount++;
				if (created < firstFrom) firstFrom = created;
				if (replied > firstTo) firstTo = replied;
			}
		}
		if (resolved) {
			const resolutionFinite = Number.isFinite(resolution);
			if (resolutionFinite && resolution < 0) resolutionExcluded++;
			if (resolutionFinite && createdFinite) {
				if (resolution < 0) resolutionBusinessExcluded++;
				else {
					resolutionCount++;
					const end = created + resolution * 1000;
					if (created < resolutionFrom) resolutionFrom = created;
					if (end > resolutionTo) resolutionTo = end;
				}
			}
			const replies = replies$[row] as number;
			if (Number.isFinite(replies)) {
				oneTouchKnown++;
				if (replies <= 1) oneTouch++;
				if (replies >= 0) repliesSum += replies;
			}
			const reopens = reopens$[row] as number;
			if (Number.isFinite(reopens)) {
				reopenKnown++;
				if (reopens >= 1) reopened++;
			}
		}
		const scale = scale$[row] as number;
		if (scale !== 0) {
			const score = score$[row] as number;
			if (Number.isFinite(score)) {
				if (scale === GOOD_BAD) {
					if (score === 0 || score === 1) {
						rated++;
						if (score === 1) satisfied++;
					} else csatExcluded++;
				} else if (scale === FIVE_POINT) {
					if (score >= 1 && score <= 5) {
						rated++;
						if (score >= 4) satisfied++;
						fiveCount++;
						fiveSum += score;
					} else {
						csatExcluded++;
						fiveExcluded++;
					}
				} else csatExcluded++;
			}
		}
		if (firstResolution$ !== undefined) {
			const seconds = firstResolution$[row] as number;
			if (Number.isFinite(seconds) && seconds < 0) firstResolutionExcluded++;
		}
		if (firstTable === null || resolutionTable === null || !createdFinite) continue;
		// slaAttainment's verdicts; `seconds` NaN = not (yet) stated.
		const cell = (channel$[row] as number) * SLA_TABLE_STRIDE + (priority$[row] as number);
		const firstTarget = firstTable[cell] as number;
		if (!Number.isNaN(firstTarget)) {
			if (firstResponseFinite) {
				if (firstResponse < 0) sla[3]!++;
				else if ((created + firstResponse * 1000 - created) / 1000 > firstTarget) sla[1]!++;
				else sla[0]!++;
			} else if (!resolved) firstWaiting.push(row);
		}
		const resolutionTarget = resolutionTable[cell] as number;
		if (!Number.isNaN(resolutionTarget) && resolved) {
			if (Number.isFinite(resolution)) {
				if (resolution < 0) sla[7]!++;
				else if ((created + resolution * 1000 - created) / 1000 > resolutionTarget) sla[5]!++;
				else sla[4]!++;
			}
		} else if (!Number.isNaN(resolutionTarget)) resolutionWaiting.push(row);
	}

	let calendar: Tally['calendar'] = null;
	if (firstTable !== null && resolutionTable !== null) {
		// Waiting tickets: the time since creation at the data's moment (none without one).
		if (Number.isFinite(latest)) {
			const judgeWaiting = (waiting: RowList, targets: Float64Array, offset: number) => {
				for (let k = 0; k < waiting.length; k++) {
					const row = waiting.rows[k] as number;
					const created = created$[row] as number;
					const target = targets[
						(channel$[row] as number) * SLA_TABLE_STRIDE + (priority$[row] as number)
					] as number;
					if ((Math.max(latest, created) - created) / 1000 > target) sla[offset + 1]!++;
					else sla[offset + 2]!++;
				}
			};
			judgeWaiting(firstWaiting, firstTable, 0);
			judgeWaiting(resolutionWaiting, resolutionTable, 4);
		}
		calendar = { first_response: slaTallyAt(sla, 0), resolution: slaTallyAt(sla, 4) };
	}
	return {
		tickets,
		solved,
		createdKnown,
		unresolvedKnown,
		latest,
		firstResponseExcluded,
		resolutionExcluded,
		firstResolutionExcluded,
		oneTouchKnown,
		oneTouch,
		reopenKnown,
		reopened,
		repliesSum,
		rated,
		satisfied,
		csatExcluded,
		fiveCount,
		fiveSum,
		fiveExcluded,
		business: [
			{ from: firstFrom, to: firstTo, count: firstCount, excluded: firstBusinessExcluded },
			{
				from: resolutionFrom,
				to: resolutionTo,
				count: resolutionCount,
				excluded: resolutionBusinessExcluded
			}
		],
		calendar
	};
}

/**
 * First resolution (creation → first solve) ranked once per table; kept apart from TableRanks
 * (and its snapshot) because most exports do not carry the column. Null without it.
 */
const firstResolutionByTable = new WeakMap<TicketTable, RankedColumn | null>();

/** The table's ranked first resolutions (built once; for the snapshot too), null without the column. */
export function firstResolutionRanks(table: TicketTable): RankedColumn | null {
	let ranked = firstResolutionByTable.get(table);
	if (ranked === undefined) {
		const values = table.columns.firstResolutionSeconds;
		ranked =
			values === undefined
				? null
				: rankColumn(values, table.size, (row) => (values[row] as number) >= 0);
		firstResolutionByTable.set(table, ranked);
	}
	return ranked;
}

function firstResolutionKpi(
	table: TicketTable,
	rows: Uint32Array | null,
	quantilesOf: QuantileSource,
	/** Negative first resolutions among the rows (counted by the tally pass). */
	excluded: number
): KpiResult {
	if (table.columns.firstResolutionSeconds === undefined) return { value: null, n: 0, excluded: 0 };
	const ranked = firstResolutionRanks(table);
	if (ranked === null) return { value: null, n: 0, excluded: 0 };
	const { values: quantiles, n } = quantilesOf(ranked, rows, [0.5]);
	return { value: quantiles[0] ?? null, n, excluded };
}

/**
 * computeOverviewKpis over the selected rows of the table (null = all), with the same values,
 * n and exclusions (a spec compares them on random tables), in a few passes over the rows and
 * without copying columns: counts and rates in one pass, medians and p90 from the table's
 * ranked columns. SLA in business hours, and business medians the ranked columns cannot
 * answer exactly, run their own KPI function on the copied rows.
 */
export function tableOverviewKpis(
	table: TicketTable,
	rows: Uint32Array | null,
	settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS,
	timeZone = 'UTC',
	/** Where the quantiles come from (rankedQuantiles: bucketed ranks). */
	quantilesOf: QuantileSource = rankedQuantiles
): OverviewKpi[] {
	const schedule: BusinessSchedule = { week: settings.week, holidays: settings.holidays, timeZone };
	// The rows as TicketColumns for the fallbacks (copied only when one runs).
	let gathered: TicketColumns | null = null;
	const selected = (): TicketColumns =>
		(gathered ??= rows === null ? table.columns : gatherColumns(table.columns, rows));
	const calendarTargets =
		settings.sla.clock === 'calendar'
			? { firstResponse: settings.sla.firstResponse, resolution: settings.sla.resolution }
			: null;
	const t =
		tallyByClasses(table, rows, calendarTargets, schedule) ?? tally(table, rows, calendarTargets);
	const ranks = tableRanks(table);
	const asOf = Number.isFinite(t.latest) ? t.latest : null;
	const firstResponse = quantilesOf(ranks.firstResponse, rows, [0.5, 0.9]);
	const resolution = quantilesOf(ranks.resolution, rows, [0.5]);
	const replies = quantilesOf(ranks.replies, rows, [0.5]);
	const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

	const business = businessRanks(table, schedule);
	const businessMedian = (scope: number, ranked: RankedColumn | null): KpiResult => {
		const { from, to, count, excluded } = t.business[scope] as BusinessScope;
		if (count === 0) return { value: null, n: 0, excluded };
		// Only whether a clock exists: building one per filter change costs a time-zone lookup per day.
		if (businessTimeGap(schedule, from, to) !== null) return { value: null, n: 0, excluded };
		if (ranked === null)
			return scope === 0
				? firstResponseBusinessMedian(selected(), schedule)
				: resolutionBusinessMedian(selected(), schedule);
		return { value: quantilesOf(ranked, rows, [0.5]).values[0] ?? null, n: count, excluded };
	};

	const sla = (kind: 'first_response' | 'resolution'): KpiResult => {
		if (t.calendar !== null) return t.calendar[kind];
		const targets =
			kind === 'first_response' ? settings.sla.firstResponse : settings.sla.resolution;
		return slaAttainment(selected(), kind, targets, { schedule, asOfMs: asOf ?? undefined });
	};

	const byId: Record<KpiId, KpiResult> = {
		tickets: { value: t.tickets, n: t.tickets, excluded: 0 },
		solved_tickets: { value: t.solved, n: t.tickets, excluded: 0 },
		backlog_open:
			asOf === null
				? { value: null, n: 0, excluded: 0 }
				: { value: t.unresolvedKnown, n: t.createdKnown, excluded: 0 },
		first_response_median_s: {
			value: firstResponse.values[0] ?? null,
			n: firstResponse.n,
			excluded: t.firstResponseExcluded
		},
		first_response_p90_s: {
			value: firstResponse.values[1] ?? null,
			n: firstResponse.n,
			excluded: t.firstResponseExcluded
		},
		first_response_business_median_s: businessMedian(0, business.firstResponse),
		resolution_median_s: {
			value: resolution.values[0] ?? null,
			n: resolution.n,
			excluded: t.resolutionExcluded
		},
		resolution_business_median_s: businessMedian(1, business.resolution),
		first_resolution_median_s: firstResolutionKpi(
			table,
			rows,
			quantilesOf,
			t.firstResolutionExcluded
		),
		resolution_rate: { value: rate(t.solved, t.tickets), n: t.tickets, excluded: 0 },
		one_touch_rate: { value: rate(t.oneTouch, t.oneTouchKnown), n: t.oneTouchKnown, excluded: 0 },
		reopen_rate: { value: rate(t.reopened, t.reopenKnown), n: t.reopenKnown, excluded: 0 },
		replies_median: { value: replies.values[0] ?? null, n: replies.n, excluded: 0 },
		replies_mean: { value: rate(t.repliesSum, replies.n), n: replies.n, excluded: 0 },
		sla_first_response_rate: sla('first_response'),
		sla_resolution_rate: sla('resolution'),
		csat_satisfied_rate: {
			value: rate(t.satisfied, t.rated),
			n: t.rated,
			excluded: t.csatExcluded
		},
		csat_mean: { value: rate(t.fiveSum, t.fiveCount), n: t.fiveCount, excluded: t.fiveExcluded }
	};
	return KPI_IDS.map((id) => {
		const result = byId[id];
		const tile: OverviewKpi = {
			id,
			value: result.value,
			n: result.n,
			excluded: result.excluded,
			unit: KPI_UNITS[id]
		};
		if ('met' in result && 'breached' in result && 'pending' in result) {
			const { met, breached, pending } = result as SlaTally;
			tile.sla = { met, breached, pending };
		}
		return tile;
	});
}
