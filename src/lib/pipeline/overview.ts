import type { OverviewKpi } from '$lib/core/metrics/overview-kpis';
import { tableOverviewKpis } from '$lib/core/table/table-kpis';
import type { DailyVolumePoint } from '$lib/core/metrics/daily-volume';
import type { BreakdownRow } from '$lib/core/metrics/breakdown';
import type { HourWeekdayCell } from '$lib/core/metrics/hour-weekday';
import {
	tableDailyBacklog,
	tableDailyVolume,
	tableHourWeekday,
	type LocalTimeColumns
} from '$lib/core/table/local-time';
import type { ServiceLensDb } from '$lib/db/database';
import { loadServiceSettings } from '$lib/db/repositories/settings';
import type { DailyBacklog } from '$lib/core/metrics/backlog';
import type { ServiceSettings } from '$lib/core/model/service-settings';
import { tableBreakdown } from '$lib/core/table/table-breakdown';
import { kpiDelta, kpiPolarity, type KpiDelta } from '$lib/core/table/kpi-delta';
import {
	emptyFilter,
	previousPeriod,
	selectRows,
	type TicketFilter
} from '$lib/core/table/ticket-filter';
import type { TicketTable } from '$lib/core/table/ticket-table';
import {
	localTimeOf,
	saveTableSnapshot,
	ticketTable,
	ticketTableNumbers,
	type TicketFacets
} from './ticket-table-cache';
import { rowSegmentCodes } from './customer-segments';
import { narrowBySegments } from '$lib/core/table/segment-filter';

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
} | null = null;

/** Answers remembered for the current table (a few: each holds daily series and breakdowns). */
const RECENT_ANSWERS = 16;
let recent: { table: TicketTable | null; answers: Map<string, Overview> } = {
	table: null,
	answers: new Map()
};

/**
 * The dashboard under a filter, from the worker's in-memory table: KPI tiles with deltas
 * against the previous period of the same length, the daily series, breakdowns by agent and
 * channel and the weekday × hour grid. Default filter = all committed tickets.
 */
export async function computeOverview(
	db: ServiceLensDb,
	timeZone: string,
	filter: TicketFilter = emptyFilter()
): Promise<Overview> {
	const [cache, serviceSettings] = await Promise.all([
		ticketTableNumbers(db),
		loadServiceSettings(db)
	]);
	const local = localTimeOf(cache, timeZone);
	// Going back to a view seen a moment ago (a filter toggled off again) needs no recompute.
	const key = JSON.stringify([timeZone, serviceSettings, filter]);
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
	return overview;
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
	const rows = select(filter);
	const kpis = tableOverviewKpis(table, rows, serviceSettings, timeZone);

	const comparison = previousPeriod(filter);
	const previous =
		comparison === null
			? null
			: tableOverviewKpis(table, select({ ...filter, ...comparison }), serviceSettings, timeZone);
	const withoutRange = { ...filter, from: null, to: null };
	const dailyKey = JSON.stringify([timeZone, withoutRange]);
	if (lastDaily === null || lastDaily.table !== table || lastDaily.key !== dailyKey) {
		const dailyRows = filter.from === null && filter.to === null ? rows : select(withoutRange);
		lastDaily = {
			table,
			key: dailyKey,
			daily: tableDailyVolume(table, dailyRows, local),
			backlog: tableDailyBacklog(table, dailyRows, local)
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
		byAgent: tableBreakdown(table, rows, 'agent'),
		byChannel: tableBreakdown(table, rows, 'channel'),
		hourWeekday: tableHourWeekday(table, rows, local),
		timeZone,
		filter,
		matching: rows === null ? table.size : rows.length,
		totalTickets: table.size,
		facets,
		computeMs: 0
	};
	overview.computeMs = performance.now() - started;
	return overview;
}
