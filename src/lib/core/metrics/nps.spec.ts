import { describe, expect, it } from 'vitest';
import { netPromoterScore } from './nps';

describe('netPromoterScore', () => {
	it('is % promoters (9-10) minus % detractors (0-6); passives (7-8) only dilute', () => {
		expect(netPromoterScore([10, 10, 9, 3])).toEqual({ value: 50, n: 4, excluded: 0 });
		expect(netPromoterScore([7, 8, 9])).toEqual({ value: 100 / 3, n: 3, excluded: 0 });
	});

	it('skips missing answers and excludes ones outside 0-10 or not whole', () => {
		expect(netPromoterScore([10, 9, 8, 7, 6, 0, NaN, 11, 5.5])).toEqual({
			value: 0,
			n: 6,
			excluded: 2
		});
	});

	it('is null without answers', () => {
		expect(netPromoterScore([])).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
