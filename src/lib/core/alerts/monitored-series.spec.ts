import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { monitoredSeries } from './monitored-series';

const at = (day: number, hour = 9) => Date.UTC(2026, 0, day, hour);

describe('monitoredSeries', () => {
	it('builds daily volume, complaints, medians, CSAT and backlog by hand', () => {
		const columns = makeColumns(
			// Day 1: two tickets, one a complaint by tag; both solved on day 2.
			{
				key: 'a',
				createdAtMs: at(1),
				tags: ['delivery_delay'],
				firstResponseSeconds: 60,
				solvedAtMs: at(2),
				resolutionSeconds: 86_400,
				status: 'solved'
			},
			{
				key: 'b',
				createdAtMs: at(1, 10),
				channel: 'chat',
				firstResponseSeconds: 180,
				solvedAtMs: at(2, 11),
				resolutionSeconds: 90_000,
				status: 'solved'
			},
			// Day 2: one refund (complaint by subject, in Chinese), still open.
			{ key: 'c', createdAtMs: at(2), subject: '我要退款', firstResponseSeconds: 600 },
			// Day 4 (day 3 empty): one ticket closed without a solve time (never backlog).
			{ key: 'd', createdAtMs: at(4), status: 'closed' }
		);
		const series = monitoredSeries(columns, 'UTC');
		const byId = new Map(series.map((s) => [s.id, s]));
		expect(byId.get('volume')!.values).toEqual([2, 1, 0, 1]);
		expect(byId.get('volume')!.startWallMs).toBe(at(1, 0));
		expect(byId.get('complaints')!.values).toEqual([1, 1, 0, 0]);
		// Resolution by solve day: both solved on day 2, median of 86 400 and 90 000.
		expect(byId.get('resolution_median')!.values).toEqual([NaN, 88_200, NaN, NaN]);
		// End of day 1: a, b open; day 2: a, b solved, c open; day 4: d closed at once.
		expect(byId.get('backlog')!.values).toEqual([2, 1, 1, 1]);
		// Too few tickets per day for per-channel series; one series per channel needs 5/day.
		expect(byId.has('volume:channel:email')).toBe(false);
		// Two channels: the shop-wide first-response median is not watched (channel mix).
		expect(byId.has('first_response_median')).toBe(false);
		expect(byId.get('volume:hourly')!.values.length).toBe(3 * 24 + 1);
		expect(byId.has('csat_satisfied_rate')).toBe(false);
		// No day has 10 tickets: no negative share.
		expect(byId.has('negative_share')).toBe(false);
	});

	it('negative share: negative-sounding subjects over tickets created, days with 10 or more', () => {
		const subjects = [
			'Very disappointed with the delivery',
			'非常不满意',
			'Still waiting for an answer',
			'Thanks, all good',
			'Where is my order?'
		];
		const tickets = [];
		// Day 1: 12 tickets, 3 negative (the first three subjects once each).
		for (let i = 0; i < 12; i++)
			tickets.push({
				key: `a${i}`,
				createdAtMs: at(1, 8),
				subject: subjects[i < 3 ? i : 3 + (i % 2)]!
			});
		// Day 2: 4 tickets (too few), day 3: 10 tickets, 1 negative.
		for (let i = 0; i < 4; i++)
			tickets.push({ key: `b${i}`, createdAtMs: at(2, 8), subject: subjects[0]! });
		for (let i = 0; i < 10; i++)
			tickets.push({ key: `c${i}`, createdAtMs: at(3, 8), subject: subjects[i === 0 ? 1 : 4]! });
		const byId = new Map(monitoredSeries(makeColumns(...tickets), 'UTC').map((s) => [s.id, s]));
		expect(byId.get('negative_share')!.values).toEqual([3 / 12, NaN, 1 / 10]);
		expect(byId.get('negative_share')!.kind).toBe('negative_share');
	});

	it('per-channel first response and volume when channels are busy; CSAT from 10 ratings', () => {
		const tickets = [];
		for (let i = 0; i < 12; i++) {
			tickets.push({
				key: `e${i}`,
				createdAtMs: at(1, 8) + i * 60_000,
				firstResponseSeconds: 100 * (i + 1),
				solvedAtMs: at(1, 20),
				csatScale: 'five_point' as const,
				csatScore: i < 9 ? 5 : 1
			});
			tickets.push({
				key: `c${i}`,
				createdAtMs: at(1, 8) + i * 60_000,
				channel: 'chat' as const,
				firstResponseSeconds: 30
			});
		}
		const series = monitoredSeries(makeColumns(...tickets), 'UTC');
		const byId = new Map(series.map((s) => [s.id, s]));
		expect(byId.get('volume:channel:email')!.values).toEqual([12]);
		expect(byId.get('first_response_median:channel:email')!.values).toEqual([650]);
		expect(byId.get('first_response_median:channel:chat')!.values).toEqual([30]);
		expect(byId.get('csat_satisfied_rate')!.values).toEqual([9 / 12]);
	});

	it('is empty without tickets', () => {
		expect(monitoredSeries(makeColumns(), 'UTC')).toEqual([]);
	});

	it('counts negative tickets from the given per-row verdicts (first messages) when present', () => {
		// Ten neutral subjects a day for two days; the first messages make three of day 2 negative.
		const columns = makeColumns(
			...Array.from({ length: 20 }, (_, i) => ({
				key: `t${i}`,
				createdAtMs: at(1 + Math.floor(i / 10)),
				subject: 'Order question'
			}))
		);
		const negative = new Uint8Array(20);
		negative[12] = negative[13] = negative[19] = 1;
		const share = (list: ReturnType<typeof monitoredSeries>) =>
			list.find((series) => series.id === 'negative_share')?.values;
		expect(share(monitoredSeries(columns, 'UTC', negative))).toEqual([0, 0.3]);
		// Subjects alone: no negative ticket, so no series.
		expect(share(monitoredSeries(columns, 'UTC'))).toBeUndefined();
	});
});
