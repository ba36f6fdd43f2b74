import type { CustomerRecord } from '../model/records';
import type { CustomerOrderStats } from './order-stats';
import { customerIdOf, emailId, phoneId } from './identifiers';

/**
 * Customer segments a ticket falls in, by the orders of the customer who raised it
 * (docs/metrics.md "Customer segment"). Index = the code stored per ticket row.
 * - no_orders_imported: no order file is imported, so nothing can be said;
 * - unknown_customer: the ticket names nobody (no e-mail or customer id);
 * - no_orders: a known customer without an order that was not cancelled;
 * - new: exactly one order; returning: two or more;
 * - vip: among customers with orders, the top 10% by net spend (ties at the threshold in).
 */
export const CUSTOMER_SEGMENTS = [
	'no_orders_imported',
	'unknown_customer',
	'no_orders',
	'new',
	'returning',
	'vip'
] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

/** Share of customers with orders who are VIP (the top tenth by net spend). */
export const VIP_SHARE = 0.1;

export function isCustomerSegment(value: string): value is CustomerSegment {
	return (CUSTOMER_SEGMENTS as readonly string[]).includes(value);
}

/**
 * The net spend a customer must reach to be VIP: the spend of the ⌈10%⌉-th biggest spender
 * among customers with at least one order and a positive spend; null when nobody spent.
 */
export function vipSpendThreshold(stats: Iterable<CustomerOrderStats>): number | null {
	const spends: number[] = [];
	for (const entry of stats) if (entry.orders > 0 && entry.spent > 0) spends.push(entry.spent);
	if (spends.length === 0) return null;
	spends.sort((a, b) => b - a);
	return spends[Math.ceil(spends.length * VIP_SHARE) - 1] ?? null;
}

/** The segment of one customer's order stats (undefined = the customer placed none). */
export function segmentOfStats(
	stats: CustomerOrderStats | undefined,
	vipThreshold: number | null
): CustomerSegment {
	if (stats === undefined || stats.orders === 0) return 'no_orders';
	if (vipThreshold !== null && stats.spent >= vipThreshold && stats.spent > 0) return 'vip';
	return stats.orders === 1 ? 'new' : 'returning';
}

/**
 * Identifier → linked customer key, from the customers table (link-customers.ts). An
 * identifier the table does not know stands for itself, so a ticket and an order with the
 * same e-mail still meet when linking has not run yet.
 */
export function customerResolver(customers: Iterable<CustomerRecord>): (id: string) => string {
	const byIdentifier = new Map<string, string>();
	for (const customer of customers) {
		for (const email of customer.emails) byIdentifier.set(emailId(email), customer.key);
		for (const phone of customer.phones) byIdentifier.set(phoneId(phone), customer.key);
		for (const id of customer.customerIds ?? []) byIdentifier.set(`cid:${id}`, customer.key);
	}
	return (id) => byIdentifier.get(id) ?? id;
}

/** The identifier of a ticket's customer key (`id:<x>` is scoped to the issuing system). */
export function ticketCustomerIdentifier(customerKey: string, system: string): string {
	if (customerKey === '') return '';
	return customerKey.startsWith('id:')
		? customerIdOf(system, customerKey.slice(3))
		: emailId(customerKey);
}

/**
 * One segment code per ticket row: `customers[row]` is the row's linked customer key ('' =
 * none), `stats` the order stats per linked customer, `hasOrders` whether any order file
 * is imported at all.
 */
export function segmentCodesOf(
	customers: readonly string[],
	stats: ReadonlyMap<string, CustomerOrderStats>,
	hasOrders: boolean
): Uint8Array {
	const codes = new Uint8Array(customers.length);
	if (!hasOrders) return codes; // 0 = no_orders_imported
	const threshold = vipSpendThreshold(stats.values());
	const cache = new Map<string, number>();
	for (let row = 0; row < customers.length; row++) {
		const customer = customers[row] ?? '';
		if (customer === '') {
			codes[row] = CUSTOMER_SEGMENTS.indexOf('unknown_customer');
			continue;
		}
		let code = cache.get(customer);
		if (code === undefined) {
			code = CUSTOMER_SEGMENTS.indexOf(segmentOfStats(stats.get(customer), threshold));
			cache.set(customer, code);
		}
		codes[row] = code;
	}
	return codes;
}
