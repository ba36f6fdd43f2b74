import type { DerivedTicketCounts } from '$lib/core/ingest/messages/message-import-session';
import {
	deriveConversationTicket,
	withStatedClose,
	type ConversationMessage
} from '$lib/core/ingest/messages/conversation-ticket';
import { MESSAGE_EVENTS, MESSAGE_ROLES } from '$lib/core/model/message';
import { CHANNELS, valueOf, type Ticket } from '$lib/core/model/ticket';
import type { ServiceLensDb } from '$lib/db/database';
import type { MessageChunkRecord } from '$lib/db/repositories/messages';

/** Messages of some conversations, grouped by conversation id, in chunk order. */
export type ConversationMessages = Map<string, ConversationMessage[]>;

/**
 * Reads the messages of `conversations` from the message chunks of the imports `importIds`
 * (one chunk at a time), keeping only those conversations.
 */
export async function readConversationMessages(
	db: ServiceLensDb,
	importIds: ReadonlySet<number>,
	conversations: ReadonlySet<string>,
	into: ConversationMessages = new Map()
): Promise<ConversationMessages> {
	if (importIds.size === 0 || conversations.size === 0) return into;
	const chunkIds = (await db.messageChunks
		.where('importId')
		.anyOf([...importIds])
		.primaryKeys()) as number[];
	for (const id of chunkIds.sort((a, b) => a - b)) {
		const chunk = (await db.messageChunks.get(id)) as MessageChunkRecord | undefined;
		if (chunk === undefined) continue;
		const c = chunk.columns;
		for (let row = 0; row < chunk.size; row++) {
			const conversationId = c.conversationIds[row] ?? '';
			if (!conversations.has(conversationId)) continue;
			let list = into.get(conversationId);
			if (list === undefined) {
				list = [];
				into.set(conversationId, list);
			}
			list.push({
				conversationId,
				role: valueOf(MESSAGE_ROLES, c.roleCodes[row] ?? 0),
				isPublic: c.publicFlags[row] === 1,
				isAutomated: c.automatedFlags[row] === 1,
				event: valueOf(MESSAGE_EVENTS, c.eventCodes[row] ?? 0),
				sentAtMs: c.sentAtMs[row] ?? NaN,
				authorId: c.authorIds[row] ?? '',
				channel: valueOf(CHANNELS, c.channelCodes[row] ?? 0),
				subject: c.subjects[row] ?? ''
			});
		}
	}
	return into;
}

/** Committed message imports of one vendor (the same source), except `exceptImportId`. */
export async function sameSourceImportIds(
	db: ServiceLensDb,
	vendor: string,
	exceptImportId: number
): Promise<Set<number>> {
	const records = await db.imports.where('status').equals('done').toArray();
	return new Set(
		records
			.filter((r) => r.sourceKind === 'messages' && r.vendor === vendor && r.id !== exceptImportId)
			.map((r) => r.id as number)
	);
}

/**
 * Conversations split across files. A message export that continues conversations an
 * earlier import of the same source already holds (next month's export, the second mailbox)
 * must not judge them by its own half: the ticket of such a conversation is derived again
 * from every message stored for it, this file's included. Conversations the file shares
 * with nobody keep the file's own derivation (no extra work).
 */
export class ConversationHistory {
	readonly #vendor: string;
	readonly #importId: number;
	readonly #messages: ConversationMessages;

	private constructor(vendor: string, importId: number, messages: ConversationMessages) {
		this.#vendor = vendor;
		this.#importId = importId;
		this.#messages = messages;
	}

	/**
	 * Loads the earlier messages of the file's conversations and the file's own new ones for
	 * the conversations that have earlier messages. `fileConversations` are all the
	 * conversation ids the file's messages belong to (those already stored included); a
	 * function is called only when an earlier import of the source exists.
	 */
	static async load(
		db: ServiceLensDb,
		vendor: string,
		importId: number,
		fileConversations: readonly string[] | (() => readonly string[])
	): Promise<ConversationHistory> {
		const earlierImports = await sameSourceImportIds(db, vendor, importId);
		// The first import of a source continues nothing: no set of every conversation id.
		if (earlierImports.size === 0) return new ConversationHistory(vendor, importId, new Map());
		const ids = typeof fileConversations === 'function' ? fileConversations() : fileConversations;
		const earlier = await readConversationMessages(db, earlierImports, new Set(ids));
		if (earlier.size > 0)
			await readConversationMessages(db, new Set([importId]), new Set(earlier.keys()), earlier);
		return new ConversationHistory(vendor, importId, earlier);
	}

	/** Conversations of this file that continue an earlier import's. */
	get continued(): number {
		return this.#messages.size;
	}

	/**
	 * The file's own tickets, with each continued conversation's ticket derived over the whole
	 * conversation; then the continued conversations the file alone could not make a ticket of
	 * (e.g. only the agent's reply is in this file). `counts` is corrected to match.
	 */
	*complete(fileTickets: Iterable<Ticket>, counts: DerivedTicketCounts): Generator<Ticket> {
		const done = new Set<string>();
		for (const ticket of fileTickets) {
			const messages = this.#messages.get(ticket.externalId);
			if (messages === undefined) {
				yield ticket;
				continue;
			}
			done.add(ticket.externalId);
			const whole = deriveConversationTicket(
				this.#vendor,
				ticket.externalId,
				this.#importId,
				messages
			);
			yield whole === null ? ticket : withStatedClose(whole, ticket);
		}
		for (const [conversationId, messages] of this.#messages) {
			if (done.has(conversationId)) continue;
			const whole = deriveConversationTicket(
				this.#vendor,
				conversationId,
				this.#importId,
				messages
			);
			if (whole === null) continue;
			counts.tickets++;
			counts.withoutCustomerMessage = Math.max(0, counts.withoutCustomerMessage - 1);
			yield whole;
		}
	}
}
