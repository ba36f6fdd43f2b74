import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { computeOverviewKpis } from '../metrics/overview-kpis';
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
