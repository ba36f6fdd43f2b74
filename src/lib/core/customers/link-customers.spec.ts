import { describe, expect, it } from 'vitest';
import { linkCustomers, type Sighting } from './link-customers';
import {
	customerIdOf,
	emailId,
	normalizeEmail,
	normalizePhone,
	orderId,
	phoneId
} from './identifiers';
import { customerOrderStats } from './order-stats';
import type { Order } from '../model/order';

const seen = (
	source: Sighting['source'],
	identifiers: string[],
	atMs = 0,
	name = '',
	importId = 1
): Sighting => ({ source, importId, identifiers, name, atMs });

describe('normalizePhone / normalizeEmail', () => {
	it('reduces phone spellings to digits, dropping + and 00', () => {
		expect(normalizePhone('+44 20 7946 0018')).toBe('442079460018');
		expect(normalizePhone('0044 (20) 7946-0018')).toBe('442079460018');
		expect(normalizePhone("'+49 170 1234567")).toBe('491701234567');
		expect(normalizePhone('12-34')).toBe('');
	});

	it('lower-cases e-mails and rejects non-addresses', () => {
		expect(normalizeEmail(' Ann@Example.COM ')).toBe('ann@example.com');
		expect(normalizeEmail('not an email')).toBe('');
	});
});

describe('linkCustomers', () => {
	it('joins chains of shared identifiers into one customer', () => {
		const customers = linkCustomers([
			seen('tickets', [emailId('ann@x.test')], 300),
			seen('orders', [emailId('ann@x.test'), phoneId('4917012'), orderId('1001')], 100, 'Ann'),
			// Only the phone: same person through the order above.
			seen('surveys', [phoneId('4917012')], 200),
			// Only the order number: same person.
			seen('surveys', [orderId('1001')], 250),
			seen('tickets', [emailId('bob@x.test')], 50)
		]);
		expect(customers).toEqual([
			{
				key: 'ann@x.test',
				emails: ['ann@x.test'],
				phones: ['4917012'],
				name: 'Ann',
				firstSeenAtMs: 100,
				customerIds: [],
				orderNumbers: ['1001'],
				counts: { tickets: 1, surveys: 2, orders: 1, listed: 0 },
				tags: [],
				importIds: [1]
			},
			{
				key: 'bob@x.test',
				emails: ['bob@x.test'],
				phones: [],
				name: '',
				firstSeenAtMs: 50,
				customerIds: [],
				orderNumbers: [],
				counts: { tickets: 1, surveys: 0, orders: 0, listed: 0 },
				tags: [],
				importIds: [1]
			}
		]);
	});

	it('keeps customer ids of different systems apart and keys phone/id-only customers', () => {
		const customers = linkCustomers([
			seen('orders', [customerIdOf('shopify', '7')]),
			seen('tickets', [customerIdOf('zendesk', '7')]),
			seen('surveys', [phoneId('5550100')])
		]);
		expect(customers.map((c) => c.key)).toEqual(['id:shopify:7', 'id:zendesk:7', 'phone:5550100']);
	});

	it('a customer-list row names and tags the person its e-mail, phone or id links to', () => {
		const customers = linkCustomers([
			seen('orders', [emailId('ann@x.test'), orderId('1001')], 100, 'A. Adler (billing)'),
			seen('orders', [emailId('ann@x.test'), orderId('1002')], 120, 'A. Adler (billing)'),
			// The shop's customer list: same e-mail, plus a phone the survey below uses.
			{
				...seen('listed', [emailId('ann@x.test'), phoneId('4930123456')], 50, 'Anna Adler', 2),
				tags: ['vip', 'newsletter']
			},
			seen('surveys', [phoneId('4930123456')], 300),
			{ ...seen('listed', [customerIdOf('shopify', '9')], NaN, 'Dora', 2), tags: ['walk-in'] }
		]);
		expect(customers).toEqual([
			{
				key: 'ann@x.test',
				emails: ['ann@x.test'],
				phones: ['4930123456'],
				// The list's name wins over the name typed twice on orders.
				name: 'Anna Adler',
				firstSeenAtMs: 50,
				customerIds: [],
				orderNumbers: ['1001', '1002'],
				counts: { tickets: 0, surveys: 1, orders: 2, listed: 1 },
				tags: ['newsletter', 'vip'],
				importIds: [1, 2]
			},
			{
				key: 'id:shopify:9',
				emails: [],
				phones: [],
				name: 'Dora',
				firstSeenAtMs: NaN,
				customerIds: ['shopify:9'],
				orderNumbers: [],
				counts: { tickets: 0, surveys: 0, orders: 0, listed: 1 },
				tags: ['walk-in'],
				importIds: [2]
			}
		]);
	});

	it('a group of order numbers alone is nobody; no identifiers is nobody', () => {
		expect(linkCustomers([seen('orders', [orderId('9')]), seen('tickets', [])])).toEqual([]);
	});

	it('handles long chains (union by size, path halving)', () => {
		const chain = Array.from({ length: 5000 }, (_, i) =>
			seen('orders', [phoneId(`55501${i}`), phoneId(`55501${i + 1}`)])
		);
		const customers = linkCustomers(chain);
		expect(customers).toHaveLength(1);
		expect(customers[0]?.phones).toHaveLength(5001);
		expect(customers[0]?.counts?.orders).toBe(5000);
	});
});

describe('customerOrderStats', () => {
	const order = (over: Partial<Order>): Order => ({
		key: 'k',
		externalId: '1',
		createdAtMs: 0,
		customerKey: 'a@x.test',
		email: 'a@x.test',
		phone: '',
		customerId: '',
		customerName: '',
		status: '',
		cancelled: false,
		currency: 'EUR',
		total: 10,
		lineCount: 1,
		itemCount: 1,
		...over
	});

	it('counts orders not cancelled; cancelled positives add nothing, credit notes subtract', () => {
		const stats = customerOrderStats([
			order({ total: 10 }),
			order({ total: 5.5 }),
			order({ total: 20, cancelled: true }),
			order({ total: -3, cancelled: true }),
			order({ total: null }),
			order({ customerKey: '', total: 99 })
		]);
		expect(stats.get('a@x.test')).toEqual({ orders: 3, spent: 12.5, ordersWithoutTotal: 1 });
		expect(stats.size).toBe(1);
	});
});
