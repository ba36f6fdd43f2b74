import type { OverviewKpi } from '$lib/core/metrics/overview-kpis';
import { firstResolutionRanks, tableOverviewKpis, tableRanks } from '$lib/core/table/table-kpis';
import { rowClassesOf } from '$lib/core/table/row-classes';
import type { DailyVolumePoint } from '$lib/core/metrics/daily-volume';
import type { BreakdownRow } from '$lib/core/metrics/breakdown';
import type { HourWeekdayCell } from '$lib/core/metrics/hour-weekday';
import { tableDailySeries, type LocalTimeColumns } from '$lib/core/table/local-time';
import type { ServiceLensDb } from '$lib/db/database';
import { loadServiceSettings } from '$lib/db/repositories/settings';
import type { DailyBacklog } from '$lib/core/metrics/backlog';
import type { ServiceSettings } from '$lib/core/model/service-settings';
import { tableBreakdownsAndHeatmap } from '$lib/core/table/table-breakdown';
import { kpiDelta, kpiPolarity, type KpiDelta } from '$lib/core/table/kpi-delta';
import {
	emptyFilter,
	previousPeriod,
	rowsWithinDays,
	selectRows,
	type TicketFilter
} from '$lib/core/table/ticket-filter';
import type { TicketTable } from '$lib/core/table/ticket-table';
import {
	hasTicketTable,
	localTimeOf,
	measure,
	prepareTicketTable,
	saveTableSnapshot,
	ticketTable,
	ticketTableNumbers,
	type TicketFacets
} from './ticket-table-cache';
import { committedDataVersion } from '$lib/db/repositories/imports';
import { rowSegmentCodes } from './customer-segments';
import { narrowBySegments } from '$lib/core/table/segment-filter';
import { rememberSelection } from './last-selection';

/** A tile: the KPI over the filtered tickets, and its value over the previous period. */
export interface DashboardKpi extends OverviewKpi {
	previousValue: number | null;
	delta: KpiDelta | null;
}

export interface Overview {
	kpis: DashboardKpi[];
	/** The previous period the deltas compare with; null without a date range. */
	comparison: { from: string; to: string } | null;
	/** Daily volume under every filter except the date range (the range is the brush on it). */
	daily: DailyVolumePoint[];
	byAgent: BreakdownRow[];
	byChannel: BreakdownRow[];
	hourWeekday: HourWeekdayCell[];
	timeZone: string;
	/** Created, solved and open at the end of each local day (filters except the date range). */
	backlog: DailyBacklog;
	/** Business hours and SLA targets the KPIs were computed with (stated on the page). */
	serviceSettings: ServiceSettings;
	filter: TicketFilter;
	/** Tickets the filter keeps, and all committed tickets. */
	matching: number;
	totalTickets: number;
	facets: TicketFacets;
	/** Worker time for this answer (filtering + KPIs), for the speed benchmark. */
	computeMs: number;
	/**
	 * Names this answer's daily series and backlog: equal keys, equal series. The page sends the
	 * key it shows, and an answer with the same key leaves them out (see compactOverview).
	 */
	dailyKey: string;
}

/** An Overview as the worker sends it: daily and backlog null when the page already has them. */
export type OverviewAnswer = Omit<Overview, 'daily' | 'backlog'> & {
	daily: DailyVolumePoint[] | null;
	backlog: DailyBacklog | null;
	/**
	 * Worker time from taking the request to answering (reads of the data version and settings,
	 * the table, computeMs); the rest of the page's round trip is queueing and messaging.
	 */
	answerMs?: number;
};

/** The answer without the series the page shows already (same dailyKey): less to clone and draw. */
export function compactOverview(overview: Overview, shownDailyKey?: string): OverviewAnswer {
	return shownDailyKey === overview.dailyKey
		? { ...overview, daily: null, backlog: null }
		: overview;
}

/**
 * The daily series ignores the date range (the range is drawn as the brush on it), so
 * brushing reuses it: remembered for the last table, zone and other filters.
 */
let lastDaily: {
	table: TicketTable;
	key: string;
	daily: DailyVolumePoint[];
	backlog: DailyBacklog;
	/** Unique per series computed in this worker (with the table version). */
	id: string;
} | null = null;
let dailySeriesCount = 0;

/**
 * The last selection without the date range (every other condition applied), for a table,
 * zone columns, filter (as dailyKey) and segment codes: a range change cuts it instead of
 * selecting again.
 */
let lastUnranged: {
	table: TicketTable;
	local: LocalTimeColumns;
	key: string;
	segmentCodes: Uint8Array | undefined;
	rows: Uint32Array | null;
} | null = null;

/** Answers remembered for the current table (a few: each holds daily series and breakdowns). */
const RECENT_ANSWERS = 16;
let recent: { table: TicketTable | null; answers: Map<string, Overview> } = {
	table: null,
	answers: new Map()
};

/** results key of the last answer the dashboard showed (read on the next opening). */
export const STORED_OVERVIEW_KEY = 'overview:last';
/** Store the answer the user settled on, not every step of a brush. */
const STORE_AFTER_MS = 1_000;
let storeTimer: ReturnType<typeof setTimeout> | null = null;

interface StoredOverview {
	answerKey: string;
	overview: Overview;
}

/** What identifies an answer: zone, settings and filter (the data version is the record's). */
const answerKeyOf = (timeZone: string, settings: ServiceSettings, filter: TicketFilter) =>
	JSON.stringify([timeZone, settings, filter]);

/**
 * The answer stored for exactly this data version, zone, settings and filter, or null. An
 * opening shows it at once instead of waiting for the million-row table to load; the numbers
 * are those the table gave for the same data (the data version changes with every import,
 * removal and re-derivation, and a new version ignores the record).
 */
async function storedOverview(
	db: ServiceLensDb,
	version: number,
	answerKey: string
): Promise<Overview | null> {
	try {
		const record = await db.results.get(STORED_OVERVIEW_KEY);
		if (record === undefined || record.dataVersion !== version) return null;
		const stored = record.value as StoredOverview;
		return stored.answerKey === answerKey ? { ...stored.overview, computeMs: 0 } : null;
	} catch {
		return null;
	}
}

async function storeOverview(
	db: ServiceLensDb,
	version: number,
	answerKey: string,
	overview: Overview
): Promise<void> {
	const value: StoredOverview = { answerKey, overview };
	await db.results
		.put({ key: STORED_OVERVIEW_KEY, dataVersion: version, computedAtMs: Date.now(), value })
		.catch(() => undefined); // Not stored: the next opening computes it.
}

/**
 * The dashboard under a filter, from the worker's in-memory table: KPI tiles with deltas
 * against the previous period of the same length, the daily series, breakdowns by agent and
 * channel and the weekday × hour grid. Default filter = all committed tickets. Before this
 * worker has its table, the answer stored for the same data and view is returned (and the
 * table loads meanwhile); the answer the user stays on is stored for the next opening.
 */
export async function computeOverview(
	db: ServiceLensDb,
	timeZone: string,
	filter: TicketFilter = emptyFilter()
): Promise<Overview> {
	if (!hasTicketTable()) {
		// The next change needs the table: start loading it now, beside the stored answer.
		void ticketTableNumbers(db)
			.then((cache) => {
				localTimeOf(cache, timeZone);
				rowClassesOf(cache.table);
			})
			.catch(() => undefined);
		const [version, settings] = await Promise.all([
			committedDataVersion(db),
			loadServiceSettings(db)
		]);
		const stored = await storedOverview(db, version, answerKeyOf(timeZone, settings, filter));
		if (stored !== null) return stored;
	}
	const [cache, serviceSettings] = await Promise.all([
		ticketTableNumbers(db),
		loadServiceSettings(db)
	]);
	const local = localTimeOf(cache, timeZone);
	// Going back to a view seen a moment ago (a filter toggled off again) needs no recompute.
	const key = answerKeyOf(timeZone, serviceSettings, filter);
	if (recent.table !== cache.table) recent = { table: cache.table, answers: new Map() };
	let overview = recent.answers.get(key);
	if (overview === undefined) {
		// A segment filter needs each row's customer (a text column) and the orders.
		const segmentCodes =
			(filter.segments ?? []).length > 0
				? await rowSegmentCodes(db, (await ticketTable(db)).table)
				: undefined;
		overview = computeTableOverview(
			cache.table,
			local,
			filter,
			serviceSettings,
			timeZone,
			cache.facets,
			segmentCodes
		);
		recent.answers.set(key, overview);
		if (recent.answers.size > RECENT_ANSWERS) {
			const oldest = recent.answers.keys().next().value;
			if (oldest !== undefined) recent.answers.delete(oldest);
		}
	} else {
		// Most recently used last.
		recent.answers.delete(key);
		recent.answers.set(key, overview);
		overview = { ...overview, computeMs: 0 };
	}
	// After the answer is posted: the next opening reads this table in one go.
	setTimeout(() => void saveTableSnapshot(db, cache), 0);
	// The rows' classes the tiles count by (once per table), before the next filter change.
	setTimeout(() => rowClassesOf(cache.table), 0);
	const shown = overview;
	if (storeTimer !== null) clearTimeout(storeTimer);
	storeTimer = setTimeout(() => {
		storeTimer = null;
		void storeOverview(db, cache.table.version, key, shown);
	}, STORE_AFTER_MS);
	return overview;
}

/**
 * An import's (or removal's) last step: the table and its snapshot, and the default view's
 * answer stored, so the next opening shows the dashboard without loading the table first.
 */
export async function prepareDashboard(db: ServiceLensDb, timeZone: string): Promise<void> {
	let started = performance.now();
	const [cache, settings] = await Promise.all([ticketTableNumbers(db), loadServiceSettings(db)]);
	measure('prepare:table', started);
	started = performance.now();
	localTimeOf(cache, timeZone);
	measure('prepare:local', started);
	started = performance.now();
	tableRanks(cache.table);
	measure('prepare:ranks', started);
	started = performance.now();
	firstResolutionRanks(cache.table);
	measure('prepare:first-resolution', started);
	started = performance.now();
	const filter = emptyFilter();
	// First the answer, which ranks the durations (business hours too) for the snapshot.
	const overview = await computeOverview(db, timeZone, filter);
	measure('prepare:overview', started);
	started = performance.now();
	await prepareTicketTable(db, timeZone);
	measure('prepare:snapshot', started);
	await storeOverview(db, cache.table.version, answerKeyOf(timeZone, settings, filter), overview);
}

const NO_FACETS: TicketFacets = {
	agents: [],
	tags: [],
	channels: [],
	priorities: [],
	statuses: [],
	imports: []
};

/** computeOverview on a table already in memory (what the worker and the profiler run). */
export function computeTableOverview(
	table: TicketTable,
	local: LocalTimeColumns,
	filter: TicketFilter,
	serviceSettings: ServiceSettings,
	timeZone: string,
	facets: TicketFacets = NO_FACETS,
	/** Customer segment per row (rowSegmentCodes); needed only when the filter has segments. */
	segmentCodes?: Uint8Array
): Overview {
	const started = performance.now();
	// selectRows plus the customer-segment filter (codes from pipeline/customer-segments.ts).
	const select = (wanted: TicketFilter) => {
		const selected = selectRows(table, wanted, timeZone, local);
		const segments = wanted.segments ?? [];
		return segments.length === 0 || segmentCodes === undefined
			? selected
			: narrowBySegments(table.size, selected, segments, segmentCodes);
	};
	const withoutRange = { ...filter, from: null, to: null };
	const dailyKey = JSON.stringify([timeZone, withoutRange]);
	const hasRange = filter.from !== null || filter.to !== null;
	const comparison = previousPeriod(filter);
	// Every condition but the range holds for the period, its previous period and the daily
	// series alike: one selection without the range (kept while only the range changes, as
	// when brushing), cut to each period's days.
	let rows: Uint32Array | null;
	let previousRows: Uint32Array | null = null;
	if (local.timeZone === timeZone) {
		if (
			lastUnranged === null ||
			lastUnranged.table !== table ||
			lastUnranged.local !== local ||
			lastUnranged.key !== dailyKey ||
			lastUnranged.segmentCodes !== segmentCodes
		)
			lastUnranged = { table, local, key: dailyKey, segmentCodes, rows: select(withoutRange) };
		const unranged = lastUnranged.rows;
		rows = hasRange ? rowsWithinDays(table.size, unranged, local, filter) : unranged;
		if (comparison !== null) previousRows = rowsWithinDays(table.size, unranged, local, comparison);
	} else {
		rows = select(filter);
		if (comparison !== null) previousRows = select({ ...filter, ...comparison });
	}
	rememberSelection(table, timeZone, filter, rows);
	// Each period's medians and p90 cost passes over its own rows only (bucketed ranks).
	const kpis = tableOverviewKpis(table, rows, serviceSettings, timeZone);
	const previous =
		previousRows === null
			? null
			: tableOverviewKpis(table, previousRows, serviceSettings, timeZone);
	if (lastDaily === null || lastDaily.table !== table || lastDaily.key !== dailyKey) {
		const dailyRows = !hasRange
			? rows
			: lastUnranged?.key === dailyKey && lastUnranged.table === table
				? lastUnranged.rows
				: select(withoutRange);
		lastDaily = {
			table,
			key: dailyKey,
			...tableDailySeries(table, dailyRows, local),
			id: `${table.version}:${++dailySeriesCount}`
		};
	}

	const overview: Overview = {
		kpis: kpis.map((kpi) => {
			const previousValue = previous?.find((other) => other.id === kpi.id)?.value ?? null;
			return {
				...kpi,
				previousValue,
				delta: previous === null ? null : kpiDelta(kpi.value, previousValue, kpiPolarity(kpi.id))
			};
		}),
		comparison,
		daily: lastDaily.daily,
		backlog: lastDaily.backlog,
		serviceSettings,
		// Both breakdowns and the grid: one tally pass, one pass per ranked column.
		...tableBreakdownsAndHeatmap(table, rows, local),
		timeZone,
		filter,
		matching: rows === null ? table.size : rows.length,
		totalTickets: table.size,
		facets,
		computeMs: 0,
		dailyKey: lastDaily.id
	};
	overview.computeMs = performance.now() - started;
	return overview;
}
