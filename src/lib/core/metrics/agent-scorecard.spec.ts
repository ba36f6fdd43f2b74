import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { DEFAULT_SERVICE_SETTINGS } from '../model/service-settings';
import {
	csatWithInterval,
	rankByCsatLowerBound,
	scorecardKpis,
	weeklyTrend,
	SCORECARD_KPI_IDS
} from './agent-scorecard';
import type { BreakdownRow } from './breakdown';
import { wilsonInterval } from './wilson';

const row = (key: string, satisfied: number, rated: number): BreakdownRow => {
	const interval = wilsonInterval(satisfied, rated);
	return {
		key,
		tickets: rated,
		firstResponseMedianSeconds: null,
		firstResponseN: 0,
		resolutionMedianSeconds: null,
		resolutionN: 0,
		csatSatisfiedRate: rated === 0 ? null : satisfied / rated,
		csatRated: rated,
		csatLow: interval?.low ?? null,
		csatHigh: interval?.high ?? null,
		hasFewRatings: rated < 10
	};
};

describe('rankByCsatLowerBound', () => {
	it('does not put 4 of 4 above 45 of 50', () => {
		const ranking = rankByCsatLowerBound([
			row('Lucky', 4, 4),
			row('Steady', 45, 50),
			row('Nobody', 0, 0),
			row('Weak', 10, 20)
		]);
		// Lower bounds: 45/50 → 0.7864, 4/4 → 0.5101, 10/20 → 0.2993.
		expect(ranking.map((entry) => [entry.key, entry.rank])).toEqual([
			['Steady', 1],
			['Lucky', 2],
			['Weak', 3]
		]);
		expect(ranking[0]?.low).toBeCloseTo(0.7864, 4);
		expect(ranking[1]?.low).toBeCloseTo(0.5101, 4);
	});

	it('gives ties the same rank (1, 1, 3), more ratings first', () => {
		const ranking = rankByCsatLowerBound([row('B', 8, 10), row('A', 8, 10), row('C', 1, 2)]);
		expect(ranking.map((entry) => [entry.key, entry.rank])).toEqual([
			['A', 1],
			['B', 1],
			['C', 3]
		]);
		expect(rankByCsatLowerBound([])).toEqual([]);
	});
});

describe('csatWithInterval', () => {
	it('gives the share, its Wilson interval and the few-ratings mark', () => {
		const columns = makeColumns(
			{ csatScale: 'five_point', csatScore: 5 },
			{ csatScale: 'five_point', csatScore: 4 },
			{ csatScale: 'good_bad', csatScore: 1 },
			{ csatScale: 'good_bad', csatScore: 1 },
			{ csatScale: 'five_point', csatScore: 9 }
		);
		const csat = csatWithInterval(columns);
		expect(csat).toMatchObject({ satisfied: 4, rated: 4, rate: 1, hasFewRatings: true });
		expect(csat.low).toBeCloseTo(0.5101, 4);
		expect(csat.high).toBe(1);
		expect(csatWithInterval(makeColumns())).toMatchObject({ rated: 0, rate: null, low: null });
	});
});

describe('scorecardKpis', () => {
	it('pairs the agent with the team by the tile functions', () => {
		const team = makeColumns(
			{ agent: 'Ana', firstResponseSeconds: 60, status: 'solved', resolutionSeconds: 600 },
			{ agent: 'Ana', firstResponseSeconds: 120, status: 'open' },
			{ agent: 'Bo', firstResponseSeconds: 600, status: 'solved', resolutionSeconds: 7200 }
		);
		const ana = makeColumns(
			{ agent: 'Ana', firstResponseSeconds: 60, status: 'solved', resolutionSeconds: 600 },
			{ agent: 'Ana', firstResponseSeconds: 120, status: 'open' }
		);
		const kpis = scorecardKpis(ana, team, DEFAULT_SERVICE_SETTINGS, 'UTC');
		expect(kpis.map((kpi) => kpi.id)).toEqual([...SCORECARD_KPI_IDS]);
		const byId = Object.fromEntries(kpis.map((kpi) => [kpi.id, kpi]));
		expect(byId.tickets?.agent.value).toBe(2);
		expect(byId.tickets?.team.value).toBe(3);
		// Ana [60, 120] → 90; team [60, 120, 600] → 120.
		expect(byId.first_response_median_s?.agent.value).toBe(90);
		expect(byId.first_response_median_s?.team.value).toBe(120);
		expect(byId.resolution_rate?.agent.value).toBe(0.5);
		expect(byId.resolution_median_s?.team.value).toBe(3900);
	});
});

describe('weeklyTrend', () => {
	it('buckets by local Monday weeks with empty weeks as zeros', () => {
		// 2026-01-05 and 2026-01-19 are Mondays; Sunday 2026-01-11 23:30 in Berlin is 22:30 UTC.
		const columns = makeColumns(
			{ createdAtMs: Date.UTC(2026, 0, 5, 9), firstResponseSeconds: 60 },
			{
				createdAtMs: Date.UTC(2026, 0, 11, 22, 30),
				firstResponseSeconds: 180,
				csatScale: 'good_bad',
				csatScore: 0
			},
			{
				createdAtMs: Date.UTC(2026, 0, 21, 9),
				firstResponseSeconds: -5,
				csatScale: 'five_point',
				csatScore: 4
			}
		);
		const weeks = weeklyTrend(columns, 'Europe/Berlin');
		expect(weeks).toEqual([
			{
				weekStart: '2026-01-05',
				tickets: 2,
				firstResponseMedianSeconds: 120,
				firstResponseN: 2,
				csatSatisfiedRate: 0,
				csatRated: 1
			},
			{
				weekStart: '2026-01-12',
				tickets: 0,
				firstResponseMedianSeconds: null,
				firstResponseN: 0,
				csatSatisfiedRate: null,
				csatRated: 0
			},
			{
				weekStart: '2026-01-19',
				tickets: 1,
				firstResponseMedianSeconds: null,
				firstResponseN: 0,
				csatSatisfiedRate: 1,
				csatRated: 1
			}
		]);
		// In Tokyo the same instant is Monday 12 January 07:30: the second week.
		expect(weeklyTrend(columns, 'Asia/Tokyo')[1]?.tickets).toBe(1);
		expect(weeklyTrend(makeColumns(), 'UTC')).toEqual([]);
	});
});
