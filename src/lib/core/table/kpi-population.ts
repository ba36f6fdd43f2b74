import { CSAT_SCALES, TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';

/** The tickets a KPI counted (its n) or dropped as impossible (its `excluded`). */
export interface KpiSubset {
	kpiId: string;
	part: 'included' | 'excluded';
}

const SOLVED = codeOf(TICKET_STATUSES, 'solved');
const CLOSED = codeOf(TICKET_STATUSES, 'closed');
const GOOD_BAD = codeOf(CSAT_SCALES, 'good_bad');
const FIVE_POINT = codeOf(CSAT_SCALES, 'five_point');

type Classify = (columns: TicketColumns, row: number) => 'included' | 'excluded' | 'out';

const duration = (seconds: number): 'included' | 'excluded' | 'out' =>
	!Number.isFinite(seconds) ? 'out' : seconds < 0 ? 'excluded' : 'included';

/**
 * Per KPI, which population a ticket falls in, by the same rules as the KPI functions
 * (first-response-time.ts, resolution-time.ts, csat.ts …); a spec checks that the counts equal
 * each KpiResult's n and excluded. KPIs not listed here have no ticket link.
 */
const CLASSIFIERS: Record<string, Classify> = {
	tickets: () => 'included',
	resolution_rate: () => 'included',
	first_response_median_s: (columns, row) => duration(columns.firstResponseSeconds[row] ?? NaN),
	first_response_p90_s: (columns, row) => duration(columns.firstResponseSeconds[row] ?? NaN),
	resolution_median_s: (columns, row) => {
		const status = columns.statusCodes[row];
		if (status !== SOLVED && status !== CLOSED) return 'out';
		return duration(columns.resolutionSeconds[row] ?? NaN);
	},
	first_resolution_median_s: (columns, row) =>
		duration(columns.firstResolutionSeconds?.[row] ?? NaN),
	csat_satisfied_rate: (columns, row) => {
		const scale = columns.csatScaleCodes[row] ?? 0;
		const score = columns.csatScores[row] ?? NaN;
		if (scale === 0 || !Number.isFinite(score)) return 'out';
		if (scale === GOOD_BAD) return score === 0 || score === 1 ? 'included' : 'excluded';
		if (scale === FIVE_POINT) return score >= 1 && score <= 5 ? 'included' : 'excluded';
		return 'excluded';
	},
	csat_mean: (columns, row) => {
		if (columns.csatScaleCodes[row] !== FIVE_POINT) return 'out';
		const score = columns.csatScores[row] ?? NaN;
		if (!Number.isFinite(score)) return 'out';
		return score >= 1 && score <= 5 ? 'included' : 'excluded';
	}
};

/** Whether the KPI can list its tickets. */
export function hasKpiPopulation(kpiId: string): boolean {
	return kpiId in CLASSIFIERS;
}

/** A test for "row is in this subset of the KPI", or null for a KPI without one. */
export function kpiSubsetTest(
	columns: TicketColumns,
	subset: KpiSubset
): ((row: number) => boolean) | null {
	const classify = CLASSIFIERS[subset.kpiId];
	if (classify === undefined) return null;
	return (row) => classify(columns, row) === subset.part;
}

/** Reads `included:<kpi>` / `excluded:<kpi>` (the `subset` URL parameter). */
export function parseKpiSubset(text: string | null): KpiSubset | null {
	if (text === null) return null;
	const match = /^(included|excluded):([a-z0-9_]+)$/.exec(text);
	if (!match || !hasKpiPopulation(match[2] ?? '')) return null;
	return { part: match[1] as KpiSubset['part'], kpiId: match[2] ?? '' };
}

export const formatKpiSubset = (subset: KpiSubset): string => `${subset.part}:${subset.kpiId}`;
