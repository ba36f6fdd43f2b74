import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { computeOverviewKpis } from '../metrics/overview-kpis';
import { gatherColumns } from './gather-columns';
import { buildTicketTable, rowOfKey, tagsOfRow, type TicketTableChunk } from './ticket-table';
import {
	emptyFilter,
	previousPeriod,
	selectRows,
	dayNumberOf,
	type TicketFilter
} from './ticket-filter';
import type { Ticket } from '../model/ticket';
import { breakdownBy } from '../metrics/breakdown';
import { tableBreakdown } from './table-breakdown';

const chunk = (importId: number, ...tickets: Partial<Ticket>[]): TicketTableChunk => ({
	...toTicketColumns(tickets.map((fields) => makeTicket(fields))),
	importId
});

// Five tickets over two imports; 2026-01-05 is a Monday.
const table = buildTicketTable(
	[
		chunk(
			1,
			{
				key: 'z:1',
				agent: 'Anna',
				channel: 'email',
				tags: ['refund', 'vip'],
				createdAtMs: Date.UTC(2026, 0, 5, 9),
				firstResponseSeconds: 600,
				status: 'solved',
				priority: 'high'
			},
			{
				key: 'z:2',
				agent: 'Ben',
				channel: 'chat',
				tags: ['refund'],
				createdAtMs: Date.UTC(2026, 0, 5, 23, 30),
				firstResponseSeconds: 60
			},
			{
				key: 'z:3',
				agent: 'Anna',
				channel: 'chat',
				tags: [],
				createdAtMs: Date.UTC(2026, 0, 6, 10),
				firstResponseSeconds: -5
			}
		),
		chunk(
			2,
			{
				key: 'z:4',
				agent: '',
				channel: 'phone',
				tags: ['vip'],
				createdAtMs: Date.UTC(2026, 0, 7, 8),
				status: 'closed'
			},
			{ key: 'z:5', agent: 'Ben', channel: 'email', tags: ['shipping'], createdAtMs: NaN }
		)
	],
	7
);
const filter = (fields: Partial<TicketFilter>): TicketFilter => ({ ...emptyFilter(), ...fields });
const rows = (fields: Partial<TicketFilter>, zone = 'UTC') => {
	const selected = selectRows(table, filter(fields), zone);
	return selected === null ? null : Array.from(selected, (row) => table.columns.keys[row]);
};

describe('buildTicketTable', () => {
	it('dictionary-encodes agents and tag sets and records each row’s import', () => {
		expect(table.size).toBe(5);
		expect(table.version).toBe(7);
		expect(table.agents).toEqual(['Anna', 'Ben', '']);
		expect(Array.from(table.agentCodes)).toEqual([0, 1, 0, 2, 1]);
		expect(table.tags).toEqual(['refund', 'vip', 'shipping']);
		expect(Array.from(table.tagOffsets)).toEqual([0, 2, 3, 3, 4, 5]);
		expect(tagsOfRow(table, 0)).toEqual(['refund', 'vip']);
		expect(tagsOfRow(table, 2)).toEqual([]);
		expect(Array.from(table.importIds)).toEqual([1, 1, 1, 2, 2]);
		expect(rowOfKey(table, 'z:4')).toBe(3);
		expect(rowOfKey(table, 'nope')).toBeUndefined();
	});
});

describe('selectRows', () => {
	it('keeps every row (null) for the empty filter', () => {
		expect(rows({})).toBeNull();
	});
	it('ORs values within a field and ANDs across fields', () => {
		expect(rows({ agents: ['Anna', 'Ben'] })).toEqual(['z:1', 'z:2', 'z:3', 'z:5']);
		expect(rows({ agents: ['Anna', 'Ben'], channels: ['chat'] })).toEqual(['z:2', 'z:3']);
		expect(rows({ agents: [''] })).toEqual(['z:4']);
		expect(rows({ agents: ['Nobody'] })).toEqual([]);
	});
	it('matches a ticket holding any selected tag', () => {
		expect(rows({ tags: ['vip'] })).toEqual(['z:1', 'z:4']);
		expect(rows({ tags: ['vip', 'shipping'] })).toEqual(['z:1', 'z:4', 'z:5']);
		expect(rows({ tags: ['nope'] })).toEqual([]);
	});
	it('filters by status, priority and source import', () => {
		expect(rows({ statuses: ['solved', 'closed'] })).toEqual(['z:1', 'z:4']);
		expect(rows({ priorities: ['high'] })).toEqual(['z:1']);
		expect(rows({ importIds: [2] })).toEqual(['z:4', 'z:5']);
	});
	it('takes both date bounds inclusive as local days, dropping tickets without a creation time', () => {
		expect(rows({ from: '2026-01-05', to: '2026-01-05' })).toEqual(['z:1', 'z:2']);
		expect(rows({ from: '2026-01-06' })).toEqual(['z:3', 'z:4']);
		expect(rows({ to: '2026-01-06' })).toEqual(['z:1', 'z:2', 'z:3']);
		// 23:30 UTC on the 5th is already the 6th in Berlin (UTC+1 in January).
		expect(rows({ from: '2026-01-06', to: '2026-01-06' }, 'Europe/Berlin')).toEqual(['z:2', 'z:3']);
	});
	it('drills down to a local weekday and hour', () => {
		expect(rows({ weekdays: [0], hours: [9] })).toEqual(['z:1']);
		expect(rows({ weekdays: [1] })).toEqual(['z:3']);
		// In Berlin z:2 falls on Tuesday 00:30.
		expect(rows({ weekdays: [1], hours: [0] }, 'Europe/Berlin')).toEqual(['z:2']);
	});
});

describe('gatherColumns', () => {
	it('gives KPI functions the selected rows only, copying columns lazily', () => {
		const selection = selectRows(table, filter({ agents: ['Anna'] }), 'UTC');
		expect(selection).not.toBeNull();
		const gathered = gatherColumns(table.columns, selection as Uint32Array);
		expect(gathered.size).toBe(2);
		expect(Array.from(gathered.firstResponseSeconds)).toEqual([600, -5]);
		expect(gathered.keys).toEqual(['z:1', 'z:3']);
		const kpis = computeOverviewKpis(gathered);
		const firstResponse = kpis.find((kpi) => kpi.id === 'first_response_median_s');
		// 600 s is the only valid response; the -5 s one is excluded as impossible.
		expect(firstResponse).toMatchObject({ value: 600, n: 1, excluded: 1 });
		expect(kpis.find((kpi) => kpi.id === 'resolution_rate')?.value).toBe(0.5);
	});
});

describe('previousPeriod', () => {
	it('is the same number of days just before', () => {
		expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
			from: '2026-01-29',
			to: '2026-02-28'
		});
		expect(previousPeriod({ from: '2026-01-05', to: '2026-01-05' })).toEqual({
			from: '2026-01-04',
			to: '2026-01-04'
		});
	});
	it('is null without a complete range', () => {
		expect(previousPeriod({ from: '2026-03-01', to: null })).toBeNull();
		expect(previousPeriod({ from: null, to: null })).toBeNull();
	});
});

describe('dayNumberOf', () => {
	it('reads real dates and rejects impossible ones', () => {
		expect(dayNumberOf('1970-01-02')).toBe(1);
		expect(dayNumberOf('2026-02-30')).toBeNull();
		expect(dayNumberOf('2026-1-5')).toBeNull();
	});
});

describe('tableBreakdown', () => {
	it('equals breakdownBy on the same selected rows', () => {
		const selection = selectRows(
			table,
			filter({ statuses: ['open', 'solved'] }),
			'UTC'
		) as Uint32Array;
		const selected = gatherColumns(table.columns, selection);
		for (const dimension of ['agent', 'channel'] as const) {
			expect(tableBreakdown(table, selection, dimension)).toEqual(breakdownBy(selected, dimension));
			expect(tableBreakdown(table, null, dimension)).toEqual(breakdownBy(table.columns, dimension));
		}
		expect(tableBreakdown(table, selection, 'agent').map((row) => [row.key, row.tickets])).toEqual([
			['Anna', 2],
			['Ben', 2]
		]);
	});
});
