import Papa from 'papaparse';
import type { QuarantinedRow } from '$lib/core/model/records';
import type { SniffResult } from '$lib/core/ingest/sniff';
import { JsonRecordSplitter } from '$lib/core/ingest/stream/json-array-splitter';
import { flattenRecord } from '$lib/core/ingest/stream/flatten-record';
import {
	createMessageRowReader,
	matchMessageTable,
	type MessageTableMatch
} from '$lib/core/ingest/messages/message-table';
import {
	conversationMessages,
	detectConversationJson,
	type ConversationJsonVendor
} from '$lib/core/ingest/messages/conversation-json';
import type { ParsedMessageRow } from '$lib/core/ingest/messages/message-import-session';
import { readHead, readTextPieces } from './read-text';
import { csvRowBatches, jsonRowBatches, type RowBatch } from './row-sources';
import type { MessageBatch, MessageSource } from './import-messages';

type TextSniff = Extract<SniffResult, { ok: true }>;

/** CSV text per parsed batch of a message table (rows ~100 chars: ~10k messages). */
const MESSAGE_BATCH_CHARS = 1024 * 1024;

/** How a recognised message file is read. */
export type MessageRoute =
	| { kind: 'table'; match: MessageTableMatch }
	| { kind: 'conversations'; vendor: ConversationJsonVendor };

/**
 * Looks at the head of a CSV/JSON/NDJSON file: a message table (rows are messages) or a
 * JSON list of conversations with their messages. Null means "not messages": the ticket
 * importer takes the file.
 */
export async function detectMessageRoute(
	file: Blob,
	sniff: TextSniff
): Promise<MessageRoute | null> {
	const head = new TextDecoder(sniff.encoding)
		.decode(await readHead(file), { stream: true })
		.replace(/^\uFEFF/, '');
	if (sniff.format === 'csv') {
		const firstLines = head.slice(0, 16 * 1024);
		const parsed = Papa.parse<string[]>(firstLines, { preview: 1 });
		const header = (parsed.data[0] ?? []).map((name) => name.trim());
		const match = matchMessageTable(header);
		return match === null ? null : { kind: 'table', match };
	}
	const layout =
		sniff.format === 'ndjson' ? 'ndjson' : head.trimStart().startsWith('[') ? 'array' : null;
	if (layout === null) return null;
	const first = new JsonRecordSplitter(layout).push(head)[0];
	if (first === undefined) return null;
	let record: unknown;
	try {
		record = JSON.parse(first);
	} catch {
		return null;
	}
	if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
	const vendor = detectConversationJson(record as Record<string, unknown>);
	if (vendor !== null) return { kind: 'conversations', vendor };
	const match = matchMessageTable([...flattenRecord(record as Record<string, unknown>).keys()]);
	return match === null ? null : { kind: 'table', match };
}

export function messageSource(
	file: Blob,
	sniff: TextSniff,
	route: MessageRoute,
	timeZone: string
): MessageSource {
	return route.kind === 'table'
		? tableSource(file, sniff, route.match, timeZone)
		: conversationSource(file, sniff, route.vendor, timeZone);
}

function tableSource(
	file: Blob,
	sniff: TextSniff,
	match: MessageTableMatch,
	timeZone: string
): MessageSource {
	let header: string[] = [];
	async function* batches(): AsyncGenerator<MessageBatch> {
		const pieces = readTextPieces(file, sniff.encoding, undefined, { syncInWorker: true });
		const rowBatches: AsyncGenerator<RowBatch> =
			sniff.format === 'csv'
				? csvRowBatches(pieces, { maxBatchChars: MESSAGE_BATCH_CHARS })
				: jsonRowBatches(pieces, sniff.format === 'ndjson' ? 'ndjson' : 'array');
		let read: ReturnType<typeof createMessageRowReader> | null = null;
		let mappedColumns = 0;
		for await (const batch of rowBatches) {
			header = batch.header;
			// JSON headers grow as records bring new keys (a `private` flag on a later line):
			// map again whenever they did.
			if (read === null || batch.header.length !== mappedColumns) {
				const current = matchMessageTable(batch.header) ?? match;
				read = createMessageRowReader({
					headers: batch.header,
					match: { ...current, vendor: match.vendor },
					timeZone
				});
				mappedColumns = batch.header.length;
			}
			const reader = read;
			const columnCount = sniff.format === 'csv' ? batch.header.length : Infinity;
			const anyBroken = batch.broken.size > 0;
			const rows: ParsedMessageRow[] = batch.rows.map((cells, i) => {
				const rowNumber = batch.firstRowNumber + i;
				const broken = anyBroken ? batch.broken.get(i) : undefined;
				if (broken !== undefined)
					return rejected({ rowNumber, reason: broken, column: null, raw: cells });
				if (
					cells.length > columnCount &&
					cells.slice(columnCount).some((cell) => cell.trim() !== '')
				)
					return rejected({ rowNumber, reason: 'malformed_row', column: null, raw: cells });
				return reader(cells, rowNumber);
			});
			yield { rows, bytesRead: batch.bytesRead };
		}
	}
	return {
		vendor: match.vendor,
		format: sniff.format,
		encoding: sniff.encoding,
		columnMapping: match.mappedHeaders,
		quarantineHeader: () => header,
		batches: batches()
	};
}

function conversationSource(
	file: Blob,
	sniff: TextSniff,
	vendor: ConversationJsonVendor,
	timeZone: string
): MessageSource {
	async function* batches(): AsyncGenerator<MessageBatch> {
		const splitter = new JsonRecordSplitter(sniff.format === 'ndjson' ? 'ndjson' : 'array');
		let rowNumber = 1;
		let bytesRead = 0;
		const toRows = (texts: string[]): ParsedMessageRow[] =>
			texts.flatMap((text) => {
				const rows = conversationMessages(text, vendor, { firstRowNumber: rowNumber, timeZone });
				rowNumber += rows.length;
				return rows;
			});
		for await (const piece of readTextPieces(file, sniff.encoding)) {
			bytesRead = piece.bytesRead;
			const texts = splitter.push(piece.text);
			if (texts.length > 0) yield { rows: toRows(texts), bytesRead };
		}
		const rest = splitter.end();
		if (rest.length > 0) yield { rows: toRows(rest), bytesRead };
	}
	return {
		vendor,
		format: sniff.format,
		encoding: sniff.encoding,
		columnMapping: { conversations: vendor },
		quarantineHeader: () => ['record'],
		batches: batches()
	};
}

const rejected = (row: QuarantinedRow): ParsedMessageRow => ({ ok: false, row });
