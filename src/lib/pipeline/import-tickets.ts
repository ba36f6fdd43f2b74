import type {
	DerivedTicketSummary,
	FileFormat,
	ImportCounts,
	QuarantinedRow,
	SourceKind
} from '$lib/core/model/records';
import { sniffFile, type SniffResult } from '$lib/core/ingest/sniff';
import { QualityCollector } from '$lib/core/ingest/quality';
import {
	mapTicketHeaders,
	matchFromMapping,
	type TicketColumnMapping,
	type TicketVendor
} from '$lib/core/ingest/tickets/map-ticket-headers';
import { createTicketNormalizer } from '$lib/core/ingest/tickets/normalize-ticket';
import { TicketImportSession } from '$lib/core/ingest/tickets/ticket-import-session';
import type { ServiceLensDb } from '$lib/db/database';
import { createImport, deleteImportWithData, markImportDone } from '$lib/db/repositories/imports';
import { addQuarantineChunk } from '$lib/db/repositories/quarantine';
import {
	addPreparedTicketChunk,
	applyTicketMerges,
	loadTicketLocations,
	prepareTicketChunk
} from '$lib/db/repositories/tickets';
import { readHead, readTextPieces } from './read-text';
import { fail, ok, type Result } from './result';
import { abandonImport, createImportCheckpoint, messageOf } from './import-failure';

export { isQuotaError, messageOf } from './import-failure';
import { csvRowBatches, jsonRowBatches, type RowBatch } from './row-sources';

export interface ImportProgress {
	fileName: string;
	rowsRead: number;
	bytesRead: number;
	totalBytes: number;
	elapsedMs: number;
}

export interface ImportSummary {
	importId: number;
	fileName: string;
	/** Detected product ('zendesk', 'shopify', 'olist', …; a message source's vendor for message
	 * files), or 'mapped' for a user mapping. */
	vendor: TicketVendor | (string & {});
	/** What the file held; tickets when absent (older callers). */
	sourceKind?: SourceKind;
	/** Set when a mapping the user saved earlier for these headers was applied (when saved). */
	savedMappingAtMs?: number | null;
	format: FileFormat;
	encoding: string;
	counts: ImportCounts;
	/** Message files only: tickets derived from their conversations. */
	derived?: DerivedTicketSummary;
	elapsedMs: number;
	/**
	 * Bytes the import's key indexes held at the end (duplicate look-up of this file and of
	 * stored tickets; message ids and threading slots for message files): typed arrays outside
	 * the JS heap, reported by the benchmark.
	 */
	indexBytes?: number;
}

export interface ImportOptions {
	fileName: string;
	timeZone: string;
	signal?: AbortSignal;
	onProgress?: (progress: ImportProgress) => void;
	/** For tests: a clock. */
	now?: () => number;
	/** A mapping the user confirmed (mapping screen), used instead of header recognition. */
	presetMapping?: TicketColumnMapping;
}

const QUARANTINE_CHUNK_ROWS = 5_000;
const MAX_WRITES_IN_FLIGHT = 2;

/**
 * Imports one ticket export into the database. Rows become visible only when the import
 * is marked done, in the same transaction that merges duplicates into stored tickets;
 * on cancel or failure everything this import wrote is deleted again.
 */
export async function importTicketFile(
	db: ServiceLensDb,
	file: Blob,
	options: ImportOptions
): Promise<Result<ImportSummary>> {
	const now = options.now ?? (() => performance.now());
	const startedAt = now();
	const { fileName } = options;

	const opened = await openRowBatches(file, fileName);
	if (!opened.ok) return opened;
	const { sniff, first, rest: batches } = opened.value;
	const header = first.header;
	const match =
		options.presetMapping === undefined
			? mapTicketHeaders(header, first.rows.slice(0, 500))
			: matchFromMapping(header, options.presetMapping);
	if (match.problem !== null)
		return fail(match.problem.code, `"${fileName}": ${match.problem.message}`);

	const importId = await createImport(db, {
		fileName,
		sizeBytes: file.size,
		sourceKind: 'tickets',
		vendor: match.vendor,
		format: sniff.format,
		encoding: sniff.encoding,
		timeZone: options.timeZone,
		startedAtMs: Date.now(),
		columnMapping: match.mappedHeaders
	});

	let writes: Promise<void> = Promise.resolve();
	try {
		const stored = await loadTicketLocations(db);
		const session = new TicketImportSession(stored);
		const normalize = createTicketNormalizer({
			headers: header,
			mapping: match.mapping,
			vendor: match.vendor,
			importId,
			timeZone: options.timeZone,
			createdFromFirstResponse: match.createdFromFirstResponse
		});
		const chunkIds: number[] = [];
		const quality = new QualityCollector();
		const checkpoint = createImportCheckpoint({
			fileName,
			totalBytes: file.size,
			now,
			startedAt,
			onProgress: options.onProgress,
			signal: options.signal
		});

		/** One promise per chunk write not yet done, oldest first (the writes run in order). */
		const inFlight: Promise<void>[] = [];
		const storeReadyChunks = async (drain: boolean) => {
			for (const chunk of session.takeFullChunks()) {
				const prepared = prepareTicketChunk(importId, chunk);
				writes = writes.then(async () => {
					chunkIds.push(await addPreparedTicketChunk(db, prepared));
				});
				inFlight.push(writes);
			}
			// Parsing goes on while IndexedDB writes, never more than a few chunks ahead: wait
			// for the oldest write beyond the limit only, not for all of them.
			while (inFlight.length > (drain ? 0 : MAX_WRITES_IN_FLIGHT)) await inFlight.shift();
			if (drain || session.pendingQuarantined >= QUARANTINE_CHUNK_ROWS)
				await addQuarantineChunk(db, importId, header, session.takeQuarantined());
		};

		const consume = async (batch: RowBatch) => {
			const columnCount = header.length;
			for (let i = 0; i < batch.rows.length; i++) {
				const cells = batch.rows[i] ?? [];
				const rowNumber = batch.firstRowNumber + i;
				const brokenReason = batch.broken.get(i);
				if (brokenReason !== undefined) {
					session.reject({ rowNumber, reason: brokenReason, column: null, raw: cells });
				} else if (cells.length > columnCount && hasExtraText(cells, columnCount)) {
					session.reject(malformed(rowNumber, cells));
				} else {
					quality.countRow(cells);
					const normalized = normalize(cells, rowNumber);
					if (normalized.ok) quality.checkTicket(normalized.ticket);
					session.add(normalized);
				}
			}
			// Progress (and a cancel) first: the page shows the rows read while chunks are written.
			checkpoint(session.counts.rowsRead, batch.bytesRead);
			await storeReadyChunks(false);
		};

		await consume(first);
		for await (const batch of batches) await consume(batch);
		session.finish();
		await storeReadyChunks(true);

		if (session.counts.rowsRead === 0) {
			await deleteImportWithData(db, importId);
			return fail('no_rows', `"${fileName}" has a header but no rows.`);
		}
		const counts = { ...session.counts };
		// No creation column: say that the tickets are dated by their first reply.
		if (match.createdFromFirstResponse)
			quality.flag('created_from_first_response', counts.imported + counts.duplicates);
		await db.transaction('rw', [db.imports, db.ticketChunks], async () => {
			await applyTicketMerges(
				db,
				session.pendingMerges((localIndex) => chunkIds[localIndex] ?? -1)
			);
			await markImportDone(db, importId, counts, quality.result(header), Date.now());
		});
		const elapsedMs = now() - startedAt;
		options.onProgress?.({
			fileName,
			rowsRead: counts.rowsRead,
			bytesRead: file.size,
			totalBytes: file.size,
			elapsedMs
		});
		return ok({
			importId,
			fileName,
			vendor: match.vendor,
			format: sniff.format,
			encoding: sniff.encoding,
			counts,
			elapsedMs,
			indexBytes: session.indexBytes + stored.bytes
		});
	} catch (error) {
		return abandonImport(db, importId, fileName, writes, error);
	}
}

export function hasExtraText(cells: readonly string[], columnCount: number): boolean {
	for (let i = columnCount; i < cells.length; i++) if ((cells[i] ?? '').trim() !== '') return true;
	return false;
}

export function malformed(rowNumber: number, cells: string[]): QuarantinedRow {
	return { rowNumber, reason: 'malformed_row', column: null, raw: cells };
}

/** A file opened for import: sniffed, decoded, split into rows, its first batch read. */
export interface OpenedRows {
	sniff: Extract<SniffResult, { ok: true }>;
	/** The first batch, with the header (never empty). */
	first: RowBatch;
	rest: AsyncGenerator<RowBatch>;
}

/**
 * Sniffs the file and reads its first batch of rows (CSV, JSON or NDJSON), saying why when it
 * cannot: empty, binary, a spreadsheet, invalid JSON, no rows. The rest stays a stream.
 */
export async function openRowBatches(file: Blob, fileName: string): Promise<Result<OpenedRows>> {
	const sniff = sniffFile(await readHead(file), fileName, file.size);
	if (!sniff.ok) return fail(sniff.code, sniff.message);
	const pieces = readTextPieces(file, sniff.encoding);
	const rest: AsyncGenerator<RowBatch> =
		sniff.format === 'csv'
			? csvRowBatches(pieces)
			: jsonRowBatches(
					pieces,
					sniff.format === 'ndjson' ? 'ndjson' : await jsonLayout(file, sniff.encoding)
				);
	let first: IteratorResult<RowBatch>;
	try {
		first = await rest.next();
	} catch (error) {
		return fail('invalid_json', `"${fileName}" is not valid JSON: ${messageOf(error)}`);
	}
	if (first.done === true || first.value.header.length === 0)
		return fail('no_rows', `"${fileName}" has no rows.`);
	return ok({ sniff, first: first.value, rest });
}

export async function jsonLayout(file: Blob, encoding: string): Promise<'array' | 'object'> {
	const head = new TextDecoder(encoding).decode(await readHead(file, 1024));
	return head
		.replace(/^\uFEFF/, '')
		.trimStart()
		.startsWith('[')
		? 'array'
		: 'object';
}
