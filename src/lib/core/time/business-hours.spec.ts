import { describe, expect, it } from 'vitest';
import {
	BusinessClock,
	DEFAULT_WEEK,
	businessSecondsBetween,
	parseLocalDate,
	weekdayOfLocalDay,
	weeklyOpenMinutes,
	type BusinessSchedule,
	type WeekSchedule
} from './business-hours';
import { daysFromCivil } from './time-zone';

const HOUR = 3600;
const berlin = (week: WeekSchedule = DEFAULT_WEEK, holidays: string[] = []): BusinessSchedule => ({
	week,
	holidays,
	timeZone: 'Europe/Berlin'
});
/** An instant from a UTC wall time (tests state the Berlin offset next to each one). */
const utc = (text: string) => Date.parse(`${text}Z`);
const always: WeekSchedule = Array.from({ length: 7 }, () => ({
	openMinute: 0,
	closeMinute: 1440
}));

describe('weekdayOfLocalDay', () => {
	it('numbers Monday 0 … Sunday 6', () => {
		expect(weekdayOfLocalDay(0)).toBe(3); // 1970-01-01 was a Thursday
		expect(weekdayOfLocalDay(daysFromCivil(2026, 7, 3))).toBe(4); // Friday
		expect(weekdayOfLocalDay(daysFromCivil(2026, 3, 29))).toBe(6); // Sunday
		expect(weekdayOfLocalDay(-1)).toBe(2); // 1969-12-31, a Wednesday
	});
});

describe('parseLocalDate', () => {
	it('accepts real dates and rejects impossible ones', () => {
		expect(parseLocalDate('2026-07-06')).toBe(daysFromCivil(2026, 7, 6));
		expect(parseLocalDate('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
		expect(parseLocalDate('2026-02-29')).toBeNull();
		expect(parseLocalDate('2026-04-31')).toBeNull();
		expect(parseLocalDate('2026-13-01')).toBeNull();
		expect(parseLocalDate('6 July')).toBeNull();
	});
});

describe('businessSecondsBetween (Mon-Fri 09:00-17:00, Europe/Berlin)', () => {
	it('skips the weekend: Fri 16:00 → Mon 10:00 is 1 h + 1 h', () => {
		// Summer time, UTC+2: Fri 2026-07-03 16:00 = 14:00Z; Mon 2026-07-06 10:00 = 08:00Z.
		expect(businessSecondsBetween(utc('2026-07-03T14:00'), utc('2026-07-06T08:00'), berlin())).toBe(
			2 * HOUR
		);
	});

	it('skips a holiday: Fri 16:00 → Tue 10:00 is 10 h, or 2 h when Monday is a holiday', () => {
		const start = utc('2026-07-03T14:00');
		const end = utc('2026-07-07T08:00');
		expect(businessSecondsBetween(start, end, berlin())).toBe(10 * HOUR);
		expect(businessSecondsBetween(start, end, berlin(DEFAULT_WEEK, ['2026-07-06']))).toBe(2 * HOUR);
		// A holiday on a weekend day changes nothing; an unparseable one is ignored.
		expect(
			businessSecondsBetween(start, end, berlin(DEFAULT_WEEK, ['2026-07-04', 'not-a-date']))
		).toBe(10 * HOUR);
	});

	it('counts from the opening when a ticket arrives outside hours', () => {
		// Tue 2026-07-07 07:00 local (05:00Z): a reply at 08:30 is 0 business seconds, a real 0.
		expect(businessSecondsBetween(utc('2026-07-07T05:00'), utc('2026-07-07T06:30'), berlin())).toBe(
			0
		);
		// … a reply at 09:30 local is 30 min.
		expect(businessSecondsBetween(utc('2026-07-07T05:00'), utc('2026-07-07T07:30'), berlin())).toBe(
			30 * 60
		);
		// Tue 20:00 local → Wed 09:15 local: 15 min.
		expect(businessSecondsBetween(utc('2026-07-07T18:00'), utc('2026-07-08T07:15'), berlin())).toBe(
			15 * 60
		);
		// Sat 11:00 → Sun 18:00: nothing open.
		expect(businessSecondsBetween(utc('2026-07-04T09:00'), utc('2026-07-05T16:00'), berlin())).toBe(
			0
		);
	});

	it('follows the clock across the March DST change (last Sunday, 29 March 2026)', () => {
		// Fri 27 Mar 16:00 CET (15:00Z) → Mon 30 Mar 10:00 CEST (08:00Z): 1 h + 1 h. Reading Monday
		// with Friday's offset would put the opening at 08:00Z and give 1 h.
		expect(businessSecondsBetween(utc('2026-03-27T15:00'), utc('2026-03-30T08:00'), berlin())).toBe(
			2 * HOUR
		);
		// Open around the clock: Sat 12:00 CET → Sun 12:00 CEST is 23 real hours.
		expect(
			businessSecondsBetween(utc('2026-03-28T11:00'), utc('2026-03-29T10:00'), berlin(always))
		).toBe(23 * HOUR);
		// A Sunday window 00:00-06:00 local that contains the jump lasts 5 real hours.
		const sundayNight: WeekSchedule = [
			null,
			null,
			null,
			null,
			null,
			null,
			{ openMinute: 0, closeMinute: 360 }
		];
		expect(
			businessSecondsBetween(utc('2026-03-27T12:00'), utc('2026-03-31T12:00'), berlin(sundayNight))
		).toBe(5 * HOUR);
		// And in October the same window holds 7 real hours (02:00-03:00 happens twice).
		expect(
			businessSecondsBetween(utc('2026-10-23T12:00'), utc('2026-10-27T12:00'), berlin(sundayNight))
		).toBe(7 * HOUR);
	});

	it('a 09:00-17:00 day is 8 h on both sides of a DST change', () => {
		const everyDay: WeekSchedule = Array.from({ length: 7 }, () => ({
			openMinute: 540,
			closeMinute: 1020
		}));
		// Sun 29 Mar 2026, midnight to midnight (CET then CEST).
		expect(
			businessSecondsBetween(utc('2026-03-28T23:00'), utc('2026-03-29T22:00'), berlin(everyDay))
		).toBe(8 * HOUR);
	});

	it('is negative when the end comes first, and 0 for an empty interval', () => {
		const a = utc('2026-07-06T08:00');
		const b = utc('2026-07-06T10:00');
		expect(businessSecondsBetween(b, a, berlin())).toBe(-2 * HOUR);
		expect(businessSecondsBetween(a, a, berlin())).toBe(0);
	});

	it('works in UTC and in zones east of it (Asia/Shanghai, no DST)', () => {
		const utcSchedule = { week: DEFAULT_WEEK, holidays: [], timeZone: 'UTC' };
		expect(
			businessSecondsBetween(utc('2026-07-06T08:00'), utc('2026-07-06T18:00'), utcSchedule)
		).toBe(8 * HOUR);
		const shanghai = { week: DEFAULT_WEEK, holidays: [], timeZone: 'Asia/Shanghai' };
		// Mon 2026-07-06 09:00-17:00 in Shanghai = 01:00Z-09:00Z.
		expect(businessSecondsBetween(utc('2026-07-06T00:00'), utc('2026-07-06T05:00'), shanghai)).toBe(
			4 * HOUR
		);
	});
});

describe('BusinessClock', () => {
	it('answers many intervals from one table, clamping to its range', () => {
		const clock = new BusinessClock(berlin(), utc('2026-07-01T00:00'), utc('2026-07-10T00:00'));
		expect(clock.secondsBetween(utc('2026-07-03T14:00'), utc('2026-07-06T08:00'))).toBe(2 * HOUR);
		// Wed 1 Jul 09:00 local → Thu 9 Jul 17:00 local: 7 working days.
		expect(clock.secondsBetween(utc('2026-07-01T07:00'), utc('2026-07-09T15:00'))).toBe(56 * HOUR);
	});

	it('refuses an absurd range rather than allocating it', () => {
		expect(() => new BusinessClock(berlin(), 0, utc('9999-01-01T00:00'))).toThrow(RangeError);
	});
});

describe('weeklyOpenMinutes', () => {
	it('is 2400 for the default week and 0 when every day is closed', () => {
		expect(weeklyOpenMinutes(DEFAULT_WEEK)).toBe(2400);
		expect(weeklyOpenMinutes([null, null, null, null, null, null, null])).toBe(0);
	});
});
