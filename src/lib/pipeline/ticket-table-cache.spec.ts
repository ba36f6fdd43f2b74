import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { createImport, markImportDone } from '$lib/db/repositories/imports';
import { addTicketChunk } from '$lib/db/repositories/tickets';
import { emptyFilter } from '$lib/core/table/ticket-filter';
import { buildTicketTable } from '$lib/core/table/ticket-table';
import { snapshotOfTable, splitLargeValues } from '$lib/core/table/table-snapshot';
import { syntheticChunks } from '../../../tests/factories/synthetic-chunks';
import { STORED_OVERVIEW_KEY, computeOverview, prepareDashboard, type Overview } from './overview';
import { ticketDetail, ticketPage } from './ticket-list';
import {
	SNAPSHOT_NUMBERS_KEY,
	SNAPSHOT_TEXT_KEY,
	forgetTicketTable,
	saveTableSnapshot,
	ticketTableNumbers
} from './ticket-table-cache';

let db: ServiceLensDb;
let counter = 0;
afterEach(async () => {
	forgetTicketTable();
	await db.delete();
});

async function addImport(rows: number, seed: number): Promise<void> {
	const id = await createImport(db, {
		fileName: `export-${seed}.csv`,
		sizeBytes: 1,
		sourceKind: 'tickets',
		vendor: 'generic',
		format: 'csv',
		encoding: 'utf-8',
		timeZone: 'UTC',
		startedAtMs: Date.now(),
		columnMapping: {}
	});
	for (const chunk of syntheticChunks(rows, { seed, importIds: [id], wholeMinutes: 1 }))
		await addTicketChunk(db, id, chunk);
	await markImportDone(
		db,
		id,
		{ rowsRead: rows, imported: rows, duplicates: 0, quarantined: 0 },
		{ columnFill: [], warnings: [] },
		Date.now() + ++counter
	);
}

/** Timing and the worker-local name of the daily series are not part of the numbers. */
const withoutTiming = (overview: Overview) => ({ ...overview, computeMs: 0, dailyKey: '' });
const filter = { ...emptyFilter(), agents: ['Anna'], from: '2025-08-01', to: '2025-12-31' };

describe('ticket table snapshot (opening without reading the chunks)', () => {
	it('answers the same overview, list and detail from the snapshot, then rebuilds on new data', async () => {
		db = new ServiceLensDb(`table-cache-test-${++counter}`);
		await addImport(12_000, 1);
		const fromChunks = await computeOverview(db, 'Europe/Berlin', filter);
		await saveTableSnapshot(db, await ticketTableNumbers(db));
		expect((await db.results.get(SNAPSHOT_NUMBERS_KEY))?.dataVersion).toBe(
			(await ticketTableNumbers(db)).table.version
		);
		expect(await db.results.get(SNAPSHOT_TEXT_KEY)).toBeDefined();
		// Large columns are records of their own (browsers cap the size of one value).
		const parts = await db.results.where('key').startsWith(`${SNAPSHOT_NUMBERS_KEY}:`).keys();
		expect(parts.length).toBeGreaterThan(0);
		// Whole-second durations are stored as Int32 steps (half the bytes), read back exactly.
		const numbersRecord = (await db.results.get(SNAPSHOT_NUMBERS_KEY))?.value as {
			format: number;
			value: { columns: Record<string, { $narrowed?: string }> };
		};
		expect(numbersRecord.format).toBe(2);
		expect(numbersRecord.value.columns.resolutionSeconds?.$narrowed).toBe('Float64Array');
		const query = {
			filter,
			timeZone: 'Europe/Berlin',
			search: '',
			sort: 'created' as const,
			descending: false,
			subset: null
		};
		const page = await ticketPage(db, query, 5, 10);

		// With the chunks gone, only the snapshot can answer.
		await db.ticketChunks.clear();
		forgetTicketTable();
		expect(withoutTiming(await computeOverview(db, 'Europe/Berlin', filter))).toEqual(
			withoutTiming(fromChunks)
		);
		expect(await ticketPage(db, query, 5, 10)).toEqual(page);
		const key = page.rows[0]?.key ?? '';
		expect((await ticketDetail(db, key))?.ticket.key).toBe(key);

		// New data: the stale snapshot is ignored and the table is built from the chunks.
		await addImport(500, 2);
		const after = await computeOverview(db, 'Europe/Berlin');
		expect(after.totalTickets).toBe(500);
	});
});

describe('table snapshot of an older format', () => {
	it('is ignored: the table is built from the chunks of this data version', async () => {
		db = new ServiceLensDb(`table-cache-test-${++counter}`);
		await addImport(2_000, 6);
		const version = (await ticketTableNumbers(db)).table.version;
		// A format-1 snapshot (no format field, arrays as they are) claiming this version, made
		// from other data: reading it would show 300 tickets.
		const other = buildTicketTable(syntheticChunks(300, { seed: 7 }), version);
		const old = snapshotOfTable(other);
		const numbers = splitLargeValues(old.numbers, `${SNAPSHOT_NUMBERS_KEY}:`);
		const record = (key: string, value: unknown) => ({
			key,
			dataVersion: version,
			computedAtMs: 0,
			value
		});
		await db.results.bulkPut([
			...numbers.parts.map(([key, value]) => record(key, value)),
			record(SNAPSHOT_NUMBERS_KEY, numbers.skeleton),
			record(SNAPSHOT_TEXT_KEY, old.text)
		]);
		forgetTicketTable();
		const overview = await computeOverview(db, 'UTC');
		expect(overview.totalTickets).toBe(2_000);
		expect((await ticketTableNumbers(db)).table.size).toBe(2_000);
	});
});

describe("prepareDashboard (the import's last step)", () => {
	it('stores the snapshot and the default view, which the next opening shows without the table', async () => {
		db = new ServiceLensDb(`table-cache-test-${++counter}`);
		await addImport(6_000, 3);
		await prepareDashboard(db, 'Europe/Berlin');
		const version = (await ticketTableNumbers(db)).table.version;
		expect((await db.results.get(SNAPSHOT_NUMBERS_KEY))?.dataVersion).toBe(version);
		expect((await db.results.get(STORED_OVERVIEW_KEY))?.dataVersion).toBe(version);
		const computed = await computeOverview(db, 'Europe/Berlin');

		// A new worker (no table in memory) with neither chunks nor snapshot: only the stored
		// answer can give the default view, and it is the one the table gave.
		await db.ticketChunks.clear();
		await db.results.where('key').startsWith('ticket-table:').delete();
		forgetTicketTable();
		expect(withoutTiming(await computeOverview(db, 'Europe/Berlin'))).toEqual(
			withoutTiming(computed)
		);
	});

	it('does not reuse the stored view for other data, another zone or another filter', async () => {
		db = new ServiceLensDb(`table-cache-test-${++counter}`);
		await addImport(3_000, 4);
		await prepareDashboard(db, 'Europe/Berlin');
		forgetTicketTable();
		// Another zone and another filter are computed from the table (here: the snapshot).
		expect((await computeOverview(db, 'UTC')).timeZone).toBe('UTC');
		forgetTicketTable();
		expect((await computeOverview(db, 'Europe/Berlin', filter)).filter).toEqual(filter);
		// A removal re-derivation bumps revisedAtMs (the data version): the record is stale.
		const [record] = await db.imports.toArray();
		await db.imports.update(record?.id ?? 0, { revisedAtMs: Date.now() + 1 });
		forgetTicketTable();
		const fresh = await computeOverview(db, 'Europe/Berlin');
		expect(fresh.computeMs).toBeGreaterThan(0);
		expect(fresh.totalTickets).toBe(3_000);
	});
});
