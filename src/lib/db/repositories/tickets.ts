import type { TicketChunkRecord } from '$lib/core/model/records';
import type { Ticket } from '$lib/core/model/ticket';
import { encodeTicketChunk } from '$lib/core/model/chunk-format';
import {
	concatTicketColumns,
	ticketAt,
	writeTicketAt,
	type TicketColumns
} from '$lib/core/model/ticket-columns';
import type {
	PendingMerge,
	TicketLocationLookup
} from '$lib/core/ingest/tickets/ticket-import-session';
import { KeyIndex } from '$lib/core/ingest/key-index';
import { mergeTickets } from '$lib/core/ingest/tickets/merge-tickets';
import type { ServiceLensDb } from '../database';
import { doneImportIds } from './imports';

export async function addTicketChunk(
	db: ServiceLensDb,
	importId: number,
	columns: TicketColumns
): Promise<number> {
	return addPreparedTicketChunk(db, prepareTicketChunk(importId, columns));
}

/** A chunk already encoded for storage (see prepareTicketChunk). */
export interface PreparedTicketChunk {
	readonly record: TicketChunkRecord;
}

/**
 * Encodes a full chunk at once, so its row strings can be freed while earlier writes are
 * still in flight (an import holds a few chunks waiting to be written).
 */
export function prepareTicketChunk(importId: number, columns: TicketColumns): PreparedTicketChunk {
	return { record: storedTicketChunk({ ...columns, importId }) };
}

export async function addPreparedTicketChunk(
	db: ServiceLensDb,
	prepared: PreparedTicketChunk
): Promise<number> {
	return (await db.ticketChunks.add(prepared.record)) as number;
}

/** Writes back a chunk read before (a rewrite of some rows), encoded like a new one. */
export async function putTicketChunk(db: ServiceLensDb, chunk: TicketChunkRecord): Promise<void> {
	await db.ticketChunks.put(storedTicketChunk(chunk));
}

/** What is written for a chunk: its encoded form (reads decode it, see database.ts). */
function storedTicketChunk(chunk: TicketChunkRecord): TicketChunkRecord {
	return encodeTicketChunk(chunk) as unknown as TicketChunkRecord;
}

/** Calls `visit` for each committed chunk, one at a time, so memory stays at one chunk. */
export async function forEachCommittedTicketChunk(
	db: ServiceLensDb,
	visit: (chunk: TicketChunkRecord) => void
): Promise<void> {
	const committed = await doneImportIds(db);
	const ids = (await db.ticketChunks.toCollection().primaryKeys()) as number[];
	for (const id of ids) {
		const chunk = await db.ticketChunks.get(id);
		if (chunk !== undefined && committed.has(chunk.importId)) visit(chunk);
	}
}

/** Every committed ticket as one columnar table (what KPIs scan). */
export async function loadCommittedTickets(db: ServiceLensDb): Promise<TicketColumns> {
	const committed = await doneImportIds(db);
	const chunks = await db.ticketChunks.toArray();
	return concatTicketColumns(chunks.filter((chunk) => committed.has(chunk.importId)));
}

/** Rows per chunk fit in this many slots, so (chunk id, row) packs into one number. */
const ROW_SLOTS = 16_384;

/** Where every committed ticket is, by key: what an import merges duplicates against. */
export interface StoredTicketLocations extends TicketLocationLookup {
	readonly size: number;
	/** Memory the index holds (typed arrays). */
	readonly bytes: number;
}

export async function loadTicketLocations(db: ServiceLensDb): Promise<StoredTicketLocations> {
	// Packed chunk id × ROW_SLOTS + row outgrows 32 bits once ids pass 131,072.
	const index = new KeyIndex(1024, { wideValues: true });
	await forEachCommittedTicketChunk(db, (chunk) => {
		const base = (chunk.id ?? 0) * ROW_SLOTS;
		chunk.keys.forEach((key, row) => index.set(key, base + row));
	});
	return {
		get size() {
			return index.size;
		},
		get bytes() {
			return index.bytes;
		},
		get(key) {
			const packed = index.get(key);
			if (packed === undefined) return undefined;
			const chunkId = Math.floor(packed / ROW_SLOTS);
			return { chunkId, row: packed - chunkId * ROW_SLOTS };
		}
	};
}

/** Applies merges chunk by chunk; call inside a transaction that covers ticketChunks. */
export async function applyTicketMerges(db: ServiceLensDb, merges: PendingMerge[]): Promise<void> {
	const byChunk = new Map<number, PendingMerge[]>();
	for (const merge of merges) {
		const list = byChunk.get(merge.location.chunkId) ?? [];
		list.push(merge);
		byChunk.set(merge.location.chunkId, list);
	}
	for (const [chunkId, chunkMerges] of byChunk) {
		const chunk = await db.ticketChunks.get(chunkId);
		if (chunk === undefined) throw new Error(`Ticket chunk ${chunkId} vanished during import`);
		for (const { location, ticket } of chunkMerges) {
			const stored = ticketAt(chunk, location.row, chunk.importId);
			writeTicketAt(chunk, location.row, mergeTickets(stored, ticket));
		}
		await putTicketChunk(db, chunk);
	}
}

/** One ticket by key (a scan of key columns; the analysis worker keeps an in-memory index). */
export async function findTicketByKey(db: ServiceLensDb, key: string): Promise<Ticket | null> {
	let found: Ticket | null = null;
	await forEachCommittedTicketChunk(db, (chunk) => {
		if (found !== null) return;
		const row = chunk.keys.indexOf(key);
		if (row >= 0) found = ticketAt(chunk, row, chunk.importId);
	});
	return found;
}
