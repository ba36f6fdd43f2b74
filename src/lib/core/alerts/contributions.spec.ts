import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { makeColumns } from '../../../../tests/factories/ticket';
import { contributionBreakdown, ticketWallTimes } from './contributions';

const DAY = 86_400_000;
const day = (n: number, hour = 10) => Date.UTC(2026, 5, n, hour);

function alertOn(
	kind: 'volume' | 'first_response_median' | 'negative_share',
	first: number,
	last: number,
	expected: number
) {
	return {
		kind,
		segment: null,
		granularity: 'day' as const,
		startWallMs: Date.UTC(2026, 5, first),
		endWallMs: Date.UTC(2026, 5, last),
		startIndex: 0,
		endIndex: 0,
		direction: 'up' as const,
		expected
	};
}

describe('contributionBreakdown', () => {
	it('puts a planted chat surge on the chat channel, worked by hand', () => {
		const tickets: Partial<Ticket>[] = [];
		let id = 0;
		const add = (createdAtMs: number, channel: Ticket['channel']) =>
			tickets.push({ key: `t${id}`, createdAtMs, channel, agent: id++ % 2 ? 'Ann' : 'Bob' });
		for (let d = 1; d <= 28; d++) {
			for (let i = 0; i < 4; i++) add(day(d), 'email');
			for (let i = 0; i < 2; i++) add(day(d), 'chat');
		}
		for (let i = 0; i < 4; i++) add(day(29), 'email');
		for (let i = 0; i < 12; i++) add(day(29), 'chat');
		const columns = makeColumns(...tickets);
		// The detector expected the usual 6 tickets on day 29; 16 came: +10.
		const result = contributionBreakdown(
			columns,
			ticketWallTimes(columns, 'UTC'),
			alertOn('volume', 29, 29, 6)
		);
		expect(result.deviation).toBe(10);
		const chat = result.byDimension.channel.find((row) => row.value === 'chat')!;
		expect(chat).toMatchObject({ observed: 12, expected: 2, delta: 10, share: 1 });
		const email = result.byDimension.channel.find((row) => row.value === 'email')!;
		expect(email.delta).toBeCloseTo(0, 12);
		// Agents alternate, so each explains half.
		expect(result.byDimension.agent.map((row) => row.delta)).toEqual([5, 5]);
		expect(result.top).toMatchObject({ dimension: 'channel', value: 'chat' });
	});

	it('puts a rise in negative-sounding tickets on the tag that carries them', () => {
		const tickets: Partial<Ticket>[] = [];
		let id = 0;
		const add = (d: number, tag: string, subject: string) =>
			tickets.push({ key: `t${id++}`, createdAtMs: day(d), tags: [tag], subject });
		// 28 days: 10 tickets a day, one negative (on tag "shipping"), the rest neutral.
		for (let d = 1; d <= 28; d++) {
			add(d, 'shipping', 'Terrible delivery');
			for (let i = 0; i < 9; i++) add(d, i % 2 ? 'sizes' : 'shipping', 'Where is my order?');
		}
		// Day 29: the new "app" tag brings 6 angry tickets; 10 usual tickets, 1 negative.
		add(29, 'shipping', 'Terrible delivery');
		for (let i = 0; i < 9; i++) add(29, i % 2 ? 'sizes' : 'shipping', 'Where is my order?');
		for (let i = 0; i < 6; i++) add(29, 'app', 'Your app is useless');
		const columns = makeColumns(...tickets);
		const result = contributionBreakdown(
			columns,
			ticketWallTimes(columns, 'UTC'),
			alertOn('negative_share', 29, 29, 0.1)
		);
		// Baseline rate 28/280 = 0.1; 16 tickets in the window → 1.6 expected, 7 observed.
		expect(result.event).toBe('negative');
		expect(result.deviation).toBeCloseTo(7 - 1.6, 12);
		const app = result.byDimension.tag.find((row) => row.value === 'app')!;
		expect(app).toMatchObject({ observed: 6, expected: 0 });
		expect(result.top).toMatchObject({ dimension: 'tag', value: 'app' });
	});

	it('points a first-response slump at the agent who slowed down', () => {
		const tickets: Partial<Ticket>[] = [];
		const usual: Record<string, number> = { A: 300, B: 500, C: 700, D: 400 };
		let id = 0;
		for (let d = 1; d <= 35; d++)
			for (const [agent, seconds] of Object.entries(usual)) {
				const slow = d >= 29 && agent === 'D';
				tickets.push({
					key: `t${id++}`,
					createdAtMs: day(d),
					agent,
					firstResponseSeconds: slow ? 5000 : seconds
				});
			}
		const columns = makeColumns(...tickets);
		// Expected median 450 s: usually B and C are slower (rate ½); in the window D joins them.
		const result = contributionBreakdown(
			columns,
			ticketWallTimes(columns, 'UTC'),
			alertOn('first_response_median', 29, 35, 450)
		);
		expect(result.event).toBe('slow');
		// 28 tickets in the window, 14 slow ones expected, 21 observed.
		expect(result.deviation).toBe(7);
		expect(result.byDimension.agent[0]).toMatchObject({
			value: 'D',
			observed: 7,
			expected: 0,
			delta: 7,
			share: 1
		});
		expect(result.top).toMatchObject({ dimension: 'agent', value: 'D' });
	});

	it('uses only the 28 days before the alert as the usual mix', () => {
		const columns = makeColumns(
			{ key: 'old', createdAtMs: day(1) - 40 * DAY, channel: 'phone' },
			{ key: 'base', createdAtMs: day(1), channel: 'email' },
			{ key: 'now', createdAtMs: day(29), channel: 'email' }
		);
		const result = contributionBreakdown(
			columns,
			ticketWallTimes(columns, 'UTC'),
			alertOn('volume', 29, 29, 1)
		);
		expect(result.byDimension.channel.map((row) => row.value)).toEqual(['email']);
	});
});

describe('contributionBreakdown with a per-day expectation', () => {
	it('judges each ticket against its own day', () => {
		// Weekdays usually answer in 100 s, Saturdays in 10 000 s; agent E is slow on a weekday.
		const tickets: Partial<Ticket>[] = [];
		let id = 0;
		for (let d = 1; d <= 29; d++) {
			const saturday = new Date(Date.UTC(2026, 5, d)).getUTCDay() === 6;
			for (const agent of ['E', 'F'])
				tickets.push({
					key: `t${id++}`,
					createdAtMs: day(d),
					agent,
					firstResponseSeconds: saturday ? 9_000 : d === 29 && agent === 'E' ? 5_000 : 90
				});
		}
		const columns = makeColumns(...tickets);
		const expectedAt = (wallMs: number) => (new Date(wallMs).getUTCDay() === 6 ? 10_000 : 100);
		const result = contributionBreakdown(columns, ticketWallTimes(columns, 'UTC'), {
			...alertOn('first_response_median', 29, 29, 3_000),
			expectedAt
		});
		// Usually nobody is slower than their day's median: 0 expected; on day 29, E once.
		expect(result.deviation).toBe(1);
		expect(result.top).toMatchObject({ dimension: 'agent', value: 'E', observed: 1 });
	});
});
