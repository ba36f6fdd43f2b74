import type { ImportCounts, ImportRecord } from '$lib/core/model/records';
import type { ImportQuality } from '$lib/core/ingest/quality';
import type { ServiceLensDb } from '../database';

export async function createImport(
	db: ServiceLensDb,
	record: Omit<ImportRecord, 'id' | 'status' | 'finishedAtMs' | 'counts' | 'quality'>
): Promise<number> {
	const id = await db.imports.add({
		...record,
		status: 'running',
		finishedAtMs: null,
		quality: null,
		counts: { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 }
	});
	return id as number;
}

export function listImports(db: ServiceLensDb): Promise<ImportRecord[]> {
	return db.imports.orderBy('startedAtMs').toArray();
}

export async function doneImportIds(db: ServiceLensDb): Promise<Set<number>> {
	const ids = await db.imports.where('status').equals('done').primaryKeys();
	return new Set(ids as number[]);
}

/** Removes an import and every row it wrote; used for cancel, failure and (later) undo. */
export async function deleteImportWithData(db: ServiceLensDb, importId: number): Promise<void> {
	const recordTables = [db.surveyChunks, db.orderChunks, db.orderLineChunks, db.customerListChunks];
	await db.transaction(
		'rw',
		[db.imports, db.ticketChunks, db.messageChunks, db.quarantine, ...recordTables],
		async () => {
			await db.ticketChunks.where('importId').equals(importId).delete();
			await db.messageChunks.where('importId').equals(importId).delete();
			for (const table of recordTables) await table.where('importId').equals(importId).delete();
			await db.quarantine.where('importId').equals(importId).delete();
			await db.imports.delete(importId);
		}
	);
}

/** Imports left 'running' by a closed tab or a killed worker: their rows were never committed. */
export async function deleteAbandonedImports(db: ServiceLensDb): Promise<number> {
	const running = (await db.imports.where('status').equals('running').primaryKeys()) as number[];
	for (const id of running) await deleteImportWithData(db, id);
	return running.length;
}

export async function markImportDone(
	db: ServiceLensDb,
	importId: number,
	counts: ImportCounts,
	quality: ImportQuality,
	finishedAtMs: number
): Promise<void> {
	await db.imports.update(importId, { status: 'done', counts, quality, finishedAtMs });
}

/**
 * What identifies an import's committed rows in a data version: its id, when it finished and,
 * once its rows were rewritten after that, when. Caches keyed by the version go stale then.
 */
export function importVersionTag(
	record: Pick<ImportRecord, 'id' | 'finishedAtMs' | 'revisedAtMs'>
): string {
	const base = `${record.id}:${record.finishedAtMs}`;
	return record.revisedAtMs === undefined ? base : `${base}:${record.revisedAtMs}`;
}

/**
 * A number that changes whenever the committed data does: FNV-1a over the done imports' ids,
 * finish times and revision times (importVersionTag). What every worker cache is keyed by.
 */
export async function committedDataVersion(db: ServiceLensDb): Promise<number> {
	const imports = await listImports(db);
	const text = imports
		.filter((record) => record.status === 'done')
		.map((record) => importVersionTag(record))
		.join('|');
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}
