import { computeOverviewKpis, type OverviewKpi } from '$lib/core/metrics/overview-kpis';
import { dailyTicketVolume, type DailyVolumePoint } from '$lib/core/metrics/daily-volume';
import { breakdownBy, type BreakdownRow } from '$lib/core/metrics/breakdown';
import { hourWeekdayGrid, type HourWeekdayCell } from '$lib/core/metrics/hour-weekday';
import type { ServiceLensDb } from '$lib/db/database';
import { loadCommittedTickets } from '$lib/db/repositories/tickets';
import { loadServiceSettings } from '$lib/db/repositories/settings';
import { dailyBacklog, type DailyBacklog } from '$lib/core/metrics/backlog';
import type { ServiceSettings } from '$lib/core/model/service-settings';

export interface Overview {
	kpis: OverviewKpi[];
	daily: DailyVolumePoint[];
	byAgent: BreakdownRow[];
	byChannel: BreakdownRow[];
	hourWeekday: HourWeekdayCell[];
	timeZone: string;
	/** Created, solved and open at the end of each local day. */
	backlog: DailyBacklog;
	/** Business hours and SLA targets the KPIs were computed with (stated on the page). */
	serviceSettings: ServiceSettings;
}

/** The overview of all committed tickets: KPI tiles, the daily series, agents and channels. */
export async function computeOverview(db: ServiceLensDb, timeZone: string): Promise<Overview> {
	const [tickets, serviceSettings] = await Promise.all([
		loadCommittedTickets(db),
		loadServiceSettings(db)
	]);
	return {
		kpis: computeOverviewKpis(tickets, serviceSettings, timeZone),
		daily: dailyTicketVolume(tickets, timeZone),
		backlog: dailyBacklog(tickets, timeZone),
		byAgent: breakdownBy(tickets, 'agent'),
		byChannel: breakdownBy(tickets, 'channel'),
		hourWeekday: hourWeekdayGrid(tickets, timeZone),
		timeZone,
		serviceSettings
	};
}
