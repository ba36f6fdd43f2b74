import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import type { Ticket } from '../model/ticket';
import { buildTicketTable } from './ticket-table';
import { emptyFilter, selectRows } from './ticket-filter';
import {
	orderRows,
	searchTest,
	sortPermutation,
	sortValuePresent,
	type TicketSortKey
} from './ticket-order';
import { isoInZone, ticketCsvHeader, ticketCsvLine, ticketView } from './ticket-export';
import { syntheticChunks } from '../../../../tests/factories/synthetic-chunks';
import { CHANNELS, valueOf } from '../model/ticket';

const tickets: Partial<Ticket>[] = [
	{
		key: 'z:10',
		externalId: '10',
		subject: 'Refund please',
		createdAtMs: Date.UTC(2026, 0, 5, 9),
		firstResponseSeconds: 600,
		agent: 'Ben',
		customerKey: 'ann@shop.de',
		status: 'solved',
		solvedAtMs: Date.UTC(2026, 0, 5, 15),
		resolutionSeconds: 6 * 3600,
		reopens: 1,
		firstResolutionSeconds: 2 * 3600
	},
	{
		key: 'z:9',
		externalId: '9',
		subject: '=HYPERLINK("x")',
		createdAtMs: Date.UTC(2026, 0, 4, 9),
		firstResponseSeconds: null,
		agent: 'anna',
		csatScale: 'good_bad',
		csatScore: 1
	},
	{
		key: 'z:100',
		externalId: '100',
		subject: 'Where is my parcel, "urgent"',
		createdAtMs: Date.UTC(2026, 0, 6, 9),
		firstResponseSeconds: -30,
		agent: '',
		csatScale: 'five_point',
		csatScore: 2,
		tags: ['wismo', 'vip']
	}
];
const table = buildTicketTable(
	[{ ...toTicketColumns(tickets.map((fields) => makeTicket(fields))), importId: 4 }],
	1
);
const keys = (rows: Uint32Array) => Array.from(rows, (row) => table.columns.keys[row]);
const ordered = (
	key: TicketSortKey,
	descending = false,
	selection: Uint32Array | null = null,
	keep: ((row: number) => boolean) | null = null
) =>
	keys(
		orderRows(
			table,
			sortPermutation(table, key),
			selection,
			keep,
			descending,
			sortValuePresent(table, key)
		)
	);

describe('ticket order', () => {
	it('sorts by creation, either way', () => {
		expect(ordered('created')).toEqual(['z:9', 'z:10', 'z:100']);
		expect(ordered('created', true)).toEqual(['z:100', 'z:10', 'z:9']);
	});
	it('keeps tickets without a value last in both directions', () => {
		expect(ordered('first_response')).toEqual(['z:100', 'z:10', 'z:9']);
		expect(ordered('first_response', true)).toEqual(['z:10', 'z:100', 'z:9']);
		expect(ordered('agent')).toEqual(['z:9', 'z:10', 'z:100']);
	});
	it('sorts ids numerically and CSAT on one 0..1 scale (good = 1 above 2 of 5)', () => {
		expect(ordered('id')).toEqual(['z:9', 'z:10', 'z:100']);
		expect(ordered('csat', true)).toEqual(['z:9', 'z:100', 'z:10']);
	});
	it('orders only the selected rows that pass the test', () => {
		const selection = selectRows(table, { ...emptyFilter(), agents: ['Ben', ''] }, 'UTC');
		expect(ordered('created', false, selection)).toEqual(['z:10', 'z:100']);
		const search = searchTest(table, 'PARCEL');
		expect(ordered('created', false, null, search)).toEqual(['z:100']);
	});
	it('searches subject, id and customer, case-insensitively', () => {
		const matching = (text: string) => {
			const test = searchTest(table, text);
			return test === null ? null : keys(Uint32Array.from([0, 1, 2].filter(test)));
		};
		expect(matching('refund')).toEqual(['z:10']);
		expect(matching('#10')).toEqual(['z:10', 'z:100']);
		expect(matching('ANN@')).toEqual(['z:10']);
		expect(matching('  ')).toBeNull();
		// The search text is literal, not a pattern.
		expect(matching('.*')).toEqual([]);
		expect(matching('"urgent"')).toEqual(['z:100']);
	});
});

describe('sort permutation on many rows', () => {
	// The radix sort against a comparator sort: value ascending, rows without one last, ties by row.
	const big = buildTicketTable(syntheticChunks(6_000, { seed: 3, wholeMinutes: 0.5 }), 1);
	const reference = (value: (row: number) => number) =>
		Array.from({ length: big.size }, (_, row) => row).sort((a, b) => value(a) - value(b) || a - b);
	const finiteOrLast = (value: number | undefined) =>
		Number.isFinite(value ?? NaN) ? (value as number) : Infinity;
	it('orders durations with ties, negatives and missing values like a comparator sort', () => {
		const { firstResponseSeconds, resolutionSeconds, createdAtMs } = big.columns;
		expect(Array.from(sortPermutation(big, 'first_response'))).toEqual(
			reference((row) => finiteOrLast(firstResponseSeconds[row]))
		);
		expect(Array.from(sortPermutation(big, 'resolution'))).toEqual(
			reference((row) => finiteOrLast(resolutionSeconds[row]))
		);
		expect(Array.from(sortPermutation(big, 'created'))).toEqual(
			reference((row) => finiteOrLast(createdAtMs[row]))
		);
	});
	it('orders plain-number ids by value, as the numeric collator does', () => {
		const collated = (ids: string[]) =>
			ids
				.map((id, row) => ({ id, row }))
				.sort(
					(a, b) =>
						(a.id === '' ? 1 : 0) - (b.id === '' ? 1 : 0) ||
						new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare(a.id, b.id) ||
						a.row - b.row
				)
				.map(({ row }) => row);
		const withIds = (ids: string[]) =>
			buildTicketTable(
				[
					{
						...toTicketColumns(
							ids.map((id, index) => makeTicket({ key: `k:${index}`, externalId: id }))
						),
						importId: 1
					}
				],
				1
			);
		const numbers = ['100', '9', '', '0010', '10', '7', '123456789012345'];
		expect(Array.from(sortPermutation(withIds(numbers), 'id'))).toEqual(collated(numbers));
		const mixed = ['ZD-100', 'ZD-9', '12', '', 'zd-10'];
		expect(Array.from(sortPermutation(withIds(mixed), 'id'))).toEqual(collated(mixed));
	});
	it('orders texts by their collated rank, empty last', () => {
		const names = [...new Set(big.columns.agents)]
			.filter((name) => name !== '')
			.sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare);
		const rank = (row: number) => {
			const index = names.indexOf(big.columns.agents[row] ?? '');
			return index < 0 ? Infinity : index;
		};
		expect(Array.from(sortPermutation(big, 'agent'))).toEqual(reference(rank));
		const channel = (row: number): string => {
			const code = big.columns.channelCodes[row] ?? 0;
			return code === 0 ? '' : valueOf(CHANNELS, code);
		};
		const channels = [...new Set(Array.from({ length: big.size }, (_, row) => channel(row)))]
			.filter((name) => name !== '')
			.sort();
		expect(Array.from(sortPermutation(big, 'channel'))).toEqual(
			reference((row) => (channel(row) === '' ? Infinity : channels.indexOf(channel(row))))
		);
	});
});

describe('ticket export', () => {
	it('writes the zone offset with each time', () => {
		expect(isoInZone(Date.UTC(2026, 0, 5, 9), 'Europe/Berlin')).toBe('2026-01-05T10:00:00+01:00');
		expect(isoInZone(Date.UTC(2026, 6, 5, 9), 'Europe/Berlin')).toBe('2026-07-05T11:00:00+02:00');
		expect(isoInZone(Date.UTC(2026, 0, 5, 9), 'America/New_York')).toBe(
			'2026-01-05T04:00:00-05:00'
		);
		expect(isoInZone(null, 'UTC')).toBe('');
	});
	it('gives one formula-safe line per ticket with its timings', () => {
		expect(ticketCsvHeader()).toBe(
			'ticket_id,key,created_at,channel,agent,group,priority,status,subject,tags,customer,first_response_s,first_response_at,solved_at,resolution_s,csat_score,csat_scale,agent_replies,reopens,import_file,first_resolution_s\r\n'
		);
		const view = ticketView(table, 2);
		expect(view.firstResponseAtMs).toBe(Date.UTC(2026, 0, 6, 9) - 30_000);
		expect(ticketCsvLine(view, 'UTC', 'export.csv')).toBe(
			'100,z:100,2026-01-06T09:00:00+00:00,email,,,normal,open,"Where is my parcel, ""urgent""",wismo;vip,,-30,2026-01-06T08:59:30+00:00,,,2,five_point,,,export.csv,\r\n'
		);
		// Solved at 15:00 after a reopen; first solved 2 h after creation (stated): 7200 s.
		expect(ticketCsvLine(ticketView(table, 0), 'UTC', 'export.csv')).toBe(
			'10,z:10,2026-01-05T09:00:00+00:00,email,Ben,,normal,solved,Refund please,,ann@shop.de,600,2026-01-05T09:10:00+00:00,2026-01-05T15:00:00+00:00,21600,,,,1,export.csv,7200\r\n'
		);
		expect(ticketCsvLine(ticketView(table, 1), 'UTC', '@evil.csv')).toContain(
			`,"'=HYPERLINK(""x"")",`
		);
		expect(
			ticketCsvLine(ticketView(table, 1), 'UTC', '@evil.csv').endsWith(",'@evil.csv,\r\n")
		).toBe(true);
	});
});
