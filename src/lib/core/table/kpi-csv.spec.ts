import { describe, expect, it } from 'vitest';
import { kpiTableCsv } from './kpi-csv';

describe('kpiTableCsv', () => {
	it('writes one row per KPI in base units, with the filters and compared period', () => {
		const csv = kpiTableCsv(
			[
				{
					id: 'tickets',
					label: 'Tickets',
					unit: 'count',
					value: 5,
					n: 5,
					excluded: 0,
					previousValue: 2,
					change: 3
				},
				{
					id: 'csat_mean',
					label: '=Mean, 1-5',
					unit: 'score',
					value: null,
					n: 0,
					excluded: 1,
					previousValue: null,
					change: null
				}
			],
			'Agent: Anna',
			'2026-06-30 – 2026-07-01'
		);
		expect(csv).toBe(
			'kpi_id,kpi,value,unit,n,excluded,previous_value,change,filters,previous_period\r\n' +
				'tickets,Tickets,5,count,5,0,2,3,Agent: Anna,2026-06-30 – 2026-07-01\r\n' +
				`csat_mean,"'=Mean, 1-5",,score,0,1,,,Agent: Anna,2026-06-30 – 2026-07-01\r\n`
		);
	});
});
