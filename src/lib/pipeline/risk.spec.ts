import { describe, expect, it } from 'vitest';
import type { GenericChunkRecord } from '$lib/core/model/records';
import type { Order } from '$lib/core/model/order';
import { packOrders } from '$lib/core/model/record-columns';
import { customerIdentity, ordersFromChunks } from './risk';

function order(key: string, customerKey: string, total: number, extra: Partial<Order> = {}): Order {
	return {
		key,
		externalId: key,
		createdAtMs: Date.UTC(2026, 5, 1),
		customerKey,
		email: customerKey,
		phone: '',
		customerId: '',
		customerName: '',
		status: 'paid',
		cancelled: false,
		currency: 'EUR',
		total,
		lineCount: 1,
		itemCount: 1,
		...extra
	};
}

function chunk(orders: Order[]): GenericChunkRecord {
	const packed = packOrders(orders);
	return { importId: 1, size: packed.size, keys: packed.keys, columns: packed.columns };
}

describe('ordersFromChunks', () => {
	it('counts and sums purchases only; refunds are counted apart', () => {
		const result = ordersFromChunks([
			chunk([
				order('1', 'a@x', 40),
				order('2', 'a@x', 60, { status: 'cancelled', cancelled: true }),
				order('3', 'a@x', 25, { status: 'refunded' }),
				order('4', 'a@x', 30, { status: 'partially_refunded' }),
				order('5', 'b@x', 10, { status: 'wc-refunded' })
			]),
			chunk([order('6', 'b@x', 15), order('7', '', 99)])
		]);
		// a: purchases 1 (40) and 4 (30, a partial refund is still a purchase); refunds 3 and 4.
		// b: purchase 6 (15); refund 5. The order without a customer is skipped.
		expect(result).toEqual([
			{ customerKey: 'a@x', orders: 2, value: 70, refunds: 2 },
			{ customerKey: 'b@x', orders: 1, value: 15, refunds: 1 }
		]);
	});

	it('counts every order when the chunk has no status columns (older imports)', () => {
		const packed = chunk([order('1', 'a@x', 40), order('2', 'a@x', 60, { cancelled: true })]);
		const { customerKeys, totals } = packed.columns;
		const bare: GenericChunkRecord = { ...packed, columns: { customerKeys, totals } };
		expect(ordersFromChunks([bare])).toEqual([
			{ customerKey: 'a@x', orders: 2, value: 100, refunds: 0 }
		]);
	});
});

describe('customerIdentity', () => {
	it('shows the record name; the e-mail is the key, or the record e-mail for id keys', () => {
		const record = { name: ' Ann Lee ', emails: ['ann@x.org', 'ann@y.org'] };
		expect(customerIdentity('ann@x.org', record)).toEqual({ name: 'Ann Lee', email: 'ann@x.org' });
		expect(customerIdentity('id:shopify:7', record)).toEqual({
			name: 'Ann Lee',
			email: 'ann@x.org'
		});
		expect(customerIdentity('id:shopify:8', undefined)).toEqual({ name: '', email: '' });
		expect(customerIdentity('bo@x.org', undefined)).toEqual({ name: '', email: 'bo@x.org' });
	});
});
