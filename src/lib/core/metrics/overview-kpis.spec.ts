import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { KPI_IDS, computeOverviewKpis, type OverviewKpi } from './overview-kpis';

const byId = (kpis: OverviewKpi[]) => new Map(kpis.map((kpi) => [kpi.id, kpi]));

describe('computeOverviewKpis', () => {
	it('returns every KPI in KPI_IDS order with its unit', () => {
		const kpis = computeOverviewKpis(makeColumns({}));
		expect(kpis.map((kpi) => kpi.id)).toEqual([...KPI_IDS]);
		expect(kpis.map((kpi) => kpi.unit)).toEqual([
			'count',
			'seconds',
			'seconds',
			'seconds',
			'fraction',
			'fraction',
			'score'
		]);
	});

	it('computes hand-checked values', () => {
		const columns = makeColumns(
			{ firstResponseSeconds: 60, status: 'solved', resolutionSeconds: 3600 },
			{ firstResponseSeconds: 120, status: 'closed', resolutionSeconds: 7200 },
			{ firstResponseSeconds: 180, status: 'open' },
			{ firstResponseSeconds: -30, status: 'solved', resolutionSeconds: -1 },
			{ csatScale: 'five_point', csatScore: 4 },
			{ csatScale: 'five_point', csatScore: 2 },
			{ csatScale: 'good_bad', csatScore: 1 }
		);
		const kpis = byId(computeOverviewKpis(columns));
		expect(kpis.get('tickets')).toMatchObject({ value: 7, n: 7, excluded: 0 });
		expect(kpis.get('first_response_median_s')).toMatchObject({ value: 120, n: 3, excluded: 1 });
		// [60, 120, 180]: h = 1.8 → 120 + 0.8·60
		expect(kpis.get('first_response_p90_s')?.value).toBeCloseTo(168, 9);
		expect(kpis.get('resolution_median_s')).toMatchObject({ value: 5400, n: 2, excluded: 1 });
		expect(kpis.get('resolution_rate')).toMatchObject({ value: 3 / 7, n: 7, excluded: 0 });
		expect(kpis.get('csat_satisfied_rate')).toMatchObject({ value: 2 / 3, n: 3, excluded: 0 });
		expect(kpis.get('csat_mean')).toMatchObject({ value: 3, n: 2, excluded: 0 });
	});

	it('gives 0 tickets and null everywhere else for an empty table', () => {
		const kpis = computeOverviewKpis(toTicketColumns([]));
		expect(kpis[0]).toEqual({ id: 'tickets', value: 0, n: 0, excluded: 0, unit: 'count' });
		for (const kpi of kpis.slice(1)) expect(kpi).toMatchObject({ value: null, n: 0, excluded: 0 });
	});
});
