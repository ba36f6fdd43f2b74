import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../model/records';
import {
	CUSTOMER_SEGMENTS,
	customerResolver,
	segmentCodesOf,
	segmentOfStats,
	ticketCustomerIdentifier,
	vipSpendThreshold
} from './customer-segments';
import type { CustomerOrderStats } from './order-stats';

const stats = (orders: number, spent: number): CustomerOrderStats => ({
	orders,
	spent,
	ordersWithoutTotal: 0
});

describe('vipSpendThreshold', () => {
	it('is the spend of the ⌈10%⌉-th biggest spender', () => {
		// 12 customers: ⌈1.2⌉ = 2nd biggest = 900.
		const spends = [1000, 900, 800, 700, 600, 500, 400, 300, 200, 100, 50, 10];
		expect(vipSpendThreshold(spends.map((spent) => stats(1, spent)))).toBe(900);
		// 3 customers: ⌈0.3⌉ = 1st.
		expect(vipSpendThreshold([stats(1, 5), stats(2, 50), stats(1, 20)])).toBe(50);
	});

	it('ignores customers without orders or spend, null when nobody spent', () => {
		expect(vipSpendThreshold([stats(0, 0), stats(1, 0)])).toBeNull();
		expect(vipSpendThreshold([stats(0, 500), stats(1, 40)])).toBe(40);
	});
});

describe('segmentOfStats', () => {
	it('new, returning, vip (ties at the threshold in), no orders', () => {
		expect(segmentOfStats(undefined, 100)).toBe('no_orders');
		expect(segmentOfStats(stats(0, -20), 100)).toBe('no_orders');
		expect(segmentOfStats(stats(1, 30), 100)).toBe('new');
		expect(segmentOfStats(stats(3, 99.99), 100)).toBe('returning');
		expect(segmentOfStats(stats(1, 100), 100)).toBe('vip');
		expect(segmentOfStats(stats(2, 10), null)).toBe('returning');
	});
});

describe('segmentCodesOf', () => {
	it('says "no orders imported" for every ticket when no order file is there', () => {
		const codes = segmentCodesOf(['a@x', ''], new Map(), false);
		expect([...codes].map((code) => CUSTOMER_SEGMENTS[code])).toEqual([
			'no_orders_imported',
			'no_orders_imported'
		]);
	});

	it('segments each ticket by its linked customer', () => {
		const byCustomer = new Map([
			['a@x', stats(1, 20)],
			['b@x', stats(4, 300)],
			['c@x', stats(2, 40)]
		]);
		const codes = segmentCodesOf(['a@x', 'b@x', 'c@x', 'd@x', '', 'b@x'], byCustomer, true);
		expect([...codes].map((code) => CUSTOMER_SEGMENTS[code])).toEqual([
			'new',
			'vip',
			'returning',
			'no_orders',
			'unknown_customer',
			'vip'
		]);
	});
});

describe('customerResolver', () => {
	const customers: CustomerRecord[] = [
		{
			key: 'ann@shop.test',
			emails: ['ann@shop.test', 'ann.b@mail.test'],
			phones: ['4917012345'],
			name: 'Ann',
			firstSeenAtMs: 0,
			customerIds: ['shopify:77']
		}
	];
	const resolve = customerResolver(customers);

	it('maps every identifier of a linked customer to its key', () => {
		expect(resolve('email:ann.b@mail.test')).toBe('ann@shop.test');
		expect(resolve('phone:4917012345')).toBe('ann@shop.test');
		expect(resolve(ticketCustomerIdentifier('id:77', 'shopify'))).toBe('ann@shop.test');
		expect(resolve(ticketCustomerIdentifier('ann@shop.test', 'zendesk'))).toBe('ann@shop.test');
	});

	it('lets an unknown identifier stand for itself', () => {
		expect(resolve('email:zed@x.test')).toBe('email:zed@x.test');
		expect(ticketCustomerIdentifier('', 'zendesk')).toBe('');
		// A customer id is scoped to the system that issued it.
		expect(resolve(ticketCustomerIdentifier('id:77', 'zendesk'))).toBe('cid:zendesk:77');
	});
});
