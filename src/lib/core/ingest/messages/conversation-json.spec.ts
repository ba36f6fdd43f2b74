import { describe, expect, it } from 'vitest';
import { conversationMessages, detectConversationJson } from './conversation-json';
import type { ParsedMessageRow } from './message-import-session';

const read = (record: unknown, vendor: Parameters<typeof conversationMessages>[1]) =>
	conversationMessages(JSON.stringify(record), vendor, { firstRowNumber: 1, timeZone: 'UTC' });
const ok = (rows: ParsedMessageRow[]) =>
	rows.map((row) => {
		if (!row.ok) throw new Error(row.row.reason);
		const { role, isPublic, isAutomated, event, sentAtMs, authorId, conversationSolvedAtMs } =
			row.message;
		return { role, isPublic, isAutomated, event, sentAtMs, authorId, conversationSolvedAtMs };
	});

// Shapes from ../shared/reference/export-formats.md §3.3-3.5, values made up by hand.
const intercom = {
	id: '9001',
	created_at: 1772438400, // 2026-03-02T08:00:00Z
	state: 'closed',
	source: { id: 's1', type: 'conversation', body: '<p>Hi</p>', author: { type: 'user', id: 'u1' } },
	statistics: { last_close_at: 1772445600 },
	conversation_parts: {
		conversation_parts: [
			{
				id: 'p1',
				part_type: 'comment',
				created_at: 1772438410,
				body: 'Bot here',
				author: { type: 'bot', id: 'b' }
			},
			{
				id: 'p2',
				part_type: 'note',
				created_at: 1772439000,
				body: 'VIP',
				author: { type: 'admin', id: 'a1' }
			},
			{
				id: 'p3',
				part_type: 'comment',
				created_at: 1772440200,
				body: 'Hello!',
				author: { type: 'admin', id: 'a1' }
			},
			{
				id: 'p4',
				part_type: 'close',
				created_at: 1772445600,
				body: null,
				author: { type: 'admin', id: 'a1' }
			}
		]
	}
};

describe('conversation JSON readers', () => {
	it('detects each vendor by its signature fields', () => {
		expect(detectConversationJson(intercom)).toBe('intercom');
		expect(detectConversationJson({ dialogContent: [], dialogHeader: {} })).toBe('twitter-care');
		expect(detectConversationJson({ id: 1, messages: [], created_datetime: 'x' })).toBe('gorgias');
		expect(detectConversationJson({ id: 1, _embedded: { threads: [] } })).toBe('helpscout');
		expect(detectConversationJson({ id: 1, subject: 'x', created_at: 'y' })).toBeNull();
	});

	it('Intercom: the source message, bot and note parts, a close event', () => {
		const rows = read(intercom, 'intercom');
		expect(ok(rows)).toEqual([
			{
				role: 'customer',
				isPublic: true,
				isAutomated: false,
				event: 'message',
				sentAtMs: 1772438400000,
				authorId: 'u1',
				conversationSolvedAtMs: NaN
			},
			{
				role: 'bot',
				isPublic: true,
				isAutomated: false,
				event: 'message',
				sentAtMs: 1772438410000,
				authorId: 'b',
				conversationSolvedAtMs: NaN
			},
			{
				role: 'agent',
				isPublic: false,
				isAutomated: false,
				event: 'message',
				sentAtMs: 1772439000000,
				authorId: 'a1',
				conversationSolvedAtMs: NaN
			},
			{
				role: 'agent',
				isPublic: true,
				isAutomated: false,
				event: 'message',
				sentAtMs: 1772440200000,
				authorId: 'a1',
				conversationSolvedAtMs: NaN
			},
			{
				role: 'system',
				isPublic: false,
				isAutomated: false,
				event: 'solved',
				sentAtMs: 1772445600000,
				authorId: 'a1',
				conversationSolvedAtMs: NaN
			}
		]);
	});

	it('Gorgias: from_agent decides the side, rule messages are automated, closed_datetime is the solve', () => {
		const rows = read(
			{
				id: 77,
				channel: 'email',
				created_datetime: '2026-03-02T08:00:00Z',
				closed_datetime: '2026-03-02T12:00:00Z',
				messages: [
					{
						id: 1,
						from_agent: false,
						public: true,
						body_text: 'Hi',
						created_datetime: '2026-03-02T08:00:00Z',
						sender: { email: 'ann@example.com' }
					},
					{
						id: 2,
						from_agent: true,
						via: 'rule',
						public: true,
						body_text: 'Auto',
						sent_datetime: '2026-03-02T08:00:01Z',
						sender: { email: 'bot@shop.example' }
					},
					{
						id: 3,
						from_agent: true,
						public: false,
						body_text: 'note',
						sent_datetime: '2026-03-02T08:05:00Z',
						sender: { email: 'kim@shop.example' }
					},
					{
						id: 4,
						from_agent: true,
						via: 'helpdesk',
						public: true,
						body_text: 'Hello',
						sent_datetime: '2026-03-02T09:00:00Z',
						sender: { email: 'kim@shop.example' }
					}
				]
			},
			'gorgias'
		);
		const solved = Date.UTC(2026, 2, 2, 12);
		expect(
			ok(rows).map((row) => [row.role, row.isPublic, row.isAutomated, row.conversationSolvedAtMs])
		).toEqual([
			['customer', true, false, solved],
			['agent', true, true, solved],
			['agent', false, false, solved],
			['agent', true, false, solved]
		]);
	});

	it('Help Scout: customer / reply / note threads; a message without time is quarantined', () => {
		const rows = read(
			{
				id: 5,
				status: 'closed',
				closedAt: '2026-03-02T10:00:00Z',
				type: 'email',
				_embedded: {
					threads: [
						{
							id: 10,
							type: 'customer',
							createdAt: '2026-03-02T08:00:00Z',
							createdBy: { email: 'a@b.c' }
						},
						{
							id: 11,
							type: 'note',
							createdAt: '2026-03-02T08:10:00Z',
							createdBy: { email: 'k@s.e' }
						},
						{
							id: 12,
							type: 'reply',
							createdAt: '2026-03-02T08:20:00Z',
							createdBy: { email: 'k@s.e' }
						},
						{ id: 13, type: 'reply', createdBy: { email: 'k@s.e' } }
					]
				}
			},
			'helpscout'
		);
		expect(
			rows.slice(0, 3).map((row) => (row.ok ? [row.message.role, row.message.isPublic] : null))
		).toEqual([
			['customer', true],
			['agent', false],
			['agent', true]
		]);
		expect(rows[3]).toMatchObject({ ok: false, row: { rowNumber: 4, reason: 'missing_sent_at' } });
		expect(rows[0]?.ok && rows[0].message.channel).toBe('email');
	});

	it('Help Scout: every thread type by its author, statuses as solve / reopen events', () => {
		const at = (minute: number) => `2026-03-02T08:${String(minute).padStart(2, '0')}:00Z`;
		const user = { type: 'user', email: 'k@s.e' };
		const customer = { type: 'customer', email: 'a@b.c' };
		const thread = (id: number, type: string, extra: Record<string, unknown> = {}) => ({
			id,
			type,
			status: 'nochange',
			state: 'published',
			createdAt: at(id),
			createdBy: user,
			...extra
		});
		const rows = read(
			{
				id: 6,
				status: 'active',
				type: 'email',
				_embedded: {
					threads: [
						thread(1, 'customer', { createdBy: customer, status: 'active' }),
						thread(2, 'message'),
						thread(3, 'reply', { status: 'closed' }),
						thread(4, 'lineitem', { status: 'active', action: { text: 'Kim reopened' } }),
						thread(5, 'note', { status: 'closed' }),
						thread(6, 'chat', { createdBy: customer }),
						thread(7, 'chat'),
						thread(8, 'phone'),
						thread(9, 'forwardparent'),
						thread(10, 'reply', { state: 'draft' }),
						thread(11, 'lineitem', { status: 'pending' })
					]
				}
			},
			'helpscout'
		);
		expect(ok(rows).map((row) => [row.role, row.isPublic, row.event])).toEqual([
			['customer', true, 'message'],
			['agent', true, 'message'], // `message`: the team's message, not a system line
			['agent', true, 'solved'], // reply and close
			['system', false, 'reopened'],
			['agent', false, 'solved'], // a note that closes: a solve, not a reply
			['customer', true, 'message'],
			['agent', true, 'message'],
			['agent', true, 'message'],
			['agent', false, 'message'], // forwarded to a third party
			['agent', false, 'message'], // a draft was never sent
			['system', false, 'reopened']
		]);
		// A line item's text is its action, as Help Scout shows it.
		expect(rows[3]?.ok && rows[3].message.text).toBe('Kim reopened');
		// Listed newest first, as the API does: the same events by time. A status `active` while
		// the conversation is open changes nothing (no reopen without a close before it).
		const reversed = read(
			{
				id: 7,
				type: 'email',
				_embedded: {
					threads: [
						thread(4, 'lineitem', { status: 'active' }),
						thread(3, 'reply', { status: 'closed' }),
						thread(2, 'reply', { status: 'active' }),
						thread(1, 'customer', { createdBy: customer, status: 'active' })
					]
				}
			},
			'helpscout'
		);
		expect(ok(reversed).map((row) => row.event)).toEqual([
			'reopened',
			'solved',
			'message',
			'message'
		]);
	});

	it('Intercom: a customer author without e-mail takes the e-mail of its listed contact', () => {
		const rows = read(
			{
				...intercom,
				contacts: {
					type: 'contact.list',
					contacts: [{ type: 'contact', id: 'u1', email: 'Ann@Example.com' }]
				},
				conversation_parts: []
			},
			'intercom'
		);
		expect(ok(rows).map((row) => [row.role, row.authorId])).toEqual([
			['customer', 'Ann@Example.com']
		]);
		// Without the contact list the id stays.
		expect(ok(read({ ...intercom, conversation_parts: [] }, 'intercom'))[0]?.authorId).toBe('u1');
	});

	it('Help Scout: a customer named by id takes the e-mail of the thread customer or primary customer', () => {
		const rows = read(
			{
				id: 8,
				type: 'email',
				primaryCustomer: { id: 12, email: 'ann@example.com' },
				_embedded: {
					threads: [
						{
							id: 1,
							type: 'customer',
							createdAt: '2026-03-02T08:00:00Z',
							createdBy: { id: 12, type: 'customer' }
						},
						{
							id: 2,
							type: 'customer',
							createdAt: '2026-03-02T08:05:00Z',
							createdBy: { id: 13, type: 'customer' },
							customer: { id: 13, email: 'bob@example.com' }
						},
						{
							id: 3,
							type: 'customer',
							createdAt: '2026-03-02T08:06:00Z',
							createdBy: { id: 14, type: 'customer' }
						},
						{
							id: 4,
							type: 'reply',
							createdAt: '2026-03-02T08:07:00Z',
							createdBy: { id: 256, type: 'user' }
						}
					]
				}
			},
			'helpscout'
		);
		expect(ok(rows).map((row) => row.authorId)).toEqual([
			'ann@example.com',
			'bob@example.com',
			'14',
			'256'
		]);
	});

	it('a record that is not JSON is one quarantined row', () => {
		const rows = conversationMessages('{"id": ', 'gorgias', { firstRowNumber: 7, timeZone: 'UTC' });
		expect(rows).toEqual([
			{ ok: false, row: { rowNumber: 7, reason: 'invalid_json', column: null, raw: ['{"id": '] } }
		]);
	});
});
