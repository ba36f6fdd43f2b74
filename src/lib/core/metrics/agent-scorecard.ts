import { CSAT_SCALES, codeOf } from '../model/ticket';
import type { ServiceSettings } from '../model/service-settings';
import type { TicketColumns } from '../model/ticket-columns';
import { localDayNumber } from '../time/time-zone';
import { FEW_RATINGS, type BreakdownRow } from './breakdown';
import { csatSatisfiedRate } from './csat';
import { computeOverviewKpis, type KpiId, type OverviewKpi } from './overview-kpis';
import { quantileInPlace } from './quantile';
import { wilsonInterval } from './wilson';

/** The KPIs a scorecard shows, in display order (a subset of the overview's). */
export const SCORECARD_KPI_IDS = [
	'tickets',
	'first_response_median_s',
	'first_response_p90_s',
	'first_resolution_median_s',
	'resolution_median_s',
	'resolution_rate',
	'one_touch_rate',
	'reopen_rate',
	'csat_satisfied_rate',
	'sla_first_response_rate',
	'sla_resolution_rate'
] as const satisfies readonly KpiId[];

/** A CSAT share with its 95% Wilson interval and the "few ratings" mark. */
export interface CsatWithInterval {
	satisfied: number;
	rated: number;
	rate: number | null;
	low: number | null;
	high: number | null;
	hasFewRatings: boolean;
}

export function csatWithInterval(columns: TicketColumns): CsatWithInterval {
	const csat = csatSatisfiedRate(columns);
	const satisfied = csat.value === null ? 0 : Math.round(csat.value * csat.n);
	const interval = wilsonInterval(satisfied, csat.n);
	return {
		satisfied,
		rated: csat.n,
		rate: csat.value,
		low: interval?.low ?? null,
		high: interval?.high ?? null,
		hasFewRatings: csat.n < FEW_RATINGS
	};
}

/** One KPI for the agent and for the team (the same filter without the agent restriction). */
export interface ScorecardKpi {
	id: KpiId;
	agent: OverviewKpi;
	team: OverviewKpi;
}

/**
 * The scorecard's KPI pairs: the overview KPI functions over the agent's tickets and over the
 * team's, so an agent's tile and the dashboard tile agree on definitions and populations.
 */
export function scorecardKpis(
	agent: TicketColumns,
	team: TicketColumns,
	settings: ServiceSettings,
	timeZone: string
): ScorecardKpi[] {
	const ofAgent = computeOverviewKpis(agent, settings, timeZone);
	const ofTeam = computeOverviewKpis(team, settings, timeZone);
	const out: ScorecardKpi[] = [];
	for (const id of SCORECARD_KPI_IDS) {
		const a = ofAgent.find((kpi) => kpi.id === id);
		const t = ofTeam.find((kpi) => kpi.id === id);
		if (a !== undefined && t !== undefined) out.push({ id, agent: a, team: t });
	}
	return out;
}

/** An agent's place when ranked by the lower bound of the CSAT interval. */
export interface CsatRanking {
	key: string;
	/** 1 = best; agents without ratings are not ranked. */
	rank: number;
	low: number;
	rated: number;
}

/**
 * Ranks agents (breakdown rows) by the lower bound of their 95% Wilson interval, so 4 Good
 * of 4 (lower bound 51%) ranks below 45 of 50 (79%): a few lucky ratings cannot come first.
 * Ties share a rank (competition ranking "1, 2, 2, 4"); rows without ratings are left out.
 */
export function rankByCsatLowerBound(rows: readonly BreakdownRow[]): CsatRanking[] {
	const rated = rows
		.filter((row) => row.csatLow !== null && row.csatRated > 0)
		.map((row) => ({ key: row.key, low: row.csatLow as number, rated: row.csatRated }))
		.sort((a, b) => b.low - a.low || b.rated - a.rated || a.key.localeCompare(b.key));
	const out: CsatRanking[] = [];
	rated.forEach((entry, index) => {
		const previous = out[index - 1];
		const tied = previous !== undefined && Math.abs(previous.low - entry.low) < 1e-12;
		out.push({ ...entry, rank: tied ? previous.rank : index + 1 });
	});
	return out;
}

/** One local week (Monday first) of an agent's tickets, by creation. */
export interface WeekPoint {
	/** The week's Monday, 'YYYY-MM-DD' in the shop time zone. */
	weekStart: string;
	tickets: number;
	firstResponseMedianSeconds: number | null;
	firstResponseN: number;
	csatSatisfiedRate: number | null;
	csatRated: number;
}

const DAY_MS = 86_400_000;
const GOOD_BAD = codeOf(CSAT_SCALES, 'good_bad');
const FIVE_POINT = codeOf(CSAT_SCALES, 'five_point');

/**
 * Tickets, median first response and CSAT share per local week (Monday to Sunday in
 * `timeZone`, by creation), with the same population rules as the tiles. Weeks run from the
 * first ticket's week to `lastWeekDay`'s (default the last ticket's), empty weeks as zeros.
 */
export function weeklyTrend(
	columns: TicketColumns,
	timeZone: string,
	range: { firstDay: number; lastDay: number } | null = null
): WeekPoint[] {
	const size = columns.size;
	const weekOfRow = new Float64Array(size);
	let first = Infinity;
	let last = -Infinity;
	for (let row = 0; row < size; row++) {
		const created = columns.createdAtMs[row] ?? NaN;
		if (!Number.isFinite(created)) {
			weekOfRow[row] = NaN;
			continue;
		}
		const day = localDayNumber(created, timeZone);
		// 1970-01-01 was a Thursday: weekday 3 when Monday = 0.
		const monday = day - ((((day + 3) % 7) + 7) % 7);
		weekOfRow[row] = monday;
		if (monday < first) first = monday;
		if (monday > last) last = monday;
	}
	if (range !== null) {
		first = range.firstDay - ((((range.firstDay + 3) % 7) + 7) % 7);
		last = range.lastDay - ((((range.lastDay + 3) % 7) + 7) % 7);
	}
	if (first === Infinity || last < first) return [];
	const weeks = (last - first) / 7 + 1;
	const responses: number[][] = Array.from({ length: weeks }, () => []);
	const tickets = new Uint32Array(weeks);
	const rated = new Uint32Array(weeks);
	const satisfied = new Uint32Array(weeks);
	for (let row = 0; row < size; row++) {
		const monday = weekOfRow[row] ?? NaN;
		if (Number.isNaN(monday) || monday < first || monday > last) continue;
		const week = (monday - first) / 7;
		tickets[week] = (tickets[week] ?? 0) + 1;
		const seconds = columns.firstResponseSeconds[row] ?? NaN;
		if (Number.isFinite(seconds) && seconds >= 0) responses[week]?.push(seconds);
		const scale = columns.csatScaleCodes[row] ?? 0;
		const score = columns.csatScores[row] ?? NaN;
		// csatSatisfiedRate's rules: good/bad is 0|1; five-point 1..5, 4-5 satisfied.
		if (scale === GOOD_BAD && (score === 0 || score === 1)) {
			rated[week] = (rated[week] ?? 0) + 1;
			if (score === 1) satisfied[week] = (satisfied[week] ?? 0) + 1;
		} else if (scale === FIVE_POINT && score >= 1 && score <= 5) {
			rated[week] = (rated[week] ?? 0) + 1;
			if (score >= 4) satisfied[week] = (satisfied[week] ?? 0) + 1;
		}
	}
	const out: WeekPoint[] = [];
	for (let week = 0; week < weeks; week++) {
		const values = Float64Array.from(responses[week] ?? []);
		const ratedCount = rated[week] ?? 0;
		out.push({
			weekStart: new Date((first + week * 7) * DAY_MS).toISOString().slice(0, 10),
			tickets: tickets[week] ?? 0,
			firstResponseMedianSeconds: quantileInPlace(values, 0.5),
			firstResponseN: values.length,
			csatSatisfiedRate: ratedCount === 0 ? null : (satisfied[week] ?? 0) / ratedCount,
			csatRated: ratedCount
		});
	}
	return out;
}
