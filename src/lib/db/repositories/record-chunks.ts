import type { GenericChunkRecord } from '$lib/core/model/records';
import { KeyIndex } from '$lib/core/ingest/key-index';
import type { KeyLookup, PackedChunk } from '$lib/core/ingest/record-import-session';
import type { ServiceLensDb } from '../database';
import { doneImportIds } from './imports';

/** The columnar chunk tables of surveys, orders, order lines and customer lists. */
export type RecordChunkTable =
	'surveyChunks' | 'orderChunks' | 'orderLineChunks' | 'customerListChunks';

export async function addRecordChunk(
	db: ServiceLensDb,
	table: RecordChunkTable,
	importId: number,
	chunk: PackedChunk
): Promise<number> {
	return (await db[table].add({ importId, ...chunk })) as number;
}

/** Calls `visit` for each committed chunk of a table, one at a time. */
export async function forEachCommittedChunk(
	db: ServiceLensDb,
	table: RecordChunkTable,
	visit: (chunk: GenericChunkRecord) => void
): Promise<void> {
	const committed = await doneImportIds(db);
	const ids = (await db[table].toCollection().primaryKeys()) as number[];
	for (const id of ids) {
		const chunk = await db[table].get(id);
		if (chunk !== undefined && committed.has(chunk.importId)) visit(chunk);
	}
}

/** Keys of every committed record of a table: what an import counts duplicates against. */
export async function loadStoredKeys(
	db: ServiceLensDb,
	table: RecordChunkTable
): Promise<KeyLookup> {
	const index = new KeyIndex();
	await forEachCommittedChunk(db, table, (chunk) => {
		for (const key of chunk.keys) index.set(key, 1);
	});
	return { has: (key) => index.get(key) !== undefined };
}

/** Every committed chunk of a table (small tables: surveys, orders). */
export async function loadCommittedChunks(
	db: ServiceLensDb,
	table: RecordChunkTable
): Promise<GenericChunkRecord[]> {
	const chunks: GenericChunkRecord[] = [];
	await forEachCommittedChunk(db, table, (chunk) => chunks.push(chunk));
	return chunks;
}
