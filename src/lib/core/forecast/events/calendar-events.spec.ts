import { describe, expect, it } from 'vitest';
import {
	calendarEventFromDraft,
	closedDayEvents,
	eventDays,
	eventsFingerprint,
	eventWindows,
	parseIsoDay,
	toWallEvent
} from './calendar-events';

const draft = {
	name: ' Summer Sale ',
	kind: 'promotion' as const,
	firstDay: '2026-07-13',
	lastDay: '2026-07-19'
};

describe('calendar events', () => {
	it('stores whole local days: Berlin midnight to the midnight after the last day', () => {
		const result = calendarEventFromDraft(draft, 'Europe/Berlin');
		expect(result).toEqual({
			ok: true,
			record: {
				name: 'Summer Sale',
				kind: 'promotion',
				// 2026-07-13 00:00 +02:00 = 2026-07-12 22:00 UTC.
				startMs: Date.UTC(2026, 6, 12, 22),
				endMs: Date.UTC(2026, 6, 19, 22)
			}
		});
		if (!result.ok) return;
		expect(eventDays(result.record, 'Europe/Berlin')).toEqual({
			firstDay: '2026-07-13',
			lastDay: '2026-07-19'
		});
		// As wall-clock time: the local midnights read as UTC.
		expect(toWallEvent({ ...result.record }, 'Europe/Berlin')).toMatchObject({
			startWallMs: Date.UTC(2026, 6, 13),
			endWallMs: Date.UTC(2026, 6, 20)
		});
	});

	it('a day across the autumn DST change still ends at the next local midnight', () => {
		const result = calendarEventFromDraft(
			{ ...draft, firstDay: '2026-10-25', lastDay: '2026-10-25' },
			'Europe/Berlin'
		);
		expect(result.ok && result.record.endMs - result.record.startMs).toBe(25 * 3_600_000);
	});

	it.each([
		[{ name: '  ' }, 'name-missing'],
		[{ name: 'x'.repeat(81) }, 'name-too-long'],
		[{ kind: 'party' }, 'kind-unknown'],
		[{ firstDay: '2026-02-31' }, 'day-invalid'],
		[{ lastDay: '13/07/2026' }, 'day-invalid'],
		[{ lastDay: '2026-07-12' }, 'last-before-first'],
		[{ lastDay: '2026-12-31' }, 'too-long']
	])('rejects %o: %s', (change, problem) => {
		expect(calendarEventFromDraft({ ...draft, ...change } as typeof draft, 'UTC')).toEqual({
			ok: false,
			problem
		});
	});

	it('parses ISO days', () => {
		expect(parseIsoDay('1970-01-02')).toBe(1);
		expect(parseIsoDay('2024-02-29')).toBe(19782);
		expect(parseIsoDay('2023-02-29')).toBeNull();
	});

	it('maps events to hourly steps of a series, clipped to its range', () => {
		const start = Date.UTC(2026, 6, 1);
		const day = 86_400_000;
		const windows = eventWindows(
			[
				{ name: 'a', kind: 'promotion', startWallMs: start + 2 * day, endWallMs: start + 3 * day },
				{ name: 'b', kind: 'holiday', startWallMs: start - day, endWallMs: start + day / 2 },
				{ name: 'c', kind: 'launch', startWallMs: start + 40 * day, endWallMs: start + 41 * day }
			],
			start,
			30 * 24
		);
		expect(windows).toEqual([
			{ kind: 'promotion', start: 48, end: 72 },
			{ kind: 'holiday', start: 0, end: 12 }
		]);
	});

	it('fingerprints kinds and dates, not names or order', () => {
		const a = { name: 'A', kind: 'promotion' as const, startMs: 1, endMs: 2 };
		const b = { name: 'B', kind: 'holiday' as const, startMs: 5, endMs: 9 };
		expect(eventsFingerprint([])).toBe('none');
		expect(eventsFingerprint([a, b])).toBe(eventsFingerprint([b, { ...a, name: 'renamed' }]));
		expect(eventsFingerprint([a, b])).not.toBe(eventsFingerprint([a, { ...b, endMs: 10 }]));
	});
});

describe('closedDayEvents', () => {
	it('turns Settings holidays into one-day holiday events in the shop zone', () => {
		const events = closedDayEvents(['2026-12-25', 'not a day'], [], 'Europe/Berlin');
		expect(events).toEqual([
			{
				name: 'Closed (Settings)',
				kind: 'holiday',
				// Berlin is UTC+1 in December: local midnight is 23:00 UTC the day before.
				startMs: Date.UTC(2026, 11, 24, 23),
				endMs: Date.UTC(2026, 11, 25, 23)
			}
		]);
	});

	it('leaves a day inside a marked holiday to that event', () => {
		const marked = [
			{
				id: 1,
				name: 'Christmas',
				kind: 'holiday' as const,
				startMs: Date.UTC(2026, 11, 24),
				endMs: Date.UTC(2026, 11, 27)
			}
		];
		const events = closedDayEvents(['2026-12-25', '2026-12-31'], marked, 'UTC');
		expect(events.map((event) => event.startMs)).toEqual([Date.UTC(2026, 11, 31)]);
	});
});
