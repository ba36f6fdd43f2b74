/// <reference lib="webworker" />
/**
 * Ingest worker: streams dropped files into IndexedDB. Only wiring lives here;
 * the work is in $lib/pipeline/import-file.ts (routing to import-tickets / import-messages)
 * and the pure modules under $lib/core.
 */
import { expose } from 'comlink';
import { openDatabase } from '$lib/db/database';
import { deleteAbandonedImports } from '$lib/db/repositories/imports';
import { quarantineCsv } from '$lib/pipeline/quarantine-export';
import type { ImportProgress } from '$lib/pipeline/import-tickets';
import { importFile } from '$lib/pipeline/import-file';
import type { ConfirmedMapping } from '$lib/core/ingest/mapping/mapping-kinds';
import { relinkCustomers } from '$lib/pipeline/relink-customers';
import { removeImport } from '$lib/pipeline/remove-import';
import { parseMailboxOnly, parseOnly } from '$lib/pipeline/parse-only';

let current: AbortController | null = null;
const db = openDatabase();
// A tab closed mid-import leaves rows that were never committed: remove them first.
const ready = deleteAbandonedImports(db);

const ingestApi = {
	async importFile(
		file: Blob,
		options: { fileName: string; timeZone: string; confirmedMapping?: ConfirmedMapping },
		onProgress: (progress: ImportProgress) => void
	) {
		await ready;
		current = new AbortController();
		try {
			// Routes tickets, surveys and orders; unrecognised files come back as 'needs_mapping'.
			return await importFile(db, file, { ...options, signal: current.signal, onProgress });
		} finally {
			current = null;
		}
	},
	cancel(): void {
		current?.abort();
	},
	/** Removes an import and every row it wrote (conversations it continued are derived again). */
	async removeImport(importId: number): Promise<void> {
		await ready;
		await removeImport(db, importId);
		await relinkCustomers(db);
	},
	/** Rebuilds the linked customers from all committed data; returns how many there are. */
	async relinkCustomers(): Promise<number> {
		await ready;
		return relinkCustomers(db);
	},
	quarantineCsv(importId: number): Promise<Blob> {
		return quarantineCsv(db, importId);
	},
	/** Benchmark baseline: the same reading and parsing, with no normalising or storage. */
	parseOnly(file: Blob) {
		return parseOnly(file);
	},
	/** Mailbox benchmark baseline: mbox splitting and postal-mime only, no storage. */
	parseMailboxOnly(file: Blob) {
		return parseMailboxOnly(file);
	}
};

export type IngestApi = typeof ingestApi;
expose(ingestApi);
