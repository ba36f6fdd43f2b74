import type { GenericChunkRecord } from '$lib/core/model/records';
import type { MessageColumns } from '$lib/core/model/message';
import type { StoredMessageKeys } from '$lib/core/ingest/messages/message-import-session';
import { encodeMessageChunk } from '$lib/core/model/chunk-format';
import { KeyIndex } from '$lib/core/ingest/key-index';
import type { ServiceLensDb } from '../database';
import { doneImportIds } from './imports';

/** A stored message chunk: `columns` holds the MessageColumns other than size and keys. */
export type MessageChunkRecord = GenericChunkRecord & {
	columns: Omit<MessageColumns, 'size' | 'keys'>;
};

export async function addMessageChunk(
	db: ServiceLensDb,
	importId: number,
	chunk: MessageColumns
): Promise<number> {
	return addPreparedMessageChunk(db, prepareMessageChunk(importId, chunk));
}

/** A chunk already encoded for storage (see prepareMessageChunk). */
export interface PreparedMessageChunk {
	readonly record: GenericChunkRecord;
}

/** Encodes a full chunk at once, so its row strings can be freed while earlier writes finish. */
export function prepareMessageChunk(importId: number, chunk: MessageColumns): PreparedMessageChunk {
	const { size, keys, keyPrefix, ...columns } = chunk;
	const record = encodeMessageChunk({ importId, size, keys, columns }, keyPrefix);
	return { record: record as unknown as GenericChunkRecord };
}

export async function addPreparedMessageChunk(
	db: ServiceLensDb,
	prepared: PreparedMessageChunk
): Promise<number> {
	return (await db.messageChunks.add(prepared.record)) as number;
}

/** What is written for a chunk: its encoded form (reads decode it, see database.ts). */
function storedMessageChunk(chunk: MessageChunkRecord): GenericChunkRecord {
	return encodeMessageChunk(chunk) as unknown as GenericChunkRecord;
}

/** Sets the conversation id column of a chunk (reply-chained sources know it only at the end). */
export async function setMessageConversationIds(
	db: ServiceLensDb,
	chunkId: number,
	conversationIds: string[]
): Promise<void> {
	const chunk = (await db.messageChunks.get(chunkId)) as MessageChunkRecord | undefined;
	if (chunk === undefined) throw new Error(`Message chunk ${chunkId} vanished during import`);
	chunk.columns.conversationIds = conversationIds;
	await db.messageChunks.put(storedMessageChunk(chunk));
}

/** Keys of every committed message, so a re-import does not store a message twice. */
export async function loadStoredMessageKeys(
	db: ServiceLensDb
): Promise<StoredMessageKeys & { size: number }> {
	const committed = await doneImportIds(db);
	const index = new KeyIndex();
	const ids = (await db.messageChunks.toCollection().primaryKeys()) as number[];
	for (const id of ids) {
		const chunk = await db.messageChunks.get(id);
		if (chunk !== undefined && committed.has(chunk.importId))
			for (const key of chunk.keys) index.set(key, 1);
	}
	return {
		get size() {
			return index.size;
		},
		has: (key) => index.get(key) !== undefined
	};
}

/** Every committed message chunk (tests, and later the message views). */
export async function loadCommittedMessageChunks(db: ServiceLensDb): Promise<MessageChunkRecord[]> {
	const committed = await doneImportIds(db);
	const chunks = (await db.messageChunks.toArray()) as MessageChunkRecord[];
	return chunks.filter((chunk) => committed.has(chunk.importId));
}
