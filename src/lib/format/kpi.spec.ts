import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDayLabel, formatKpiValue, weekdayLabels } from './kpi';

describe('formatKpiValue', () => {
	it('formats each unit humanely', () => {
		expect(formatKpiValue(2160, 'seconds', 'en')).toBe('36 min');
		expect(formatKpiValue(19_800, 'seconds', 'en')).toBe('5.5 h');
		expect(formatKpiValue(0.875, 'fraction', 'en')).toBe('87.5%');
		expect(formatKpiValue(1234, 'count', 'en')).toBe('1,234');
		expect(formatKpiValue(4.2111, 'score', 'en')).toBe('4.21');
		expect(formatKpiValue(2160, 'seconds', 'zh-CN')).toBe('36 分钟');
		expect(formatKpiValue(1.5, 'number', 'en')).toBe('1.5');
		expect(formatKpiValue(4 / 3, 'number', 'en')).toBe('1.33');
		expect(formatKpiValue(2, 'number', 'zh-CN')).toBe('2');
	});

	it('shows a dash when the data cannot give a value', () => {
		for (const unit of ['seconds', 'fraction', 'count', 'score', 'number'] as const)
			expect(formatKpiValue(null, unit, 'en')).toBe('–');
	});
});

describe('formatDayLabel', () => {
	it('labels the day in the given zone', () => {
		// 2026-07-12T23:30Z is already 13 July in Shanghai.
		const instant = Date.UTC(2026, 6, 12, 23, 30);
		expect(formatDayLabel(instant, 'en', 'UTC')).toBe('Jul 12');
		expect(formatDayLabel(instant, 'en', 'Asia/Shanghai')).toBe('Jul 13');
		expect(formatDayLabel(instant, 'zh-CN', 'Asia/Shanghai')).toBe('7月13日');
	});

	it('keeps zones and locales apart when it reuses formatters', () => {
		const instant = Date.UTC(2026, 6, 12, 23, 30);
		for (let round = 0; round < 2; round++) {
			expect(formatDayLabel(instant, 'en', 'Asia/Shanghai')).toBe('Jul 13');
			expect(formatDayLabel(instant, 'en', 'America/New_York')).toBe('Jul 12');
			expect(formatDayLabel(instant, 'zh-CN', 'America/New_York')).toBe('7月12日');
			expect(formatDateTime(instant, 'en', 'UTC')).toBe('Jul 12, 2026, 11:30 PM');
		}
	});
});

describe('formatDateTime', () => {
	it('shows the instant in the given zone', () => {
		const instant = Date.UTC(2026, 6, 14, 8, 3);
		expect(formatDateTime(instant, 'en', 'Europe/Berlin')).toBe('Jul 14, 2026, 10:03 AM');
		expect(formatDateTime(instant, 'zh-CN', 'Asia/Shanghai')).toBe('2026年7月14日 16:03');
	});
});

describe('weekdayLabels', () => {
	it('starts the week on Monday', () => {
		expect(weekdayLabels('en')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
		expect(weekdayLabels('zh-CN')[0]).toBe('周一');
	});

	it('hands out a fresh array each call (callers may change theirs)', () => {
		const first = weekdayLabels('en');
		first[0] = 'changed';
		expect(weekdayLabels('en')[0]).toBe('Mon');
	});
});
