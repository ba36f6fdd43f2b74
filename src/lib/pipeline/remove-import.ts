import {
	deriveConversationTicket,
	replaceDerivedFields
} from '$lib/core/ingest/messages/conversation-ticket';
import { ticketAt, toTicketColumns, writeTicketAt } from '$lib/core/model/ticket-columns';
import type { Ticket } from '$lib/core/model/ticket';
import type { ServiceLensDb } from '$lib/db/database';
import { deleteImportWithData } from '$lib/db/repositories/imports';
import type { MessageChunkRecord } from '$lib/db/repositories/messages';
import { addTicketChunk, loadTicketLocations, putTicketChunk } from '$lib/db/repositories/tickets';
import { readConversationMessages, sameSourceImportIds } from './conversation-history';

const TICKET_CHUNK_ROWS = 10_000;

/**
 * Removes an import and every row it wrote. A message import may have continued
 * conversations of other imports of the same source (their tickets were derived over both
 * files): those tickets are derived again from the messages that remain, so the dashboard
 * shows what the other files alone imply. Returns how many tickets were derived again.
 */
export async function removeImport(db: ServiceLensDb, importId: number): Promise<number> {
	const record = await db.imports.get(importId);
	if (record === undefined || record.sourceKind !== 'messages' || record.status !== 'done') {
		await deleteImportWithData(db, importId);
		return 0;
	}
	const conversations = await conversationsOf(db, importId);
	await deleteImportWithData(db, importId);
	const others = await sameSourceImportIds(db, record.vendor, importId);
	const remaining = await readConversationMessages(db, others, conversations);
	if (remaining.size === 0) return 0;

	// Where each remaining message import holds the conversation: a ticket whose row went
	// with the removed import is written again under the latest import that still has it.
	const latestImportOf = await latestImportPerConversation(db, others, new Set(remaining.keys()));
	const locations = await loadTicketLocations(db);
	const updates = new Map<number, { row: number; ticket: Ticket }[]>();
	const added: Map<number, Ticket[]> = new Map();
	for (const [conversationId, messages] of remaining) {
		const owner = latestImportOf.get(conversationId) ?? -1;
		const derived = deriveConversationTicket(record.vendor, conversationId, owner, messages);
		if (derived === null) continue;
		const location = locations.get(derived.key);
		if (location === undefined) {
			added.set(owner, [...(added.get(owner) ?? []), derived]);
			continue;
		}
		const list = updates.get(location.chunkId) ?? [];
		list.push({ row: location.row, ticket: derived });
		updates.set(location.chunkId, list);
	}
	let count = 0;
	const revised = new Set<number>(added.keys());
	await db.transaction('rw', db.ticketChunks, db.imports, async () => {
		for (const [chunkId, rows] of updates) {
			const chunk = await db.ticketChunks.get(chunkId);
			if (chunk === undefined) continue;
			for (const { row, ticket } of rows) {
				const stored = ticketAt(chunk, row, chunk.importId);
				writeTicketAt(
					chunk,
					row,
					replaceDerivedFields(stored, { ...ticket, importId: chunk.importId })
				);
				count++;
			}
			await putTicketChunk(db, chunk);
			revised.add(chunk.importId);
		}
		for (const [owner, tickets] of added)
			for (let i = 0; i < tickets.length; i += TICKET_CHUNK_ROWS) {
				await addTicketChunk(db, owner, toTicketColumns(tickets.slice(i, i + TICKET_CHUNK_ROWS)));
				count += Math.min(TICKET_CHUNK_ROWS, tickets.length - i);
			}
		// In the same transaction: a view that read the data between the deletion and this
		// rewrite was cached under a version that now changes.
		const revisedAtMs = Date.now();
		for (const id of revised) await db.imports.update(id, { revisedAtMs });
	});
	return count;
}

/** The conversation ids of an import's messages. */
async function conversationsOf(db: ServiceLensDb, importId: number): Promise<Set<string>> {
	const conversations = new Set<string>();
	await db.messageChunks
		.where('importId')
		.equals(importId)
		.each((chunk) => {
			for (const id of (chunk as MessageChunkRecord).columns.conversationIds) conversations.add(id);
		});
	return conversations;
}

async function latestImportPerConversation(
	db: ServiceLensDb,
	importIds: ReadonlySet<number>,
	conversations: ReadonlySet<string>
): Promise<Map<string, number>> {
	const latest = new Map<string, number>();
	await db.messageChunks
		.where('importId')
		.anyOf([...importIds])
		.each((chunk) => {
			for (const id of (chunk as MessageChunkRecord).columns.conversationIds)
				if (conversations.has(id)) latest.set(id, Math.max(latest.get(id) ?? -1, chunk.importId));
		});
	return latest;
}
