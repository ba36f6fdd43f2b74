import { describe, expect, it } from 'vitest';
import type { Order } from '../model/order';
import { summarizeSources } from './sources-summary';

const order = (customerKey: string, cancelled = false): Order => ({
	key: `k${Math.random()}`,
	externalId: '1',
	createdAtMs: 0,
	customerKey,
	email: '',
	phone: '',
	customerId: '',
	customerName: '',
	status: '',
	cancelled,
	currency: '',
	total: 10,
	lineCount: 1,
	itemCount: 1
});

describe('summarizeSources', () => {
	it('pools survey chunks and counts orders and repeat customers', () => {
		// Codes: 1 good_bad, 2 five_point, 3 zero_to_ten.
		const summary = summarizeSources(
			[
				{ scores: [1, 0, 5], scaleCodes: [1, 1, 2] },
				{ scores: [10, 9, 3, 8], scaleCodes: [3, 3, 3, 3] }
			],
			[order('a'), order('a'), order('b'), order('c', true), order('')]
		);
		expect(summary.surveyAnswers).toBe(7);
		// CSAT: Good, Bad, 5 → 2 of 3.
		expect(summary.surveyCsat).toEqual({ value: 2 / 3, n: 3, excluded: 0 });
		// NPS: 2 promoters, 1 passive, 1 detractor of 4 → 25.
		expect(summary.nps.value).toBe(25);
		expect(summary.surveyPopulations).toEqual({
			survey_csat_rate: { included: 3, excluded: 0, other_scale: 4, no_score: 0 },
			survey_nps: { included: 4, excluded: 0, other_scale: 3, no_score: 0 }
		});
		expect(summary.orders).toBe(4);
		expect(summary.cancelledOrders).toBe(1);
		// a (2 orders) and b (1); c only cancelled; the anonymous order names nobody.
		expect(summary.customersWithOrders).toBe(2);
		expect(summary.repeatCustomerRate).toEqual({ value: 0.5, n: 2, excluded: 0 });
	});

	it('is empty without data', () => {
		const summary = summarizeSources([], []);
		expect(summary.surveyCsat.value).toBeNull();
		expect(summary.nps.value).toBeNull();
		expect(summary.repeatCustomerRate.value).toBeNull();
	});
});
