import { messageAt, type MessageColumns } from '$lib/core/model/message';
import type { TicketColumns } from '$lib/core/model/ticket-columns';
import { ticketKeyOfMessage } from '$lib/core/detail/conversation';
import { FirstMessageSentiment } from '$lib/core/text/ticket-sentiment';
import type { ServiceLensDb } from '$lib/db/database';
import { doneImportIds } from '$lib/db/repositories/imports';
import type { MessageChunkRecord } from '$lib/db/repositories/messages';
import { forecastDataVersion } from './forecast';

/**
 * The last result per database, by data version: acknowledging an alert or marking a customer
 * regroups without re-reading every message (the ticket rows load in the same order for one
 * data version, so the per-row verdicts still fit).
 */
const lastRead = new WeakMap<
	ServiceLensDb,
	{ version: number; size: number; result: FirstMessageSentiment | null }
>();

/**
 * Reads every committed message chunk, one at a time, and keeps per ticket whether its first
 * public customer message reads negative (core/text/ticket-sentiment.ts). Memory: a key → row
 * map of the tickets and 10 bytes per ticket; message texts are never held beyond their chunk.
 * Null when no messages are imported.
 */
export async function loadFirstMessageSentiment(
	db: ServiceLensDb,
	tickets: TicketColumns
): Promise<FirstMessageSentiment | null> {
	const version = await forecastDataVersion(db);
	const last = lastRead.get(db);
	if (last && last.version === version && last.size === tickets.size) return last.result;
	const result = await readFirstMessageSentiment(db, tickets);
	lastRead.set(db, { version, size: tickets.size, result });
	return result;
}

async function readFirstMessageSentiment(
	db: ServiceLensDb,
	tickets: TicketColumns
): Promise<FirstMessageSentiment | null> {
	const committed = await doneImportIds(db);
	const ids = (await db.messageChunks.toCollection().primaryKeys()) as number[];
	if (ids.length === 0) return null;
	const rowOf = new Map<string, number>();
	for (let row = 0; row < tickets.size; row++) rowOf.set(tickets.keys[row] ?? '', row);
	const sentiment = new FirstMessageSentiment(tickets.size);
	let read = false;
	for (const id of ids) {
		const record = (await db.messageChunks.get(id)) as MessageChunkRecord | undefined;
		if (record === undefined || !committed.has(record.importId)) continue;
		read = true;
		const columns = { size: record.size, keys: record.keys, ...record.columns } as MessageColumns;
		for (let index = 0; index < record.size; index++) {
			const message = messageAt(columns, index);
			if (message.role !== 'customer' || !message.isPublic || message.event !== 'message') continue;
			const row = rowOf.get(ticketKeyOfMessage(message.key, message.conversationId));
			if (row !== undefined) sentiment.offer(row, message.sentAtMs, message.text);
		}
	}
	return read ? sentiment : null;
}
