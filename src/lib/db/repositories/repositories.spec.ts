import { afterEach, describe, expect, it } from 'vitest';
import type { QuarantinedRow } from '$lib/core/model/records';
import type { Ticket } from '$lib/core/model/ticket';
import { toTicketColumns } from '$lib/core/model/ticket-columns';
import { ServiceLensDb } from '../database';
import { createImport, deleteAbandonedImports, listImports, markImportDone } from './imports';
import { addQuarantineChunk, listQuarantinedRows } from './quarantine';
import {
	addTicketChunk,
	applyTicketMerges,
	findTicketByKey,
	loadCommittedTickets,
	loadTicketLocations
} from './tickets';

const NO_QUALITY = { columnFill: [], warnings: [] };

let db: ServiceLensDb;
let dbCounter = 0;
function freshDb(): ServiceLensDb {
	db = new ServiceLensDb(`repositories-test-${++dbCounter}-${Date.now()}`);
	return db;
}

afterEach(async () => {
	await db.delete();
});

function ticket(id: string, overrides: Partial<Ticket> = {}): Ticket {
	return {
		key: `generic:${id}`,
		externalId: id,
		importId: 0,
		createdAtMs: Date.UTC(2024, 2, 4, 9),
		firstResponseSeconds: 600,
		solvedAtMs: null,
		resolutionSeconds: null,
		status: 'open',
		channel: 'email',
		priority: 'normal',
		agent: 'Ann',
		group: 'Tier 1',
		subject: `Ticket ${id}`,
		tags: ['a'],
		customerKey: `${id}@example.com`,
		csatScore: null,
		csatScale: 'none',
		agentReplies: 1,
		reopens: 0,
		...overrides
	};
}

const quarantined = (rowNumber: number): QuarantinedRow => ({
	rowNumber,
	reason: 'missing_created_at',
	column: 'Created at',
	raw: [String(rowNumber), '']
});

let startedAt = 0;
async function newImport(fileName: string, done: boolean): Promise<number> {
	const id = await createImport(db, {
		fileName,
		sizeBytes: 100,
		sourceKind: 'tickets',
		vendor: 'generic',
		format: 'csv',
		encoding: 'utf-8',
		timeZone: 'UTC',
		startedAtMs: ++startedAt,
		columnMapping: { createdAt: 'Created at' }
	});
	if (done)
		await markImportDone(
			db,
			id,
			{ rowsRead: 1, imported: 1, duplicates: 0, quarantined: 0 },
			NO_QUALITY,
			99
		);
	return id;
}

/** Stores `tickets` as one chunk of `importId`, stamping the import id as a real import would. */
const storeChunk = (importId: number, tickets: Ticket[]) =>
	addTicketChunk(db, importId, toTicketColumns(tickets.map((t) => ({ ...t, importId }))));

describe('imports', () => {
	it('creates an import as running with zero counts, and marks it done', async () => {
		freshDb();
		const id = await newImport('a.csv', false);
		let [record] = await listImports(db);
		expect(record).toMatchObject({
			id,
			fileName: 'a.csv',
			status: 'running',
			finishedAtMs: null,
			counts: { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 }
		});
		await markImportDone(
			db,
			id,
			{ rowsRead: 5, imported: 3, duplicates: 1, quarantined: 1 },
			NO_QUALITY,
			42
		);
		[record] = await listImports(db);
		expect(record).toMatchObject({
			status: 'done',
			finishedAtMs: 42,
			counts: { rowsRead: 5, imported: 3, duplicates: 1, quarantined: 1 }
		});
	});

	it('deleteAbandonedImports removes running imports with their chunks and quarantine', async () => {
		freshDb();
		const done = await newImport('done.csv', true);
		const running = await newImport('running.csv', false);
		const empty = await newImport('empty.csv', false);
		await storeChunk(done, [ticket('d1')]);
		await storeChunk(running, [ticket('r1')]);
		await storeChunk(running, [ticket('r2')]);
		await addQuarantineChunk(db, done, ['Id', 'Created at'], [quarantined(2)]);
		await addQuarantineChunk(db, running, ['Id', 'Created at'], [quarantined(3)]);

		expect(await deleteAbandonedImports(db)).toBe(2);

		expect((await listImports(db)).map((record) => record.id)).toEqual([done]);
		const chunks = await db.ticketChunks.toArray();
		expect(chunks.map((chunk) => [chunk.importId, chunk.keys])).toEqual([[done, ['generic:d1']]]);
		const quarantine = await db.quarantine.toArray();
		expect(quarantine.map((chunk) => chunk.importId)).toEqual([done]);
		expect(await db.imports.get(empty)).toBeUndefined();
	});

	it('deleteAbandonedImports does nothing when every import finished', async () => {
		freshDb();
		const done = await newImport('done.csv', true);
		await storeChunk(done, [ticket('d1')]);
		expect(await deleteAbandonedImports(db)).toBe(0);
		expect(await db.ticketChunks.count()).toBe(1);
	});
});

describe('ticket chunks', () => {
	it('loadCommittedTickets joins the chunks of done imports and ignores running ones', async () => {
		freshDb();
		const first = await newImport('first.csv', true);
		const running = await newImport('running.csv', false);
		const second = await newImport('second.csv', true);
		await storeChunk(first, [ticket('a'), ticket('b')]);
		await storeChunk(running, [ticket('r')]);
		await storeChunk(second, [ticket('c', { firstResponseSeconds: null })]);

		const table = await loadCommittedTickets(db);
		expect(table.size).toBe(3);
		expect(table.keys).toEqual(['generic:a', 'generic:b', 'generic:c']);
		expect([...table.firstResponseSeconds]).toEqual([600, 600, NaN]);

		await markImportDone(
			db,
			running,
			{ rowsRead: 1, imported: 1, duplicates: 0, quarantined: 0 },
			NO_QUALITY,
			1
		);
		expect((await loadCommittedTickets(db)).size).toBe(4);
	});

	it('loadCommittedTickets gives an empty table for an empty database', async () => {
		freshDb();
		const table = await loadCommittedTickets(db);
		expect(table.size).toBe(0);
		expect(table.keys).toEqual([]);
	});

	it('loadTicketLocations maps each committed key to its chunk and row', async () => {
		freshDb();
		const done = await newImport('done.csv', true);
		const running = await newImport('running.csv', false);
		const chunkA = await storeChunk(done, [ticket('a'), ticket('b')]);
		await storeChunk(running, [ticket('r')]);
		const chunkB = await storeChunk(done, [ticket('c')]);
		const locations = await loadTicketLocations(db);
		expect(locations.size).toBe(3);
		expect(locations.get('generic:a')).toEqual({ chunkId: chunkA, row: 0 });
		expect(locations.get('generic:b')).toEqual({ chunkId: chunkA, row: 1 });
		expect(locations.get('generic:c')).toEqual({ chunkId: chunkB, row: 0 });
		expect(locations.get('generic:r')).toBeUndefined();
	});

	it('findTicketByKey finds a committed ticket with its import id, and nothing else', async () => {
		freshDb();
		const done = await newImport('done.csv', true);
		const running = await newImport('running.csv', false);
		await storeChunk(done, [ticket('a'), ticket('b', { tags: ['x', 'y'], agent: 'Bo' })]);
		await storeChunk(running, [ticket('r')]);

		expect(await findTicketByKey(db, 'generic:b')).toEqual(
			ticket('b', { importId: done, tags: ['x', 'y'], agent: 'Bo' })
		);
		expect(await findTicketByKey(db, 'generic:r')).toBeNull();
		expect(await findTicketByKey(db, 'generic:nope')).toBeNull();
	});

	it('applyTicketMerges merges each later row into its stored row and leaves the rest', async () => {
		freshDb();
		const done = await newImport('done.csv', true);
		const chunkA = await storeChunk(done, [ticket('a'), ticket('b'), ticket('c')]);
		const chunkB = await storeChunk(done, [ticket('d')]);

		await applyTicketMerges(db, [
			{
				location: { chunkId: chunkA, row: 1 },
				ticket: ticket('b', { importId: 999, agent: '', subject: 'Updated', status: 'solved' })
			},
			{
				location: { chunkId: chunkB, row: 0 },
				ticket: ticket('d', { importId: 999, reopens: 2, tags: [] })
			},
			{
				location: { chunkId: chunkA, row: 2 },
				ticket: ticket('c', { importId: 999, csatScore: 5, csatScale: 'five_point' })
			}
		]);

		// Non-empty later fields win, empty ones keep the stored value, the import id stays.
		expect(await findTicketByKey(db, 'generic:b')).toEqual(
			ticket('b', { importId: done, subject: 'Updated', status: 'solved' })
		);
		expect(await findTicketByKey(db, 'generic:d')).toEqual(
			ticket('d', { importId: done, reopens: 2 })
		);
		expect(await findTicketByKey(db, 'generic:c')).toEqual(
			ticket('c', { importId: done, csatScore: 5, csatScale: 'five_point' })
		);
		expect(await findTicketByKey(db, 'generic:a')).toEqual(ticket('a', { importId: done }));
		expect((await db.ticketChunks.get(chunkA))?.size).toBe(3);
	});

	const NO_QUALITY = { columnFill: [], warnings: [] };

	it('applyTicketMerges fails loudly when a chunk is gone', async () => {
		freshDb();
		await expect(
			applyTicketMerges(db, [{ location: { chunkId: 999, row: 0 }, ticket: ticket('x') }])
		).rejects.toThrow('Ticket chunk 999 vanished during import');
	});
});

describe('quarantine', () => {
	it('listQuarantinedRows returns an import’s rows in insertion order with the first header', async () => {
		freshDb();
		const a = await newImport('a.csv', true);
		const b = await newImport('b.csv', true);
		await addQuarantineChunk(db, a, ['Id', 'Created at'], [quarantined(7), quarantined(3)]);
		await addQuarantineChunk(db, b, ['Other'], [quarantined(1)]);
		await addQuarantineChunk(db, a, ['Id', 'Created at'], [quarantined(12)]);

		expect(await listQuarantinedRows(db, a)).toEqual({
			header: ['Id', 'Created at'],
			rows: [quarantined(7), quarantined(3), quarantined(12)]
		});
		expect((await listQuarantinedRows(db, b)).rows).toEqual([quarantined(1)]);
	});

	it('stores no chunk for no rows, and lists nothing for a clean import', async () => {
		freshDb();
		const a = await newImport('a.csv', true);
		await addQuarantineChunk(db, a, ['Id'], []);
		expect(await db.quarantine.count()).toBe(0);
		expect(await listQuarantinedRows(db, a)).toEqual({ header: [], rows: [] });
	});
});
