import type { ImportCounts, QuarantinedRow } from '../../model/records';
import {
	MESSAGE_CHUNK_SIZE,
	MESSAGE_EVENTS,
	MESSAGE_ROLES,
	emptyMessageColumns,
	trimMessageColumns,
	type Message,
	type MessageColumns,
	type MessageEvent,
	type MessageRole
} from '../../model/message';
import { CHANNELS, valueOf, type Ticket } from '../../model/ticket';
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

/** Vocabulary codes by Map: `indexOf` on the vocabulary costs more per message. */
const codesOf = (vocabulary: readonly string[]) =>
	new Map(vocabulary.map((value, code) => [value, code] as const));
const ROLE_CODES = codesOf(MESSAGE_ROLES);
const EVENT_CODES = codesOf(MESSAGE_EVENTS);
const CHANNEL_CODES = codesOf(CHANNELS);
const CUSTOMER_CODE = ROLE_CODES.get('customer') ?? -1;
const AGENT_CODE = ROLE_CODES.get('agent') ?? -1;

/** Per-message trait bits: role code in the low 3 bits, event code in the next 2. */
const ROLE_MASK = 0b111;
const EVENT_SHIFT = 3;
const EVENT_MASK = 0b11;
const FLAG_PUBLIC = 1 << 5;
const FLAG_AUTOMATED = 1 << 6;
/** No reply parent, or no pending child (linked lists and reply links in Int32Arrays). */
const NONE = -1;
/** A chunk is closed early once its texts hold this many characters (e-mail bodies). */
const MAX_CHUNK_TEXT_CHARS = 4 * 1024 * 1024;
/** Conversations up to this size are time-sorted by insertion sort (no allocation). */
const INSERTION_SORT_MAX = 32;

/** Values per page of StringCodes: joined into one string once full. */
const PAGE_VALUES = 4096;

/**
 * Distinct strings ↔ dense codes: what repeats per message is held once per value. Looked
 * up by a 64-bit hash (KeyIndex) rather than a Map, and stored in pages of PAGE_VALUES
 * values joined into one string: hundreds of thousands of distinct authors or conversation
 * keys would otherwise be as many small heap objects for every garbage collection to mark.
 */
class StringCodes {
	#codes: KeyIndex | null = new KeyIndex();
	/** Joined full pages, and where each value starts inside its page. */
	readonly #pages: string[] = [];
	#starts = new Int32Array(PAGE_VALUES);
	/** The page being filled; code 0 is always '' (no subject, no author), found without hashing. */
	#open: string[] = [''];
	#size = 1;

	get size(): number {
		return this.#size;
	}

	/** Bytes of the look-up index and page offsets (the values themselves are strings). */
	get bytes(): number {
		return (this.#codes?.bytes ?? 0) + this.#starts.byteLength;
	}

	codeOf(value: string): number {
		if (value === '') return 0;
		const codes = this.#codes;
		if (codes === null) throw new Error('No new values after seal()');
		const known = codes.getOrSet(value, this.#size);
		if (known !== undefined) return known;
		this.#open.push(value);
		if (this.#open.length === PAGE_VALUES) this.#closePage();
		return this.#size++;
	}

	#closePage(): void {
		const first = this.#pages.length * PAGE_VALUES;
		if (this.#starts.length < first + PAGE_VALUES) {
			const starts = new Int32Array(this.#starts.length * 2);
			starts.set(this.#starts);
			this.#starts = starts;
		}
		let offset = 0;
		for (let i = 0; i < this.#open.length; i++) {
			this.#starts[first + i] = offset;
			offset += this.#open[i]?.length ?? 0;
		}
		this.#pages.push(this.#open.join(''));
		this.#open = [];
	}

	valueOf(code: number): string {
		const page = Math.floor(code / PAGE_VALUES);
		const i = code - page * PAGE_VALUES;
		if (page === this.#pages.length) return this.#open[i] ?? '';
		const text = this.#pages[page] ?? '';
		const start = this.#starts[code] ?? 0;
		const end = i === PAGE_VALUES - 1 ? text.length : (this.#starts[code + 1] ?? 0);
		return text.slice(start, end);
	}

	/** Frees the look-up index once no new value can come. */
	seal(): void {
		this.#codes = null;
	}
}

/**
 * The pure heart of a message import: accounts for every message row, packs new messages
 * into columnar chunks, and threads conversations as messages arrive (a reply whose parent
 * is already there joins its conversation at once; an earlier reply waits for its parent in
 * a list keyed by the parent's id). Per message it keeps only a few typed-array slots (time,
 * role bits, channel, reply link, author and subject codes) and a 64-bit hash of its id:
 * no strings. Strings are kept once per conversation key, author and subject. At the end
 * it derives one ticket per conversation. A row = a message:
 * rowsRead = imported + duplicates + quarantined, counted in messages.
 */
export class MessageImportSession {
	readonly #vendor: string;
	readonly #importId: number;
	readonly #stored: StoredMessageKeys;
	readonly #chunkSize: number;
	/** Message id → local message index (this file's distinct messages). */
	readonly #index = new KeyIndex();
	readonly counts: ImportCounts = { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 };

	// Per distinct message of this file, in arrival order: what threading and derivation need.
	#size = 0;
	#capacity = 1024;
	#sentAtMs = new Float64Array(1024);
	/** Stated conversation close time per message; allocated when a file has one. */
	#solvedAtMs: Float64Array | null = null;
	#traits = new Uint8Array(1024);
	#channelCodes = new Uint8Array(1024);
	#authorCodes = new Int32Array(1024);
	#subjectCodes = new Int32Array(1024);
	/**
	 * The message each one answers, once both are here (NONE for a conversation root); path
	 * compression later points it straight at the root, which is all threading needs.
	 */
	#replyParent = new Int32Array(1024);
	/** Conversation key code of a root (own conversation id, thread hint or message id). */
	#rootKey = new Int32Array(1024);
	/** Next message waiting for the same missing parent (NONE ends the list). */
	#nextWaiting = new Int32Array(1024);
	/** Missing parent id → first message waiting for it (NONE once it arrived). */
	readonly #waiting = new KeyIndex();
	readonly #keys = new StringCodes();
	readonly #authors = new StringCodes();
	readonly #subjects = new StringCodes();

	// Per stored row of this import: which message it is and the conversation key written.
	#storedCount = 0;
	#storedMessage = new Int32Array(1024);
	#writtenKey = new Int32Array(1024);

	#current: MessageColumns;
	/** Text characters in the current chunk. */
	#currentChars = 0;
	#full: MessageColumns[] = [];
	#quarantined: QuarantinedRow[] = [];
	/** Dense conversation of each message, known after finish(). */
	#conversationOf: Int32Array | null = null;
	/** Key of each dense conversation. */
	#conversationKey = new Int32Array(0);

	constructor(
		options: { vendor: string; importId: number; stored: StoredMessageKeys },
		chunkSize = MESSAGE_CHUNK_SIZE
	) {
		this.#vendor = options.vendor;
		this.#importId = options.importId;
		this.#stored = options.stored;
		this.#chunkSize = chunkSize;
		this.#current = this.#emptyChunk();
	}

	/** Keys are `<vendor>:<message id>`: stated by their prefix, not built per message. */
	#emptyChunk(): MessageColumns {
		return { ...emptyMessageColumns(this.#chunkSize), keyPrefix: `${this.#vendor}:` };
	}

	add(result: ParsedMessageRow): void {
		this.counts.rowsRead++;
		if (!result.ok) {
			this.counts.quarantined++;
			this.#quarantined.push(result.row);
			return;
		}
		const message = result.message;
		const messageId = message.messageId;
		const index = this.#size;
		// All keys of one import share the vendor prefix: the index holds the bare id.
		if (this.#index.getOrSet(messageId, index) !== undefined) {
			// The same message twice in one file: it neither counts twice nor threads twice.
			this.counts.duplicates++;
			return;
		}
		const alreadyStored =
			this.#stored.size !== 0 && this.#stored.has(`${this.#vendor}:${messageId}`);
		this.#size++;
		if (this.#size > this.#capacity) this.#grow();
		this.#sentAtMs[index] = message.sentAtMs;
		const solved = message.conversationSolvedAtMs;
		if (!Number.isNaN(solved)) {
			if (this.#solvedAtMs === null) this.#solvedAtMs = new Float64Array(this.#capacity).fill(NaN);
			this.#solvedAtMs[index] = solved;
		}
		const roleCode = ROLE_CODES.get(message.role) ?? 0;
		const eventCode = EVENT_CODES.get(message.event) ?? 0;
		const channelCode = CHANNEL_CODES.get(message.channel) ?? 0;
		this.#traits[index] =
			roleCode |
			(eventCode << EVENT_SHIFT) |
			(message.isPublic ? FLAG_PUBLIC : 0) |
			(message.isAutomated ? FLAG_AUTOMATED : 0);
		this.#channelCodes[index] = channelCode;
		// Only a customer message can open a ticket (its author and subject) and only an agent
		// message answer it (its author): other messages keep no string at all.
		const isCustomer = roleCode === CUSTOMER_CODE;
		this.#authorCodes[index] =
			isCustomer || roleCode === AGENT_CODE ? this.#authors.codeOf(message.authorId) : 0;
		this.#subjectCodes[index] = isCustomer ? this.#subjects.codeOf(message.subject) : 0;
		this.#nextWaiting[index] = NONE;
		this.#thread(index, message);
		if (alreadyStored) {
			// Stored by an earlier import: not stored again, but still part of this thread.
			this.counts.duplicates++;
			return;
		}
		this.counts.imported++;
		const storedRow = this.#storedCount++;
		if (storedRow >= this.#storedMessage.length) {
			this.#storedMessage = grown(this.#storedMessage, this.#storedMessage.length * 2);
			this.#writtenKey = grown(this.#writtenKey, this.#writtenKey.length * 2);
		}
		// Written with the conversation known now; finish() tells which rows learnt another.
		const written = this.#rootKey[this.#rootOf(index)] ?? 0;
		this.#storedMessage[storedRow] = index;
		this.#writtenKey[storedRow] = written;
		// As writeMessageAt does, with the codes already looked up.
		const columns = this.#current;
		const row = columns.size++;
		columns.conversationIds[row] =
			message.conversationId !== '' ? message.conversationId : this.#keys.valueOf(written);
		columns.messageIds[row] = messageId;
		columns.roleCodes[row] = roleCode;
		columns.publicFlags[row] = message.isPublic ? 1 : 0;
		columns.automatedFlags[row] = message.isAutomated ? 1 : 0;
		columns.eventCodes[row] = eventCode;
		columns.sentAtMs[row] = message.sentAtMs;
		columns.texts[row] = message.text;
		columns.authorIds[row] = message.authorId;
		columns.channelCodes[row] = channelCode;
		columns.subjects[row] = message.subject;
		this.#currentChars += message.text.length;
		// Long e-mails fill a chunk by their text first: a chunk stays a few MB to clone.
		if (columns.size === this.#chunkSize || this.#currentChars >= MAX_CHUNK_TEXT_CHARS)
			this.#rollChunk();
	}

	/**
	 * Places a new message in its conversation: its own conversation id; else its reply
	 * parent's conversation when the parent is here; else it is a root (keyed by its thread
	 * hint or id) until a parent arrives. Then adopts the replies that waited for it.
	 */
	#thread(index: number, message: ParsedMessage): void {
		this.#replyParent[index] = NONE;
		if (message.conversationId !== '') {
			this.#rootKey[index] = this.#keys.codeOf(message.conversationId);
		} else {
			const parentId = message.parentId;
			const parent = parentId === '' ? undefined : this.#index.get(parentId);
			if (parent !== undefined && parent !== index) {
				this.#replyParent[index] = parent;
				this.#rootKey[index] = NONE;
			} else {
				const hint = message.threadHint;
				this.#rootKey[index] = this.#keys.codeOf(hint !== '' ? hint : message.messageId);
				if (parentId !== '' && parent === undefined) {
					const first = this.#waiting.get(parentId);
					this.#nextWaiting[index] = first === undefined ? NONE : first;
					this.#waiting.set(parentId, index);
				}
			}
		}
		if (this.#waiting.size === 0) return;
		const first = this.#waiting.get(message.messageId);
		if (first === undefined || first === NONE) return;
		this.#waiting.set(message.messageId, NONE);
		for (let child = first; child !== NONE;) {
			const next: number = this.#nextWaiting[child] ?? NONE;
			// A reply-chain cycle in bad data: the waiting reply stays a root.
			if (this.#rootOf(index) !== child) this.#replyParent[child] = index;
			child = next;
		}
	}

	/** The root of a message's reply chain, compressing the path on the way. */
	#rootOf(index: number): number {
		const parents = this.#replyParent;
		let root = index;
		while ((parents[root] ?? NONE) !== NONE) root = parents[root] ?? NONE;
		while (index !== root) {
			const next = parents[index] ?? NONE;
			parents[index] = root;
			index = next;
		}
		return root;
	}

	reject(row: QuarantinedRow): void {
		this.add({ ok: false, row });
	}

	/**
	 * Bytes of the typed arrays that grow with the messages: the message-id index, the
	 * per-message threading slots, the stored-row bookkeeping and the distinct-value indexes.
	 */
	get indexBytes(): number {
		const slots = [
			this.#sentAtMs,
			this.#solvedAtMs,
			this.#traits,
			this.#channelCodes,
			this.#authorCodes,
			this.#subjectCodes,
			this.#replyParent,
			this.#rootKey,
			this.#nextWaiting,
			this.#storedMessage,
			this.#writtenKey
		].reduce((sum, array) => sum + (array?.byteLength ?? 0), 0);
		return (
			this.#index.bytes +
			this.#waiting.bytes +
			slots +
			this.#keys.bytes +
			this.#authors.bytes +
			this.#subjects.bytes
		);
	}

	#grow(): void {
		const capacity = this.#capacity * 2;
		this.#capacity = capacity;
		this.#sentAtMs = grown(this.#sentAtMs, capacity);
		if (this.#solvedAtMs !== null) {
			const solved = new Float64Array(capacity).fill(NaN);
			solved.set(this.#solvedAtMs);
			this.#solvedAtMs = solved;
		}
		this.#traits = grown(this.#traits, capacity);
		this.#channelCodes = grown(this.#channelCodes, capacity);
		this.#authorCodes = grown(this.#authorCodes, capacity);
		this.#subjectCodes = grown(this.#subjectCodes, capacity);
		this.#replyParent = grown(this.#replyParent, capacity);
		this.#rootKey = grown(this.#rootKey, capacity);
		this.#nextWaiting = grown(this.#nextWaiting, capacity);
	}

	#rollChunk(): void {
		this.#currentChars = 0;
		this.#full.push(trimMessageColumns(this.#current));
		this.#current = this.#emptyChunk();
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

	/** Ends the input: the last chunk joins the full ones and conversations are numbered. */
	finish(): void {
		if (this.#current.size > 0) this.#rollChunk();
		const n = this.#size;
		const conversationOf = new Int32Array(n);
		const byKey = new Int32Array(this.#keys.size).fill(NONE);
		const keyOf = new Int32Array(this.#keys.size);
		let conversations = 0;
		// Conversations in order of their first message, as the key of their root.
		for (let i = 0; i < n; i++) {
			const key = this.#rootKey[this.#rootOf(i)] ?? 0;
			let conversation = byKey[key] ?? NONE;
			if (conversation === NONE) {
				conversation = conversations++;
				byKey[key] = conversation;
				keyOf[conversation] = key;
			}
			conversationOf[i] = conversation;
		}
		this.#conversationOf = conversationOf;
		this.#conversationKey = keyOf.slice(0, conversations);
		this.#keys.seal();
		this.#authors.seal();
		this.#subjects.seal();
	}

	/** Conversation ids of stored rows [firstRow, firstRow + count): reply-chained sources learn them only at the end. */
	conversationIdsOfStoredRows(firstRow: number, count: number): string[] {
		const conversationOf = this.#requireFinished();
		const ids: string[] = [];
		for (let row = firstRow; row < Math.min(firstRow + count, this.#storedCount); row++)
			ids.push(this.#conversationIdOf(conversationOf[this.#storedMessage[row] ?? 0] ?? 0));
		return ids;
	}

	/** Every conversation id of the file, stored messages included (after finish()). */
	get conversationKeys(): readonly string[] {
		this.#requireFinished();
		return Array.from(this.#conversationKey, (_, c) => this.#conversationIdOf(c));
	}

	/**
	 * Whether some of the stored rows [firstRow, firstRow + count) were written with another
	 * conversation than they ended in (a reply stored before its parent arrived).
	 */
	conversationIdsChanged(firstRow: number, count: number): boolean {
		this.#requireFinished();
		for (let row = firstRow; row < Math.min(firstRow + count, this.#storedCount); row++) {
			const message = this.#storedMessage[row] ?? 0;
			if (this.#rootKey[this.#rootOf(message)] !== this.#writtenKey[row]) return true;
		}
		return false;
	}

	/** Whether any stored row must learn another conversation id than it was written with. */
	get needsConversationIds(): boolean {
		return this.conversationIdsChanged(0, this.#storedCount);
	}

	#conversationIdOf(conversation: number): string {
		return this.#keys.valueOf(this.#conversationKey[conversation] ?? 0);
	}

	#requireFinished(): Int32Array {
		if (this.#conversationOf === null) throw new Error('Call finish() first');
		return this.#conversationOf;
	}

	/** One ticket per conversation with a customer message, in conversation order. */
	*derivedTickets(counts: DerivedTicketCounts): Generator<Ticket> {
		const conversationOf = this.#requireFinished();
		const conversationCount = this.#conversationKey.length;
		// Counting sort by conversation (arrival order inside), then by time inside each.
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
		const customerKeys: (string | undefined)[] = [];
		const thread = new ThreadBuffer();

		counts.conversations = conversationCount;
		for (let c = 0; c < conversationCount; c++) {
			const start = starts[c] ?? 0;
			const end = starts[c + 1] ?? 0;
			if (end - start <= INSERTION_SORT_MAX) insertionSortByTime(order, start, end, sentAtMs);
			else order.set(Array.from(order.subarray(start, end)).sort(byTime), start);
			this.#fillThread(thread, order, start, end);
			const derived = deriveThread(thread.entries);
			if (derived === null) {
				counts.withoutCustomerMessage++;
				continue;
			}
			counts.tickets++;
			const created = thread.members[derived.createdIndex] ?? 0;
			const responder =
				derived.firstResponseIndex < 0
					? NONE
					: (thread.members[derived.firstResponseIndex] ?? NONE);
			const conversationId = this.#conversationIdOf(c);
			const authorCode = this.#authorCodes[created] ?? 0;
			let customerKey = customerKeys[authorCode];
			if (customerKey === undefined) {
				customerKey = customerKeyOf(this.#authors.valueOf(authorCode));
				customerKeys[authorCode] = customerKey;
			}
			yield {
				key: `${this.#vendor}:${conversationId}`,
				externalId: conversationId,
				importId: this.#importId,
				createdAtMs: derived.createdAtMs,
				firstResponseSeconds: derived.firstResponseSeconds,
				solvedAtMs: derived.solvedAtMs,
				resolutionSeconds: derived.resolutionSeconds,
				firstResolutionSeconds: derived.firstResolutionSeconds,
				status: derived.status,
				channel: valueOf(CHANNELS, this.#channelCodes[created] ?? 0),
				priority: 'unknown',
				agent: responder === NONE ? '' : this.#authors.valueOf(this.#authorCodes[responder] ?? 0),
				group: '',
				subject: this.#subjects.valueOf(this.#subjectCodes[created] ?? 0),
				tags: [],
				customerKey,
				csatScore: null,
				csatScale: 'none',
				agentReplies: derived.agentReplies,
				reopens: derived.reopens
			};
		}
	}

	/**
	 * The thread of order[start, end) (time-sorted) into reused entries, with a stated
	 * conversation close time as a solve at that time (member NONE).
	 */
	#fillThread(thread: ThreadBuffer, order: Int32Array, start: number, end: number): void {
		thread.clear();
		let statedSolvedAtMs = NaN;
		let sawSolvedEvent = false;
		for (let k = start; k < end; k++) {
			const i = order[k] ?? 0;
			const traits = this.#traits[i] ?? 0;
			const event = valueOf(MESSAGE_EVENTS, (traits >> EVENT_SHIFT) & EVENT_MASK);
			if (event === 'solved') sawSolvedEvent = true;
			thread.push(
				i,
				valueOf(MESSAGE_ROLES, traits & ROLE_MASK),
				(traits & FLAG_PUBLIC) !== 0,
				(traits & FLAG_AUTOMATED) !== 0,
				event,
				this.#sentAtMs[i] ?? NaN
			);
			const solved = this.#solvedAtMs === null ? NaN : (this.#solvedAtMs[i] ?? NaN);
			if (!Number.isNaN(solved) && !(solved <= statedSolvedAtMs)) statedSolvedAtMs = solved;
		}
		if (Number.isNaN(statedSolvedAtMs) || sawSolvedEvent) return;
		const entries = thread.entries;
		let at = entries.findIndex((entry) => entry.sentAtMs > statedSolvedAtMs);
		if (at < 0) at = entries.length;
		thread.insertAt(at, NONE, 'system', false, false, 'solved', statedSolvedAtMs);
	}
}

/** ThreadEntry objects reused from one conversation to the next (derivation runs per thread). */
class ThreadBuffer {
	readonly entries: ThreadEntry[] = [];
	/** Message index of each entry; NONE for an inserted solve. */
	readonly members: number[] = [];
	readonly #pool: ThreadEntry[] = [];

	clear(): void {
		this.entries.length = 0;
		this.members.length = 0;
	}

	push(
		member: number,
		role: MessageRole,
		isPublic: boolean,
		isAutomated: boolean,
		event: MessageEvent,
		sentAtMs: number
	): void {
		const k = this.entries.length;
		let entry = this.#pool[k];
		if (entry === undefined) {
			entry = { role, isPublic, isAutomated, event, sentAtMs };
			this.#pool.push(entry);
		} else {
			entry.role = role;
			entry.isPublic = isPublic;
			entry.isAutomated = isAutomated;
			entry.event = event;
			entry.sentAtMs = sentAtMs;
		}
		this.entries.push(entry);
		this.members.push(member);
	}

	/** Inserts a fresh entry at `at` (rare: a stated close time), shifting the rest. */
	insertAt(
		at: number,
		member: number,
		role: MessageRole,
		isPublic: boolean,
		isAutomated: boolean,
		event: MessageEvent,
		sentAtMs: number
	): void {
		// Only a stated close time is inserted: it is the last close, not a first solve.
		this.entries.splice(at, 0, {
			role,
			isPublic,
			isAutomated,
			event,
			sentAtMs,
			isStatedClose: true
		});
		this.members.splice(at, 0, member);
	}
}

/** Sorts order[start, end) by time, ties in arrival (index) order. */
function insertionSortByTime(
	order: Int32Array,
	start: number,
	end: number,
	sentAtMs: Float64Array
): void {
	for (let k = start + 1; k < end; k++) {
		const item = order[k] ?? 0;
		const time = sentAtMs[item] ?? 0;
		let j = k - 1;
		while (j >= start) {
			const other = order[j] ?? 0;
			const otherTime = sentAtMs[other] ?? 0;
			if (otherTime < time || (otherTime === time && other < item)) break;
			order[j + 1] = other;
			j--;
		}
		order[j + 1] = item;
	}
}

function grown<T extends Float64Array | Uint8Array | Int32Array>(array: T, capacity: number): T {
	const next = new (array.constructor as new (n: number) => T)(capacity);
	next.set(array);
	return next;
}

/** Same rule as ticket imports: a lower-cased e-mail, else `id:<author>`. */
export function customerKeyOf(author: string): string {
	const trimmed = author.trim();
	if (trimmed === '') return '';
	return trimmed.includes('@') && !trimmed.startsWith('@')
		? trimmed.toLowerCase()
		: `id:${trimmed}`;
}
