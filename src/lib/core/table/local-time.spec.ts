import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { CHANNELS, type Ticket } from '../model/ticket';
import { dailyTicketVolume } from '../metrics/daily-volume';
import { hourWeekdayGrid } from '../metrics/hour-weekday';
import { gatherColumns } from './gather-columns';
import { breakdownBy } from '../metrics/breakdown';
import { tableBreakdown, tableBreakdownsAndHeatmap } from './table-breakdown';
import {
	localTimeColumns,
	tableDailyBacklog,
	tableDailySeries,
	tableDailyVolume,
	tableHourWeekday
} from './local-time';
import { dailyBacklog } from '../metrics/backlog';
import { syntheticChunks } from '../../../../tests/factories/synthetic-chunks';
import { buildTicketTable } from './ticket-table';
import { emptyFilter, selectRows, type TicketFilter } from './ticket-filter';

// 3000 seeded tickets around the 2026 spring DST change in Berlin (29 March), some without
// a creation time or with negative first responses, some with several minutes' ties.
function seededTickets(): Partial<Ticket>[] {
	let seed = 42;
	const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
	return Array.from({ length: 3000 }, (_, i) => ({
		key: `t:${i}`,
		createdAtMs:
			i % 97 === 0 ? NaN : Date.UTC(2026, 2, 20) + Math.floor(random() * 20 * 86_400_000),
		firstResponseSeconds:
			random() < 0.2 ? null : Math.round(random() * 40) * 60 - (i % 50 === 0 ? 7200 : 0),
		agent: `Agent ${Math.floor(random() * 5)}`,
		channel: CHANNELS[1 + Math.floor(random() * 4)],
		tags: random() < 0.5 ? ['refund'] : ['vip', 'shipping'],
		status: random() < 0.5 ? 'solved' : random() < 0.5 ? 'closed' : 'open',
		resolutionSeconds:
			random() < 0.1 ? null : Math.round(random() * 100) * 600 - (i % 61 === 0 ? 600 : 0),
		csatScale: i % 3 === 0 ? 'good_bad' : i % 3 === 1 ? 'five_point' : 'none',
		csatScore:
			i % 3 === 0
				? i % 11 === 0
					? 2
					: Math.floor(random() * 2)
				: i % 3 === 1
					? Math.floor(random() * 7)
					: null
	}));
}

const table = buildTicketTable(
	[{ ...toTicketColumns(seededTickets().map((fields) => makeTicket(fields))), importId: 1 }],
	1
);
const filters: Partial<TicketFilter>[] = [
	{},
	{ agents: ['Agent 1', 'Agent 3'] },
	{ from: '2026-03-28', to: '2026-03-30' },
	{ to: '2026-03-25', channels: ['chat'] },
	{ weekdays: [6], hours: [1, 2, 3] },
	{ tags: ['vip'], weekdays: [0, 1] }
];

describe('local-time columns', () => {
	for (const zone of ['Europe/Berlin', 'UTC', 'America/New_York']) {
		const local = localTimeColumns(table, zone);
		for (const fields of filters) {
			const filter = { ...emptyFilter(), ...fields };
			it(`select the same rows and give the same daily series and grid (${zone}, ${JSON.stringify(fields)})`, () => {
				const direct = selectRows(table, filter, zone);
				const viaLocal = selectRows(table, filter, zone, local);
				expect(viaLocal).toEqual(direct);
				const selected = direct === null ? table.columns : gatherColumns(table.columns, direct);
				expect(tableDailyVolume(table, viaLocal, local)).toEqual(dailyTicketVolume(selected, zone));
				expect(tableHourWeekday(table, viaLocal, local)).toEqual(hourWeekdayGrid(selected, zone));
				expect(tableBreakdownsAndHeatmap(table, viaLocal, local)).toEqual({
					byAgent: breakdownBy(selected, 'agent'),
					byChannel: breakdownBy(selected, 'channel'),
					hourWeekday: hourWeekdayGrid(selected, zone)
				});
				expect(tableDailyBacklog(table, viaLocal, local)).toEqual(dailyBacklog(selected, zone));
				expect(tableDailySeries(table, viaLocal, local)).toEqual({
					daily: dailyTicketVolume(selected, zone),
					backlog: dailyBacklog(selected, zone)
				});
			});
		}
	}
	it('give both daily series in one pass on empty, one-row and garbage-year selections', () => {
		const local = localTimeColumns(table, 'Europe/Berlin');
		const noCreation = 0; // t:0 has no creation time (i % 97 === 0).
		for (const rows of [
			new Uint32Array(0),
			Uint32Array.of(noCreation),
			Uint32Array.of(5),
			Uint32Array.of(5, 5)
		]) {
			const selected = gatherColumns(table.columns, rows);
			expect(tableDailySeries(table, rows, local)).toEqual({
				daily: dailyTicketVolume(selected, 'Europe/Berlin'),
				backlog: dailyBacklog(selected, 'Europe/Berlin')
			});
		}
		// A solve 600 years on spans more days than are counted per day: the two functions answer.
		const tickets = seededTickets().slice(0, 50);
		tickets[1] = { ...tickets[1], status: 'solved', resolutionSeconds: 600 * 365 * 86_400 };
		const wide = buildTicketTable(
			[{ ...toTicketColumns(tickets.map((fields) => makeTicket(fields))), importId: 1 }],
			2
		);
		const wideLocal = localTimeColumns(wide, 'UTC');
		expect(tableDailySeries(wide, null, wideLocal)).toEqual({
			daily: dailyTicketVolume(wide.columns, 'UTC'),
			backlog: dailyBacklog(wide.columns, 'UTC')
		});
	});
	it('are not used for another zone than their own', () => {
		const berlin = localTimeColumns(table, 'Europe/Berlin');
		const filter = { ...emptyFilter(), hours: [0] };
		expect(selectRows(table, filter, 'UTC', berlin)).toEqual(selectRows(table, filter, 'UTC'));
	});
});

describe('table versions on random tables (stated solve times, missing ones, reopened)', () => {
	const random = buildTicketTable(syntheticChunks(6_000, { seed: 21 }), 2);
	for (const zone of ['Europe/Berlin', 'UTC']) {
		it(`equal the per-ticket functions (${zone})`, () => {
			const local = localTimeColumns(random, zone);
			for (const fields of [
				...filters,
				{ statuses: ['solved', 'open'] } as Partial<TicketFilter>
			]) {
				const rows = selectRows(random, { ...emptyFilter(), ...fields }, zone, local);
				const selected = rows === null ? random.columns : gatherColumns(random.columns, rows);
				expect(tableDailyBacklog(random, rows, local)).toEqual(dailyBacklog(selected, zone));
				expect(tableDailyVolume(random, rows, local)).toEqual(dailyTicketVolume(selected, zone));
				expect(tableHourWeekday(random, rows, local)).toEqual(hourWeekdayGrid(selected, zone));
				for (const dimension of ['agent', 'channel'] as const)
					expect(tableBreakdown(random, rows, dimension)).toEqual(breakdownBy(selected, dimension));
				// Both dimensions and the grid in one pass (the dashboard's path).
				expect(tableBreakdownsAndHeatmap(random, rows, local)).toEqual({
					byAgent: breakdownBy(selected, 'agent'),
					byChannel: breakdownBy(selected, 'channel'),
					hourWeekday: hourWeekdayGrid(selected, zone)
				});
			}
		});
	}
});

describe('tableBreakdown on seeded data', () => {
	it('equals breakdownBy for every filter', () => {
		for (const fields of filters) {
			const rows = selectRows(table, { ...emptyFilter(), ...fields }, 'UTC');
			const selected = rows === null ? table.columns : gatherColumns(table.columns, rows);
			for (const dimension of ['agent', 'channel'] as const) {
				expect(tableBreakdown(table, rows, dimension)).toEqual(breakdownBy(selected, dimension));
			}
			expect(tableBreakdownsAndHeatmap(table, rows, localTimeColumns(table, 'UTC'))).toEqual({
				byAgent: breakdownBy(selected, 'agent'),
				byChannel: breakdownBy(selected, 'channel'),
				hourWeekday: hourWeekdayGrid(selected, 'UTC')
			});
		}
	});
});
