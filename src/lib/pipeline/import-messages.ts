import type { DerivedTicketSummary, FileFormat } from '$lib/core/model/records';
import { QualityCollector } from '$lib/core/ingest/quality';
import {
	MessageImportSession,
	type DerivedTicketCounts,
	type ParsedMessageRow
} from '$lib/core/ingest/messages/message-import-session';
import { TicketImportSession } from '$lib/core/ingest/tickets/ticket-import-session';
import { TICKET_CHUNK_SIZE } from '$lib/core/model/ticket-columns';
import type { ServiceLensDb } from '$lib/db/database';
import { createImport, deleteImportWithData, markImportDone } from '$lib/db/repositories/imports';
import { abandonImport, CancelledError, createImportCheckpoint } from './import-failure';
import {
	addPreparedMessageChunk,
	loadStoredMessageKeys,
	prepareMessageChunk,
	setMessageConversationIds
} from '$lib/db/repositories/messages';
import { addQuarantineChunk } from '$lib/db/repositories/quarantine';
import {
	addPreparedTicketChunk,
	applyTicketMerges,
	loadTicketLocations,
	prepareTicketChunk
} from '$lib/db/repositories/tickets';
import type { ImportOptions, ImportSummary } from './import-tickets';
import { ConversationHistory } from './conversation-history';
import { fail, ok, type Result } from './result';

/** Message rows as an adapter read them, with how far into the file it got. */
export interface MessageBatch {
	rows: ParsedMessageRow[];
	bytesRead: number;
}

/** A recognised message export, ready to stream. */
export interface MessageSource {
	vendor: string;
	format: FileFormat;
	encoding: string;
	/** Canonical field → source column (or what the adapter reads), for the import record. */
	columnMapping: Record<string, string>;
	/** Column names of quarantined rows' raw cells. */
	quarantineHeader: () => string[];
	batches: AsyncIterable<MessageBatch>;
}

/** Canonical columns whose fill rate the data-quality report shows for any message source. */
const FILL_COLUMNS = [
	'conversationId',
	'messageId',
	'role',
	'sentAt',
	'text',
	'authorId',
	'subject'
];

const QUARANTINE_CHUNK_ROWS = 5_000;
const MAX_WRITES_IN_FLIGHT = 3;

/**
 * Imports a message export: stores every message in columnar chunks, then threads the
 * conversations and derives one ticket each, merged like tickets from a ticket export
 * (key `<vendor>:<conversation id>`), so KPIs see them. Invisible until the final
 * transaction; on cancel or failure everything written is deleted again.
 * The counts are messages: rowsRead = messages read = imported + duplicates + quarantined.
 */
export async function importMessageSource(
	db: ServiceLensDb,
	file: Blob,
	source: MessageSource,
	options: ImportOptions
): Promise<Result<ImportSummary>> {
	const now = options.now ?? (() => performance.now());
	const startedAt = now();
	const { fileName } = options;

	const importId = await createImport(db, {
		fileName,
		sizeBytes: file.size,
		sourceKind: 'messages',
		vendor: source.vendor,
		format: source.format,
		encoding: source.encoding,
		timeZone: options.timeZone,
		startedAtMs: Date.now(),
		columnMapping: source.columnMapping
	});

	let writes: Promise<void> = Promise.resolve();
	try {
		const session = new MessageImportSession({
			vendor: source.vendor,
			importId,
			stored: await loadStoredMessageKeys(db)
		});
		const quality = new QualityCollector();
		const storedChunks: { id: number; firstRow: number; size: number }[] = [];
		let storedRows = 0;
		/** One promise per chunk write not yet done, oldest first (the writes run in order). */
		const inFlight: Promise<void>[] = [];

		const storeReadyChunks = async (drain: boolean) => {
			for (const chunk of session.takeFullChunks()) {
				const firstRow = storedRows;
				storedRows += chunk.size;
				const prepared = prepareMessageChunk(importId, chunk);
				writes = writes.then(async () => {
					const id = await addPreparedMessageChunk(db, prepared);
					storedChunks.push({ id, firstRow, size: chunk.size });
				});
				inFlight.push(writes);
			}
			// Parsing goes on while IndexedDB writes; wait only for the oldest beyond the limit.
			while (inFlight.length > (drain ? 0 : MAX_WRITES_IN_FLIGHT)) await inFlight.shift();
			if (drain || session.pendingQuarantined >= QUARANTINE_CHUNK_ROWS)
				await addQuarantineChunk(
					db,
					importId,
					source.quarantineHeader(),
					session.takeQuarantined()
				);
		};
		const checkpoint = createImportCheckpoint({
			fileName,
			totalBytes: file.size,
			now,
			startedAt,
			onProgress: options.onProgress,
			signal: options.signal
		});

		// Fill counts of FILL_COLUMNS, counted per message without building a row of cells.
		let threaded = 0;
		let withId = 0;
		let withRole = 0;
		let withText = 0;
		let withAuthor = 0;
		let withSubject = 0;
		let sent = 0;
		// Printable ASCII first means text after trim(); only other starts need trimming to tell.
		const hasText = (text: string) => {
			if (text === '') return false;
			const first = text.charCodeAt(0);
			return (first > 32 && first < 127) || text.trim() !== '';
		};
		for await (const batch of source.batches) {
			for (const row of batch.rows) {
				if (row.ok) {
					const m = row.message;
					if (m.conversationId !== '' || m.parentId !== '' || m.threadHint !== '') threaded++;
					if (hasText(m.messageId)) withId++;
					if (m.role !== 'unknown') withRole++;
					sent++;
					if (hasText(m.text)) withText++;
					if (hasText(m.authorId)) withAuthor++;
					if (hasText(m.subject)) withSubject++;
				}
				session.add(row);
			}
			// Progress (and a cancel) first: the page shows the rows read while chunks are written.
			checkpoint(session.counts.rowsRead, batch.bytesRead);
			await storeReadyChunks(false);
		}
		[threaded, withId, withRole, sent, withText, withAuthor, withSubject].forEach((count, column) =>
			quality.addFilled(column, count)
		);
		// Measured before finish() frees the distinct-value indexes.
		const indexBytes = session.indexBytes;
		session.finish();
		await storeReadyChunks(true);

		if (session.counts.rowsRead === 0) {
			await deleteImportWithData(db, importId);
			return fail('no_rows', `"${fileName}" has no messages.`);
		}
		// A reply stored before its parent arrived was written with the conversation known
		// then: one transaction rewrites the chunks holding such rows (still invisible).
		const stale = storedChunks.filter((chunk) =>
			session.conversationIdsChanged(chunk.firstRow, chunk.size)
		);
		if (stale.length > 0)
			await db.transaction('rw', db.messageChunks, async () => {
				for (const chunk of stale)
					await setMessageConversationIds(
						db,
						chunk.id,
						session.conversationIdsOfStoredRows(chunk.firstRow, chunk.size)
					);
			});

		// Derived tickets go through the ticket session: duplicates merge into stored tickets.
		// One ticket per conversation: keys are unique by construction, no duplicate index.
		const tickets = new TicketImportSession(await loadTicketLocations(db), TICKET_CHUNK_SIZE, {
			keysUnique: true
		});
		const ticketChunkIds: number[] = [];
		const derivedCounts: DerivedTicketCounts = {
			conversations: 0,
			tickets: 0,
			withoutCustomerMessage: 0
		};
		// Ticket chunks are written in order while the next ones are derived.
		const storeTicketChunks = () => {
			for (const chunk of tickets.takeFullChunks()) {
				const prepared = prepareTicketChunk(importId, chunk);
				writes = writes.then(async () => {
					ticketChunkIds.push(await addPreparedTicketChunk(db, prepared));
				});
			}
		};
		let derivedSinceCheck = 0;
		// Conversations continued from an earlier import of this source: derived over all of it.
		const history = await ConversationHistory.load(
			db,
			source.vendor,
			importId,
			() => session.conversationKeys
		);
		for (const ticket of history.complete(session.derivedTickets(derivedCounts), derivedCounts)) {
			quality.checkTicket(ticket);
			tickets.add({ ok: true, ticket });
			storeTicketChunks();
			if (++derivedSinceCheck === TICKET_CHUNK_SIZE) {
				derivedSinceCheck = 0;
				await writes;
			}
			if (options.signal?.aborted === true) throw new CancelledError();
		}
		tickets.finish();
		storeTicketChunks();
		await writes;

		const counts = { ...session.counts };
		const derived: DerivedTicketSummary = {
			...derivedCounts,
			ticketsMerged: tickets.counts.duplicates
		};
		await db.transaction('rw', [db.imports, db.ticketChunks], async () => {
			await applyTicketMerges(
				db,
				tickets.pendingMerges((localIndex) => ticketChunkIds[localIndex] ?? -1)
			);
			await db.imports.update(importId, { derived });
			await markImportDone(db, importId, counts, quality.result(FILL_COLUMNS), Date.now());
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
			vendor: source.vendor,
			format: source.format,
			encoding: source.encoding,
			counts,
			derived,
			elapsedMs,
			indexBytes
		});
	} catch (error) {
		return abandonImport(db, importId, fileName, writes, error);
	}
}
