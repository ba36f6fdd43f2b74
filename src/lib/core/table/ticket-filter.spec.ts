import { describe, expect, it } from 'vitest';
import { syntheticChunks } from '../../../../tests/factories/synthetic-chunks';
import { mulberry32 } from '../demo/random';
import { CHANNELS, PRIORITIES, TICKET_STATUSES } from '../model/ticket';
import { localTimeColumns } from './local-time';
import { buildTicketTable, tagsOfRow, type TicketTable } from './ticket-table';
import {
	dayNumberOf,
	emptyFilter,
	rowsWithinDays,
	selectRows,
	type TicketFilter
} from './ticket-filter';

// Two imports of seeded tickets over a year from 2025-07-01 (both DST changes of Berlin).
const table = buildTicketTable(
	[
		...syntheticChunks(1500, { seed: 3, importIds: [1] }),
		...syntheticChunks(1500, { seed: 4, importIds: [2] })
	],
	1
);

const WEEKDAY = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 } as Record<
	string,
	number
>;

/** Local day number, weekday (Monday 0) and hour of an instant, read from Intl (independent). */
function localParts(ms: number, timeZone: string): { day: number; weekday: number; hour: number } {
	const parts = formatterOf(timeZone).formatToParts(ms);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	const day = dayNumberOf(`${part('year')}-${part('month')}-${part('day')}`) as number;
	return { day, weekday: WEEKDAY[part('weekday')] as number, hour: Number(part('hour')) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (format === undefined) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			weekday: 'short',
			hour: '2-digit',
			hourCycle: 'h23'
		});
		formatters.set(timeZone, format);
	}
	return format;
}

const partsByZone = new Map<string, ReturnType<typeof localParts>[]>();
/** localParts of every row's creation instant (NaN instants: none), once per zone. */
function rowParts(table: TicketTable, timeZone: string): ReturnType<typeof localParts>[] {
	let parts = partsByZone.get(timeZone);
	if (parts === undefined) {
		parts = Array.from({ length: table.size }, (_, row) => {
			const created = table.columns.createdAtMs[row] as number;
			return Number.isFinite(created)
				? localParts(created, timeZone)
				: { day: NaN, weekday: NaN, hour: NaN };
		});
		partsByZone.set(timeZone, parts);
	}
	return parts;
}

/** The filter's meaning, ticket by ticket (what selectRows must equal). */
function referenceRows(table: TicketTable, filter: TicketFilter, timeZone: string): number[] {
	const { columns } = table;
	const fromDay = filter.from === null ? null : dayNumberOf(filter.from);
	const toDay = filter.to === null ? null : dayNumberOf(filter.to);
	const timed =
		fromDay !== null || toDay !== null || filter.weekdays.length > 0 || filter.hours.length > 0;
	const kept: number[] = [];
	const parts = timed ? rowParts(table, timeZone) : [];
	for (let row = 0; row < table.size; row++) {
		const within = <T>(wanted: readonly T[], value: T) =>
			wanted.length === 0 || wanted.includes(value);
		if (!within(filter.channels, CHANNELS[columns.channelCodes[row] as number])) continue;
		if (!within(filter.priorities, PRIORITIES[columns.priorityCodes[row] as number])) continue;
		if (!within(filter.statuses, TICKET_STATUSES[columns.statusCodes[row] as number])) continue;
		if (!within(filter.agents, columns.agents[row] ?? '')) continue;
		if (!within(filter.groups, columns.groups[row] ?? '')) continue;
		if (!within(filter.importIds, table.importIds[row] as number)) continue;
		const tags = tagsOfRow(table, row);
		if (
			filter.tags.length > 0 &&
			!tags.some((tag) => filter.tags.includes(tag)) &&
			!(tags.length === 0 && filter.tags.includes(''))
		)
			continue;
		if (timed) {
			const created = columns.createdAtMs[row] as number;
			if (!Number.isFinite(created)) continue;
			const { day, weekday, hour } = parts[row] as ReturnType<typeof localParts>;
			if (fromDay !== null && day < fromDay) continue;
			if (toDay !== null && day > toDay) continue;
			if (!within(filter.weekdays, weekday) || !within(filter.hours, hour)) continue;
		}
		kept.push(row);
	}
	return kept;
}

const filter = (fields: Partial<TicketFilter>): TicketFilter => ({ ...emptyFilter(), ...fields });

/** Some of `values` (maybe none), picked by the seeded generator. */
function some<T>(random: () => number, values: readonly T[], chance: number): T[] {
	if (random() > chance) return [];
	return values.filter(() => random() < 0.35);
}

const DAYS = ['2025-06-20', '2025-07-01', '2025-10-26', '2025-10-27', '2026-03-29', '2026-06-30'];

describe('selectRows (typed passes) equals the filter applied ticket by ticket', () => {
	const zones = ['Europe/Berlin', 'America/New_York', 'UTC'];
	it('on random filters with several values per field, with and without local columns', () => {
		const random = mulberry32(11);
		for (const zone of zones) {
			const local = localTimeColumns(table, zone);
			for (let round = 0; round < 40; round++) {
				const pickDay = () => (random() < 0.5 ? null : (DAYS[Math.floor(random() * 6)] as string));
				const wanted = filter({
					from: pickDay(),
					to: pickDay(),
					channels: some(random, CHANNELS, 0.4),
					priorities: some(random, PRIORITIES, 0.3),
					statuses: some(random, TICKET_STATUSES, 0.4),
					agents: some(random, ['Anna', 'Ben', 'Eva', '', 'Nobody'], 0.4),
					groups: some(random, ['Orders', 'Billing', '', 'Nowhere'], 0.3),
					tags: some(random, ['refund', 'vip', '', 'unknown-tag'], 0.3),
					importIds: some(random, [1, 2, 3], 0.2),
					weekdays: some(random, [0, 1, 2, 3, 4, 5, 6], 0.2),
					hours: some(random, [0, 2, 3, 9, 14, 23], 0.2)
				});
				const expected = referenceRows(table, wanted, zone);
				const viaLocal = selectRows(table, wanted, zone, local);
				const viaInstants = selectRows(table, wanted, zone);
				if (expected.length === table.size && viaLocal === null) continue;
				expect(Array.from(viaLocal ?? []), JSON.stringify(wanted)).toEqual(expected);
				expect(Array.from(viaInstants ?? [])).toEqual(expected);
			}
		}
	});

	it('handles the edge cases: nothing matches, ranges across DST changes, open bounds', () => {
		const zone = 'Europe/Berlin';
		const local = localTimeColumns(table, zone);
		const cases: Partial<TicketFilter>[] = [
			{ agents: ['Nobody'] },
			{ tags: ['unknown-tag'], channels: ['chat'] },
			{ from: '2027-01-01' },
			{ from: '2026-01-01', to: '2025-12-31' },
			// Clocks go back on 2025-10-26 and forward on 2026-03-29 in Berlin.
			{ from: '2025-10-26', to: '2025-10-26' },
			{ from: '2026-03-29', to: '2026-03-29', hours: [1, 2, 3] },
			{ to: '2025-07-01' },
			{ from: 'not-a-day' },
			{ from: 'not-a-day', weekdays: [6] },
			{ hours: [2], weekdays: [6] },
			{ agents: ['Anna', 'Ben'], channels: ['chat', 'email'], statuses: ['solved', 'closed'] }
		];
		for (const fields of cases) {
			const wanted = filter(fields);
			const expected = referenceRows(table, wanted, zone);
			expect(
				Array.from(selectRows(table, wanted, zone, local) ?? []),
				JSON.stringify(fields)
			).toEqual(expected);
		}
		expect(selectRows(table, filter({ agents: ['Nobody'] }), zone, local)?.length).toBe(0);
		// The whole DST day is 25 local hours: the 02:00 hour holds tickets from both offsets.
		const fallBack = referenceRows(table, filter({ from: '2025-10-26', to: '2025-10-26' }), zone);
		expect(fallBack.length).toBeGreaterThan(0);
	});
});

describe('rowsWithinDays', () => {
	it('cuts a selection without a range to what selectRows gives with the range', () => {
		const zone = 'Europe/Berlin';
		const local = localTimeColumns(table, zone);
		const ranges = [
			{ from: '2025-09-01', to: '2025-11-30' },
			{ from: '2025-06-03', to: '2025-08-31' },
			{ from: '2025-10-26', to: null },
			{ from: null, to: '2026-03-29' },
			{ from: '2027-01-01', to: '2027-01-31' },
			{ from: 'garbage', to: null }
		];
		const others: Partial<TicketFilter>[] = [
			{},
			{ agents: ['Anna'] },
			{ agents: ['Anna', 'Ben'], channels: ['chat'] },
			{ agents: ['Nobody'] }
		];
		for (const other of others) {
			const withoutRange = selectRows(table, filter(other), zone, local);
			for (const range of ranges) {
				const expected = selectRows(table, filter({ ...other, ...range }), zone, local);
				const cut = rowsWithinDays(table.size, withoutRange, local, range);
				expect(Array.from(cut), JSON.stringify([other, range])).toEqual(
					Array.from(expected ?? Array.from({ length: table.size }, (_, row) => row))
				);
			}
		}
	});
});
