import { describe, expect, it } from 'vitest';
import {
	deriveConversationTicket,
	replaceDerivedFields,
	withStatedClose,
	type ConversationMessage
} from './conversation-ticket';

const message = (over: Partial<ConversationMessage>): ConversationMessage => ({
	conversationId: 'c1',
	role: 'customer',
	isPublic: true,
	isAutomated: false,
	event: 'message',
	sentAtMs: 0,
	authorId: 'ann@x.test',
	channel: 'chat',
	subject: '',
	...over
});

describe('deriveConversationTicket', () => {
	it('sorts the messages of several files by time before deriving', () => {
		// Given in file order: the second file's reply first, then the first file's question.
		const ticket = deriveConversationTicket('messages', 'c1', 7, [
			message({ role: 'agent', authorId: 'Lena', sentAtMs: 5_000_000 }),
			message({ role: 'bot', authorId: 'bot', sentAtMs: 1_000_500 }),
			message({ sentAtMs: 1_000_000, authorId: 'Ann@X.test', subject: 'Parcel' })
		]);
		expect(ticket).toMatchObject({
			key: 'messages:c1',
			importId: 7,
			createdAtMs: 1_000_000,
			firstResponseSeconds: 4000,
			agent: 'Lena',
			agentReplies: 1,
			customerKey: 'ann@x.test',
			subject: 'Parcel',
			status: 'unknown',
			channel: 'chat'
		});
	});

	it('is no ticket without a customer message', () => {
		expect(
			deriveConversationTicket('messages', 'c1', 1, [message({ role: 'agent', sentAtMs: 1 })])
		).toBeNull();
	});
});

describe('withStatedClose / replaceDerivedFields', () => {
	const whole = deriveConversationTicket('messages', 'c1', 1, [
		message({ sentAtMs: 60_000 }),
		message({ role: 'agent', authorId: 'Lena', sentAtMs: 120_000 })
	])!;

	it('keeps a close time the file stated when the messages show no status', () => {
		const fileOnly = { ...whole, status: 'solved' as const, solvedAtMs: 600_000 };
		expect(withStatedClose(whole, fileOnly)).toMatchObject({
			status: 'solved',
			solvedAtMs: 600_000,
			resolutionSeconds: 540
		});
		expect(withStatedClose(whole, undefined)).toBe(whole);
	});

	it('replaces derived fields and keeps what a ticket export added', () => {
		const stored = { ...whole, priority: 'high' as const, tags: ['vip'], firstResponseSeconds: 9 };
		expect(replaceDerivedFields(stored, whole)).toMatchObject({
			priority: 'high',
			tags: ['vip'],
			firstResponseSeconds: 60
		});
	});
});
