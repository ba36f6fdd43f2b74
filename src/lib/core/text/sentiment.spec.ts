import { describe, expect, it } from 'vitest';
import { isNegative, sentimentOf } from './sentiment';

describe('sentimentOf', () => {
	it('reads English words, phrases, negation and intensifiers', () => {
		expect(sentimentOf('Very disappointed, still waiting for my parcel')).toEqual({
			// "very" doubles "disappointed": weight 2 + 1 against 0.
			score: -1,
			positive: [],
			negative: ['disappointed', 'still waiting']
		});
		expect(sentimentOf('Not happy with the service')).toEqual({
			score: -1,
			positive: [],
			negative: ['not happy']
		});
		expect(sentimentOf('Thanks, great help!')).toEqual({
			score: 1,
			positive: ['thanks', 'great'],
			negative: []
		});
		// One positive (weight 1) against one doubled negative (weight 2): (1 − 2) / 3.
		expect(sentimentOf('Thanks but really rude agent').score).toBeCloseTo(-1 / 3, 12);
		expect(sentimentOf('Where is order #1042?')).toEqual({ score: 0, positive: [], negative: [] });
	});

	it('reads Chinese compounds before their parts, and a negator before praise', () => {
		expect(sentimentOf('服务不错，谢谢')).toEqual({
			score: 1,
			positive: ['不错', '谢谢'],
			negative: []
		});
		expect(sentimentOf('非常不满意，太慢了')).toEqual({
			score: -1,
			positive: [],
			negative: ['不满意', '太慢']
		});
		expect(sentimentOf('我不喜欢这个颜色')).toEqual({
			score: -1,
			positive: [],
			negative: ['不喜欢']
		});
		expect(sentimentOf('订单什么时候发货')).toEqual({ score: 0, positive: [], negative: [] });
	});

	it('isNegative: more negative weight than positive', () => {
		expect(isNegative('Terrible experience')).toBe(true);
		expect(isNegative('Thanks, but still waiting')).toBe(false);
		expect(isNegative('失望')).toBe(true);
		expect(isNegative('')).toBe(false);
	});
});
