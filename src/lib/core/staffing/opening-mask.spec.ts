import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEK } from '../time/business-hours';
import { openingHoursMask } from './opening-mask';

const MONDAY = Date.UTC(2026, 10, 23); // Mon 23 Nov 2026, local midnight as wall-clock ms

const openHoursOf = (mask: Uint8Array, day: number) =>
	Array.from(mask.subarray(day * 24, day * 24 + 24))
		.map((open, hour) => (open ? hour : -1))
		.filter((hour) => hour >= 0);

describe('openingHoursMask', () => {
	it('opens Mon-Fri 09-17 and closes the weekend with the default week', () => {
		const mask = openingHoursMask(MONDAY, 7 * 24, DEFAULT_WEEK, []);
		for (let day = 0; day < 5; day++)
			expect(openHoursOf(mask, day)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
		expect(openHoursOf(mask, 5)).toEqual([]);
		expect(openHoursOf(mask, 6)).toEqual([]);
	});

	it('closes a holiday all day and counts an hour open in part as open', () => {
		const week = [{ openMinute: 9 * 60 + 30, closeMinute: 17 * 60 + 30 }, ...DEFAULT_WEEK.slice(1)];
		const mask = openingHoursMask(MONDAY, 3 * 24, week, ['2026-11-24']);
		expect(openHoursOf(mask, 0)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
		expect(openHoursOf(mask, 1)).toEqual([]); // Tuesday is the holiday
		expect(openHoursOf(mask, 2)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
	});

	it('starts mid-week and mid-day at the right week day, and to midnight', () => {
		const week = DEFAULT_WEEK.map(() => ({ openMinute: 20 * 60, closeMinute: 1440 }));
		// Saturday 28 Nov 2026 22:00 wall clock, four hours: 22, 23 open; Sun 00, 01 closed.
		const mask = openingHoursMask(Date.UTC(2026, 10, 28, 22), 4, week, []);
		expect(Array.from(mask)).toEqual([1, 1, 0, 0]);
	});
});
