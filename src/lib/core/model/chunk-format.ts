import { decodeText, encodePrefixedText, encodeText, type EncodedText } from './chunk-text';
import type { MessageColumns } from './message';
import { TICKET_TEXT_COLUMNS, type TicketColumns, type TicketTextColumn } from './ticket-columns';

/**
 * How ticket and message chunks are stored. Format 1 (no `format` field) holds every column
 * as is: string columns as arrays of strings. Format 2 moves the string columns into `text`,
 * each encoded by `chunk-text.ts` (dictionaries, one UTF-8 buffer, keys as a prefix of the id
 * column), which makes a chunk several times cheaper to structured-clone into and out of
 * IndexedDB. The database decodes on every read (a Dexie reading hook, `db/database.ts`), so
 * readers always see format-1 records and both formats can sit side by side: chunks written
 * before format 2 are read as they are, and a chunk rewritten by a reader (a merge) may be
 * stored in either.
 */
export const CHUNK_FORMAT_ENCODED = 2;

/** A ticket chunk record as readers see it (decoded). */
export interface TicketChunk extends TicketColumns {
	id?: number;
	importId: number;
}

/** A message chunk record as readers see it: keys apart, the other columns in `columns`. */
export interface MessageChunk {
	id?: number;
	importId: number;
	size: number;
	keys: string[];
	columns: Omit<MessageColumns, 'size' | 'keys'>;
}

/** A ticket chunk as stored in format 2. */
export type EncodedTicketChunk = Omit<TicketChunk, TicketTextColumn> & {
	format: typeof CHUNK_FORMAT_ENCODED;
	text: Partial<Record<TicketTextColumn, EncodedText>>;
};

const MESSAGE_TEXT = ['conversationIds', 'messageIds', 'texts', 'authorIds', 'subjects'] as const;
type MessageTextColumn = (typeof MESSAGE_TEXT)[number];

/** A message chunk as stored in format 2. */
export interface EncodedMessageChunk {
	id?: number;
	importId: number;
	size: number;
	format: typeof CHUNK_FORMAT_ENCODED;
	columns: Omit<MessageColumns, 'size' | 'keys' | MessageTextColumn>;
	text: Record<MessageTextColumn | 'keys', EncodedText>;
}

const isEncoded = (record: object): boolean =>
	(record as { format?: unknown }).format === CHUNK_FORMAT_ENCODED;

export function encodeTicketChunk(chunk: TicketChunk): EncodedTicketChunk {
	const n = chunk.size;
	const { keys, externalIds, agents, groups, subjects, tags, customerKeys, csatRaw, ...numbers } =
		chunk;
	const text: EncodedTicketChunk['text'] = {
		keys: encodePrefixedText(keys, externalIds, 'externalIds', n),
		externalIds: encodeText(externalIds, n, 'unique'),
		agents: encodeText(agents, n, 'repeats'),
		groups: encodeText(groups, n, 'repeats'),
		subjects: encodeText(subjects, n, 'repeats'),
		tags: encodeText(tags, n, 'repeats'),
		customerKeys: encodeText(customerKeys, n, 'repeats')
	};
	if (csatRaw !== undefined) text.csatRaw = encodeText(csatRaw, n, 'repeats');
	return { ...numbers, format: CHUNK_FORMAT_ENCODED, text };
}

/** A stored ticket chunk in either format, as readers expect it (format 1 comes back as is). */
export function decodeTicketChunk<T extends object | undefined>(stored: T): T {
	if (stored === undefined || !isEncoded(stored)) return stored;
	const { text, ...numbers } = stored as unknown as EncodedTicketChunk;
	const n = numbers.size;
	const decoded: Partial<Record<TicketTextColumn, string[]>> = {};
	const column = (name: string) => decoded[name as TicketTextColumn];
	// `keys` may refer to externalIds: decode the others first.
	for (const name of TICKET_TEXT_COLUMNS) {
		const encoded = text[name];
		if (name !== 'keys' && encoded !== undefined) decoded[name] = decodeText(encoded, n, column);
	}
	if (text.keys !== undefined) decoded.keys = decodeText(text.keys, n, column);
	const chunk: Partial<EncodedTicketChunk> = { ...numbers, ...decoded };
	delete chunk.format;
	return chunk as unknown as T;
}

/**
 * `keyPrefix`: the caller vouches that every key is keyPrefix + messageId (the import
 * session builds them so and leaves `keys` empty); otherwise the keys are checked.
 */
export function encodeMessageChunk(chunk: MessageChunk, keyPrefix?: string): EncodedMessageChunk {
	const n = chunk.size;
	const { conversationIds, messageIds, texts, authorIds, subjects, ...codes } = chunk.columns;
	return {
		...(chunk.id === undefined ? {} : { id: chunk.id }),
		importId: chunk.importId,
		size: n,
		format: CHUNK_FORMAT_ENCODED,
		columns: codes,
		text: {
			keys:
				keyPrefix === undefined
					? encodePrefixedText(chunk.keys, messageIds, 'messageIds', n)
					: { kind: 'prefixed', prefix: keyPrefix, column: 'messageIds' },
			conversationIds: encodeText(conversationIds, n, 'repeats'),
			messageIds: encodeText(messageIds, n, 'unique'),
			texts: encodeText(texts, n, 'unique'),
			authorIds: encodeText(authorIds, n, 'repeats'),
			subjects: encodeText(subjects, n, 'repeats')
		}
	};
}

/** A stored message chunk in either format, as readers expect it (format 1 comes back as is). */
export function decodeMessageChunk<T extends object | undefined>(stored: T): T {
	if (stored === undefined || !isEncoded(stored)) return stored;
	const { text, columns, id, importId, size: n } = stored as unknown as EncodedMessageChunk;
	const decoded: Partial<Record<MessageTextColumn, string[]>> = {};
	const column = (name: string) => decoded[name as MessageTextColumn];
	for (const name of MESSAGE_TEXT) decoded[name] = decodeText(text[name], n, column);
	const chunk: MessageChunk = {
		...(id === undefined ? {} : { id }),
		importId,
		size: n,
		keys: decodeText(text.keys, n, column),
		columns: { ...columns, ...(decoded as Record<MessageTextColumn, string[]>) }
	};
	return chunk as unknown as T;
}
