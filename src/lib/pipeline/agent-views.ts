import {
	csatWithInterval,
	rankByCsatLowerBound,
	scorecardKpis,
	weeklyTrend,
	type CsatRanking,
	type CsatWithInterval,
	type ScorecardKpi,
	type WeekPoint
} from '$lib/core/metrics/agent-scorecard';
import type { BreakdownRow } from '$lib/core/metrics/breakdown';
import type { TicketColumns } from '$lib/core/model/ticket-columns';
import { dimensionBreakdown } from '$lib/core/table/breakdowns-dimensions';
import { dayNumberOf } from '$lib/core/table/days';
import { gatherColumns } from '$lib/core/table/gather-columns';
import { tableBreakdown } from '$lib/core/table/table-breakdown';
import type { TicketFilter } from '$lib/core/table/ticket-filter';
import type { TicketTable } from '$lib/core/table/ticket-table';
import type { ServiceLensDb } from '$lib/db/database';
import { loadServiceSettings } from '$lib/db/repositories/settings';
import { rowSegmentCodes, selectFilteredRows } from './customer-segments';
import { ticketTable, ticketTableNumbers } from './ticket-table-cache';
import { rememberedSelection } from './last-selection';

const columnsOf = (table: TicketTable, rows: Uint32Array | null): TicketColumns =>
	rows === null ? table.columns : gatherColumns(table.columns, rows);

/**
 * With a tag filter, only the filtered tags' rows: a ticket kept for tag A also carries its
 * other tags, and a row for one of those could not lead to exactly its tickets (the list's
 * tag filter would drop the A condition). Without a tag filter, every tag.
 */
export function tagRowsWithin(rows: BreakdownRow[], tags: readonly string[]): BreakdownRow[] {
	if (tags.length === 0) return rows;
	const wanted = new Set(tags);
	return rows.filter((row) => wanted.has(row.key));
}

/** Breakdowns beside agent and channel, under the dashboard's filter. */
export interface ExtraBreakdowns {
	byGroup: BreakdownRow[];
	byTag: BreakdownRow[];
	byPriority: BreakdownRow[];
	bySegment: BreakdownRow[];
	/** Tickets the filter keeps (the tag rows add up to more when tickets carry several tags). */
	matching: number;
	/** Whether any order file is imported (segments say "no orders imported" otherwise). */
	hasOrders: boolean;
}

/** Counts extraBreakdowns calls: a newer one makes an older one stop early. */
let extraCalls = 0;

/** Thrown by an extra-breakdowns call a newer one replaced (the page ignores its answer). */
export class SupersededError extends Error {
	constructor() {
		super('superseded by a newer request');
		this.name = 'SupersededError';
	}
}

/** A filter change's overview call: the extra tables of the old filter are no longer wanted. */
export function supersedeExtraBreakdowns(): void {
	extraCalls++;
}

/** Overview calls running now, and when the last one was answered. */
let overviewsRunning = 0;
let lastOverviewAnsweredMs = -Infinity;
/**
 * How long the worker must have been free of overview calls before extra tables start: a
 * user still clicking or brushing sends the next change within this time, and the worker
 * answers one call at a time (a table being computed, up to ~150 ms at 1M rows, would delay
 * that answer). At 120 ms the never-seen bench (changes 300 ms apart) saw answers wait up
 * to 270 ms behind them.
 */
export const QUIET_MS = 500;

/**
 * Marks an overview call as running until it settles (the worker wraps each one), and
 * supersedes the extra tables of the previous filter.
 */
export function trackOverview<T>(answer: () => Promise<T>): Promise<T> {
	supersedeExtraBreakdowns();
	overviewsRunning++;
	let running: Promise<T>;
	try {
		running = answer();
	} catch (error) {
		running = Promise.reject(error);
	}
	return running.finally(() => {
		overviewsRunning--;
		lastOverviewAnsweredMs = performance.now();
	});
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once no overview has run for QUIET_MS; throws when a newer call replaced `call`. */
async function untilQuiet(call: number): Promise<void> {
	for (;;) {
		if (call !== extraCalls) throw new SupersededError();
		const waited = performance.now() - lastOverviewAnsweredMs;
		if (overviewsRunning === 0 && waited >= QUIET_MS) return;
		await pause(overviewsRunning > 0 ? 10 : Math.max(1, QUIET_MS - waited));
	}
}

/** Lets queued worker calls (a filter change's overview) run before the next table. */
const yieldToCalls = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Extra tables computed for the current table (a few views: going back costs nothing). */
const RECENT_EXTRAS = 8;
let recentExtras: {
	table: TicketTable | null;
	answers: Map<string, { segments: Uint8Array; value: ExtraBreakdowns }>;
} = { table: null, answers: new Map() };

/**
 * The four extra tables, one at a time with a pause between them, started only once the
 * worker has been free of overview calls for QUIET_MS: the worker answers one call at a
 * time, and the tiles of a newer filter must not wait for these. A newer overview call stops
 * this one while it waits and between tables. The rows come from the overview of the same
 * filter when it was the last one answered; views seen a moment ago are remembered.
 */
export async function computeExtraBreakdowns(
	db: ServiceLensDb,
	timeZone: string,
	filter: TicketFilter
): Promise<ExtraBreakdowns> {
	const call = ++extraCalls;
	await untilQuiet(call);
	const step = async <T>(compute: () => T): Promise<T> => {
		await yieldToCalls();
		if (call !== extraCalls) throw new SupersededError();
		return compute();
	};
	// Text columns (customers) only when segments can be told apart: with orders imported.
	const hasOrders = (await db.orderChunks.count()) > 0;
	const cache = hasOrders ? await ticketTable(db) : await ticketTableNumbers(db);
	const { table } = cache;
	const segments = await rowSegmentCodes(db, table);
	const key = JSON.stringify([timeZone, filter, hasOrders]);
	if (recentExtras.table !== table) recentExtras = { table, answers: new Map() };
	const known = recentExtras.answers.get(key);
	if (known !== undefined && known.segments === segments) return known.value;
	const remembered = rememberedSelection(table, timeZone, filter);
	const rows =
		remembered !== undefined
			? remembered
			: await step(() => selectFilteredRows(db, cache, filter, timeZone));
	const bySegment = await step(() => dimensionBreakdown(table, rows, 'segment', segments));
	const byGroup = await step(() => dimensionBreakdown(table, rows, 'group'));
	const byTag = await step(() =>
		tagRowsWithin(dimensionBreakdown(table, rows, 'tag'), filter.tags)
	);
	const byPriority = await step(() => dimensionBreakdown(table, rows, 'priority'));
	const value: ExtraBreakdowns = {
		byGroup,
		byTag,
		byPriority,
		bySegment,
		matching: rows === null ? table.size : rows.length,
		hasOrders
	};
	recentExtras.answers.delete(key);
	recentExtras.answers.set(key, { segments, value });
	if (recentExtras.answers.size > RECENT_EXTRAS) {
		const oldest = recentExtras.answers.keys().next().value;
		if (oldest !== undefined) recentExtras.answers.delete(oldest);
	}
	return value;
}

export interface AgentScorecard {
	agent: string;
	/** The agent's tickets under the filter (0: unknown agent or none in the period). */
	tickets: number;
	/** KPI pairs, agent beside team (the filter without its agent restriction). */
	kpis: ScorecardKpi[];
	csat: { agent: CsatWithInterval; team: CsatWithInterval };
	/** Agents with ratings, ranked by the lower bound of their CSAT interval. */
	ranking: CsatRanking[];
	/** Weekly series over the team's weeks, so the two line up. */
	trend: { agent: WeekPoint[]; team: WeekPoint[] };
	timeZone: string;
}

/** One agent's scorecard under the dashboard's filter (its agent list is replaced). */
export async function computeAgentScorecard(
	db: ServiceLensDb,
	timeZone: string,
	filter: TicketFilter,
	agent: string
): Promise<AgentScorecard> {
	const [cache, settings] = await Promise.all([ticketTable(db), loadServiceSettings(db)]);
	const { table } = cache;
	const teamRows = await selectFilteredRows(db, cache, { ...filter, agents: [] }, timeZone);
	const agentRows =
		(await selectFilteredRows(db, cache, { ...filter, agents: [agent] }, timeZone)) ??
		new Uint32Array(0);
	const team = columnsOf(table, teamRows);
	const mine = columnsOf(table, agentRows);
	const teamTrend = weeklyTrend(team, timeZone);
	const firstDay = dayNumberOf(teamTrend[0]?.weekStart ?? '');
	const lastDay = dayNumberOf(teamTrend.at(-1)?.weekStart ?? '');
	return {
		agent,
		tickets: mine.size,
		kpis: scorecardKpis(mine, team, settings, timeZone),
		csat: { agent: csatWithInterval(mine), team: csatWithInterval(team) },
		ranking: rankByCsatLowerBound(tableBreakdown(table, teamRows, 'agent')),
		trend: {
			agent:
				firstDay === null || lastDay === null
					? []
					: weeklyTrend(mine, timeZone, { firstDay, lastDay }),
			team: teamTrend
		},
		timeZone
	};
}
