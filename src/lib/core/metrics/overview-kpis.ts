import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from '../model/service-settings';
import type { TicketColumns } from '../model/ticket-columns';
import type { BusinessSchedule } from '../time/business-hours';
import { dataAsOfMs, openBacklogAt, solvedCount } from './backlog';
import { firstResponseBusinessMedian, resolutionBusinessMedian } from './business-time';
import { oneTouchRate } from './one-touch';
import { reopenRate } from './reopen-rate';
import { repliesPerTicket } from './replies-per-ticket';
import { slaAttainment, type SlaAttainment } from './sla-attainment';
import { csatMean, csatSatisfiedRate } from './csat';
import { firstResponseTime } from './first-response-time';
import { firstResolutionTimeMedian } from './first-resolution-time';
import { resolutionRate } from './resolution-rate';
import { resolutionTimeMedian } from './resolution-time';
import { ticketCount, type KpiResult } from './ticket-count';

export type { KpiResult } from './ticket-count';

/** The foundation's KPIs, labelled in messages.ts. */
export const CORE_KPI_IDS = [
	'tickets',
	'first_response_median_s',
	'first_response_p90_s',
	'resolution_median_s',
	'resolution_rate',
	'csat_satisfied_rate',
	'csat_mean'
] as const;
export type CoreKpiId = (typeof CORE_KPI_IDS)[number];

/** Service KPIs (volume, business hours, touches, SLA), labelled in i18n/kpi-messages.ts. */
export const SERVICE_KPI_IDS = [
	'solved_tickets',
	'backlog_open',
	'first_response_business_median_s',
	'resolution_business_median_s',
	'one_touch_rate',
	'reopen_rate',
	'replies_median',
	'replies_mean',
	'sla_first_response_rate',
	'sla_resolution_rate',
	'first_resolution_median_s'
] as const;
export type ServiceKpiId = (typeof SERVICE_KPI_IDS)[number];

/** Overview KPI ids, in display order. Also used as stable `data-kpi` hooks and i18n keys. */
export const KPI_IDS = [
	'tickets',
	'solved_tickets',
	'backlog_open',
	'first_response_median_s',
	'first_response_p90_s',
	'first_response_business_median_s',
	'first_resolution_median_s',
	'resolution_median_s',
	'resolution_business_median_s',
	'resolution_rate',
	'one_touch_rate',
	'reopen_rate',
	'replies_median',
	'replies_mean',
	'sla_first_response_rate',
	'sla_resolution_rate',
	'csat_satisfied_rate',
	'csat_mean'
] as const satisfies readonly (CoreKpiId | ServiceKpiId)[];
export type KpiId = (typeof KPI_IDS)[number];

/**
 * Unit of `value`: a count, seconds, a 0..1 fraction, a 1..5 score, or a plain number with
 * decimals (e.g. a mean of counts).
 */
export type KpiUnit = 'count' | 'seconds' | 'fraction' | 'score' | 'number';

export const KPI_UNITS: Readonly<Record<KpiId, KpiUnit>> = {
	tickets: 'count',
	first_response_median_s: 'seconds',
	first_response_p90_s: 'seconds',
	resolution_median_s: 'seconds',
	resolution_rate: 'fraction',
	csat_satisfied_rate: 'fraction',
	csat_mean: 'score',
	solved_tickets: 'count',
	backlog_open: 'count',
	first_response_business_median_s: 'seconds',
	resolution_business_median_s: 'seconds',
	one_touch_rate: 'fraction',
	reopen_rate: 'fraction',
	replies_median: 'number',
	replies_mean: 'number',
	sla_first_response_rate: 'fraction',
	sla_resolution_rate: 'fraction',
	first_resolution_median_s: 'seconds'
};

export interface OverviewKpi extends KpiResult {
	id: KpiId;
	unit: KpiUnit;
	/** SLA KPIs only: the decided tickets split, and those still within target (not in n). */
	sla?: { met: number; breached: number; pending: number };
}

const kpi = (id: KpiId, result: KpiResult): OverviewKpi => ({
	id,
	value: result.value,
	n: result.n,
	excluded: result.excluded,
	unit: KPI_UNITS[id]
});

/**
 * All overview KPIs over one table, in KPI_IDS order. Business hours are read in `timeZone`
 * (the shop's zone); SLA targets and the schedule come from the merchant's settings.
 */
export function computeOverviewKpis(
	columns: TicketColumns,
	settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS,
	timeZone = 'UTC'
): OverviewKpi[] {
	const schedule: BusinessSchedule = { week: settings.week, holidays: settings.holidays, timeZone };
	const slaSchedule = settings.sla.clock === 'business' ? schedule : null;
	const firstResponse = firstResponseTime(columns);
	const replies = repliesPerTicket(columns);
	// "Still open" and "still waiting" are judged at the data's own moment, found once.
	const asOf = dataAsOfMs(columns);
	const sla = { schedule: slaSchedule, asOfMs: asOf ?? undefined };
	const byId: Record<KpiId, KpiResult> = {
		tickets: ticketCount(columns),
		solved_tickets: solvedCount(columns),
		backlog_open: openBacklogAt(columns, undefined, asOf),
		first_response_median_s: firstResponse.median,
		first_response_p90_s: firstResponse.p90,
		first_response_business_median_s: firstResponseBusinessMedian(columns, schedule),
		first_resolution_median_s: firstResolutionTimeMedian(columns),
		resolution_median_s: resolutionTimeMedian(columns),
		resolution_business_median_s: resolutionBusinessMedian(columns, schedule),
		resolution_rate: resolutionRate(columns),
		one_touch_rate: oneTouchRate(columns),
		reopen_rate: reopenRate(columns),
		replies_median: replies.median,
		replies_mean: replies.mean,
		sla_first_response_rate: slaAttainment(
			columns,
			'first_response',
			settings.sla.firstResponse,
			sla
		),
		sla_resolution_rate: slaAttainment(columns, 'resolution', settings.sla.resolution, sla),
		csat_satisfied_rate: csatSatisfiedRate(columns),
		csat_mean: csatMean(columns)
	};
	return KPI_IDS.map((id) => {
		const result = byId[id];
		const tile = kpi(id, result);
		if ('met' in result && 'breached' in result && 'pending' in result) {
			const { met, breached, pending } = result as SlaAttainment;
			tile.sla = { met, breached, pending };
		}
		return tile;
	});
}
