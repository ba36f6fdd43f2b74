import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { makeColumns } from '../../../../tests/factories/ticket';
import {
	customerFeatures,
	firedRules,
	orderOutcome,
	rankRiskyCustomers,
	shopNorms
} from './customer-risk';
import { mulberry32 } from '../demo/random';

describe('orderOutcome', () => {
	it('reads cancelled, refunded and partly refunded orders', () => {
		expect(orderOutcome(true, 'paid')).toBe('cancelled');
		expect(orderOutcome(false, 'paid')).toBe('purchase');
		expect(orderOutcome(false, 'Refunded')).toBe('refunded');
		expect(orderOutcome(false, 'wc-refunded')).toBe('refunded');
		expect(orderOutcome(false, 'partially_refunded')).toBe('partlyRefunded');
		expect(orderOutcome(false, '已退款')).toBe('refunded');
		expect(orderOutcome(false, '部分退款')).toBe('partlyRefunded');
		expect(orderOutcome(false, 'delivered')).toBe('purchase');
	});
});

describe('customerFeatures', () => {
	it('counts contacts, claims, compensation, abuse and ratings per customer', () => {
		const columns = makeColumns(
			{ key: '1', customerKey: 'a@x', subject: 'Parcel never arrived', tags: ['refund_issued'] },
			{
				key: '2',
				customerKey: 'a@x',
				subject: 'Useless shop, refund now',
				csatScale: 'five_point',
				csatScore: 1
			},
			{ key: '3', customerKey: 'a@x', subject: '没收到货', csatScale: 'good_bad', csatScore: 1 },
			{ key: '4', customerKey: 'b@x', subject: 'Size question' },
			{ key: '5', customerKey: '', subject: 'refund' }
		);
		expect(customerFeatures(columns)).toEqual([
			{
				customerKey: 'a@x',
				contacts: 3,
				claims: 3,
				compensated: 1,
				abusive: 1,
				negative: 1,
				rated: 2,
				unsatisfied: 1
			},
			{
				customerKey: 'b@x',
				contacts: 1,
				claims: 0,
				compensated: 0,
				abusive: 0,
				negative: 0,
				rated: 0,
				unsatisfied: 0
			}
		]);
		const withOrders = customerFeatures(columns, [
			{ customerKey: 'a@x', orders: 4, value: 200, refunds: 2 }
		]);
		expect(withOrders[0]).toMatchObject({ orders: 4, orderValue: 200, refundedOrders: 2 });
		expect(withOrders[1]).toMatchObject({ orders: 0, orderValue: 0, refundedOrders: 0 });
	});

	it('fires the transparent rules by their thresholds', () => {
		const norms = {
			contacts: 2,
			claims: 0.5,
			compensatedShare: 0.1,
			unsatisfiedShare: 0.2,
			negativeShare: 0.1,
			abusive: 0,
			refunds: 0
		};
		expect(
			firedRules(
				{
					customerKey: 'x',
					contacts: 6,
					claims: 5,
					compensated: 4,
					abusive: 1,
					negative: 0,
					rated: 3,
					unsatisfied: 2
				},
				norms
			)
		).toEqual(['serialClaims', 'compensation', 'abusive', 'unhappy']);
		expect(
			firedRules(
				{
					customerKey: 'y',
					contacts: 10,
					claims: 2,
					compensated: 3,
					abusive: 0,
					negative: 0,
					rated: 4,
					unsatisfied: 2
				},
				norms
			)
		).toEqual([]);
	});
});

/** A synthetic shop: 600 ordinary customers, 5 planted serial claimers. */
function syntheticShop(seed: number) {
	const rng = mulberry32(seed);
	const tickets: Partial<Ticket>[] = [];
	let id = 0;
	for (let c = 0; c < 600; c++) {
		const n = 1 + Math.floor(-Math.log(Math.max(rng(), 1e-9)) * 2);
		for (let i = 0; i < n; i++) {
			const claim = rng() < 0.2;
			tickets.push({
				key: `t${id++}`,
				customerKey: `c${c}@shop`,
				subject: claim ? 'Return request' : 'Question about my order',
				tags: claim && rng() < 0.4 ? ['refund_issued'] : [],
				...(rng() < 0.3
					? { csatScale: 'five_point' as const, csatScore: rng() < 0.85 ? 5 : 2 }
					: {})
			});
		}
	}
	for (let c = 0; c < 5; c++)
		for (let i = 0; i < 8; i++)
			tickets.push({
				key: `t${id++}`,
				customerKey: `abuser${c}@shop`,
				subject: i % 3 === 0 ? 'Not received, you scammers' : 'Parcel never arrived',
				tags: rng() < 0.85 ? ['refund_issued'] : []
			});
	return makeColumns(...tickets);
}

describe('rankRiskyCustomers', () => {
	it('lists the planted serial claimers first, with their reasons', () => {
		const features = customerFeatures(syntheticShop(3));
		const { customers, norms } = rankRiskyCustomers(features);
		const top = customers
			.slice(0, 5)
			.map((c) => c.customerKey)
			.sort();
		expect(top).toEqual([
			'abuser0@shop',
			'abuser1@shop',
			'abuser2@shop',
			'abuser3@shop',
			'abuser4@shop'
		]);
		const first = customers[0]!;
		expect(first.score).toBeGreaterThan(0.6);
		expect(first.score).toBeLessThanOrEqual(1);
		expect(first.rules).toEqual(expect.arrayContaining(['serialClaims', 'abusive']));
		const claims = first.reasons.find((r) => r.feature === 'claims')!;
		expect(claims.value).toBe(8);
		expect(claims.norm).toBeCloseTo(norms.claims, 12);
		expect(claims.value / claims.norm).toBeGreaterThan(5);
	});

	it('keeps verdicts: fine moves to the end, fraud stays marked', () => {
		const features = customerFeatures(syntheticShop(3));
		const before = rankRiskyCustomers(features).customers;
		const firstKey = before[0]!.customerKey;
		const secondKey = before[1]!.customerKey;
		const after = rankRiskyCustomers(
			features,
			new Map([
				[firstKey, 'fine'],
				[secondKey, 'fraud']
			])
		).customers;
		expect(after[after.length - 1]).toMatchObject({ customerKey: firstKey, verdict: 'fine' });
		expect(after[0]).toMatchObject({ customerKey: secondKey, verdict: 'fraud' });
	});

	it('counts refunded orders apart: the norm and the reason in words', () => {
		const features = customerFeatures(
			syntheticShop(3),
			// Every ordinary customer: two purchases; abuser0 also had 4 orders refunded.
			Array.from({ length: 600 }, (_, c) => ({
				customerKey: `c${c}@shop`,
				orders: 2,
				value: 80,
				refunds: c % 10 === 0 ? 1 : 0
			})).concat([{ customerKey: 'abuser0@shop', orders: 1, value: 20, refunds: 4 }])
		);
		const norms = shopNorms(features);
		// 60 + 4 refunded orders over 605 customers.
		expect(norms.refunds).toBeCloseTo(64 / 605, 12);
		const abuser = rankRiskyCustomers(features).customers.find(
			(c) => c.customerKey === 'abuser0@shop'
		)!;
		const refunds = abuser.reasons.find((r) => r.feature === 'refunds')!;
		expect(refunds.value).toBe(4);
		expect(refunds.norm).toBeCloseTo(64 / 605, 12);
	});

	it('is deterministic for a seed', () => {
		const a = rankRiskyCustomers(customerFeatures(syntheticShop(5)));
		const b = rankRiskyCustomers(customerFeatures(syntheticShop(5)));
		expect(a.customers.map((c) => [c.customerKey, c.score])).toEqual(
			b.customers.map((c) => [c.customerKey, c.score])
		);
		expect(rankRiskyCustomers([]).customers).toEqual([]);
	});
});
