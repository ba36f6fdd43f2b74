import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { createImport, markImportDone } from '$lib/db/repositories/imports';
import { addTicketChunk } from '$lib/db/repositories/tickets';
import { emptyFilter } from '$lib/core/table/ticket-filter';
import { syntheticChunks } from '../../../tests/factories/synthetic-chunks';
import { computeOverview, type Overview } from './overview';
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

const withoutTiming = (overview: Overview) => ({ ...overview, computeMs: 0 });
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
		expect(parts).toContain(`${SNAPSHOT_NUMBERS_KEY}:/columns/createdAtMs`);
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
