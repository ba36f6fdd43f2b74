import { describe, expect, it } from 'vitest';
import { MISSING_VALUE, formatCount, formatDuration, formatPercent, formatScore } from './format';

describe('formatDuration', () => {
	it('picks a humane unit in English', () => {
		expect(formatDuration(45, 'en')).toBe('45 s');
		expect(formatDuration(89, 'en')).toBe('89 s');
		expect(formatDuration(90, 'en')).toBe('2 min'); // 1.5 min rounds to whole minutes
		expect(formatDuration(36 * 60, 'en')).toBe('36 min');
		expect(formatDuration(89 * 60, 'en')).toBe('89 min');
		expect(formatDuration(90 * 60, 'en')).toBe('1.5 h');
		expect(formatDuration(5.5 * 3600, 'en')).toBe('5.5 h');
		expect(formatDuration(2 * 3600, 'en')).toBe('2 h'); // no trailing ".0"
		expect(formatDuration(47.9 * 3600, 'en')).toBe('47.9 h');
		expect(formatDuration(48 * 3600, 'en')).toBe('2 d');
		expect(formatDuration(3.2 * 86_400, 'en')).toBe('3.2 d');
		expect(formatDuration(1234.5 * 86_400, 'en')).toBe('1,234.5 d');
	});

	it('rounds within the unit', () => {
		expect(formatDuration(0, 'en')).toBe('0 s');
		expect(formatDuration(44.6, 'en')).toBe('45 s');
		expect(formatDuration(5.04 * 3600, 'en')).toBe('5 h');
	});

	it('uses Chinese units for zh-CN', () => {
		expect(formatDuration(45, 'zh-CN')).toBe('45 秒');
		expect(formatDuration(36 * 60, 'zh-CN')).toBe('36 分钟');
		expect(formatDuration(5.5 * 3600, 'zh-CN')).toBe('5.5 小时');
		expect(formatDuration(3.2 * 86_400, 'zh-CN')).toBe('3.2 天');
	});

	it('shows a dash for missing values', () => {
		expect(formatDuration(null, 'en')).toBe(MISSING_VALUE);
		expect(formatDuration(NaN, 'zh-CN')).toBe('–');
	});
});

describe('formatPercent', () => {
	it('shows at most one decimal', () => {
		expect(formatPercent(0.875, 'en')).toBe('87.5%');
		expect(formatPercent(0.5, 'en')).toBe('50%');
		expect(formatPercent(2 / 3, 'en')).toBe('66.7%');
		expect(formatPercent(1, 'zh-CN')).toBe('100%');
		expect(formatPercent(0.875, 'zh-CN')).toBe('87.5%');
	});

	it('shows a dash for missing values', () => {
		expect(formatPercent(null, 'en')).toBe('–');
	});
});

describe('formatCount', () => {
	it('groups digits', () => {
		expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
		expect(formatCount(1_234_567, 'zh-CN')).toBe('1,234,567');
		expect(formatCount(0, 'en')).toBe('0');
	});

	it('shows a dash for missing values', () => {
		expect(formatCount(null, 'zh-CN')).toBe('–');
	});
});

describe('formatScore', () => {
	it('shows two decimals', () => {
		expect(formatScore(4.2105, 'en')).toBe('4.21');
		expect(formatScore(4, 'en')).toBe('4.00');
		expect(formatScore(3.256, 'zh-CN')).toBe('3.26');
	});

	it('shows a dash for missing values', () => {
		expect(formatScore(null, 'en')).toBe('–');
	});
});

describe('formatBytes', () => {
	it('uses decimal units with one decimal below 100', async () => {
		const { formatBytes } = await import('./format');
		expect(formatBytes(1_821_203, 'en')).toBe('1.8 MB');
		expect(formatBytes(999, 'en')).toBe('999 B');
		expect(formatBytes(150_000, 'en')).toBe('150 kB');
		expect(formatBytes(null, 'en')).toBe('–');
	});
});
