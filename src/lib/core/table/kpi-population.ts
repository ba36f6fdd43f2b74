import { CSAT_SCALES, TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from '../model/service-settings';
import { SLA_VERDICT, slaAttainment, type SlaKind } from '../metrics/sla-attainment';

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

const isResolved = (columns: TicketColumns, row: number) => {
	const status = columns.statusCodes[row];
	return status === SOLVED || status === CLOSED;
};

/** A duration measured from creation: business-time KPIs also need the creation instant. */
const fromCreation = (columns: TicketColumns, row: number, seconds: number) =>
	Number.isFinite(columns.createdAtMs[row] ?? NaN) ? duration(seconds) : 'out';

/** Resolved tickets whose export states the count (one-touch, reopens, replies). */
const resolvedWithCount = (count: number, allowNegative: boolean): 'included' | 'out' =>
	Number.isFinite(count) && (allowNegative || count >= 0) ? 'included' : 'out';

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
	solved_tickets: () => 'included',
	// At the data's own moment every ticket created so far counts (n), none excluded.
	backlog_open: (columns, row) =>
		Number.isFinite(columns.createdAtMs[row] ?? NaN) ? 'included' : 'out',
	first_response_business_median_s: (columns, row) =>
		fromCreation(columns, row, columns.firstResponseSeconds[row] ?? NaN),
	resolution_business_median_s: (columns, row) =>
		isResolved(columns, row)
			? fromCreation(columns, row, columns.resolutionSeconds[row] ?? NaN)
			: 'out',
	one_touch_rate: (columns, row) =>
		isResolved(columns, row) ? resolvedWithCount(columns.agentReplies[row] ?? NaN, true) : 'out',
	reopen_rate: (columns, row) =>
		isResolved(columns, row) ? resolvedWithCount(columns.reopens[row] ?? NaN, true) : 'out',
	replies_median: (columns, row) =>
		isResolved(columns, row) ? resolvedWithCount(columns.agentReplies[row] ?? NaN, false) : 'out',
	replies_mean: (columns, row) =>
		isResolved(columns, row) ? resolvedWithCount(columns.agentReplies[row] ?? NaN, false) : 'out',
	csat_mean: (columns, row) => {
		if (columns.csatScaleCodes[row] !== FIVE_POINT) return 'out';
		const score = columns.csatScores[row] ?? NaN;
		if (!Number.isFinite(score)) return 'out';
		return score >= 1 && score <= 5 ? 'included' : 'excluded';
	}
};

/** SLA KPIs: decided tickets (met or breached) are n; impossible durations are excluded. */
const SLA_KPIS: Record<string, SlaKind> = {
	sla_first_response_rate: 'first_response',
	sla_resolution_rate: 'resolution'
};

/** What the SLA populations depend on: the merchant's targets and clock, and the as-of moment. */
export interface KpiPopulationContext {
	settings: ServiceSettings;
	timeZone: string;
	/** The moment "still waiting" is judged at: the tile's (dataAsOfMs of the filtered tickets). */
	asOfMs: number | null;
}

/** Whether the KPI can list its tickets. */
export function hasKpiPopulation(kpiId: string): boolean {
	return kpiId in CLASSIFIERS || kpiId in SLA_KPIS;
}

/** Whether the KPI's population depends on settings and as-of (pass a context for it). */
export const kpiPopulationNeedsContext = (kpiId: string): boolean => kpiId in SLA_KPIS;

/** A test for "row is in this subset of the KPI", or null for a KPI without one. */
export function kpiSubsetTest(
	columns: TicketColumns,
	subset: KpiSubset,
	context: KpiPopulationContext = {
		settings: DEFAULT_SERVICE_SETTINGS,
		timeZone: 'UTC',
		asOfMs: null
	}
): ((row: number) => boolean) | null {
	const slaKind = SLA_KPIS[subset.kpiId];
	if (slaKind !== undefined) {
		// The SLA function classifies every ticket itself, so the link and the tile agree.
		const verdicts = new Uint8Array(columns.size);
		const { settings } = context;
		slaAttainment(
			columns,
			slaKind,
			slaKind === 'first_response' ? settings.sla.firstResponse : settings.sla.resolution,
			{
				asOfMs: context.asOfMs ?? undefined,
				schedule:
					settings.sla.clock === 'business'
						? { week: settings.week, holidays: settings.holidays, timeZone: context.timeZone }
						: null,
				verdicts
			}
		);
		return subset.part === 'excluded'
			? (row) => verdicts[row] === SLA_VERDICT.excluded
			: (row) => verdicts[row] === SLA_VERDICT.met || verdicts[row] === SLA_VERDICT.breached;
	}
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
