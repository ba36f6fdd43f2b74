import { messageAt, type Message, type MessageColumns } from '../model/message';
import { deriveThread } from '../ingest/messages/derive-thread';

/**
 * The conversation behind a ticket. Tickets derived from messages have the key
 * `<vendor>:<conversation id>` and their messages the key `<vendor>:<message id>` with the
 * conversation id in their own column (see message-import-session.ts), so a message belongs to
 * the ticket whose key is its vendor prefix plus its conversation id: across files too.
 */
export function ticketKeyOfMessage(messageKey: string, conversationId: string): string {
	const colon = messageKey.indexOf(':');
	return colon < 0 ? conversationId : `${messageKey.slice(0, colon)}:${conversationId}`;
}

/** A stored message chunk as the detail reads it (keys beside the other columns). */
export type MessageChunkColumns = Pick<MessageColumns, 'size' | 'keys'> &
	Omit<MessageColumns, 'size' | 'keys'>;

/** Rows of `chunk` per ticket key (to find a ticket's messages without reading every chunk). */
export function rowsByTicketKey(chunk: MessageChunkColumns): Map<string, number[]> {
	const rows = new Map<string, number[]>();
	for (let row = 0; row < chunk.size; row++) {
		const key = ticketKeyOfMessage(chunk.keys[row] ?? '', chunk.conversationIds[row] ?? '');
		let list = rows.get(key);
		if (list === undefined) rows.set(key, (list = []));
		list.push(row);
	}
	return rows;
}

/** One message as the detail shows it (text is plain text: the page never renders it as HTML). */
export type ConversationMessage = Omit<Message, 'conversationId' | 'channel'>;

export interface Conversation {
	/** In time order; messages sent at the same moment keep their order in the file. */
	messages: ConversationMessage[];
	/** The first customer message (the ticket's creation), -1 when there is none. */
	createdIndex: number;
	/** The reply that stopped the first-response clock (bots, notes and templates do not). */
	firstResponseIndex: number;
	/** The first solve after creation, -1 when the conversation shows none. */
	firstSolveIndex: number;
	/** Creation → first solve, seconds; null without a solve. */
	firstResolutionSeconds: number | null;
}

/**
 * Puts a ticket's messages (gathered in storage order) in time order and marks what its timings
 * are measured from, by the rules that derived the ticket (deriveThread).
 */
export function buildConversation(found: readonly Message[]): Conversation {
	const ordered = found
		.map((message, order) => ({ message, order }))
		.sort((a, b) => a.message.sentAtMs - b.message.sentAtMs || a.order - b.order)
		.map(({ message }) => message);
	const derived = deriveThread(ordered);
	const createdIndex = derived?.createdIndex ?? -1;
	const firstSolveIndex =
		createdIndex < 0
			? -1
			: ordered.findIndex((message, i) => i > createdIndex && message.event === 'solved');
	const created = ordered[createdIndex]?.sentAtMs;
	const solved = ordered[firstSolveIndex]?.sentAtMs;
	return {
		messages: ordered.map((message) => ({
			key: message.key,
			messageId: message.messageId,
			role: message.role,
			isPublic: message.isPublic,
			isAutomated: message.isAutomated,
			event: message.event,
			sentAtMs: message.sentAtMs,
			text: message.text,
			authorId: message.authorId,
			subject: message.subject
		})),
		createdIndex,
		firstResponseIndex: derived?.firstResponseIndex ?? -1,
		firstSolveIndex,
		firstResolutionSeconds:
			created === undefined || solved === undefined ? null : (solved - created) / 1000
	};
}

/** The messages of `rows` in a chunk. */
export function messagesAt(chunk: MessageChunkColumns, rows: readonly number[]): Message[] {
	return rows.map((row) => messageAt(chunk as MessageColumns, row));
}
