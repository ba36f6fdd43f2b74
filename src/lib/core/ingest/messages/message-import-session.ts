import type { ImportCounts, QuarantinedRow } from '../../model/records';
import {
	MESSAGE_CHUNK_SIZE,
	MESSAGE_EVENTS,
	MESSAGE_ROLES,
	emptyMessageColumns,
	trimMessageColumns,
	writeMessageAt,
	type Message,
	type MessageColumns
} from '../../model/message';
import { CHANNELS, codeOf, valueOf, type Ticket } from '../../model/ticket';
import { KeyIndex } from '../key-index';
import { deriveThread, type ThreadEntry } from './derive-thread';

/** One source message as an adapter read it, before threading. */
export interface ParsedMessage extends Omit<Message, 'key'> {
	/** '' when the export has no conversation id: the thread comes from `parentId`. */
	conversationId: string;
	/** The message this one answers (tweet reply, In-Reply-To); '' when none. */
	parentId: string;
	/**
	 * Conversation for a message whose parent is not in the file (e-mail: the normalised
	 * subject and correspondent); '' to start a conversation of its own.
	 */
	threadHint: string;
	/** Close time the export states for the whole conversation (repeated per row); NaN if none. */
	conversationSolvedAtMs: number;
}

export type ParsedMessageRow =
	{ ok: true; message: ParsedMessage } | { ok: false; row: QuarantinedRow };

/** Whether a message key is already stored by an earlier import. */
export interface StoredMessageKeys {
	has(key: string): boolean;
	/** How many keys are stored (0 skips the look-up per message). */
	readonly size?: number;
}

/** What the import record says about the tickets a message file implied. */
export interface DerivedTicketCounts {
	conversations: number;
	/** Conversations with a customer message, i.e. tickets derived. */
	tickets: number;
	/** Conversations with no customer message (outbound only): no ticket. */
	withoutCustomerMessage: number;
}

const FLAG_PUBLIC = 1;
const FLAG_AUTOMATED = 2;

/**
 * The pure heart of a message import: accounts for every message row, packs new messages
 * into columnar chunks, keeps a few bytes per message for threading, and at the end
 * resolves conversations (by id, or by reply chains) and derives one ticket per thread.
 * A row = a message: rowsRead = imported + duplicates + quarantined, counted in messages.
 */
export class MessageImportSession {
	readonly #vendor: string;
	readonly #importId: number;
	readonly #stored: StoredMessageKeys;
	readonly #chunkSize: number;
	/** Message key → local message index (this file's distinct messages). */
	readonly #index = new KeyIndex();
	readonly counts: ImportCounts = { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 };

	// Per distinct message of this file, in arrival order: what threading and derivation need.
	#size = 0;
	#sentAtMs = new Float64Array(1024);
	#solvedAtMs = new Float64Array(1024);
	#roleCodes = new Uint8Array(1024);
	#eventCodes = new Uint8Array(1024);
	#channelCodes = new Uint8Array(1024);
	#flags = new Uint8Array(1024);
	/** Stored row ordinal of each message, -1 when it was already stored by an earlier import. */
	#storedRow = new Int32Array(1024);
	#messageIds: string[] = [];
	#conversationIds: string[] = [];
	/** Local index of the message each one answers: -1 none; -2 not seen yet (in #pendingParents). */
	#parentIndex = new Int32Array(1024);
	/** Reply links whose parent had not arrived yet, resolved at finish(). */
	#pendingParents = new Map<number, string>();
	#threadHints: string[] = [];
	#authors: string[] = [];
	#subjects: string[] = [];

	#current: MessageColumns;
	#storedCount = 0;
	#full: MessageColumns[] = [];
	#quarantined: QuarantinedRow[] = [];
	/** Conversation of each message, known after finish(). */
	#conversationOf: Int32Array | null = null;
	#conversationKeys: string[] = [];
	#storedConversation: Int32Array | null = null;

	constructor(
		options: { vendor: string; importId: number; stored: StoredMessageKeys },
		chunkSize = MESSAGE_CHUNK_SIZE
	) {
		this.#vendor = options.vendor;
		this.#importId = options.importId;
		this.#stored = options.stored;
		this.#chunkSize = chunkSize;
		this.#current = emptyMessageColumns(chunkSize);
	}

	add(result: ParsedMessageRow): void {
		this.counts.rowsRead++;
		if (!result.ok) {
			this.counts.quarantined++;
			this.#quarantined.push(result.row);
			return;
		}
		const message = result.message;
		const key = `${this.#vendor}:${message.messageId}`;
		if (this.#index.get(key) !== undefined) {
			// The same message twice in one file: it neither counts twice nor threads twice.
			this.counts.duplicates++;
			return;
		}
		const alreadyStored = this.#stored.size !== 0 && this.#stored.has(key);
		const index = this.#size++;
		this.#ensureCapacity(this.#size);
		this.#index.set(key, index);
		this.#sentAtMs[index] = message.sentAtMs;
		this.#solvedAtMs[index] = message.conversationSolvedAtMs;
		this.#roleCodes[index] = codeOf(MESSAGE_ROLES, message.role);
		this.#eventCodes[index] = codeOf(MESSAGE_EVENTS, message.event);
		this.#channelCodes[index] = codeOf(CHANNELS, message.channel);
		this.#flags[index] =
			(message.isPublic ? FLAG_PUBLIC : 0) | (message.isAutomated ? FLAG_AUTOMATED : 0);
		this.#messageIds[index] = message.messageId;
		this.#conversationIds[index] = message.conversationId;
		// Most parents come before their replies: resolve now and keep no link string.
		if (message.parentId === '') this.#parentIndex[index] = -1;
		else {
			const parent = this.#index.get(`${this.#vendor}:${message.parentId}`);
			if (parent === undefined) {
				this.#parentIndex[index] = -2;
				this.#pendingParents.set(index, message.parentId);
			} else this.#parentIndex[index] = parent;
		}
		this.#threadHints[index] = message.threadHint;
		this.#authors[index] = message.authorId;
		this.#subjects[index] = message.subject;
		if (alreadyStored) {
			// Stored by an earlier import: not stored again, but still part of this thread.
			this.counts.duplicates++;
			this.#storedRow[index] = -1;
			return;
		}
		this.counts.imported++;
		this.#storedRow[index] = this.#storedCount++;
		const row = this.#current.size++;
		writeMessageAt(this.#current, row, message, key);
		if (this.#current.size === this.#chunkSize) this.#rollChunk();
	}

	reject(row: QuarantinedRow): void {
		this.add({ ok: false, row });
	}

	#ensureCapacity(size: number): void {
		if (size <= this.#sentAtMs.length) return;
		const capacity = this.#sentAtMs.length * 2;
		const grow = <T extends Float64Array | Uint8Array | Int32Array>(
			array: T,
			make: (n: number) => T
		) => {
			const next = make(capacity);
			next.set(array);
			return next;
		};
		this.#sentAtMs = grow(this.#sentAtMs, (n) => new Float64Array(n));
		this.#solvedAtMs = grow(this.#solvedAtMs, (n) => new Float64Array(n));
		this.#roleCodes = grow(this.#roleCodes, (n) => new Uint8Array(n));
		this.#eventCodes = grow(this.#eventCodes, (n) => new Uint8Array(n));
		this.#channelCodes = grow(this.#channelCodes, (n) => new Uint8Array(n));
		this.#flags = grow(this.#flags, (n) => new Uint8Array(n));
		this.#storedRow = grow(this.#storedRow, (n) => new Int32Array(n));
		this.#parentIndex = grow(this.#parentIndex, (n) => new Int32Array(n));
	}

	#rollChunk(): void {
		this.#full.push(trimMessageColumns(this.#current));
		this.#current = emptyMessageColumns(this.#chunkSize);
	}

	/** Chunks ready to store, in order: the n-th chunk ever taken is local chunk n. */
	takeFullChunks(): MessageColumns[] {
		const full = this.#full;
		this.#full = [];
		return full;
	}

	takeQuarantined(): QuarantinedRow[] {
		const rows = this.#quarantined;
		this.#quarantined = [];
		return rows;
	}

	get pendingQuarantined(): number {
		return this.#quarantined.length;
	}

	/** Ends the input: the last chunk joins the full ones and conversations are resolved. */
	finish(): void {
		if (this.#current.size > 0) this.#rollChunk();
		this.#resolveConversations();
		this.#pendingParents.clear();
		this.#threadHints = [];
	}

	/**
	 * Conversation of every message: its own conversation id when the export has one;
	 * otherwise the root of its reply chain, whose key is the root's thread hint or id.
	 */
	#resolveConversations(): void {
		const n = this.#size;
		const conversationOf = new Int32Array(n).fill(-1);
		const byKey = new Map<string, number>();
		const keys: string[] = [];
		const conversationFor = (key: string) => {
			let conversation = byKey.get(key);
			if (conversation === undefined) {
				conversation = keys.length;
				keys.push(key);
				byKey.set(key, conversation);
			}
			return conversation;
		};
		const path: number[] = [];
		for (let start = 0; start < n; start++) {
			if (conversationOf[start] !== -1) continue;
			path.length = 0;
			let node = start;
			let conversation = -1;
			// Walk up the reply chain to a message whose conversation is known or a root.
			for (;;) {
				const known = conversationOf[node] ?? -1;
				if (known >= 0) {
					conversation = known;
					break;
				}
				path.push(node);
				conversationOf[node] = -2; // on the current path: a cycle ends the walk here
				const ownId = this.#conversationIds[node] ?? '';
				if (ownId !== '') {
					conversation = conversationFor(ownId);
					break;
				}
				const parent = this.#parentOf(node);
				if (parent === undefined || conversationOf[parent] === -2) {
					const hint = this.#threadHints[node] ?? '';
					conversation = conversationFor(hint !== '' ? hint : (this.#messageIds[node] ?? ''));
					break;
				}
				node = parent;
			}
			for (const member of path) conversationOf[member] = conversation;
		}
		this.#conversationOf = conversationOf;
		this.#conversationKeys = keys;
	}

	/** The parent's local index, or undefined when there is none in the file. */
	#parentOf(node: number): number | undefined {
		const known = this.#parentIndex[node] ?? -1;
		if (known >= 0) return known;
		if (known === -1) return undefined;
		const parentId = this.#pendingParents.get(node) ?? '';
		return this.#index.get(`${this.#vendor}:${parentId}`);
	}

	/** Conversation ids of stored rows [firstRow, firstRow + count): reply-chained sources learn them only at the end. */
	conversationIdsOfStoredRows(firstRow: number, count: number): string[] {
		const conversationOf = this.#requireFinished();
		if (this.#storedConversation === null) {
			this.#storedConversation = new Int32Array(this.#storedCount);
			for (let i = 0; i < this.#size; i++) {
				const row = this.#storedRow[i] ?? -1;
				if (row >= 0) this.#storedConversation[row] = conversationOf[i] ?? 0;
			}
		}
		const stored = this.#storedConversation;
		const ids: string[] = [];
		for (let row = firstRow; row < Math.min(firstRow + count, stored.length); row++)
			ids.push(this.#conversationKeys[stored[row] ?? 0] ?? '');
		return ids;
	}

	/** Every conversation id of the file, stored messages included (after finish()). */
	get conversationKeys(): readonly string[] {
		this.#requireFinished();
		return this.#conversationKeys;
	}

	/** Whether some messages had no conversation id and got one from threading. */
	get needsConversationIds(): boolean {
		return this.#conversationIds.some((id) => id === '');
	}

	#requireFinished(): Int32Array {
		if (this.#conversationOf === null) throw new Error('Call finish() first');
		return this.#conversationOf;
	}

	/** One ticket per conversation with a customer message, in conversation order. */
	*derivedTickets(counts: DerivedTicketCounts): Generator<Ticket> {
		const conversationOf = this.#requireFinished();
		const conversationCount = this.#conversationKeys.length;
		// Counting sort by conversation, then by time inside each conversation.
		const starts = new Int32Array(conversationCount + 1);
		for (let i = 0; i < this.#size; i++) {
			const slot = (conversationOf[i] ?? 0) + 1;
			starts[slot] = (starts[slot] ?? 0) + 1;
		}
		for (let c = 0; c < conversationCount; c++)
			starts[c + 1] = (starts[c + 1] ?? 0) + (starts[c] ?? 0);
		const order = new Int32Array(this.#size);
		const fill = starts.slice(0, conversationCount);
		for (let i = 0; i < this.#size; i++) {
			const conversation = conversationOf[i] ?? 0;
			const position = fill[conversation] ?? 0;
			order[position] = i;
			fill[conversation] = position + 1;
		}
		const sentAtMs = this.#sentAtMs;
		const byTime = (a: number, b: number) => (sentAtMs[a] ?? 0) - (sentAtMs[b] ?? 0) || a - b;

		counts.conversations = conversationCount;
		for (let c = 0; c < conversationCount; c++) {
			const members = Array.from(order.subarray(starts[c], starts[c + 1])).sort(byTime);
			const { thread, memberOf } = this.#threadOf(members);
			const derived = deriveThread(thread);
			if (derived === null) {
				counts.withoutCustomerMessage++;
				continue;
			}
			counts.tickets++;
			const created = memberOf[derived.createdIndex] ?? 0;
			const responder = memberOf[derived.firstResponseIndex];
			const conversationId = this.#conversationKeys[c] ?? '';
			const customer = this.#authors[created] ?? '';
			yield {
				key: `${this.#vendor}:${conversationId}`,
				externalId: conversationId,
				importId: this.#importId,
				createdAtMs: derived.createdAtMs,
				firstResponseSeconds: derived.firstResponseSeconds,
				solvedAtMs: derived.solvedAtMs,
				resolutionSeconds: derived.resolutionSeconds,
				status: derived.status,
				channel: valueOf(CHANNELS, this.#channelCodes[created] ?? 0),
				priority: 'unknown',
				agent: responder === undefined ? '' : (this.#authors[responder] ?? ''),
				group: '',
				subject: this.#subjects[created] ?? '',
				tags: [],
				customerKey: customerKeyOf(customer),
				csatScore: null,
				csatScale: 'none',
				agentReplies: derived.agentReplies,
				reopens: derived.reopens
			};
		}
	}

	/** The thread in time order, with a stated conversation close time as a solve at that time. */
	#threadOf(members: readonly number[]): { thread: ThreadEntry[]; memberOf: number[] } {
		const thread: ThreadEntry[] = members.map((i) => ({
			role: valueOf(MESSAGE_ROLES, this.#roleCodes[i] ?? 0),
			isPublic: ((this.#flags[i] ?? 0) & FLAG_PUBLIC) !== 0,
			isAutomated: ((this.#flags[i] ?? 0) & FLAG_AUTOMATED) !== 0,
			event: valueOf(MESSAGE_EVENTS, this.#eventCodes[i] ?? 0),
			sentAtMs: this.#sentAtMs[i] ?? NaN
		}));
		let statedSolvedAtMs = NaN;
		for (const i of members) {
			const solved = this.#solvedAtMs[i] ?? NaN;
			if (!Number.isNaN(solved) && !(solved <= statedSolvedAtMs)) statedSolvedAtMs = solved;
		}
		const memberOf = [...members];
		if (Number.isNaN(statedSolvedAtMs) || thread.some((entry) => entry.event === 'solved'))
			return { thread, memberOf };
		const at = thread.findIndex((entry) => entry.sentAtMs > statedSolvedAtMs);
		const solve: ThreadEntry = {
			role: 'system',
			isPublic: false,
			isAutomated: false,
			event: 'solved',
			sentAtMs: statedSolvedAtMs
		};
		thread.splice(at < 0 ? thread.length : at, 0, solve);
		memberOf.splice(at < 0 ? memberOf.length : at, 0, -1);
		return { thread, memberOf };
	}
}

/** Same rule as ticket imports: a lower-cased e-mail, else `id:<author>`. */
export function customerKeyOf(author: string): string {
	const trimmed = author.trim();
	if (trimmed === '') return '';
	return trimmed.includes('@') && !trimmed.startsWith('@')
		? trimmed.toLowerCase()
		: `id:${trimmed}`;
}
