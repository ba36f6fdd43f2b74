import { describe, expect, it } from 'vitest';
import { messageKeysOf } from '../../model/message';
import {
	MessageImportSession,
	customerKeyOf,
	type DerivedTicketCounts,
	type ParsedMessage
} from './message-import-session';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const at = (minutes: number) => T0 + minutes * 60_000;

function message(partial: Partial<ParsedMessage> & { messageId: string }): ParsedMessage {
	return {
		conversationId: '',
		parentId: '',
		threadHint: '',
		conversationSolvedAtMs: NaN,
		role: 'customer',
		isPublic: true,
		isAutomated: false,
		event: 'message',
		sentAtMs: T0,
		text: '',
		authorId: '',
		channel: 'social',
		subject: '',
		...partial
	};
}

const noneStored = { has: () => false };
const emptyCounts = (): DerivedTicketCounts => ({
	conversations: 0,
	tickets: 0,
	withoutCustomerMessage: 0
});

describe('MessageImportSession', () => {
	it('threads reply chains in any order and derives one ticket per root', () => {
		const session = new MessageImportSession(
			{ vendor: 'twitter', importId: 7, stored: noneStored },
			2
		);
		// Thread A: 1 (customer, 0) ← 2 (brand, 12) ← 3 (customer, 20) ← 4 (brand, 21); rows out of order.
		// Thread B: 10 (customer, 5) ← 11 (other customer, 6), no brand reply.
		// Thread C: 20 (brand, 1) alone: outbound only, no ticket.
		const rows: ParsedMessage[] = [
			message({ messageId: '3', parentId: '2', sentAtMs: at(20), authorId: 'alice' }),
			message({ messageId: '1', sentAtMs: at(0), authorId: 'alice' }),
			message({ messageId: '4', parentId: '3', sentAtMs: at(21), role: 'agent', authorId: 'Shop' }),
			message({ messageId: '2', parentId: '1', sentAtMs: at(12), role: 'agent', authorId: 'Shop' }),
			message({ messageId: '10', sentAtMs: at(5), authorId: 'bob' }),
			message({ messageId: '11', parentId: '10', sentAtMs: at(6), authorId: 'carol' }),
			message({ messageId: '20', sentAtMs: at(1), role: 'agent', authorId: 'Shop' })
		];
		for (const row of rows) session.add({ ok: true, message: row });
		session.finish();
		const counts = emptyCounts();
		const tickets = [...session.derivedTickets(counts)];
		expect(counts).toEqual({ conversations: 3, tickets: 2, withoutCustomerMessage: 1 });
		const byKey = new Map(tickets.map((ticket) => [ticket.key, ticket]));
		// The conversation key of a reply chain is its root message id.
		expect(byKey.get('twitter:1')).toMatchObject({
			createdAtMs: at(0),
			firstResponseSeconds: 12 * 60,
			agentReplies: 2,
			agent: 'Shop',
			customerKey: 'id:alice',
			channel: 'social',
			status: 'unknown',
			reopens: null,
			importId: 7
		});
		expect(byKey.get('twitter:10')).toMatchObject({ firstResponseSeconds: null, agentReplies: 0 });
		expect(session.counts).toEqual({ rowsRead: 7, imported: 7, duplicates: 0, quarantined: 0 });
		// Chunks of 2 rows; the stored rows learn their conversation at the end.
		const chunks = session.takeFullChunks();
		expect(chunks.map((chunk) => chunk.size)).toEqual([2, 2, 2, 1]);
		expect(chunks[0] && messageKeysOf(chunks[0])).toEqual(['twitter:3', 'twitter:1']);
		expect(session.conversationIdsOfStoredRows(0, 7)).toEqual([
			'1',
			'1',
			'1',
			'1',
			'10',
			'10',
			'20'
		]);
		expect(session.conversationIdsOfStoredRows(6, 2)).toEqual(['20']);
	});

	it('groups by conversation id, counts duplicates and quarantined rows, uses stored messages', () => {
		const stored = { has: (key: string) => key === 'messages:m1' };
		const session = new MessageImportSession({ vendor: 'messages', importId: 1, stored });
		session.add({
			ok: true,
			message: message({ messageId: 'm1', conversationId: 'c1', sentAtMs: at(0) })
		});
		session.add({
			ok: true,
			message: message({ messageId: 'm2', conversationId: 'c1', sentAtMs: at(30), role: 'agent' })
		});
		session.add({
			ok: true,
			message: message({ messageId: 'm2', conversationId: 'c1', sentAtMs: at(30), role: 'agent' })
		});
		session.reject({
			rowNumber: 4,
			reason: 'missing_conversation_id',
			column: 'conversation_id',
			raw: []
		});
		session.finish();
		// m1 was stored earlier (duplicate, not stored again, still threads); m2 once.
		expect(session.counts).toEqual({ rowsRead: 4, imported: 1, duplicates: 2, quarantined: 1 });
		expect(session.takeQuarantined()).toHaveLength(1);
		const tickets = [...session.derivedTickets(emptyCounts())];
		expect(tickets).toHaveLength(1);
		expect(tickets[0]).toMatchObject({ key: 'messages:c1', firstResponseSeconds: 1800 });
		expect(session.needsConversationIds).toBe(false);
	});

	it('a close time stated per conversation becomes a solve at that time', () => {
		const session = new MessageImportSession({
			vendor: 'intercom',
			importId: 1,
			stored: noneStored
		});
		const solved = at(90);
		session.add({
			ok: true,
			message: message({ messageId: 'a', conversationId: 'c', conversationSolvedAtMs: solved })
		});
		session.add({
			ok: true,
			message: message({
				messageId: 'b',
				conversationId: 'c',
				role: 'agent',
				sentAtMs: at(10),
				conversationSolvedAtMs: solved
			})
		});
		session.finish();
		const [ticket] = [...session.derivedTickets(emptyCounts())];
		expect(ticket).toMatchObject({
			status: 'solved',
			solvedAtMs: solved,
			resolutionSeconds: 90 * 60,
			reopens: 0,
			firstResponseSeconds: 600,
			agent: ''
		});
	});

	it('messages without a parent in the file join by thread hint (e-mail subject fallback)', () => {
		const session = new MessageImportSession({ vendor: 'email', importId: 1, stored: noneStored });
		session.add({
			ok: true,
			message: message({ messageId: 'x', threadHint: 'where is my order|a@b.c' })
		});
		session.add({
			ok: true,
			message: message({
				messageId: 'y',
				parentId: 'missing',
				threadHint: 'where is my order|a@b.c',
				role: 'agent',
				sentAtMs: at(3)
			})
		});
		session.finish();
		const tickets = [...session.derivedTickets(emptyCounts())];
		expect(tickets).toHaveLength(1);
		expect(tickets[0]?.firstResponseSeconds).toBe(180);
	});

	it('a reply-chain cycle in bad data ends the walk instead of looping', () => {
		const session = new MessageImportSession({ vendor: 't', importId: 1, stored: noneStored });
		session.add({ ok: true, message: message({ messageId: 'p', parentId: 'q' }) });
		session.add({ ok: true, message: message({ messageId: 'q', parentId: 'p', role: 'agent' }) });
		session.finish();
		expect([...session.derivedTickets(emptyCounts())]).toHaveLength(1);
	});
});

describe('MessageImportSession conversation ids written with the chunks', () => {
	it('rows are written with the conversation known on arrival; only rows that learnt another one are stale', () => {
		const session = new MessageImportSession({ vendor: 't', importId: 1, stored: noneStored }, 2);
		// Chunk 0: root 1 and its reply 2 (parent first). Chunk 1: 5 (waits for 4), then 4 (reply to 1).
		session.add({ ok: true, message: message({ messageId: '1' }) });
		session.add({ ok: true, message: message({ messageId: '2', parentId: '1', role: 'agent' }) });
		session.add({ ok: true, message: message({ messageId: '5', parentId: '4' }) });
		session.add({ ok: true, message: message({ messageId: '4', parentId: '1', role: 'agent' }) });
		const chunks = session.takeFullChunks();
		expect(chunks.map((chunk) => chunk.conversationIds)).toEqual([
			['1', '1'],
			['5', '1']
		]);
		session.finish();
		expect(session.conversationIdsChanged(0, 2)).toBe(false);
		expect(session.conversationIdsChanged(2, 2)).toBe(true);
		expect(session.needsConversationIds).toBe(true);
		expect(session.conversationIdsOfStoredRows(2, 2)).toEqual(['1', '1']);
		const counts = emptyCounts();
		expect([...session.derivedTickets(counts)]).toHaveLength(1);
		expect(counts.conversations).toBe(1);
	});

	it('a message answering itself is a root, not an endless chain', () => {
		const session = new MessageImportSession({ vendor: 't', importId: 1, stored: noneStored });
		session.add({ ok: true, message: message({ messageId: 's', parentId: 's' }) });
		session.add({ ok: true, message: message({ messageId: 'r', parentId: 's', role: 'agent' }) });
		session.finish();
		const [ticket] = [...session.derivedTickets(emptyCounts())];
		expect(ticket).toMatchObject({ key: 't:s', agentReplies: 1 });
	});
});

describe('MessageImportSession with many distinct authors, subjects and conversations', () => {
	it('gives every ticket back its own strings across the string pages', () => {
		const session = new MessageImportSession({ vendor: 'm', importId: 1, stored: noneStored });
		const n = 10_000;
		for (let i = 0; i < n; i++) {
			session.add({
				ok: true,
				message: message({
					messageId: `q${i}`,
					conversationId: `conv-${i}`,
					authorId: `customer-${i}@example.com`,
					subject: `Order ${i}`,
					sentAtMs: at(i)
				})
			});
			session.add({
				ok: true,
				message: message({
					messageId: `r${i}`,
					conversationId: `conv-${i}`,
					role: 'agent',
					authorId: `agent-${i % 5000}`,
					sentAtMs: at(i + 1)
				})
			});
		}
		session.finish();
		const tickets = [...session.derivedTickets(emptyCounts())];
		expect(tickets).toHaveLength(n);
		for (const i of [0, 1, 4094, 4095, 4096, 4097, 8191, 8192, 9999])
			expect(tickets[i]).toMatchObject({
				key: `m:conv-${i}`,
				externalId: `conv-${i}`,
				customerKey: `customer-${i}@example.com`,
				agent: `agent-${i % 5000}`,
				subject: `Order ${i}`,
				firstResponseSeconds: 60
			});
		expect(session.conversationIdsOfStoredRows(2 * 4096, 2)).toEqual(['conv-4096', 'conv-4096']);
	});
});

describe('customerKeyOf', () => {
	it('lower-cases e-mails, prefixes handles', () => {
		expect(customerKeyOf(' Ann@Shop.COM ')).toBe('ann@shop.com');
		expect(customerKeyOf('115712')).toBe('id:115712');
		expect(customerKeyOf('')).toBe('');
	});
});
