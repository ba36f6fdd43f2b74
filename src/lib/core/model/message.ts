import { CHANNELS, codeOf, valueOf, type Channel } from './ticket';

/**
 * The canonical message: one line of a conversation (a chat line, a tweet, an e-mail, a
 * helpdesk reply or note). Tickets are derived from threads of these
 * (`core/ingest/messages/derive-thread.ts`). Absent numbers are NaN in columns.
 */

/** Who wrote it. `bot` covers chatbots, auto-replies and automation; `system` status events. */
export const MESSAGE_ROLES = ['unknown', 'customer', 'agent', 'bot', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** What happened: a message, or a status change the export records as a line of the thread. */
export const MESSAGE_EVENTS = ['message', 'solved', 'reopened'] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];

export interface Message {
	/** Unique across imports: `${vendor}:${messageId}`; re-imports skip messages already stored. */
	key: string;
	conversationId: string;
	messageId: string;
	role: MessageRole;
	/** False for internal notes (seen by agents only). */
	isPublic: boolean;
	/** A template, macro or automation sent in an agent's name, marked so by the export. */
	isAutomated: boolean;
	event: MessageEvent;
	sentAtMs: number;
	text: string;
	/** Handle, e-mail address or id of the author, as exported. */
	authorId: string;
	channel: Channel;
	/** E-mail subject; '' for chat and social lines. */
	subject: string;
}

/** Messages stored column by column, like tickets (see docs/decisions/0001-columnar-chunks.md). */
export interface MessageColumns {
	size: number;
	/** Empty when `keyPrefix` is set (chunks fresh from the import session). */
	keys: string[];
	/**
	 * Set by the import session instead of filling `keys`: every key is keyPrefix + messageId
	 * (`<vendor>:`), so the chunk is stored without building a key string per message. Stored
	 * and read chunks always have `keys`.
	 */
	keyPrefix?: string;
	conversationIds: string[];
	messageIds: string[];
	roleCodes: Uint8Array;
	publicFlags: Uint8Array;
	automatedFlags: Uint8Array;
	eventCodes: Uint8Array;
	sentAtMs: Float64Array;
	texts: string[];
	authorIds: string[];
	channelCodes: Uint8Array;
	subjects: string[];
}

export const MESSAGE_CHUNK_SIZE = 10_000;

/** The keys of a chunk, whether it lists them or states their prefix. */
export function messageKeysOf(columns: MessageColumns): string[] {
	const prefix = columns.keyPrefix;
	if (prefix === undefined) return columns.keys;
	return columns.messageIds.slice(0, columns.size).map((id) => prefix + id);
}

export function emptyMessageColumns(capacity: number): MessageColumns {
	return {
		size: 0,
		keys: [],
		conversationIds: [],
		messageIds: [],
		roleCodes: new Uint8Array(capacity),
		publicFlags: new Uint8Array(capacity),
		automatedFlags: new Uint8Array(capacity),
		eventCodes: new Uint8Array(capacity),
		sentAtMs: new Float64Array(capacity),
		texts: [],
		authorIds: [],
		channelCodes: new Uint8Array(capacity),
		subjects: []
	};
}

/** The key is passed apart: `{ ...message, key }` per row is ~20× slower in V8 than this. */
export function writeMessageAt(
	columns: MessageColumns,
	row: number,
	message: Omit<Message, 'key'>,
	key: string
): void {
	columns.keys[row] = key;
	columns.conversationIds[row] = message.conversationId;
	columns.messageIds[row] = message.messageId;
	columns.roleCodes[row] = codeOf(MESSAGE_ROLES, message.role);
	columns.publicFlags[row] = message.isPublic ? 1 : 0;
	columns.automatedFlags[row] = message.isAutomated ? 1 : 0;
	columns.eventCodes[row] = codeOf(MESSAGE_EVENTS, message.event);
	columns.sentAtMs[row] = message.sentAtMs;
	columns.texts[row] = message.text;
	columns.authorIds[row] = message.authorId;
	columns.channelCodes[row] = codeOf(CHANNELS, message.channel);
	columns.subjects[row] = message.subject;
}

export function messageAt(columns: MessageColumns, row: number): Message {
	return {
		key: columns.keys[row] ?? '',
		conversationId: columns.conversationIds[row] ?? '',
		messageId: columns.messageIds[row] ?? '',
		role: valueOf(MESSAGE_ROLES, columns.roleCodes[row] ?? 0),
		isPublic: columns.publicFlags[row] === 1,
		isAutomated: columns.automatedFlags[row] === 1,
		event: valueOf(MESSAGE_EVENTS, columns.eventCodes[row] ?? 0),
		sentAtMs: columns.sentAtMs[row] ?? NaN,
		text: columns.texts[row] ?? '',
		authorId: columns.authorIds[row] ?? '',
		channel: valueOf(CHANNELS, columns.channelCodes[row] ?? 0),
		subject: columns.subjects[row] ?? ''
	};
}

/** Trims typed arrays to `size` (chunks are built with spare capacity). */
export function trimMessageColumns(columns: MessageColumns): MessageColumns {
	const n = columns.size;
	return {
		...columns,
		roleCodes: columns.roleCodes.slice(0, n),
		publicFlags: columns.publicFlags.slice(0, n),
		automatedFlags: columns.automatedFlags.slice(0, n),
		eventCodes: columns.eventCodes.slice(0, n),
		sentAtMs: columns.sentAtMs.slice(0, n),
		channelCodes: columns.channelCodes.slice(0, n)
	};
}
