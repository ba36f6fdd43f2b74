import { describe, expect, it } from 'vitest';
import { netPromoterScore } from './nps';
import { surveySatisfiedRate } from './survey-csat';

describe('netPromoterScore', () => {
	it('is % promoters (9-10) minus % detractors (0-6), in points', () => {
		// 3 promoters, 2 passives, 5 detractors of 10 → 30 - 50 = -20.
		const result = netPromoterScore([10, 9, 9, 8, 7, 6, 5, 3, 0, 1]);
		expect(result).toEqual({
			value: -20,
			n: 10,
			excluded: 0,
			promoters: 3,
			passives: 2,
			detractors: 5
		});
	});

	it('skips missing answers, excludes impossible ones, and is null with no answers', () => {
		expect(netPromoterScore([NaN, 11, 9.5, -1, 10])).toMatchObject({
			value: 100,
			n: 1,
			excluded: 3
		});
		expect(netPromoterScore([]).value).toBeNull();
	});
});

describe('surveySatisfiedRate', () => {
	it('pools Good/Bad and top-2-box of 1..5, leaving NPS answers out', () => {
		// good_bad = 1, five_point = 2, zero_to_ten = 3 (SURVEY_SCALES order).
		const rate = surveySatisfiedRate([1, 0, 5, 4, 3, 10, NaN], [1, 1, 2, 2, 2, 3, 2]);
		expect(rate).toEqual({ value: 3 / 5, n: 5, excluded: 0 });
	});
});
