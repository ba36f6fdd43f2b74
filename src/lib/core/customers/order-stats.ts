import type { Order } from '../model/order';

export interface CustomerOrderStats {
	/** Orders placed and not cancelled. */
	orders: number;
	/**
	 * Net spend: totals of orders not cancelled, plus credit notes (cancelled orders with a
	 * negative total, such as Online Retail's "C" invoices, which refund earlier purchases).
	 * A cancelled order with a positive total (Shopify, WooCommerce) adds nothing.
	 */
	spent: number;
	/** Orders whose total is unknown (not counted in spent). */
	ordersWithoutTotal: number;
}

/** Order count and net spend per customer key (orders without a customer are skipped). */
export function customerOrderStats(orders: Iterable<Order>): Map<string, CustomerOrderStats> {
	const stats = new Map<string, CustomerOrderStats>();
	for (const order of orders) {
		if (order.customerKey === '') continue;
		let entry = stats.get(order.customerKey);
		if (entry === undefined) {
			entry = { orders: 0, spent: 0, ordersWithoutTotal: 0 };
			stats.set(order.customerKey, entry);
		}
		if (!order.cancelled) entry.orders++;
		if (order.total === null) {
			if (!order.cancelled) entry.ordersWithoutTotal++;
		} else if (!order.cancelled || order.total < 0) {
			// Rounded as it goes, so thousands of additions do not drift.
			entry.spent = Math.round((entry.spent + order.total) * 10_000) / 10_000;
		}
	}
	return stats;
}
