import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../model/ticket';
import { mergeTickets } from './merge-tickets';

const earlier: Ticket = {
	key: 'zendesk:101',
	externalId: '101',
	importId: 1,
	createdAtMs: 1_000,
	firstResponseSeconds: 600,
	solvedAtMs: 9_000,
	resolutionSeconds: 8,
	status: 'solved',
	channel: 'email',
	priority: 'high',
	agent: 'Ann',
	group: 'Tier 1',
	subject: 'Refund',
	tags: ['refund'],
	customerKey: 'a@example.com',
	csatScore: 1,
	csatScale: 'good_bad',
	agentReplies: 2,
	reopens: 0
};

/** A later row that knows nothing beyond its identity and creation time. */
const emptyLater: Ticket = {
	key: 'zendesk:101',
	externalId: '101',
	importId: 2,
	createdAtMs: 2_000,
	firstResponseSeconds: null,
	solvedAtMs: null,
	resolutionSeconds: null,
	status: 'unknown',
	channel: 'unknown',
	priority: 'unknown',
	agent: '',
	group: '',
	subject: '',
	tags: [],
	customerKey: '',
	csatScore: null,
	csatScale: 'none',
	agentReplies: null,
	reopens: null
};

const fullLater: Ticket = {
	key: 'zendesk:other',
	externalId: 'other',
	importId: 2,
	createdAtMs: 2_000,
	firstResponseSeconds: 120,
	solvedAtMs: 12_000,
	resolutionSeconds: 10,
	status: 'closed',
	channel: 'chat',
	priority: 'low',
	agent: 'Bo',
	group: 'Tier 2',
	subject: 'Refund (again)',
	tags: ['refund', 'escalated'],
	customerKey: 'b@example.com',
	csatScore: 4,
	csatScale: 'five_point',
	agentReplies: 5,
	reopens: 1
};

describe('mergeTickets', () => {
	it('keeps everything the earlier row knew when the later one is empty (bar creation time)', () => {
		expect(mergeTickets(earlier, emptyLater)).toEqual({ ...earlier, createdAtMs: 2_000 });
	});

	it('lets every non-empty field of the later row win', () => {
		expect(mergeTickets(earlier, fullLater)).toEqual({
			...fullLater,
			// Identity stays with the stored ticket.
			key: 'zendesk:101',
			externalId: '101',
			importId: 1
		});
	});

	it('keeps the earlier key, external id and import id', () => {
		const merged = mergeTickets(earlier, fullLater);
		expect([merged.key, merged.externalId, merged.importId]).toEqual(['zendesk:101', '101', 1]);
	});

	it('always takes the later creation time', () => {
		expect(mergeTickets(earlier, { ...emptyLater, createdAtMs: 500 }).createdAtMs).toBe(500);
	});

	it('treats 0 as a value, not as empty', () => {
		const merged = mergeTickets(earlier, {
			...emptyLater,
			firstResponseSeconds: 0,
			resolutionSeconds: 0,
			agentReplies: 0,
			reopens: 0,
			csatScore: 0,
			csatScale: 'good_bad'
		});
		expect(merged.firstResponseSeconds).toBe(0);
		expect(merged.resolutionSeconds).toBe(0);
		expect(merged.agentReplies).toBe(0);
		expect(merged.reopens).toBe(0);
		expect(merged.csatScore).toBe(0);
	});

	it('keeps a negative later duration (it is a value; the KPI layer filters it)', () => {
		expect(
			mergeTickets(earlier, { ...emptyLater, firstResponseSeconds: -60 }).firstResponseSeconds
		).toBe(-60);
	});

	it('fills fields the earlier row lacked', () => {
		const merged = mergeTickets(emptyLater, { ...emptyLater, agent: 'Cy', reopens: 2 });
		expect(merged.agent).toBe('Cy');
		expect(merged.reopens).toBe(2);
		expect(merged.subject).toBe('');
	});

	it('takes the later status unless it is unknown', () => {
		expect(mergeTickets(earlier, { ...emptyLater, status: 'open' }).status).toBe('open');
		expect(mergeTickets(earlier, { ...emptyLater, status: 'unknown' }).status).toBe('solved');
	});

	it('takes the later channel and priority unless unknown', () => {
		const merged = mergeTickets(earlier, { ...emptyLater, channel: 'other' });
		// 'other' is a known answer ("not one we name"), so it wins.
		expect(merged.channel).toBe('other');
		expect(merged.priority).toBe('high');
	});

	it('replaces the tag list as a whole rather than merging tags', () => {
		expect(mergeTickets(earlier, { ...emptyLater, tags: ['vip'] }).tags).toEqual(['vip']);
		expect(mergeTickets(earlier, emptyLater).tags).toEqual(['refund']);
	});

	it('moves score and scale together: an answer replaces both, no answer keeps both', () => {
		const rescored = mergeTickets(earlier, {
			...emptyLater,
			csatScore: 3,
			csatScale: 'five_point'
		});
		expect([rescored.csatScore, rescored.csatScale]).toEqual([3, 'five_point']);
		const kept = mergeTickets(earlier, { ...emptyLater, csatScore: null, csatScale: 'none' });
		expect([kept.csatScore, kept.csatScale]).toEqual([1, 'good_bad']);
	});

	it('does not modify its inputs', () => {
		const before = structuredClone(earlier);
		mergeTickets(earlier, fullLater);
		expect(earlier).toEqual(before);
	});
});
