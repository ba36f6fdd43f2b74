import { describe, expect, it } from 'vitest';
import { formatPoints } from './points';

describe('formatPoints', () => {
	it('signs and rounds NPS points', () => {
		expect(formatPoints(20, 'en')).toBe('+20');
		expect(formatPoints(-7.4, 'en')).toBe('-7');
		expect(formatPoints(0, 'en')).toBe('0');
		expect(formatPoints(null, 'zh-CN')).toBe('–');
	});
});
