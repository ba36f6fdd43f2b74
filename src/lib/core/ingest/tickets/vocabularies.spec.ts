import { describe, expect, it } from 'vitest';
import {
	normalizeChannel,
	normalizeCsat,
	normalizePriority,
	normalizeStatus,
	splitTags
} from './vocabularies';

describe('normalizeStatus', () => {
	it.each([
		['New', 'new'],
		['Open', 'open'],
		['Pending', 'pending'],
		['Hold', 'on_hold'],
		['Solved', 'solved'],
		['Closed', 'closed']
	] as const)('reads the Zendesk status %s as %s', (text, status) => {
		expect(normalizeStatus(text)).toBe(status);
	});

	it.each([
		['Resolved', 'solved'],
		['Waiting on Customer', 'pending'],
		['Waiting on Third Party', 'pending']
	] as const)('reads the Freshdesk status %s as %s', (text, status) => {
		expect(normalizeStatus(text)).toBe(status);
	});

	it.each([
		['已解决', 'solved'],
		['处理中', 'open'],
		['已关闭', 'closed'],
		['挂起', 'on_hold']
	] as const)('reads the Chinese status %s as %s', (text, status) => {
		expect(normalizeStatus(text)).toBe(status);
	});

	it('ignores case and surrounding spaces', () => {
		expect(normalizeStatus('  SOLVED ')).toBe('solved');
		expect(normalizeStatus('on hold')).toBe('on_hold');
		expect(normalizeStatus('On-Hold')).toBe('on_hold');
	});

	it('reads unknown words and empty cells as unknown', () => {
		expect(normalizeStatus('Escalated')).toBe('unknown');
		expect(normalizeStatus('OpenPending')).toBe('unknown');
		expect(normalizeStatus('')).toBe('unknown');
		expect(normalizeStatus('   ')).toBe('unknown');
	});
});

describe('normalizeChannel', () => {
	it.each([
		['Email', 'email'],
		['Chat', 'chat'],
		['Web form', 'web'],
		['Phone call', 'phone'],
		['Facebook', 'social'],
		['Twitter', 'social'],
		['API', 'api']
	] as const)('reads the Zendesk Via value %s as %s', (text, channel) => {
		expect(normalizeChannel(text)).toBe(channel);
	});

	it.each([
		['邮件', 'email'],
		['电话', 'phone'],
		['在线客服', 'chat']
	] as const)('reads the Chinese channel %s as %s', (text, channel) => {
		expect(normalizeChannel(text)).toBe(channel);
	});

	it('reads an unknown non-empty channel as other, an empty one as unknown', () => {
		expect(normalizeChannel('Carrier pigeon')).toBe('other');
		expect(normalizeChannel('Closed ticket')).toBe('other');
		expect(normalizeChannel('')).toBe('unknown');
		expect(normalizeChannel('  ')).toBe('unknown');
	});

	it('ignores case and surrounding spaces', () => {
		expect(normalizeChannel(' EMAIL ')).toBe('email');
		expect(normalizeChannel('Live Chat')).toBe('chat');
	});
});

describe('normalizePriority', () => {
	it.each([
		['Low', 'low'],
		['Normal', 'normal'],
		['Medium', 'normal'],
		['High', 'high'],
		['Urgent', 'urgent'],
		['Critical', 'urgent'],
		['紧急', 'urgent'],
		['低', 'low']
	] as const)('reads %s as %s', (text, priority) => {
		expect(normalizePriority(text)).toBe(priority);
	});

	it('reads unknown and empty priorities as unknown (there is no "other")', () => {
		expect(normalizePriority('P1')).toBe('unknown');
		expect(normalizePriority('')).toBe('unknown');
	});
});

describe('normalizeCsat', () => {
	it('reads Good as 1 and Bad as 0 on the good/bad scale', () => {
		expect(normalizeCsat('Good')).toEqual({ score: 1, scale: 'good_bad' });
		expect(normalizeCsat('bad')).toEqual({ score: 0, scale: 'good_bad' });
	});

	it('reads Offered, Not Offered and empty as no answer', () => {
		const none = { score: null, scale: 'none' };
		expect(normalizeCsat('Offered')).toEqual(none);
		expect(normalizeCsat('Not Offered')).toEqual(none);
		expect(normalizeCsat('')).toEqual(none);
		expect(normalizeCsat('   ')).toEqual(none);
	});

	it('reads 1..5 scores, also written "4.0" or "5 stars"', () => {
		expect(normalizeCsat('4')).toEqual({ score: 4, scale: 'five_point' });
		expect(normalizeCsat('4.0')).toEqual({ score: 4, scale: 'five_point' });
		expect(normalizeCsat('5 stars')).toEqual({ score: 5, scale: 'five_point' });
		expect(normalizeCsat('1 star')).toEqual({ score: 1, scale: 'five_point' });
		expect(normalizeCsat('3.5')).toEqual({ score: 3.5, scale: 'five_point' });
		expect(normalizeCsat('4分')).toEqual({ score: 4, scale: 'five_point' });
	});

	it("reads scores outside 1..5 (and outside Freshdesk's codes) as no answer", () => {
		expect(normalizeCsat('0')).toEqual({ score: null, scale: 'none' });
		expect(normalizeCsat('6')).toEqual({ score: null, scale: 'none' });
		expect(normalizeCsat('104')).toEqual({ score: null, scale: 'none' });
		expect(normalizeCsat('99')).toEqual({ score: null, scale: 'none' });
		expect(normalizeCsat('-100')).toEqual({ score: null, scale: 'none' });
		expect(normalizeCsat('-1')).toEqual({ score: null, scale: 'none' });
	});

	it("reads Freshdesk's -103..103 codes: happy is Good, neutral and unhappy are Bad", () => {
		for (const code of ['103', '102', '101'])
			expect(normalizeCsat(code)).toEqual({ score: 1, scale: 'good_bad' });
		for (const code of ['100', '-101', '-102', '-103'])
			expect(normalizeCsat(code)).toEqual({ score: 0, scale: 'good_bad' });
	});

	it('reads three-point words top-box: Great / Awesome good; Okay, Just Okay, Not Good bad', () => {
		expect(normalizeCsat('Great')).toEqual({ score: 1, scale: 'good_bad' });
		expect(normalizeCsat('Awesome')).toEqual({ score: 1, scale: 'good_bad' });
		expect(normalizeCsat('Okay')).toEqual({ score: 0, scale: 'good_bad' });
		expect(normalizeCsat('Just Okay')).toEqual({ score: 0, scale: 'good_bad' });
		expect(normalizeCsat('Not Good')).toEqual({ score: 0, scale: 'good_bad' });
		expect(normalizeCsat('Extremely Happy')).toEqual({ score: 1, scale: 'good_bad' });
	});

	it('reads Chinese 满意 / 不满意 on the good/bad scale', () => {
		expect(normalizeCsat('满意')).toEqual({ score: 1, scale: 'good_bad' });
		expect(normalizeCsat('不满意')).toEqual({ score: 0, scale: 'good_bad' });
		expect(normalizeCsat('非常满意')).toEqual({ score: 1, scale: 'good_bad' });
	});
});

describe('splitTags', () => {
	it('splits Zendesk space-separated tags', () => {
		expect(splitTags('refund vip  shipping')).toEqual(['refund', 'vip', 'shipping']);
	});

	it('splits on commas, semicolons and pipes, dropping the spaces around them', () => {
		expect(splitTags('refund, vip;shipping | late')).toEqual(['refund', 'vip', 'shipping', 'late']);
	});

	it('splits on Chinese commas and semicolons', () => {
		expect(splitTags('退款，物流；投诉')).toEqual(['退款', '物流', '投诉']);
	});

	it('drops empty pieces from leading, trailing and doubled separators', () => {
		expect(splitTags(',a,,b|')).toEqual(['a', 'b']);
		expect(splitTags('||')).toEqual([]);
	});

	it('gives no tags for an empty or blank cell', () => {
		expect(splitTags('')).toEqual([]);
		expect(splitTags('  ')).toEqual([]);
	});
});

// Regression: the word tables were object literals, so a cell spelling an Object.prototype
// member ("constructor", "toString", "__proto__") found the inherited member.
describe('unknown spellings that are Object.prototype member names', () => {
	it('normalizeStatus returns unknown for "constructor" and "toString"', () => {
		expect(normalizeStatus('constructor')).toBe('unknown');
		expect(normalizeStatus('toString')).toBe('unknown');
	});

	it('normalizeChannel returns other for "constructor"', () => {
		expect(normalizeChannel('constructor')).toBe('other');
	});

	it('normalizePriority returns unknown for "__proto__"', () => {
		expect(normalizePriority('__proto__')).toBe('unknown');
	});
});
