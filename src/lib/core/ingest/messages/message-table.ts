import type { Channel } from '../../model/ticket';
import type { MessageEvent, MessageRole } from '../../model/message';
import { parseDateTime } from '../values/parse-datetime';
import { normalizeEmail } from '../../customers/identifiers';
import { normalizeChannel } from '../tickets/vocabularies';
import { normalizeHeader } from '../tickets/ticket-fields';
import type { ParsedMessage, ParsedMessageRow } from './message-import-session';

/** Canonical fields of a message table (one row per message). */
export const MESSAGE_FIELDS = [
	'conversationId',
	'messageId',
	'parentId',
	'role',
	'inbound',
	'messageType',
	'isPrivate',
	'sentAt',
	'text',
	'authorId',
	'authorEmail',
	'channel',
	'subject',
	'conversationClosedAt'
] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

/** Header synonyms after normalizeHeader (lower case, `_` → space), English and Chinese. */
/** Exported for the mapping screen's proposals (core/ingest/mapping/mapping-kinds.ts). */
export const MESSAGE_HEADER_SYNONYMS: Readonly<Record<MessageField, readonly string[]>> = {
	conversationId: [
		'conversation id',
		'conversationid',
		'conversation',
		'thread id',
		'chat id',
		'session id',
		'dialog id',
		'会话id',
		'会话 id',
		'会话编号',
		'对话id',
		'对话编号',
		'会话'
	],
	messageId: [
		'message id',
		'messageid',
		'tweet id',
		'msg id',
		'part id',
		'消息id',
		'消息编号',
		'id'
	],
	parentId: [
		'in response to tweet id',
		'in reply to',
		'in reply to id',
		'parent id',
		'reply to id',
		'回复消息id'
	],
	role: [
		'author role',
		'sender role',
		'role',
		'author type',
		'sender type',
		'message author type',
		'speaker',
		'发送者角色',
		'发送者',
		'发送方',
		'角色',
		'说话人'
	],
	inbound: ['inbound', 'is inbound', 'incoming'],
	messageType: ['message type', 'part type', '消息类型'],
	isPrivate: ['private', 'is private', 'internal', 'is internal', 'internal note', '内部备注'],
	sentAt: [
		'sent at',
		'sent time',
		'message created at',
		'created at',
		'timestamp',
		'datetime',
		'date',
		'time',
		'发送时间',
		'消息时间',
		'时间'
	],
	text: [
		'text',
		'message',
		'message body',
		'body',
		'content',
		'message text',
		'内容',
		'消息内容',
		'消息'
	],
	authorId: [
		'author id',
		'sender id',
		'message author id',
		'author',
		'sender',
		'user id',
		'author handle',
		'发送者id',
		'用户id',
		'昵称'
	],
	authorEmail: [
		'author email',
		'message author email',
		'sender email',
		'customer email',
		'user email',
		'email',
		'e-mail',
		'email address',
		'邮箱',
		'电子邮箱',
		'邮件地址'
	],
	channel: ['channel', 'source', '渠道', '来源'],
	subject: ['subject', 'title', '主题', '标题'],
	conversationClosedAt: [
		'conversation closed at',
		'closed at',
		'solved at',
		'resolved at',
		'会话结束时间',
		'结束时间',
		'解决时间'
	]
};

export type MessageColumnMapping = Partial<Record<MessageField, number>>;
export type MessageTableVendor = 'twitter' | 'intercom' | 'messages';

export interface MessageTableMatch {
	vendor: MessageTableVendor;
	mapping: MessageColumnMapping;
	mappedHeaders: Record<string, string>;
}

/**
 * Recognises a message table: a sent time, who spoke (a role or Twitter's inbound flag) and
 * a thread (a conversation id or a reply link). Null for anything else (e.g. a ticket table).
 */
export function matchMessageTable(headers: readonly string[]): MessageTableMatch | null {
	const normalized = headers.map(normalizeHeader);
	const mapping: MessageColumnMapping = {};
	const taken = new Set<number>();
	for (const field of MESSAGE_FIELDS) {
		for (const synonym of MESSAGE_HEADER_SYNONYMS[field]) {
			const column = normalized.findIndex((h, i) => h === synonym && !taken.has(i));
			if (column >= 0) {
				mapping[field] = column;
				taken.add(column);
				break;
			}
		}
	}
	const hasSpeaker = mapping.role !== undefined || mapping.inbound !== undefined;
	const hasThread = mapping.conversationId !== undefined || mapping.parentId !== undefined;
	if (!hasSpeaker || !hasThread || mapping.sentAt === undefined) return null;
	const has = (name: string) => normalized.includes(name);
	const vendor: MessageTableVendor =
		has('tweet id') && has('inbound')
			? 'twitter'
			: has('message author type') && has('conversation id')
				? 'intercom'
				: 'messages';
	const mappedHeaders: Record<string, string> = {};
	for (const field of MESSAGE_FIELDS) {
		const column = mapping[field];
		if (column !== undefined) mappedHeaders[field] = headers[column] ?? '';
	}
	return { vendor, mapping, mappedHeaders };
}

const ROLE_WORDS = new Map<string, MessageRole>(
	Object.entries({
		customer: 'customer',
		user: 'customer',
		contact: 'customer',
		lead: 'customer',
		client: 'customer',
		visitor: 'customer',
		requester: 'customer',
		'end-user': 'customer',
		'end user': 'customer',
		incoming: 'customer',
		buyer: 'customer',
		客户: 'customer',
		用户: 'customer',
		顾客: 'customer',
		买家: 'customer',
		访客: 'customer',
		agent: 'agent',
		admin: 'agent',
		teammate: 'agent',
		staff: 'agent',
		support: 'agent',
		operator: 'agent',
		outgoing: 'agent',
		seller: 'agent',
		客服: 'agent',
		坐席: 'agent',
		人工客服: 'agent',
		商家: 'agent',
		卖家: 'agent',
		bot: 'bot',
		chatbot: 'bot',
		agentbot: 'bot',
		automation: 'bot',
		'auto-reply': 'bot',
		autoreply: 'bot',
		机器人: 'bot',
		自动回复: 'bot',
		智能客服: 'bot',
		system: 'system',
		系统: 'system'
	}) as [string, MessageRole][]
);

export function normalizeRole(text: string): MessageRole {
	return ROLE_WORDS.get(text.trim().toLowerCase()) ?? 'unknown';
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', 't']);

/** Intercom part types and similar: notes are internal; close/open are status events. */
function readMessageType(text: string): {
	isPublic: boolean;
	event: MessageEvent;
	role: MessageRole | null;
} {
	const word = text.trim().toLowerCase();
	if (word === 'note' || word === 'private' || word === 'internal' || word === '内部备注')
		return { isPublic: false, event: 'message', role: null };
	if (word === 'close' || word === 'closed' || word === 'resolved' || word === '关闭')
		return { isPublic: false, event: 'solved', role: 'system' };
	if (word === 'open' || word === 'reopen' || word === 'reopened' || word === '重新打开')
		return { isPublic: false, event: 'reopened', role: 'system' };
	if (word === 'assignment' || word === 'activity' || word === 'away_mode_assignment')
		return { isPublic: false, event: 'message', role: 'system' };
	return { isPublic: true, event: 'message', role: null };
}

const MONTH_INDEX = new Map(
	['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
		(month, index) => [month, index] as const
	)
);
const TWITTER_TIME =
	/^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** Twitter's `created_at` ("Tue Oct 31 22:10:47 +0000 2017"), else the general parser. */
export function parseMessageTime(text: string, timeZone: string): number | null {
	const fast = twitterTimeFast(text);
	if (fast !== null) return fast;
	const twitter = TWITTER_TIME.exec(text.trim());
	if (twitter !== null) {
		// Indexed, not destructured: array destructuring runs the iterator protocol per row.
		const monthIndex = MONTH_INDEX.get((twitter[1] ?? '').toLowerCase());
		if (monthIndex === undefined) return null;
		const offsetMinutes = Number(twitter[7]) * 60 + Number(twitter[8]);
		const offsetMs = offsetMinutes * 60_000 * (twitter[6] === '-' ? -1 : 1);
		return (
			Date.UTC(
				Number(twitter[9]),
				monthIndex,
				Number(twitter[2]),
				Number(twitter[3]),
				Number(twitter[4]),
				Number(twitter[5])
			) - offsetMs
		);
	}
	return parseDateTime(text, { timeZone });
}

/** Month index by its three letters packed lower-case into a number ("oct" → 9). */
const MONTH_BY_LETTERS = new Map(
	[...MONTH_INDEX].map(([name, index]) => [letters3(name, 0), index] as const)
);

function letters3(text: string, at: number): number {
	return (
		((text.charCodeAt(at) | 32) << 16) |
		((text.charCodeAt(at + 1) | 32) << 8) |
		(text.charCodeAt(at + 2) | 32)
	);
}

const isLetter = (code: number) => ((code | 32) >= 97 && (code | 32) <= 122) || code === 95;

/** Two ASCII digits at `at` as a number, or -1. */
function digits2(text: string, at: number): number {
	const a = text.charCodeAt(at) - 48;
	const b = text.charCodeAt(at + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The last calendar day converted (consecutive messages mostly share one). */
let lastDayKey = -1;
let lastDayMs = 0;

/**
 * The exact 30-character layout Twitter writes, read by character codes: the same value as
 * the TWITTER_TIME regex gives, without a match array and `Number()` per field. Null for
 * anything else (the regex path then decides).
 */
function twitterTimeFast(text: string): number | null {
	if (text.length !== 30) return null;
	if (
		text.charCodeAt(3) !== 32 ||
		text.charCodeAt(7) !== 32 ||
		text.charCodeAt(10) !== 32 ||
		text.charCodeAt(13) !== 58 ||
		text.charCodeAt(16) !== 58 ||
		text.charCodeAt(19) !== 32 ||
		text.charCodeAt(25) !== 32
	)
		return null;
	if (
		!isLetter(text.charCodeAt(0)) ||
		!isLetter(text.charCodeAt(1)) ||
		!isLetter(text.charCodeAt(2))
	)
		return null;
	const sign = text.charCodeAt(20);
	if (sign !== 43 && sign !== 45) return null;
	const day = digits2(text, 8);
	const hours = digits2(text, 11);
	const minutes = digits2(text, 14);
	const seconds = digits2(text, 17);
	const offsetHours = digits2(text, 21);
	const offsetMinutes = digits2(text, 23);
	const century = digits2(text, 26);
	const yearInCentury = digits2(text, 28);
	if (
		day < 0 ||
		hours < 0 ||
		minutes < 0 ||
		seconds < 0 ||
		offsetHours < 0 ||
		offsetMinutes < 0 ||
		century < 0 ||
		yearInCentury < 0
	)
		return null;
	const month = MONTH_BY_LETTERS.get(letters3(text, 4));
	if (month === undefined) return null;
	const year = century * 100 + yearInCentury;
	// Date.UTC is linear in its fields (out-of-range days and hours carry over), so the
	// midnight of the day plus the clock time is the same number as one call with all six.
	const dayKey = (year * 16 + month) * 128 + day;
	if (dayKey !== lastDayKey) {
		lastDayKey = dayKey;
		lastDayMs = Date.UTC(year, month, day);
	}
	const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000 * (sign === 45 ? -1 : 1);
	return lastDayMs + ((hours * 60 + minutes) * 60 + seconds) * 1000 - offsetMs;
}

/** pandas writes integer ids of a column with blanks as floats: "3.0" → "3". */
function cleanId(text: string): string {
	const trimmed = text.trim();
	const n = trimmed.length;
	// Checked by character codes: a regex per id cell is a measurable share of the import.
	if (n < 3 || trimmed.charCodeAt(n - 1) !== 48 || trimmed.charCodeAt(n - 2) !== 46) return trimmed;
	for (let i = 0; i < n - 2; i++) {
		const code = trimmed.charCodeAt(i);
		if (code < 48 || code > 57) return trimmed;
	}
	return trimmed.slice(0, -2);
}

/** A memo of a pure function of a cell's text (few distinct values per column), bounded. */
function memoize<T>(compute: (text: string) => T, limit = 256): (text: string) => T {
	const known = new Map<string, T>();
	return (text) => {
		const hit = known.get(text);
		if (hit !== undefined) return hit;
		const value = compute(text);
		if (known.size < limit) known.set(text, value);
		return value;
	};
}

function contentHash(cells: readonly string[]): string {
	let hash = 0x811c9dc5;
	for (const cell of cells) {
		for (let i = 0; i < cell.length; i++) {
			hash ^= cell.charCodeAt(i);
			hash = Math.imul(hash, 0x01000193);
		}
		hash ^= 0x1f;
		hash = Math.imul(hash, 0x01000193);
	}
	return 'row-' + (hash >>> 0).toString(16).padStart(8, '0');
}

const VENDOR_CHANNEL: Record<MessageTableVendor, Channel> = {
	twitter: 'social',
	intercom: 'chat',
	messages: 'unknown'
};

/**
 * Who wrote a row. A customer with an e-mail is that e-mail, so the derived ticket's customer
 * key is the e-mail, as ticket imports key theirs, and joins the same person's tickets, survey
 * answers and orders (an Intercom user id alone would not). Others keep their id (agents are
 * named by it), else the e-mail.
 */
export function authorOf(role: MessageRole, authorId: string, authorEmail: string): string {
	const email = normalizeEmail(authorEmail);
	if (role === 'customer' && email !== '') return email;
	const id = authorId.trim();
	return id !== '' ? id : email;
}

/** Builds the function that turns one message-table row into a ParsedMessage or a quarantined row. */
export function createMessageRowReader(options: {
	headers: readonly string[];
	match: MessageTableMatch;
	timeZone: string;
}) {
	const { headers, match, timeZone } = options;
	const column = (field: MessageField) => match.mapping[field] ?? -1;
	const at = (cells: readonly string[], index: number) => (index < 0 ? '' : (cells[index] ?? ''));
	const c = {
		conversationId: column('conversationId'),
		messageId: column('messageId'),
		parentId: column('parentId'),
		role: column('role'),
		inbound: column('inbound'),
		messageType: column('messageType'),
		isPrivate: column('isPrivate'),
		sentAt: column('sentAt'),
		text: column('text'),
		authorId: column('authorId'),
		authorEmail: column('authorEmail'),
		channel: column('channel'),
		subject: column('subject'),
		conversationClosedAt: column('conversationClosedAt')
	};
	const threadsByReply = c.parentId >= 0;
	const defaultChannel = VENDOR_CHANNEL[match.vendor];
	const header = (index: number) => headers[index] ?? null;
	// Few distinct values per column: each is normalised once.
	const isTrue = memoize((text) => TRUE_WORDS.has(text.trim().toLowerCase()));
	const messageType = memoize(readMessageType);
	const roleOf = memoize(normalizeRole);
	const channelOf = memoize((text) =>
		text.trim() === '' ? defaultChannel : normalizeChannel(text)
	);
	const quarantine = (
		cells: string[],
		rowNumber: number,
		reason: 'missing_conversation_id' | 'missing_sent_at' | 'invalid_sent_at',
		index: number
	): ParsedMessageRow => ({
		ok: false,
		row: { rowNumber, reason, column: header(index), raw: cells }
	});

	return (cells: string[], rowNumber: number): ParsedMessageRow => {
		const conversationId = cleanId(at(cells, c.conversationId));
		const parentId = cleanId(at(cells, c.parentId));
		const ownId = cleanId(at(cells, c.messageId));
		if (conversationId === '' && !(threadsByReply && ownId !== ''))
			return quarantine(
				cells,
				rowNumber,
				'missing_conversation_id',
				c.conversationId >= 0 ? c.conversationId : c.parentId
			);
		const sentText = at(cells, c.sentAt).trim();
		if (sentText === '') return quarantine(cells, rowNumber, 'missing_sent_at', c.sentAt);
		const sentAtMs = parseMessageTime(sentText, timeZone);
		if (sentAtMs === null) return quarantine(cells, rowNumber, 'invalid_sent_at', c.sentAt);

		const type = messageType(at(cells, c.messageType));
		let role: MessageRole =
			c.inbound >= 0
				? isTrue(at(cells, c.inbound))
					? 'customer'
					: 'agent'
				: roleOf(at(cells, c.role));
		if (type.role !== null) role = type.role;
		const isPrivate = isTrue(at(cells, c.isPrivate));
		const closedText = at(cells, c.conversationClosedAt).trim();
		const closedAtMs = closedText === '' ? null : parseMessageTime(closedText, timeZone);
		const message: ParsedMessage = {
			conversationId,
			messageId: ownId !== '' ? ownId : `${conversationId}/${contentHash(cells)}`,
			parentId,
			threadHint: '',
			conversationSolvedAtMs: closedAtMs ?? NaN,
			role,
			isPublic: type.isPublic && !isPrivate,
			isAutomated: false,
			event: type.event,
			sentAtMs,
			text: at(cells, c.text).trim(),
			authorId: authorOf(role, at(cells, c.authorId), at(cells, c.authorEmail)),
			channel: channelOf(at(cells, c.channel)),
			subject: at(cells, c.subject).trim()
		};
		return { ok: true, message };
	};
}
