import type { TicketColumns } from '../model/ticket-columns';
import { csatMean, csatSatisfiedRate } from './csat';
import { firstResponseTime } from './first-response-time';
import { resolutionRate } from './resolution-rate';
import { resolutionTimeMedian } from './resolution-time';
import { ticketCount, type KpiResult } from './ticket-count';

export type { KpiResult } from './ticket-count';

/** Overview KPI ids, in display order. Also used as stable `data-kpi` hooks and i18n keys. */
export const KPI_IDS = [
	'tickets',
	'first_response_median_s',
	'first_response_p90_s',
	'resolution_median_s',
	'resolution_rate',
	'csat_satisfied_rate',
	'csat_mean'
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** Unit of `value`: a count, seconds, a 0..1 fraction, or a 1..5 score. */
export type KpiUnit = 'count' | 'seconds' | 'fraction' | 'score';

export const KPI_UNITS: Readonly<Record<KpiId, KpiUnit>> = {
	tickets: 'count',
	first_response_median_s: 'seconds',
	first_response_p90_s: 'seconds',
	resolution_median_s: 'seconds',
	resolution_rate: 'fraction',
	csat_satisfied_rate: 'fraction',
	csat_mean: 'score'
};

export interface OverviewKpi extends KpiResult {
	id: KpiId;
	unit: KpiUnit;
}

const kpi = (id: KpiId, result: KpiResult): OverviewKpi => ({
	id,
	value: result.value,
	n: result.n,
	excluded: result.excluded,
	unit: KPI_UNITS[id]
});

/** All overview KPIs over one table, in KPI_IDS order. */
export function computeOverviewKpis(columns: TicketColumns): OverviewKpi[] {
	const firstResponse = firstResponseTime(columns);
	return [
		kpi('tickets', ticketCount(columns)),
		kpi('first_response_median_s', firstResponse.median),
		kpi('first_response_p90_s', firstResponse.p90),
		kpi('resolution_median_s', resolutionTimeMedian(columns)),
		kpi('resolution_rate', resolutionRate(columns)),
		kpi('csat_satisfied_rate', csatSatisfiedRate(columns)),
		kpi('csat_mean', csatMean(columns))
	];
}
