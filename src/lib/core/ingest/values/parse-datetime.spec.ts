import { describe, it, expect } from 'vitest';
import { parseDateTime, timeZoneOffsetMs } from './parse-datetime';

const UTC = { timeZone: 'UTC' };

function utc(iso: string): number {
	return Date.parse(iso);
}

describe('parseDateTime: ISO 8601', () => {
	it.each([
		['2026-07-14T10:03:27+02:00', '2026-07-14T08:03:27.000Z'],
		['2026-07-14T10:03:27-05:30', '2026-07-14T15:33:27.000Z'],
		['2026-07-14T10:03:27Z', '2026-07-14T10:03:27.000Z'],
		['2026-07-14t10:03:27z', '2026-07-14T10:03:27.000Z'],
		['2026-07-14T10:03:27+0200', '2026-07-14T08:03:27.000Z'],
		['2026-07-14T10:03:27+02', '2026-07-14T08:03:27.000Z'],
		['2026-07-14T10:03:27.5Z', '2026-07-14T10:03:27.500Z'],
		['2026-07-14T10:03:27.12Z', '2026-07-14T10:03:27.120Z'],
		['2026-07-14T10:03:27.123456789Z', '2026-07-14T10:03:27.123Z'],
		['2026-07-14T10:03:27,250+01:00', '2026-07-14T09:03:27.250Z'],
		['2026-07-14 10:03:27', '2026-07-14T10:03:27.000Z'],
		['2026-07-14T10:03', '2026-07-14T10:03:00.000Z'],
		['2026-07-14', '2026-07-14T00:00:00.000Z'],
		['2026-7-4 9:03', '2026-07-04T09:03:00.000Z'],
		['2026-07-14 10:03:27 UTC', '2026-07-14T10:03:27.000Z'],
		['2026-07-14T24:00:00Z', '2026-07-15T00:00:00.000Z']
	])('%s', (text, expected) => {
		expect(parseDateTime(text, UTC)).toBe(utc(expected));
	});

	it('trims surrounding whitespace, including NBSP and BOM', () => {
		expect(parseDateTime('  \t2026-07-14T10:03:27Z\r\n', UTC)).toBe(utc('2026-07-14T10:03:27Z'));
		expect(parseDateTime('\uFEFF\u00a02026-07-14\u00a0', UTC)).toBe(utc('2026-07-14T00:00:00Z'));
	});

	it('an explicit offset wins over options.timeZone', () => {
		const opts = { timeZone: 'Asia/Shanghai' };
		expect(parseDateTime('2026-07-14T10:03:27+02:00', opts)).toBe(utc('2026-07-14T08:03:27Z'));
		expect(parseDateTime('2026-07-14T10:03:27Z', opts)).toBe(utc('2026-07-14T10:03:27Z'));
	});
});

describe('parseDateTime: other layouts', () => {
	it('Zendesk-like "YYYY-MM-DD HH:MM:SS +HHMM"', () => {
		expect(parseDateTime('2026-07-14 10:03:27 +0200', UTC)).toBe(utc('2026-07-14T08:03:27Z'));
		expect(parseDateTime('2026-07-14 10:03:27 -0700', UTC)).toBe(utc('2026-07-14T17:03:27Z'));
	});

	it.each([
		['7/14/2026 10:03 AM', '2026-07-14T10:03:00Z'],
		['7/14/2026 10:03 PM', '2026-07-14T22:03:00Z'],
		['7/14/2026 12:03 AM', '2026-07-14T00:03:00Z'],
		['7/14/2026 12:03 PM', '2026-07-14T12:03:00Z'],
		['7/14/2026 10:03:27 pm', '2026-07-14T22:03:27Z'],
		['7/14/2026 10:03 p.m.', '2026-07-14T22:03:00Z'],
		['7/14/2026, 10:03 PM', '2026-07-14T22:03:00Z'],
		['7/14/2026 10:03 PM EDT', '2026-07-15T02:03:00Z'],
		['07/14/2026 22:03', '2026-07-14T22:03:00Z'],
		['7/14/26', '2026-07-14T00:00:00Z'],
		['7/14/2026', '2026-07-14T00:00:00Z']
	])('US %s', (text, expected) => {
		expect(parseDateTime(text, UTC)).toBe(utc(expected));
	});

	it.each([
		['14.07.2026 10:03', '2026-07-14T10:03:00Z'],
		['14.07.2026', '2026-07-14T00:00:00Z'],
		['03.04.2026', '2026-04-03T00:00:00Z'],
		['14/07/2026 10:03', '2026-07-14T10:03:00Z'],
		['14-07-2026 10:03:27', '2026-07-14T10:03:27Z']
	])('EU %s', (text, expected) => {
		expect(parseDateTime(text, UTC)).toBe(utc(expected));
	});

	it('ambiguous slash dates follow dayFirst (default US month-first)', () => {
		expect(parseDateTime('03/04/2026', UTC)).toBe(utc('2026-03-04T00:00:00Z'));
		expect(parseDateTime('03/04/2026', { timeZone: 'UTC', dayFirst: false })).toBe(
			utc('2026-03-04T00:00:00Z')
		);
		expect(parseDateTime('03/04/2026', { timeZone: 'UTC', dayFirst: true })).toBe(
			utc('2026-04-03T00:00:00Z')
		);
		// An unambiguous part overrides the option either way.
		expect(parseDateTime('14/07/2026', { timeZone: 'UTC', dayFirst: false })).toBe(
			utc('2026-07-14T00:00:00Z')
		);
		expect(parseDateTime('07/14/2026', { timeZone: 'UTC', dayFirst: true })).toBe(
			utc('2026-07-14T00:00:00Z')
		);
	});

	it.each([
		['2026年7月14日 10:03', '2026-07-14T02:03:00Z'],
		['2026年07月14日10:03:27', '2026-07-14T02:03:27Z'],
		['2026年7月14日', '2026-07-13T16:00:00Z'],
		['2026年7月14日 下午3:05', '2026-07-14T07:05:00Z'],
		['2026年7月14日 上午10点03分', '2026-07-14T02:03:00Z'],
		['2026年7月14日 10时03分27秒', '2026-07-14T02:03:27Z'],
		['2026/7/14 10:03:27', '2026-07-14T02:03:27Z'],
		['2026/07/14', '2026-07-13T16:00:00Z'],
		['2026.07.14 10:03', '2026-07-14T02:03:00Z']
	])('Chinese %s (Asia/Shanghai)', (text, expected) => {
		expect(parseDateTime(text, { timeZone: 'Asia/Shanghai' })).toBe(utc(expected));
	});

	it('epoch seconds (10 digits) and milliseconds (13 digits)', () => {
		expect(parseDateTime('1784023407', UTC)).toBe(1784023407000);
		expect(parseDateTime('1784023407123', UTC)).toBe(1784023407123);
		expect(parseDateTime('1784023407.25', UTC)).toBe(1784023407250);
		// Epochs are absolute: the zone does not matter.
		expect(parseDateTime('1784023407', { timeZone: 'Asia/Shanghai' })).toBe(1784023407000);
		expect(parseDateTime('178402340', UTC)).toBeNull();
		expect(parseDateTime('17840234071', UTC)).toBeNull();
	});

	it.each([
		['Tue, 14 Jul 2026 10:03:27 +0200', '2026-07-14T08:03:27Z'],
		['14 Jul 2026 10:03:27 +0200', '2026-07-14T08:03:27Z'],
		['Tue, 14 Jul 2026 10:03 GMT', '2026-07-14T10:03:00Z'],
		['Tue, 14 Jul 2026 10:03:27 -0400 (EDT)', '2026-07-14T14:03:27Z'],
		['Tue, 14 Jul 2026 10:03:27 EDT', '2026-07-14T14:03:27Z'],
		['Tue, 14 Jul 26 10:03:27 +0000', '2026-07-14T10:03:27Z'],
		['Tue Jul 14 2026 10:03:27 GMT+0200 (Central European Summer Time)', '2026-07-14T08:03:27Z'],
		['July 14, 2026 at 10:03 PM', '2026-07-14T22:03:00Z'],
		['Jul 14, 2026', '2026-07-14T00:00:00Z'],
		['Sept 3rd, 2026 9:00 am', '2026-09-03T09:00:00Z'],
		['14-Jul-2026', '2026-07-14T00:00:00Z']
	])('RFC 2822 and English month names: %s', (text, expected) => {
		expect(parseDateTime(text, UTC)).toBe(utc(expected));
	});
});

describe('parseDateTime: time zones', () => {
	it('interprets wall times in America/New_York (EDT in summer, EST in winter)', () => {
		const opts = { timeZone: 'America/New_York' };
		expect(parseDateTime('2026-07-14 10:03', opts)).toBe(utc('2026-07-14T14:03:00Z'));
		expect(parseDateTime('2026-01-14 10:03', opts)).toBe(utc('2026-01-14T15:03:00Z'));
		expect(parseDateTime('7/14/2026 10:03 AM', opts)).toBe(utc('2026-07-14T14:03:00Z'));
	});

	it('applies the zone to mail dates without an offset', () => {
		const opts = { timeZone: 'Europe/Berlin' };
		expect(parseDateTime('Tue, 14 Jul 2026 10:03:27', opts)).toBe(utc('2026-07-14T08:03:27Z'));
		expect(parseDateTime('Jul 14, 2026 10:03', opts)).toBe(utc('2026-07-14T08:03:00Z'));
	});

	it('interprets wall times in Asia/Shanghai (no DST)', () => {
		const opts = { timeZone: 'Asia/Shanghai' };
		expect(parseDateTime('2026-01-01 00:00', opts)).toBe(utc('2025-12-31T16:00:00Z'));
		expect(parseDateTime('2026-07-14T10:03:27', opts)).toBe(utc('2026-07-14T02:03:27Z'));
	});

	it('Europe/Berlin spring-forward gap shifts forward (02:30 → 03:30 CEST)', () => {
		const opts = { timeZone: 'Europe/Berlin' };
		expect(parseDateTime('2026-03-29 02:30', opts)).toBe(utc('2026-03-29T01:30:00Z'));
		expect(parseDateTime('2026-03-29 03:30', opts)).toBe(utc('2026-03-29T01:30:00Z'));
		expect(parseDateTime('2026-03-29 01:59:59', opts)).toBe(utc('2026-03-29T00:59:59Z'));
		expect(parseDateTime('2026-03-29 03:00', opts)).toBe(utc('2026-03-29T01:00:00Z'));
	});

	it('Europe/Berlin fall-back overlap takes the first occurrence (+02:00)', () => {
		const opts = { timeZone: 'Europe/Berlin' };
		expect(parseDateTime('2026-10-25 02:30', opts)).toBe(utc('2026-10-25T00:30:00Z'));
		expect(parseDateTime('2026-10-25 01:59', opts)).toBe(utc('2026-10-24T23:59:00Z'));
		expect(parseDateTime('2026-10-25 03:00', opts)).toBe(utc('2026-10-25T02:00:00Z'));
		// With an explicit offset the second occurrence is reachable.
		expect(parseDateTime('2026-10-25T02:30+01:00', opts)).toBe(utc('2026-10-25T01:30:00Z'));
	});

	it('America/New_York DST edges', () => {
		const opts = { timeZone: 'America/New_York' };
		expect(parseDateTime('2026-03-08 02:30', opts)).toBe(utc('2026-03-08T07:30:00Z'));
		expect(parseDateTime('2026-11-01 01:30', opts)).toBe(utc('2026-11-01T05:30:00Z'));
	});

	it('half-hour transitions (Australia/Lord_Howe) resolve exactly', () => {
		const opts = { timeZone: 'Australia/Lord_Howe' };
		// DST starts 2026-10-04 02:00 local (+10:30 → +11:00), i.e. 15:30 UTC the day before.
		expect(parseDateTime('2026-10-04 01:59', opts)).toBe(utc('2026-10-03T15:29:00Z'));
		expect(parseDateTime('2026-10-04 02:30', opts)).toBe(utc('2026-10-03T15:30:00Z'));
		expect(timeZoneOffsetMs(utc('2026-10-03T15:29:59Z'), 'Australia/Lord_Howe')).toBe(
			10.5 * 3_600_000
		);
		expect(timeZoneOffsetMs(utc('2026-10-03T15:30:00Z'), 'Australia/Lord_Howe')).toBe(
			11 * 3_600_000
		);
	});

	it('throws RangeError for an unknown zone only when a zone is needed', () => {
		expect(() => parseDateTime('2026-07-14 10:03', { timeZone: 'Mars/Olympus' })).toThrow(
			RangeError
		);
		expect(parseDateTime('2026-07-14T10:03Z', { timeZone: 'Mars/Olympus' })).toBe(
			utc('2026-07-14T10:03:00Z')
		);
		expect(parseDateTime('nope', { timeZone: 'Mars/Olympus' })).toBeNull();
	});
});

describe('parseDateTime: rejects', () => {
	it.each([
		'',
		'   ',
		'garbage',
		'2026-02-30',
		'2025-02-29',
		'2026-13-01',
		'2026-00-10',
		'2026-07-00',
		'2026-07-14 25:00',
		'2026-07-14 24:01',
		'2026-07-14 10:60',
		'2026-07-14 10:03:61',
		'2026-07-14T10:03+25:00',
		'13/13/2026',
		'31.02.2026',
		'7/14/2026 13:03 AM',
		'2026年13月1日',
		'0000-00-00 00:00:00',
		'2026-07-14 10:03 nonsense',
		'2026-07-14T',
		'2026-07-14 10',
		'Tue, 14 Foo 2026',
		'Tue, 31 Feb 2026 10:03:27 +0000',
		'Tue, 14 Jul 2026 10:63:27 +0000',
		'Tue, 14 Jul 2026 10:03:27 +2500',
		'Xyz, 14 Jul 2026 10:03:27 +0000',
		'12345',
		'1.5',
		'N/A',
		'-'
	])('%j → null', (text) => {
		expect(parseDateTime(text, UTC)).toBeNull();
	});

	it('accepts 29 February in leap years only', () => {
		expect(parseDateTime('2028-02-29', UTC)).toBe(utc('2028-02-29T00:00:00Z'));
		expect(parseDateTime('2000-02-29', UTC)).toBe(utc('2000-02-29T00:00:00Z'));
		expect(parseDateTime('2100-02-29', UTC)).toBeNull();
	});
});
