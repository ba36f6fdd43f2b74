import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEK } from '$lib/core/time/business-hours';
import { describeWeek, formatClockMinutes } from './business-hours';
import { weekdayLabels } from './kpi';

const en = weekdayLabels('en');

describe('describeWeek', () => {
	it('joins consecutive days with the same hours and leaves closed days out', () => {
		expect(describeWeek(DEFAULT_WEEK, en)).toBe('Mon–Fri 09:00–17:00');
		expect(
			describeWeek(
				[
					{ openMinute: 540, closeMinute: 1020 },
					{ openMinute: 540, closeMinute: 1020 },
					null,
					{ openMinute: 540, closeMinute: 1020 },
					{ openMinute: 540, closeMinute: 1080 },
					{ openMinute: 600, closeMinute: 840 },
					{ openMinute: 0, closeMinute: 1440 }
				],
				en
			)
		).toBe(
			'Mon–Tue 09:00–17:00, Thu 09:00–17:00, Fri 09:00–18:00, Sat 10:00–14:00, Sun 00:00–24:00'
		);
		expect(describeWeek([null, null, null, null, null, null, null], en)).toBe('');
		expect(describeWeek(DEFAULT_WEEK, weekdayLabels('zh-CN'))).toBe('周一–周五 09:00–17:00');
	});
});

describe('formatClockMinutes', () => {
	it('pads hours and minutes', () => {
		expect(formatClockMinutes(0)).toBe('00:00');
		expect(formatClockMinutes(545)).toBe('09:05');
		expect(formatClockMinutes(1440)).toBe('24:00');
	});
});
