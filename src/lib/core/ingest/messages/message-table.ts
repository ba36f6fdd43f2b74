import type { Channel } from '../../model/ticket';
import type { MessageEvent, MessageRole } from '../../model/message';
import { parseDateTime } from '../values/parse-datetime';
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
		'message author email',
		'author',
		'sender',
		'user id',
		'author handle',
		'发送者id',
		'用户id',
		'昵称'
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

/** pandas writes integer ids of a column with blanks as floats: "3.0" → "3". */
function cleanId(text: string): string {
	const trimmed = text.trim();
	return /^\d+\.0$/.test(trimmed) ? trimmed.slice(0, -2) : trimmed;
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
		channel: column('channel'),
		subject: column('subject'),
		conversationClosedAt: column('conversationClosedAt')
	};
	const threadsByReply = c.parentId >= 0;
	const defaultChannel = VENDOR_CHANNEL[match.vendor];
	const header = (index: number) => headers[index] ?? null;

	return (cells: string[], rowNumber: number): ParsedMessageRow => {
		const quarantine = (
			reason: 'missing_conversation_id' | 'missing_sent_at' | 'invalid_sent_at',
			index: number
		): ParsedMessageRow => ({
			ok: false,
			row: { rowNumber, reason, column: header(index), raw: cells }
		});
		const conversationId = cleanId(at(cells, c.conversationId));
		const parentId = cleanId(at(cells, c.parentId));
		const ownId = cleanId(at(cells, c.messageId));
		if (conversationId === '' && !(threadsByReply && ownId !== ''))
			return quarantine(
				'missing_conversation_id',
				c.conversationId >= 0 ? c.conversationId : c.parentId
			);
		const sentText = at(cells, c.sentAt).trim();
		if (sentText === '') return quarantine('missing_sent_at', c.sentAt);
		const sentAtMs = parseMessageTime(sentText, timeZone);
		if (sentAtMs === null) return quarantine('invalid_sent_at', c.sentAt);

		const type = readMessageType(at(cells, c.messageType));
		let role: MessageRole =
			c.inbound >= 0
				? TRUE_WORDS.has(at(cells, c.inbound).trim().toLowerCase())
					? 'customer'
					: 'agent'
				: normalizeRole(at(cells, c.role));
		if (type.role !== null) role = type.role;
		const isPrivate = TRUE_WORDS.has(at(cells, c.isPrivate).trim().toLowerCase());
		const closedText = at(cells, c.conversationClosedAt).trim();
		const closedAtMs = closedText === '' ? null : parseMessageTime(closedText, timeZone);
		const channelText = at(cells, c.channel);
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
			authorId: at(cells, c.authorId).trim(),
			channel: channelText.trim() === '' ? defaultChannel : normalizeChannel(channelText),
			subject: at(cells, c.subject).trim()
		};
		return { ok: true, message };
	};
}
