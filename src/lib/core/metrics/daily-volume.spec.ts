import { describe, expect, it } from 'vitest';
import { makeColumns, makeTicket } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { dailyTicketVolume } from './daily-volume';

const at = (iso: string, firstResponseSeconds: number | null = null) =>
	makeTicket({ createdAtMs: Date.parse(iso), firstResponseSeconds });

const summary = (columns: ReturnType<typeof toTicketColumns>, timeZone: string) =>
	dailyTicketVolume(columns, timeZone).map((point) => [
		point.day,
		new Date(point.dayStartMs).toISOString(),
		point.tickets
	]);

describe('dailyTicketVolume', () => {
	it('returns [] for an empty table or one without creation times', () => {
		expect(dailyTicketVolume(toTicketColumns([]), 'UTC')).toEqual([]);
		expect(dailyTicketVolume(makeColumns({ createdAtMs: NaN }), 'UTC')).toEqual([]);
	});

	it('buckets by local day in Asia/Shanghai (UTC+8) and fills gaps with zeros', () => {
		const columns = toTicketColumns([
			at('2026-03-04T01:00:00Z'), // Mar 4, 09:00 local
			at('2026-03-01T15:59:59Z'), // Mar 1, 23:59:59 local
			at('2026-03-01T16:00:00Z'), // Mar 2, 00:00 local, though still Mar 1 in UTC
			makeTicket({ createdAtMs: NaN }) // skipped
		]);
		expect(summary(columns, 'Asia/Shanghai')).toEqual([
			['2026-03-01', '2026-02-28T16:00:00.000Z', 1],
			['2026-03-02', '2026-03-01T16:00:00.000Z', 1],
			['2026-03-03', '2026-03-02T16:00:00.000Z', 0],
			['2026-03-04', '2026-03-03T16:00:00.000Z', 1]
		]);
		// The same rows in UTC land on other days.
		expect(summary(columns, 'UTC')).toEqual([
			['2026-03-01', '2026-03-01T00:00:00.000Z', 2],
			['2026-03-02', '2026-03-02T00:00:00.000Z', 0],
			['2026-03-03', '2026-03-03T00:00:00.000Z', 0],
			['2026-03-04', '2026-03-04T00:00:00.000Z', 1]
		]);
	});

	it('follows Europe/Berlin across the spring DST change (2026-03-29, a 23-hour day)', () => {
		const columns = toTicketColumns([
			at('2026-03-28T22:59:00Z'), // Mar 28, 23:59 CET
			at('2026-03-28T23:00:00Z'), // Mar 29, 00:00 CET
			at('2026-03-29T00:30:00Z'), // Mar 29, 01:30 CET
			at('2026-03-29T01:30:00Z'), // Mar 29, 03:30 CEST (02:00 → 03:00 at 01:00 UTC)
			at('2026-03-29T21:59:00Z'), // Mar 29, 23:59 CEST
			at('2026-03-29T22:00:00Z'), // Mar 30, 00:00 CEST
			at('2026-04-01T10:00:00Z') // Apr 1; Mar 31 is a gap
		]);
		expect(summary(columns, 'Europe/Berlin')).toEqual([
			['2026-03-28', '2026-03-27T23:00:00.000Z', 1],
			['2026-03-29', '2026-03-28T23:00:00.000Z', 4],
			['2026-03-30', '2026-03-29T22:00:00.000Z', 1],
			['2026-03-31', '2026-03-30T22:00:00.000Z', 0],
			['2026-04-01', '2026-03-31T22:00:00.000Z', 1]
		]);
	});

	it('follows Europe/Berlin across the autumn DST change (2026-10-25, a 25-hour day)', () => {
		const columns = toTicketColumns([
			at('2026-10-24T22:00:00Z'), // Oct 25, 00:00 CEST
			at('2026-10-25T00:30:00Z'), // Oct 25, 02:30 CEST
			at('2026-10-25T01:30:00Z'), // Oct 25, 02:30 CET (the repeated hour)
			at('2026-10-25T22:59:00Z'), // Oct 25, 23:59 CET
			at('2026-10-25T23:00:00Z') // Oct 26, 00:00 CET
		]);
		expect(summary(columns, 'Europe/Berlin')).toEqual([
			['2026-10-25', '2026-10-24T22:00:00.000Z', 4],
			['2026-10-26', '2026-10-25T23:00:00.000Z', 1]
		]);
	});

	it('starts a day whose midnight is skipped at the transition (America/Santiago)', () => {
		// Chile springs forward at 24:00 on 2026-09-05: 00:00 → 01:00 (UTC−4 → UTC−3).
		const columns = toTicketColumns([at('2026-09-05T12:00:00Z'), at('2026-09-06T12:00:00Z')]);
		expect(summary(columns, 'America/Santiago')).toEqual([
			['2026-09-05', '2026-09-05T04:00:00.000Z', 1],
			['2026-09-06', '2026-09-06T04:00:00.000Z', 1]
		]);
	});

	it('starts a day whose midnight repeats at the first midnight (America/Havana)', () => {
		// Cuba falls back at 01:00 on 2026-11-01: 01:00 → 00:00 (UTC−4 → UTC−5).
		const columns = toTicketColumns([at('2026-11-01T04:30:00Z'), at('2026-11-01T05:30:00Z')]);
		expect(summary(columns, 'America/Havana')).toEqual([
			['2026-11-01', '2026-11-01T04:00:00.000Z', 2]
		]);
	});

	it('is exact when an offset changes inside a UTC hour (Asia/Tehran, 2021)', () => {
		// Iran (UTC+3:30) left DST at 19:30 UTC on 2021-09-21: 23:59 (+4:30) → 23:00 (+3:30).
		const columns = toTicketColumns([
			at('2021-09-21T19:15:00Z'), // 23:45 +4:30
			at('2021-09-21T19:45:00Z'), // 23:15 +3:30; the hour's opening offset would say 00:15
			at('2021-09-21T20:30:00Z') // Sep 22, 00:00 +3:30
		]);
		expect(summary(columns, 'Asia/Tehran')).toEqual([
			['2021-09-21', '2021-09-20T19:30:00.000Z', 2],
			['2021-09-22', '2021-09-21T20:30:00.000Z', 1]
		]);
	});

	it('computes the daily median first response, leaving out missing and negative values', () => {
		const columns = toTicketColumns([
			at('2026-05-01T08:00:00Z', 600),
			at('2026-05-01T09:00:00Z', 60),
			at('2026-05-01T10:00:00Z', null),
			at('2026-05-01T11:00:00Z', -20),
			at('2026-05-01T12:00:00Z', 120),
			at('2026-05-02T08:00:00Z', 100),
			at('2026-05-02T09:00:00Z', 300),
			at('2026-05-03T09:00:00Z', null)
		]);
		const points = dailyTicketVolume(columns, 'UTC');
		expect(
			points.map((p) => [p.day, p.tickets, p.firstResponseMedianSeconds, p.firstResponseN])
		).toEqual([
			['2026-05-01', 5, 120, 3],
			['2026-05-02', 2, 200, 2],
			['2026-05-03', 1, null, 0]
		]);
	});

	it('agrees with a per-row Intl reference on random instants around transitions', () => {
		const reference = (timeZone: string) =>
			new Intl.DateTimeFormat('en-CA', {
				timeZone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit'
			});
		// Deterministic pseudo-random instants over 2025-2027 (LCG, so the test is reproducible).
		let seed = 12345;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};
		const startMs = Date.UTC(2025, 0, 1);
		const spanMs = Date.UTC(2027, 11, 31) - startMs;
		const instants = Array.from({ length: 3000 }, () => startMs + Math.floor(random() * spanMs));
		// Lord Howe shifts by 30 min at 15:30 UTC, i.e. inside a UTC hour.
		instants.push(Date.UTC(2026, 9, 3, 15, 29, 59, 999), Date.UTC(2026, 9, 3, 15, 30));
		const columns = toTicketColumns(instants.map((ms) => makeTicket({ createdAtMs: ms })));
		for (const timeZone of [
			'Europe/Berlin',
			'America/New_York',
			'Australia/Lord_Howe',
			'Asia/Kolkata'
		]) {
			const expected = new Map<string, number>();
			const format = reference(timeZone);
			for (const ms of instants) {
				const day = format.format(ms);
				expected.set(day, (expected.get(day) ?? 0) + 1);
			}
			const points = dailyTicketVolume(columns, timeZone);
			const actual = new Map(points.filter((p) => p.tickets > 0).map((p) => [p.day, p.tickets]));
			expect(actual, timeZone).toEqual(expected);
			for (const point of points) {
				// Each day starts at local midnight (or later, never earlier than the previous day).
				expect(format.format(point.dayStartMs), timeZone).toBe(point.day);
				expect(format.format(point.dayStartMs - 1), timeZone).not.toBe(point.day);
			}
		}
	});
});
