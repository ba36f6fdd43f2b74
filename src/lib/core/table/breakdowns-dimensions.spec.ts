import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../../../tests/factories/ticket';
import { PRIORITIES, type Ticket } from '../model/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { breakdownRowOf } from '../metrics/breakdown';
import { selectTicketRows } from '../model/ticket-columns';
import { CUSTOMER_SEGMENTS } from '../customers/customer-segments';
import { dimensionBreakdown } from './breakdowns-dimensions';
import { buildTicketTable } from './ticket-table';
import { emptyFilter, selectRows, type TicketFilter } from './ticket-filter';
import { syntheticChunks } from '../../../../tests/factories/synthetic-chunks';
import { tagsOfRow } from './ticket-table';

const tickets: Partial<Ticket>[] = [
	// Billing, tagged refund + delivery (counts in both tags), high.
	{
		key: 'z:1',
		group: 'Billing',
		tags: ['refund', 'delivery'],
		priority: 'high',
		firstResponseSeconds: 60,
		status: 'solved',
		resolutionSeconds: 600,
		csatScale: 'five_point',
		csatScore: 5
	},
	// Billing, refund, high, reopened and open again: in first response, not in resolution.
	{
		key: 'z:2',
		group: 'Billing',
		tags: ['refund'],
		priority: 'high',
		firstResponseSeconds: 180,
		status: 'open',
		reopens: 1,
		csatScale: 'good_bad',
		csatScore: 0
	},
	// Support, no tag, unknown priority.
	{
		key: 'z:3',
		group: 'Support',
		tags: [],
		priority: 'unknown',
		firstResponseSeconds: 120,
		status: 'closed',
		resolutionSeconds: 1200
	},
	// No group, delivery, normal; impossible first response (left out of the median).
	{
		key: 'z:4',
		group: '',
		tags: ['delivery'],
		priority: 'normal',
		firstResponseSeconds: -10,
		status: 'solved',
		resolutionSeconds: 300,
		csatScale: 'five_point',
		csatScore: 4
	}
];
const table = buildTicketTable(
	[{ ...toTicketColumns(tickets.map((fields) => makeTicket(fields))), importId: 1 }],
	1
);

describe('dimensionBreakdown', () => {
	it('groups by team/group, unassigned as ""', () => {
		const rows = dimensionBreakdown(table, null, 'group');
		expect(rows.map((row) => [row.key, row.tickets])).toEqual([
			['Billing', 2],
			['', 1],
			['Support', 1]
		]);
		const billing = rows[0];
		// First response [60, 180] → 120; resolution: only z:1 is solved → 600.
		expect(billing?.firstResponseMedianSeconds).toBe(120);
		expect(billing?.firstResponseN).toBe(2);
		expect(billing?.resolutionMedianSeconds).toBe(600);
		expect(billing?.resolutionN).toBe(1);
		// 1 satisfied (5) of 2 rated (5, Bad).
		expect(billing?.csatSatisfiedRate).toBe(0.5);
		expect(billing?.csatRated).toBe(2);
		expect(billing?.hasFewRatings).toBe(true);
		expect(rows[1]?.firstResponseMedianSeconds).toBeNull();
		expect(rows[1]?.firstResponseN).toBe(0);
	});

	it('counts a multi-tag ticket in each of its tags; totals exceed the tickets', () => {
		const rows = dimensionBreakdown(table, null, 'tag');
		expect(rows.map((row) => [row.key, row.tickets])).toEqual([
			['delivery', 2],
			['refund', 2],
			['', 1]
		]);
		expect(rows.reduce((sum, row) => sum + row.tickets, 0)).toBe(5);
		const delivery = rows.find((row) => row.key === 'delivery');
		// z:1 (60) and z:4 (negative, left out) → 60; resolution [600, 300] → 450.
		expect(delivery?.firstResponseMedianSeconds).toBe(60);
		expect(delivery?.resolutionMedianSeconds).toBe(450);
		expect(delivery?.csatSatisfiedRate).toBe(1);
	});

	it('groups by priority, unknown as ""', () => {
		const rows = dimensionBreakdown(table, null, 'priority');
		expect(rows.map((row) => [row.key, row.tickets])).toEqual([
			['high', 2],
			['', 1],
			['normal', 1]
		]);
	});

	it('groups by the segment codes it is given', () => {
		const codes = Uint8Array.from([
			CUSTOMER_SEGMENTS.indexOf('vip'),
			CUSTOMER_SEGMENTS.indexOf('new'),
			CUSTOMER_SEGMENTS.indexOf('vip'),
			CUSTOMER_SEGMENTS.indexOf('unknown_customer')
		]);
		const rows = dimensionBreakdown(table, null, 'segment', codes);
		expect(rows.map((row) => [row.key, row.tickets])).toEqual([
			['vip', 2],
			['new', 1],
			['unknown_customer', 1]
		]);
	});

	it('follows the selection and leaves empty groups out', () => {
		const selection = selectRows(table, { ...emptyFilter(), priorities: ['high'] }, 'UTC');
		const rows = dimensionBreakdown(table, selection, 'group');
		expect(rows.map((row) => [row.key, row.tickets])).toEqual([['Billing', 2]]);
		expect(dimensionBreakdown(table, new Uint32Array(0), 'tag')).toEqual([]);
	});

	it('agrees with breakdownRowOf (the tile KPI functions) on each group', () => {
		for (const row of dimensionBreakdown(table, null, 'group')) {
			const members = [...Array(table.size).keys()].filter(
				(i) => (table.columns.groups[i] ?? '') === row.key
			);
			expect(row).toEqual(breakdownRowOf(row.key, selectTicketRows(table.columns, members)));
		}
	});
});

describe('selectRows: group and untagged filters (the breakdown drill-down)', () => {
	const rowsOf = (filter: Partial<ReturnType<typeof emptyFilter>>) => [
		...(selectRows(table, { ...emptyFilter(), ...filter }, 'UTC') ?? [])
	];

	it('keeps exactly the rows of each breakdown row', () => {
		expect(rowsOf({ groups: ['Billing'] })).toEqual([0, 1]);
		expect(rowsOf({ groups: [''] })).toEqual([3]);
		expect(rowsOf({ groups: ['Nobody'] })).toEqual([]);
		expect(rowsOf({ tags: ['delivery'] })).toEqual([0, 3]);
		expect(rowsOf({ tags: [''] })).toEqual([2]);
		expect(rowsOf({ tags: ['', 'refund'] })).toEqual([0, 1, 2]);
		expect(rowsOf({ priorities: ['unknown'] })).toEqual([2]);
		for (const dimension of ['group', 'tag', 'priority'] as const) {
			for (const row of dimensionBreakdown(table, null, dimension)) {
				const filter =
					dimension === 'group'
						? { groups: [row.key] }
						: dimension === 'tag'
							? { tags: [row.key] }
							: { priorities: [row.key === '' ? 'unknown' : row.key] as never };
				expect(rowsOf(filter)).toHaveLength(row.tickets);
			}
		}
	});
});

describe('dimensionBreakdown on random tables (ranked medians)', () => {
	const filters: TicketFilter[] = [
		emptyFilter(),
		{ ...emptyFilter(), agents: ['Anna'] },
		{ ...emptyFilter(), channels: ['chat'], statuses: ['solved'] },
		{ ...emptyFilter(), from: '2025-09-01', to: '2025-11-30' },
		{ ...emptyFilter(), agents: ['Nobody'] }
	];
	for (const wholeMinutes of [1, 0.5]) {
		it(`equals breakdownRowOf on each group's copied rows (durations × ${wholeMinutes} min)`, () => {
			const big = buildTicketTable(syntheticChunks(3_000, { seed: 5, wholeMinutes }), 1);
			const segments = Uint8Array.from(
				{ length: big.size },
				(_, row) => (row * 7) % CUSTOMER_SEGMENTS.length
			);
			for (const filter of filters) {
				const selection = selectRows(big, filter, 'Europe/Berlin');
				const list = selection ?? Uint32Array.from({ length: big.size }, (_, row) => row);
				const keysOf = {
					group: (row: number) => [big.columns.groups[row] ?? ''],
					priority: (row: number) => {
						const code = big.columns.priorityCodes[row] as number;
						return [code === 0 ? '' : (PRIORITIES[code] as string)];
					},
					segment: (row: number) => [CUSTOMER_SEGMENTS[segments[row] as number] as string],
					tag: (row: number) => {
						const tags = tagsOfRow(big, row);
						return tags.length === 0 ? [''] : tags;
					}
				};
				for (const dimension of ['group', 'priority', 'segment', 'tag'] as const) {
					const rows = dimensionBreakdown(big, selection, dimension, segments);
					const keys = new Set([...list].flatMap((row) => keysOf[dimension](row)));
					expect(rows.map((row) => row.key).sort()).toEqual([...keys].sort());
					for (const row of rows) {
						const members = [...list].filter((i) => keysOf[dimension](i).includes(row.key));
						expect(row).toEqual(breakdownRowOf(row.key, selectTicketRows(big.columns, members)));
					}
				}
			}
		});
	}
});
