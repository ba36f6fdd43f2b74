import { computeOverviewKpis, type OverviewKpi } from '$lib/core/metrics/overview-kpis';
import type { DailyVolumePoint } from '$lib/core/metrics/daily-volume';
import type { BreakdownRow } from '$lib/core/metrics/breakdown';
import type { HourWeekdayCell } from '$lib/core/metrics/hour-weekday';
import { tableDailyVolume, tableHourWeekday } from '$lib/core/table/local-time';
import type { ServiceLensDb } from '$lib/db/database';
import { loadServiceSettings } from '$lib/db/repositories/settings';
import { dailyBacklog, type DailyBacklog } from '$lib/core/metrics/backlog';
import type { ServiceSettings } from '$lib/core/model/service-settings';
import type { TicketColumns } from '$lib/core/model/ticket-columns';
import { gatherColumns } from '$lib/core/table/gather-columns';
import { tableBreakdown } from '$lib/core/table/table-breakdown';
import { kpiDelta, kpiPolarity, type KpiDelta } from '$lib/core/table/kpi-delta';
import { emptyFilter, previousPeriod, type TicketFilter } from '$lib/core/table/ticket-filter';
import type { TicketTable } from '$lib/core/table/ticket-table';
import { localTimeOf, ticketTable, type TicketFacets } from './ticket-table-cache';
import { selectFilteredRows } from './customer-segments';

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

const selectedColumns = (table: TicketTable, rows: Uint32Array | null): TicketColumns =>
	rows === null ? table.columns : gatherColumns(table.columns, rows);

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
	const [cache, serviceSettings] = await Promise.all([ticketTable(db), loadServiceSettings(db)]);
	const { table, facets } = cache;
	const local = localTimeOf(cache, timeZone);
	const started = performance.now();
	// selectRows plus the customer-segment filter (pipeline/customer-segments.ts).
	const rows = await selectFilteredRows(db, cache, filter, timeZone);
	const selected = selectedColumns(table, rows);
	const kpis = computeOverviewKpis(selected, serviceSettings, timeZone);

	const comparison = previousPeriod(filter);
	const previous =
		comparison === null
			? null
			: computeOverviewKpis(
					selectedColumns(
						table,
						await selectFilteredRows(db, cache, { ...filter, ...comparison }, timeZone)
					),
					serviceSettings,
					timeZone
				);
	const withoutRange = { ...filter, from: null, to: null };
	const dailyKey = JSON.stringify([timeZone, withoutRange]);
	if (lastDaily === null || lastDaily.table !== table || lastDaily.key !== dailyKey) {
		const dailyRows =
			filter.from === null && filter.to === null
				? rows
				: await selectFilteredRows(db, cache, withoutRange, timeZone);
		lastDaily = {
			table,
			key: dailyKey,
			daily: tableDailyVolume(table, dailyRows, local),
			backlog: dailyBacklog(selectedColumns(table, dailyRows), timeZone)
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
		matching: selected.size,
		totalTickets: table.size,
		facets,
		computeMs: 0
	};
	overview.computeMs = performance.now() - started;
	return overview;
}
