import type { Channel } from '../../model/ticket';
import type { MessageEvent, MessageRole } from '../../model/message';
import { normalizeChannel } from '../tickets/vocabularies';
import { textOfHtml } from './html-text';
import type { ParsedMessage, ParsedMessageRow } from './message-import-session';
import { parseMessageTime } from './message-table';

/** JSON exports whose records are conversations holding their messages. */
export type ConversationJsonVendor = 'twitter-care' | 'intercom' | 'gorgias' | 'helpscout';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const objectAt = (value: unknown, key: string): Json =>
	isObject(value) && isObject(value[key]) ? (value[key] as Json) : {};

/** Recognises one conversation record by the signature fields of each vendor. */
export function detectConversationJson(record: Json): ConversationJsonVendor | null {
	if (Array.isArray(record.dialogContent) && isObject(record.dialogHeader)) return 'twitter-care';
	if ('conversation_parts' in record) return 'intercom';
	if (Array.isArray(record.messages) && 'created_datetime' in record) return 'gorgias';
	if (isObject(record._embedded) && Array.isArray(record._embedded.threads)) return 'helpscout';
	if ('primaryCustomer' in record && 'customerWaitingSince' in record) return 'helpscout';
	return null;
}

interface ReadOptions {
	/** Row number of this conversation's first message (a row = a message). */
	firstRowNumber: number;
	timeZone: string;
}

/** One message as read, before its time is checked. */
interface Draft {
	messageId: string;
	role: MessageRole;
	isPublic?: boolean;
	isAutomated?: boolean;
	event?: MessageEvent;
	/** Raw time text, or epoch ms already computed; null when the record has none. */
	time: string | number | null;
	text: string;
	authorId: string;
	channel?: Channel;
	subject?: string;
}

interface ConversationDraft {
	conversationId: string;
	channel: Channel;
	/** Close time the export states for the conversation, raw. */
	closedAt: string | number | null;
	messages: Draft[];
}

/**
 * The messages of one conversation record (JSON text), one row each. A record that is not
 * valid JSON is one quarantined row (its messages cannot be counted).
 */
export function conversationMessages(
	recordText: string,
	vendor: ConversationJsonVendor,
	options: ReadOptions
): ParsedMessageRow[] {
	let record: unknown;
	try {
		record = JSON.parse(recordText);
	} catch {
		return [quarantine(options.firstRowNumber, 'invalid_json', null, recordText)];
	}
	if (!isObject(record))
		return [quarantine(options.firstRowNumber, 'not_an_object', null, recordText)];
	const draft = READERS[vendor](record);
	const closedAtMs = timeOf(draft.closedAt, options.timeZone);
	return draft.messages.map((message, i): ParsedMessageRow => {
		const rowNumber = options.firstRowNumber + i;
		const raw = JSON.stringify({ conversation: draft.conversationId, ...message });
		if (draft.conversationId === '')
			return quarantine(rowNumber, 'missing_conversation_id', 'conversation id', raw);
		if (message.time === null || message.time === '')
			return quarantine(rowNumber, 'missing_sent_at', 'time', raw);
		const sentAtMs = timeOf(message.time, options.timeZone);
		if (sentAtMs === null) return quarantine(rowNumber, 'invalid_sent_at', 'time', raw);
		const parsed: ParsedMessage = {
			conversationId: draft.conversationId,
			messageId: message.messageId !== '' ? message.messageId : `${draft.conversationId}/${i + 1}`,
			parentId: '',
			threadHint: '',
			conversationSolvedAtMs: closedAtMs ?? NaN,
			role: message.role,
			isPublic: message.isPublic ?? true,
			isAutomated: message.isAutomated ?? false,
			event: message.event ?? 'message',
			sentAtMs,
			text: message.text.trim(),
			authorId: message.authorId,
			channel: message.channel ?? draft.channel,
			subject: message.subject ?? ''
		};
		return { ok: true, message: parsed };
	});
}

function timeOf(value: string | number | null, timeZone: string): number | null {
	if (value === null || value === '') return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	return parseMessageTime(value, timeZone);
}

function quarantine(
	rowNumber: number,
	reason:
		| 'invalid_json'
		| 'not_an_object'
		| 'missing_conversation_id'
		| 'missing_sent_at'
		| 'invalid_sent_at',
	column: string | null,
	raw: string
): ParsedMessageRow {
	return { ok: false, row: { rowNumber, reason, column, raw: [raw] } };
}

/** "01:26:55.0" → seconds; null for anything else. */
function clockDurationSeconds(value: string): number | null {
	const match = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/.exec(value.trim());
	if (match === null) return null;
	return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** Unix seconds (Intercom) → epoch ms. */
const unixSeconds = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value)
		? value * 1000
		: typeof value === 'string' && /^\d+$/.test(value)
			? Number(value) * 1000
			: null;

const CUSTOMER_AUTHOR_TYPES = new Set(['user', 'lead', 'contact', 'customer']);

function intercomRole(author: Json): MessageRole {
	const type = text(author.type).toLowerCase();
	if (CUSTOMER_AUTHOR_TYPES.has(type)) return 'customer';
	if (type === 'admin' || type === 'teammate') return 'agent';
	if (type === 'bot') return 'bot';
	return 'unknown';
}

/**
 * An Intercom author as the message's author id: its e-mail, else for a customer the e-mail
 * of the conversation contact with its id (`contacts.contacts`, or API 1.x `customers`), so
 * the ticket is keyed by e-mail like ticket imports; else the id.
 */
function intercomAuthorKey(record: Json): (author: Json) => string {
	const holder = record.contacts;
	const listed = [
		...(isObject(holder) && Array.isArray(holder.contacts) ? holder.contacts : []),
		...(Array.isArray(holder) ? holder : []),
		...(Array.isArray(record.customers) ? record.customers : [])
	].filter(isObject);
	const emailById = new Map<string, string>();
	for (const contact of listed) {
		const email = text(contact.email).trim();
		if (email !== '' && text(contact.id) !== '') emailById.set(text(contact.id), email);
	}
	return (author) => {
		const email = text(author.email).trim();
		if (email !== '') return email;
		const id = text(author.id);
		return (intercomRole(author) === 'customer' ? emailById.get(id) : undefined) ?? id;
	};
}

const READERS: Record<ConversationJsonVendor, (record: Json) => ConversationDraft> = {
	/** IBM's Twitter customer-care shape: speaker by key name; the final agent tweet is implied. */
	'twitter-care'(record) {
		const header = objectAt(record, 'dialogHeader');
		const company = text(header.company);
		const messages: Draft[] = (Array.isArray(record.dialogContent) ? record.dialogContent : [])
			.filter(isObject)
			.map((turn) => {
				const isAgent = 'agent' in turn;
				const speaker = isAgent
					? text(turn.agent)
					: text(Object.entries(turn).find(([key]) => /^client\d*$/.test(key))?.[1]);
				return {
					messageId: text(turn.tweet_ID),
					role: isAgent ? 'agent' : speaker === '' ? 'unknown' : 'customer',
					time: text(turn.datetime),
					text: text(turn.message),
					authorId: speaker
				};
			});
		const final = objectAt(record, 'agentURL');
		if (Object.keys(final).length > 0) {
			// Its time is only implied: conversationDateTime + duration.
			const startMs = parseMessageTime(text(header.conversationDateTime), 'UTC');
			const duration = clockDurationSeconds(text(header.duration));
			messages.push({
				messageId: text(final.tweet_ID),
				role: 'agent',
				time:
					startMs === null || duration === null
						? text(header.duration) || null
						: startMs + duration * 1000,
				text: text(final.url_utterance),
				authorId: company
			});
		}
		return { conversationId: text(header.sessionID), channel: 'social', closedAt: null, messages };
	},

	intercom(record) {
		const source = objectAt(record, 'source');
		const partsHolder = record.conversation_parts;
		const parts = Array.isArray(partsHolder)
			? partsHolder
			: isObject(partsHolder) && Array.isArray(partsHolder.conversation_parts)
				? partsHolder.conversation_parts
				: [];
		const channel =
			source.delivered_as === 'customer_initiated' || text(source.type) === 'conversation'
				? 'chat'
				: normalizeChannel(text(source.type));
		const sourceAuthor = objectAt(source, 'author');
		const authorOf = intercomAuthorKey(record);
		const messages: Draft[] = [
			{
				messageId: text(source.id) || `${text(record.id)}/source`,
				role: intercomRole(sourceAuthor),
				time: unixSeconds(record.created_at),
				text: textOfHtml(text(source.body)),
				authorId: authorOf(sourceAuthor),
				subject: text(source.subject)
			}
		];
		for (const part of parts.filter(isObject)) {
			const type = text(part.part_type);
			const author = objectAt(part, 'author');
			const event: MessageEvent =
				type === 'close' ? 'solved' : type === 'open' ? 'reopened' : 'message';
			const isComment = type === 'comment';
			messages.push({
				messageId: text(part.id),
				role: isComment || type === 'note' ? intercomRole(author) : 'system',
				isPublic: isComment,
				event,
				time: unixSeconds(part.created_at),
				text: textOfHtml(text(part.body)),
				authorId: authorOf(author)
			});
		}
		const statistics = objectAt(record, 'statistics');
		// Parts carry the close events when the export has them; else the statistics' last close.
		const hasCloseParts = parts.some((part) => isObject(part) && part.part_type === 'close');
		return {
			conversationId: text(record.id),
			channel,
			closedAt:
				!hasCloseParts && text(record.state) === 'closed'
					? unixSeconds(statistics.last_close_at)
					: null,
			messages
		};
	},

	gorgias(record) {
		const messages: Draft[] = (Array.isArray(record.messages) ? record.messages : [])
			.filter(isObject)
			.map((message) => {
				const sender = objectAt(message, 'sender');
				const via = text(message.via).toLowerCase();
				return {
					messageId: text(message.id),
					role: message.from_agent === true ? 'agent' : 'customer',
					isPublic: message.public !== false,
					// Rules and automation send in an agent's name: they do not answer the customer.
					isAutomated:
						message.from_agent === true && (via === 'rule' || via === 'api' || via === 'auto'),
					time: text(message.sent_datetime) || text(message.created_datetime) || null,
					text: text(message.stripped_text) || text(message.body_text),
					authorId: text(sender.email) || text(sender.id),
					channel:
						text(message.channel) === '' ? undefined : normalizeChannel(text(message.channel)),
					subject: text(message.subject)
				};
			});
		return {
			conversationId: text(record.id),
			channel: normalizeChannel(text(record.channel)),
			closedAt: text(record.closed_datetime) || null,
			messages
		};
	},

	helpscout(record) {
		const threads = Array.isArray(objectAt(record, '_embedded').threads)
			? (objectAt(record, '_embedded').threads as unknown[])
			: [];
		const objects = threads.filter(isObject);
		const events = helpScoutEvents(objects);
		const primary = objectAt(record, 'primaryCustomer');
		const messages: Draft[] = objects.map((thread, i) => {
			const draft = helpScoutThread(thread, events[i] ?? 'message');
			// A customer named by id only: the thread's `customer`, else the conversation's
			// primary customer with that id, gives the e-mail the ticket is keyed by.
			if (draft.role !== 'customer' || draft.authorId.includes('@')) return draft;
			const email =
				text(objectAt(thread, 'customer').email) ||
				(text(primary.id) !== '' && text(primary.id) === draft.authorId ? text(primary.email) : '');
			return email === '' ? draft : { ...draft, authorId: email };
		});
		const status = text(record.status).toLowerCase();
		return {
			conversationId: text(record.id),
			channel: normalizeChannel(text(record.type)),
			closedAt: status === 'closed' ? text(record.closedAt) || null : null,
			messages
		};
	}
};

/** Who wrote a Help Scout thread, by its type (see helpScoutThread). */
function helpScoutRole(thread: Json): MessageRole {
	const type = text(thread.type).toLowerCase();
	if (type === 'customer') return 'customer';
	if (type === 'lineitem') return 'system';
	if (type === 'reply' || type === 'message' || type === 'note' || type.startsWith('forward'))
		return 'agent';
	if (type === 'chat' || type === 'phone' || type === 'beaconchat')
		return text(objectAt(thread, 'createdBy').type).toLowerCase() === 'customer'
			? 'customer'
			: 'agent';
	return 'system';
}

/**
 * The status event each thread carries, walking the threads in time order (the API lists them
 * newest first; equal times keep that order reversed). A thread's `status` is the conversation
 * status it set (`nochange` when none): `closed` is a solve at the thread's time (a reply that
 * closes is a reply and a solve); `active` or `pending` set by a team member or a line item
 * while the conversation is closed is a reopen. A customer's thread stays a message (writing
 * after a solve reopens by itself), but it does end the closed state.
 */
function helpScoutEvents(threads: readonly Json[]): MessageEvent[] {
	const timeOf = (i: number) => Date.parse(text(threads[i]?.createdAt));
	const order = threads
		.map((_, i) => i)
		.sort((a, b) => {
			const [ta, tb] = [timeOf(a), timeOf(b)];
			if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
			return ta - tb || b - a;
		});
	const events: MessageEvent[] = threads.map(() => 'message');
	let isClosed = false;
	for (const i of order) {
		const thread = threads[i];
		if (thread === undefined) continue;
		const status = text(thread.status).toLowerCase();
		const reopensIt = status === 'active' || status === 'pending';
		if (helpScoutRole(thread) === 'customer') {
			if (reopensIt) isClosed = false;
		} else if (status === 'closed') {
			events[i] = 'solved';
			isClosed = true;
		} else if (reopensIt && isClosed) {
			events[i] = 'reopened';
			isClosed = false;
		}
	}
	return events;
}

/**
 * One Help Scout thread (Mailbox API 2.0) as a message, by its type: `customer` is the
 * customer; `reply` and `message` (a conversation the team started; API 1.0's reply) are
 * public agent replies; `note` is an internal note; `chat`, `phone` and `beaconchat` are
 * whoever `createdBy` says; `forwardparent`/`forwardchild` (sent to a third party) are
 * internal; `lineitem` and anything else are system lines. A draft (`state`) was never sent:
 * internal. `event` comes from helpScoutEvents.
 */
function helpScoutThread(thread: Json, event: MessageEvent): Draft {
	const type = text(thread.type).toLowerCase();
	const createdBy = objectAt(thread, 'createdBy');
	const role = helpScoutRole(thread);
	const state = text(thread.state).toLowerCase();
	const isPublic =
		role !== 'system' && type !== 'note' && !type.startsWith('forward') && state !== 'draft';
	const action = objectAt(thread, 'action');
	return {
		messageId: text(thread.id),
		role,
		isPublic,
		event,
		time: text(thread.createdAt) || null,
		// A line item has no body: its action text ("Kim marked as Closed") says what happened.
		text: textOfHtml(text(thread.body)) || (role === 'system' ? text(action.text) : ''),
		authorId: text(createdBy.email) || text(createdBy.id)
	};
}
