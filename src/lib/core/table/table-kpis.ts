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

/** What one pass over the selected rows counts. */
class Tally {
	tickets = 0;
	solved = 0;
	createdKnown = 0;
	unresolvedKnown = 0;
	latest = -Infinity;
	firstResponseExcluded = 0;
	resolutionExcluded = 0;
	oneTouchKnown = 0;
	oneTouch = 0;
	reopenKnown = 0;
	reopened = 0;
	repliesSum = 0;
	rated = 0;
	satisfied = 0;
	csatExcluded = 0;
	fiveCount = 0;
	fiveSum = 0;
	fiveExcluded = 0;
	/** Business-time scopes: from/to instants, counts and negatives, as businessMedian's. */
	business = [0, 1].map(() => ({ from: Infinity, to: -Infinity, count: 0, excluded: 0 }));
}

function tally(table: TicketTable, rows: Uint32Array | null): Tally {
	const c = table.columns;
	const t = new Tally();
	const [businessFirst, businessResolution] = t.business as [
		Tally['business'][0],
		Tally['business'][0]
	];
	const visit = (row: number) => {
		t.tickets++;
		const status = c.statusCodes[row] as number;
		const resolved = isResolved(status);
		const created = c.createdAtMs[row] as number;
		const firstResponse = c.firstResponseSeconds[row] as number;
		const resolution = c.resolutionSeconds[row] as number;
		if (resolved) t.solved++;
		// dataAsOfMs and openBacklogAt at the data's moment.
		if (created > t.latest) t.latest = created;
		const replied = created + firstResponse * 1000;
		if (replied > t.latest) t.latest = replied;
		const solvedAt = c.solvedAtMs[row] as number;
		if (solvedAt > t.latest) t.latest = solvedAt;
		if (!Number.isNaN(created)) {
			t.createdKnown++;
			if (!resolved) t.unresolvedKnown++;
		}
		if (Number.isFinite(firstResponse) && firstResponse < 0) t.firstResponseExcluded++;
		if (Number.isFinite(firstResponse) && Number.isFinite(created)) {
			if (firstResponse < 0) businessFirst.excluded++;
			else {
				businessFirst.count++;
				if (created < businessFirst.from) businessFirst.from = created;
				if (replied > businessFirst.to) businessFirst.to = replied;
			}
		}
		if (resolved) {
			if (Number.isFinite(resolution) && resolution < 0) t.resolutionExcluded++;
			if (Number.isFinite(resolution) && Number.isFinite(created)) {
				if (resolution < 0) businessResolution.excluded++;
				else {
					businessResolution.count++;
					const end = created + resolution * 1000;
					if (created < businessResolution.from) businessResolution.from = created;
					if (end > businessResolution.to) businessResolution.to = end;
				}
			}
			const replies = c.agentReplies[row] as number;
			if (Number.isFinite(replies)) {
				t.oneTouchKnown++;
				if (replies <= 1) t.oneTouch++;
				if (replies >= 0) t.repliesSum += replies;
			}
			const reopens = c.reopens[row] as number;
			if (Number.isFinite(reopens)) {
				t.reopenKnown++;
				if (reopens >= 1) t.reopened++;
			}
		}
		const scale = c.csatScaleCodes[row] as number;
		const score = c.csatScores[row] as number;
		if (scale !== 0 && Number.isFinite(score)) {
			if (scale === GOOD_BAD) {
				if (score === 0 || score === 1) {
					t.rated++;
					if (score === 1) t.satisfied++;
				} else t.csatExcluded++;
			} else if (scale === FIVE_POINT) {
				if (score >= 1 && score <= 5) {
					t.rated++;
					if (score >= 4) t.satisfied++;
					t.fiveCount++;
					t.fiveSum += score;
				} else {
					t.csatExcluded++;
					t.fiveExcluded++;
				}
			} else t.csatExcluded++;
		}
	};
	if (rows === null) for (let row = 0; row < table.size; row++) visit(row);
	else for (let i = 0; i < rows.length; i++) visit(rows[i] as number);
	return t;
}

interface SlaTally extends KpiResult {
	met: number;
	breached: number;
	pending: number;
}

/**
 * slaAttainment in calendar time, first response and resolution, over the selected rows in
 * one pass without copying them (the two kinds read the same channel, priority, creation and
 * status columns; a pass each cost twice the memory traffic at 1M rows).
 */
function calendarSlas(
	table: TicketTable,
	rows: Uint32Array | null,
	firstTargets: SlaTargets,
	resolutionTargets: SlaTargets,
	asOf: number
): { first_response: SlaTally; resolution: SlaTally } {
	const c = table.columns;
	const firstTable = slaTargetTable(firstTargets);
	const resolutionTable = slaTargetTable(resolutionTargets);
	const waitingKnown = Number.isFinite(asOf);
	// [met, breached, pending, excluded] per kind: first response, then resolution.
	const counts = new Float64Array(8);
	/** One kind's verdict for a row: `seconds` NaN = not (yet) stated. */
	const judge = (
		offset: number,
		target: number,
		created: number,
		seconds: number,
		resolved: boolean
	) => {
		let end: number;
		let waiting = false;
		if (Number.isFinite(seconds)) {
			if (seconds < 0) {
				counts[offset + 3]!++;
				return;
			}
			end = created + seconds * 1000;
		} else {
			if (resolved || !waitingKnown) return;
			waiting = true;
			end = Math.max(asOf, created);
		}
		const elapsed = (end - created) / 1000;
		if (elapsed > target) counts[offset + 1]!++;
		else if (waiting) counts[offset + 2]!++;
		else counts[offset]!++;
	};
	const count = rows === null ? table.size : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const created = c.createdAtMs[row] as number;
		if (!Number.isFinite(created)) continue;
		const cell =
			(c.channelCodes[row] as number) * SLA_TABLE_STRIDE + (c.priorityCodes[row] as number);
		const resolved = isResolved(c.statusCodes[row] as number);
		const firstTarget = firstTable[cell] as number;
		if (!Number.isNaN(firstTarget))
			judge(0, firstTarget, created, c.firstResponseSeconds[row] as number, resolved);
		const resolutionTarget = resolutionTable[cell] as number;
		if (!Number.isNaN(resolutionTarget))
			judge(
				4,
				resolutionTarget,
				created,
				resolved ? (c.resolutionSeconds[row] as number) : NaN,
				resolved
			);
	}
	const tallyOf = (offset: number): SlaTally => {
		const [met, breached, pending, excluded] = [0, 1, 2, 3].map(
			(k) => counts[offset + k] as number
		) as [number, number, number, number];
		const n = met + breached;
		return { value: n === 0 ? null : met / n, n, excluded, met, breached, pending };
	};
	return { first_response: tallyOf(0), resolution: tallyOf(4) };
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
	quantilesOf: QuantileSource
): KpiResult {
	const values = table.columns.firstResolutionSeconds;
	if (values === undefined) return { value: null, n: 0, excluded: 0 };
	const ranked = firstResolutionRanks(table);
	if (ranked === null) return { value: null, n: 0, excluded: 0 };
	let excluded = 0;
	const count = rows === null ? table.size : rows.length;
	for (let i = 0; i < count; i++) {
		const seconds = values[rows === null ? i : (rows[i] as number)] as number;
		if (Number.isFinite(seconds) && seconds < 0) excluded++;
	}
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
	/** pairedQuantileSources' when the previous period is computed too (one walk for both). */
	quantilesOf: QuantileSource = rankedQuantiles
): OverviewKpi[] {
	const schedule: BusinessSchedule = { week: settings.week, holidays: settings.holidays, timeZone };
	// The rows as TicketColumns for the fallbacks (copied only when one runs).
	let gathered: TicketColumns | null = null;
	const selected = (): TicketColumns =>
		(gathered ??= rows === null ? table.columns : gatherColumns(table.columns, rows));
	const t = tally(table, rows);
	const ranks = tableRanks(table);
	const asOf = Number.isFinite(t.latest) ? t.latest : null;
	const firstResponse = quantilesOf(ranks.firstResponse, rows, [0.5, 0.9]);
	const resolution = quantilesOf(ranks.resolution, rows, [0.5]);
	const replies = quantilesOf(ranks.replies, rows, [0.5]);
	const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

	const business = businessRanks(table, schedule);
	const businessMedian = (scope: number, ranked: RankedColumn | null): KpiResult => {
		const { from, to, count, excluded } = t.business[scope] as Tally['business'][0];
		if (count === 0) return { value: null, n: 0, excluded };
		// Only whether a clock exists: building one per filter change costs a time-zone lookup per day.
		if (businessTimeGap(schedule, from, to) !== null) return { value: null, n: 0, excluded };
		if (ranked === null)
			return scope === 0
				? firstResponseBusinessMedian(selected(), schedule)
				: resolutionBusinessMedian(selected(), schedule);
		return { value: quantilesOf(ranked, rows, [0.5]).values[0] ?? null, n: count, excluded };
	};

	const calendar =
		settings.sla.clock === 'calendar'
			? calendarSlas(table, rows, settings.sla.firstResponse, settings.sla.resolution, asOf ?? NaN)
			: null;
	const sla = (kind: 'first_response' | 'resolution'): KpiResult => {
		if (calendar !== null) return calendar[kind];
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
		first_resolution_median_s: firstResolutionKpi(table, rows, quantilesOf),
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
