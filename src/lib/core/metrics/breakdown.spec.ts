import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { selectTicketRows } from '../model/ticket-columns';
import { breakdownBy } from './breakdown';
import { wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
	it('matches the textbook values', () => {
		// 8 of 10: Wilson 95% interval 0.4902 .. 0.9433.
		const interval = wilsonInterval(8, 10);
		expect(interval?.low).toBeCloseTo(0.4902, 4);
		expect(interval?.high).toBeCloseTo(0.9433, 4);
		// 4 of 4 is not "100% for sure": the lower bound is 0.5101.
		expect(wilsonInterval(4, 4)?.low).toBeCloseTo(0.5101, 4);
		expect(wilsonInterval(4, 4)?.high).toBe(1);
		expect(wilsonInterval(0, 0)).toBeNull();
	});
});

describe('breakdownBy', () => {
	const columns = makeColumns(
		{
			agent: 'Ana',
			channel: 'chat',
			firstResponseSeconds: 60,
			status: 'solved',
			resolutionSeconds: 600,
			csatScale: 'five_point',
			csatScore: 5
		},
		{
			agent: 'Ana',
			channel: 'email',
			firstResponseSeconds: 180,
			status: 'solved',
			resolutionSeconds: 1200,
			csatScale: 'five_point',
			csatScore: 2
		},
		{
			agent: 'Ana',
			channel: 'email',
			firstResponseSeconds: 120,
			status: 'open',
			resolutionSeconds: null
		},
		{
			agent: 'Bo',
			channel: 'email',
			firstResponseSeconds: 3600,
			status: 'closed',
			resolutionSeconds: 7200,
			csatScale: 'good_bad',
			csatScore: 1
		},
		{
			agent: '',
			channel: 'unknown',
			firstResponseSeconds: null,
			status: 'new',
			resolutionSeconds: null
		}
	);

	it('computes each agent with the tile definitions, busiest first', () => {
		const rows = breakdownBy(columns, 'agent');
		expect(rows.map((row) => [row.key, row.tickets])).toEqual([
			['Ana', 3],
			['', 1],
			['Bo', 1]
		]);
		const ana = rows[0];
		expect(ana?.firstResponseMedianSeconds).toBe(120);
		expect(ana?.resolutionMedianSeconds).toBe(900);
		expect(ana?.csatSatisfiedRate).toBe(0.5);
		expect(ana?.csatRated).toBe(2);
		expect(ana?.hasFewRatings).toBe(true);
		expect(ana?.csatLow).toBeCloseTo(wilsonInterval(1, 2)?.low ?? NaN, 12);
		const unassigned = rows[1];
		expect(unassigned?.firstResponseMedianSeconds).toBeNull();
		expect(unassigned?.csatSatisfiedRate).toBeNull();
		expect(unassigned?.csatLow).toBeNull();
	});

	it('groups by channel, unknown channel as ""', () => {
		const rows = breakdownBy(columns, 'channel');
		expect(rows.map((row) => [row.key, row.tickets])).toEqual([
			['email', 3],
			['', 1],
			['chat', 1]
		]);
		expect(rows[0]?.firstResponseMedianSeconds).toBe(180);
	});

	it('gives no rows for no tickets', () => {
		expect(breakdownBy(makeColumns(), 'agent')).toEqual([]);
	});
});

describe('selectTicketRows', () => {
	it('copies the chosen rows in order', () => {
		const columns = makeColumns(
			{ agent: 'A', firstResponseSeconds: 1 },
			{ agent: 'B', firstResponseSeconds: 2 },
			{ agent: 'C', firstResponseSeconds: 3 }
		);
		const picked = selectTicketRows(columns, [2, 0]);
		expect(picked.size).toBe(2);
		expect(picked.agents).toEqual(['C', 'A']);
		expect([...picked.firstResponseSeconds]).toEqual([3, 1]);
	});
});
