import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { DEFAULT_WEEK, type BusinessSchedule } from '../time/business-hours';
import { firstResponseBusinessMedian, resolutionBusinessMedian } from './business-time';

const HOUR = 3600;
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 0, day, hour, minute);
const utcWeekdays = (holidays: string[] = []): BusinessSchedule => ({
	week: DEFAULT_WEEK,
	holidays,
	timeZone: 'UTC'
});

describe('firstResponseBusinessMedian (Mon-Fri 09:00-17:00)', () => {
	// 5 Jan 2026 is a Monday.
	const columns = makeColumns(
		// Fri 16:00 → Mon 10:00 (66 h on the calendar): 1 h + 1 h.
		{ createdAtMs: at(9, 16), firstResponseSeconds: 66 * HOUR },
		// Mon 09:00 → 09:30.
		{ createdAtMs: at(5, 9), firstResponseSeconds: 1800 },
		// Sat 10:00 → Sat 11:00: the shop was closed, a true 0.
		{ createdAtMs: at(10, 10), firstResponseSeconds: HOUR },
		// Mon 07:00 (before opening) → 10:00: 1 h.
		{ createdAtMs: at(12, 7), firstResponseSeconds: 3 * HOUR },
		{ createdAtMs: at(5, 9), firstResponseSeconds: -5 }, // impossible: excluded
		{ createdAtMs: at(5, 9) } // no reply yet: out of scope
	);

	it('counts only open hours, over the same tickets as the calendar median', () => {
		// Business seconds [7200, 1800, 0, 3600] → median of [0, 1800, 3600, 7200] = 2700.
		expect(firstResponseBusinessMedian(columns, utcWeekdays())).toEqual({
			value: 2700,
			n: 4,
			excluded: 1,
			gap: null
		});
	});

	it('skips holidays', () => {
		// With Mon 12 Jan a holiday, the first ticket gets 1 h and the fourth 0: [0, 0, 1800, 3600].
		expect(firstResponseBusinessMedian(columns, utcWeekdays(['2026-01-12'])).value).toBe(900);
	});

	it('uses the shop zone: Berlin across the March DST change', () => {
		// Fri 27 Mar 16:00 CET (15:00Z) + 65 h = Mon 30 Mar 10:00 CEST: 1 h + 1 h.
		const dst = makeColumns({
			createdAtMs: Date.UTC(2026, 2, 27, 15),
			firstResponseSeconds: 65 * HOUR
		});
		const berlin = { week: DEFAULT_WEEK, holidays: [], timeZone: 'Europe/Berlin' };
		expect(firstResponseBusinessMedian(dst, berlin).value).toBe(2 * HOUR);
	});

	it('says why instead of showing 0 when no day has opening hours', () => {
		const closed = {
			week: [null, null, null, null, null, null, null],
			holidays: [],
			timeZone: 'UTC'
		};
		expect(firstResponseBusinessMedian(columns, closed)).toEqual({
			value: null,
			n: 0,
			excluded: 1,
			gap: 'no_open_hours'
		});
	});

	it('says why when one garbage timestamp would stretch the clock over centuries', () => {
		const garbage = makeColumns(
			{ createdAtMs: at(5, 9), firstResponseSeconds: 1800 },
			{ createdAtMs: Date.UTC(1700, 0, 1), firstResponseSeconds: 60 }
		);
		expect(firstResponseBusinessMedian(garbage, utcWeekdays())).toMatchObject({
			value: null,
			gap: 'range_too_wide'
		});
	});

	it('is null without tickets in scope', () => {
		expect(firstResponseBusinessMedian(makeColumns({}), utcWeekdays())).toEqual({
			value: null,
			n: 0,
			excluded: 0,
			gap: null
		});
	});
});

describe('resolutionBusinessMedian', () => {
	it('covers solved and closed tickets only', () => {
		const columns = makeColumns(
			// Mon 09:00 → Tue 13:00: 8 h + 4 h.
			{ createdAtMs: at(5, 9), status: 'solved', resolutionSeconds: 28 * HOUR },
			// Fri 15:00 → Mon 11:00: 2 h + 2 h.
			{ createdAtMs: at(9, 15), status: 'closed', resolutionSeconds: 68 * HOUR },
			// Still open with a stale duration: out of scope.
			{ createdAtMs: at(5, 9), status: 'open', resolutionSeconds: HOUR },
			{ createdAtMs: at(5, 9), status: 'solved', resolutionSeconds: -HOUR }
		);
		expect(resolutionBusinessMedian(columns, utcWeekdays())).toEqual({
			value: 8 * HOUR,
			n: 2,
			excluded: 1,
			gap: null
		});
	});
});
