import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { KPI_IDS, computeOverviewKpis } from '../metrics/overview-kpis';
import { defaultServiceSettings } from '../model/service-settings';
import { dataAsOfMs } from '../metrics/backlog';
import { hasKpiPopulation, kpiSubsetTest, parseKpiSubset } from './kpi-population';

const columns = makeColumns(
	{
		firstResponseSeconds: 60,
		status: 'solved',
		resolutionSeconds: 600,
		csatScale: 'five_point',
		csatScore: 5
	},
	{
		firstResponseSeconds: -30,
		status: 'closed',
		resolutionSeconds: -5,
		csatScale: 'good_bad',
		csatScore: 1
	},
	{
		firstResponseSeconds: null,
		status: 'open',
		resolutionSeconds: 100,
		csatScale: 'five_point',
		csatScore: 9
	},
	{
		firstResponseSeconds: 0,
		status: 'solved',
		resolutionSeconds: null,
		csatScale: 'good_bad',
		csatScore: 3
	},
	{ firstResponseSeconds: 120, status: 'pending', csatScale: 'none', csatScore: null }
);

const count = (kpiId: string, part: 'included' | 'excluded') => {
	const test = kpiSubsetTest(columns, { kpiId, part });
	let total = 0;
	for (let row = 0; row < columns.size; row++) if (test?.(row)) total++;
	return total;
};

describe('KPI populations', () => {
	it('count exactly each KPI’s n and excluded tickets', () => {
		const kpis = computeOverviewKpis(columns);
		const core = [
			'tickets',
			'first_response_median_s',
			'first_response_p90_s',
			'resolution_median_s',
			'resolution_rate',
			'csat_satisfied_rate',
			'csat_mean'
		];
		expect(core.every((id) => hasKpiPopulation(id))).toBe(true);
		for (const kpi of kpis.filter((kpi) => hasKpiPopulation(kpi.id))) {
			expect([kpi.id, count(kpi.id, 'included')]).toEqual([kpi.id, kpi.n]);
			expect([kpi.id, count(kpi.id, 'excluded')]).toEqual([kpi.id, kpi.excluded]);
		}
		// By hand: first response valid on rows 0, 3, 4; row 1 is negative.
		expect(count('first_response_median_s', 'included')).toBe(3);
		expect(count('first_response_median_s', 'excluded')).toBe(1);
		// CSAT: rows 0 and 1 rated; 9 of 5 and 3 on good/bad are impossible.
		expect(count('csat_satisfied_rate', 'included')).toBe(2);
		expect(count('csat_satisfied_rate', 'excluded')).toBe(2);
	});
	it('parses the subset parameter and refuses unknown KPIs', () => {
		expect(parseKpiSubset('excluded:first_response_median_s')).toEqual({
			part: 'excluded',
			kpiId: 'first_response_median_s'
		});
		expect(parseKpiSubset('excluded:made_up')).toBeNull();
		expect(parseKpiSubset('all:tickets')).toBeNull();
		expect(parseKpiSubset(null)).toBeNull();
		expect(kpiSubsetTest(columns, { kpiId: 'made_up', part: 'included' })).toBeNull();
	});
});

describe('every overview KPI has its population', () => {
	const HOUR = 3600;
	const at = (day: number, hour: number) => Date.UTC(2026, 0, day, hour);
	// Mon 5 – Fri 9 Jan 2026: replies, reopens, SLA met / breached / waiting / impossible.
	const service = makeColumns(
		{
			channel: 'chat',
			status: 'solved',
			firstResponseSeconds: 600,
			resolutionSeconds: 2 * HOUR,
			agentReplies: 1,
			reopens: 0
		},
		{
			channel: 'chat',
			status: 'closed',
			firstResponseSeconds: 3 * HOUR,
			resolutionSeconds: 30 * HOUR,
			agentReplies: 3,
			reopens: 2
		},
		{
			channel: 'email',
			status: 'solved',
			firstResponseSeconds: -60,
			resolutionSeconds: -1,
			agentReplies: -2
		},
		{
			channel: 'email',
			status: 'open',
			createdAtMs: at(9, 9),
			resolutionSeconds: HOUR,
			reopens: 1
		},
		{ channel: 'email', status: 'open', createdAtMs: at(5, 9) },
		{ channel: 'phone', status: 'solved', firstResponseSeconds: 60, agentReplies: 0 },
		{ channel: 'unknown', priority: 'urgent', status: 'pending', firstResponseSeconds: 30 * HOUR }
	);
	const countIn = (
		columns: typeof service,
		kpiId: string,
		part: 'included' | 'excluded',
		context?: Parameters<typeof kpiSubsetTest>[2]
	) => {
		const test = kpiSubsetTest(columns, { kpiId, part }, context);
		let total = 0;
		for (let row = 0; row < columns.size; row++) if (test?.(row)) total++;
		return total;
	};

	it('lists exactly n and excluded of every tile, calendar SLA clock', () => {
		expect(KPI_IDS.filter((id) => !hasKpiPopulation(id))).toEqual([]);
		for (const kpi of computeOverviewKpis(service, defaultServiceSettings(), 'UTC')) {
			expect([kpi.id, countIn(service, kpi.id, 'included')]).toEqual([kpi.id, kpi.n]);
			expect([kpi.id, countIn(service, kpi.id, 'excluded')]).toEqual([kpi.id, kpi.excluded]);
		}
		// By hand: SLA first response decided on rows 0 (met), 1 (breached), 4 (waiting past
		// 24 h at as-of Fri 9 Jan 09:00, the latest creation), 5 (met), 6 (breached); row 2 impossible; row 3
		// waiting within target is not in n.
		expect(countIn(service, 'sla_first_response_rate', 'included')).toBe(5);
		expect(countIn(service, 'sla_first_response_rate', 'excluded')).toBe(1);
		// One-touch: resolved with a stated reply count: rows 0, 1, 2, 5.
		expect(countIn(service, 'one_touch_rate', 'included')).toBe(4);
		// Replies per ticket drop the negative count of row 2.
		expect(countIn(service, 'replies_median', 'included')).toBe(3);
	});

	it('follows the merchant’s settings and the tile’s as-of moment', () => {
		const settings = defaultServiceSettings();
		settings.sla.clock = 'business';
		settings.sla.firstResponse.email.normal = null;
		const context = { settings, timeZone: 'UTC', asOfMs: dataAsOfMs(service) };
		const kpis = computeOverviewKpis(service, settings, 'UTC');
		for (const kpi of kpis.filter((k) => k.id.startsWith('sla_'))) {
			expect([kpi.id, countIn(service, kpi.id, 'included', context)]).toEqual([kpi.id, kpi.n]);
			expect([kpi.id, countIn(service, kpi.id, 'excluded', context)]).toEqual([
				kpi.id,
				kpi.excluded
			]);
		}
	});
});
