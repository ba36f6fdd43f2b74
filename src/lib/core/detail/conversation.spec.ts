import { describe, expect, it } from 'vitest';
import {
	emptyMessageColumns,
	writeMessageAt,
	type Message,
	type MessageColumns
} from '../model/message';
import { buildConversation, messagesAt, rowsByTicketKey, ticketKeyOfMessage } from './conversation';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 8);

function message(over: Partial<Message> & Pick<Message, 'key'>): Message {
	return {
		conversationId: 'conv-1',
		messageId: over.key.split(':')[1] ?? '',
		role: 'customer',
		isPublic: true,
		isAutomated: false,
		event: 'message',
		sentAtMs: T0,
		text: '',
		authorId: '',
		channel: 'chat',
		subject: '',
		...over
	};
}

function chunkOf(messages: Message[]): MessageColumns {
	const columns = emptyMessageColumns(messages.length);
	messages.forEach(({ key, ...rest }, row) => writeMessageAt(columns, row, rest, key));
	columns.size = messages.length;
	return columns;
}

describe('ticketKeyOfMessage / rowsByTicketKey', () => {
	it('joins the vendor prefix of the message key to its conversation id (colons kept)', () => {
		expect(ticketKeyOfMessage('intercom:m1', 'conv-1')).toBe('intercom:conv-1');
		expect(ticketKeyOfMessage('mbox:<a@b>', 'thread:x')).toBe('mbox:thread:x');
	});
	it('groups a chunk’s rows by ticket, vendors kept apart', () => {
		const chunk = chunkOf([
			message({ key: 'intercom:m1' }),
			message({ key: 'intercom:m2', conversationId: 'conv-2' }),
			message({ key: 'twitter:m3' }),
			message({ key: 'intercom:m4' })
		]);
		expect([...rowsByTicketKey(chunk)]).toEqual([
			['intercom:conv-1', [0, 3]],
			['intercom:conv-2', [1]],
			['twitter:conv-1', [2]]
		]);
		expect(messagesAt(chunk, [3])[0]?.key).toBe('intercom:m4');
	});
});

describe('buildConversation', () => {
	// The intercom-parts.csv conversation, stored out of order: customer 08:00, bot 08:00:03,
	// note 08:10, agent reply 08:30, close 09:00, customer again 09:20, close 09:25.
	const thread = [
		message({ key: 'i:m6', sentAtMs: T0 + 80 * MIN, text: 'Thanks it works now!' }),
		message({ key: 'i:m1', sentAtMs: T0, text: 'Hi! My discount code does not work' }),
		message({ key: 'i:m2', sentAtMs: T0 + 3000, role: 'bot', text: 'Our team will get back' }),
		message({ key: 'i:m3', sentAtMs: T0 + 10 * MIN, role: 'agent', isPublic: false }),
		message({ key: 'i:m4', sentAtMs: T0 + 30 * MIN, role: 'agent', text: 'Sorry Ann' }),
		message({ key: 'i:m5', sentAtMs: T0 + 60 * MIN, role: 'agent', event: 'solved' }),
		message({ key: 'i:m7', sentAtMs: T0 + 85 * MIN, role: 'agent', event: 'solved' })
	];

	it('orders by time and marks creation, the first human public reply and the first solve', () => {
		const conversation = buildConversation(thread);
		expect(conversation.messages.map((m) => m.messageId)).toEqual([
			'm1',
			'm2',
			'm3',
			'm4',
			'm5',
			'm6',
			'm7'
		]);
		expect(conversation.createdIndex).toBe(0);
		// The bot (m2) and the internal note (m3) do not stop the clock.
		expect(conversation.firstResponseIndex).toBe(3);
		expect(conversation.firstSolveIndex).toBe(4);
		expect(conversation.firstResolutionSeconds).toBe(3600);
	});

	it('keeps file order for messages sent at the same moment, and has no solve when none is shown', () => {
		const conversation = buildConversation([
			message({ key: 'i:a', text: 'first' }),
			message({ key: 'i:b', text: 'second' }),
			message({ key: 'i:c', sentAtMs: T0 - MIN, role: 'agent', isAutomated: true })
		]);
		expect(conversation.messages.map((m) => m.text)).toEqual(['', 'first', 'second']);
		expect(conversation.createdIndex).toBe(1);
		expect(conversation.firstResponseIndex).toBe(-1);
		expect(conversation.firstSolveIndex).toBe(-1);
		expect(conversation.firstResolutionSeconds).toBeNull();
	});

	it('an outbound-only thread has no creation', () => {
		const conversation = buildConversation([message({ key: 'i:x', role: 'agent' })]);
		expect(conversation.createdIndex).toBe(-1);
		expect(conversation.firstSolveIndex).toBe(-1);
	});
});
