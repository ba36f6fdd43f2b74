import { describe, expect, it } from 'vitest';
import { surveySatisfiedRate } from './survey-csat';

describe('surveySatisfiedRate', () => {
	it('pools Good/Bad and top-2-box of 1..5, leaving NPS answers out', () => {
		// good_bad = 1, five_point = 2, zero_to_ten = 3 (SURVEY_SCALES order).
		const rate = surveySatisfiedRate([1, 0, 5, 4, 3, 10, NaN], [1, 1, 2, 2, 2, 3, 2]);
		expect(rate).toEqual({ value: 3 / 5, n: 5, excluded: 0 });
	});

	it('excludes scores that cannot be on their scale, as the ticket CSAT does', () => {
		// Good, a good/bad 2 (impossible), 5, a five-point 7 (impossible), 0.5 (impossible), 4.
		const rate = surveySatisfiedRate([1, 2, 5, 7, 0.5, 4], [1, 1, 2, 2, 2, 2]);
		expect(rate).toEqual({ value: 1, n: 3, excluded: 3 });
	});
});
