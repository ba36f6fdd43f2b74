import type { TicketColumns } from '../model/ticket-columns';

/**
 * Products behind a ticket. Tickets carry no order number, so a ticket is linked to the
 * products of its customer's most recent order placed before the ticket, at most
 * `PRODUCT_LINK_DAYS` days before it (the order the customer most likely writes about).
 * Cancelled orders count too (a customer writes about them as well). Products are named by
 * their line name, else their SKU. A ticket without a customer key, or whose customer placed
 * no order in the window, has no product (like a ticket without tags).
 */
export const PRODUCT_LINK_DAYS = 30;
const DAY_MS = 86_400_000;

/** One order as the linking needs it. */
export interface OrderForLink {
	orderKey: string;
	customerKey: string;
	createdAtMs: number;
}

/** One order line as the linking needs it. */
export interface LineForLink {
	orderKey: string;
	name: string;
	sku: string;
}

export interface TicketProducts {
	/** Per ticket row: the linked order's distinct products (shared arrays), or undefined. */
	products: (readonly string[] | undefined)[];
	/** Tickets with a customer key; of those, linked to an order with at least one product. */
	withCustomer: number;
	linked: number;
}

/**
 * Adds order lines to the distinct products per order key (name, else SKU), so that lines can
 * be read chunk by chunk.
 */
export function addOrderProducts(
	productsByOrder: Map<string, string[]>,
	lines: Iterable<LineForLink>
): Map<string, string[]> {
	for (const line of lines) {
		const product = line.name.trim() || line.sku.trim();
		if (product === '' || line.orderKey === '') continue;
		const list = productsByOrder.get(line.orderKey);
		if (!list) productsByOrder.set(line.orderKey, [product]);
		else if (!list.includes(product)) list.push(product);
	}
	return productsByOrder;
}

/**
 * Links every ticket row to the products of its customer's latest order in the
 * `PRODUCT_LINK_DAYS` before it was created. Memory: one product list per order, shared by
 * the tickets that point to it; orders are sorted per customer and found by binary search.
 */
export function linkTicketProducts(
	columns: TicketColumns,
	orders: readonly OrderForLink[],
	productsByOrder: ReadonlyMap<string, string[]>,
	windowDays = PRODUCT_LINK_DAYS
): TicketProducts {
	const byCustomer = new Map<string, { times: number[]; products: (string[] | undefined)[] }>();
	const sorted = orders
		.filter((order) => order.customerKey !== '' && Number.isFinite(order.createdAtMs))
		.sort((a, b) => a.createdAtMs - b.createdAtMs || (a.orderKey < b.orderKey ? -1 : 1));
	for (const order of sorted) {
		const entry = byCustomer.get(order.customerKey) ?? { times: [], products: [] };
		entry.times.push(order.createdAtMs);
		entry.products.push(productsByOrder.get(order.orderKey));
		byCustomer.set(order.customerKey, entry);
	}
	const windowMs = windowDays * DAY_MS;
	const products: (readonly string[] | undefined)[] = new Array(columns.size);
	let withCustomer = 0;
	let linked = 0;
	for (let row = 0; row < columns.size; row++) {
		const key = columns.customerKeys[row] ?? '';
		if (key === '') continue;
		withCustomer++;
		const created = columns.createdAtMs[row] ?? NaN;
		const entry = byCustomer.get(key);
		if (!entry || !Number.isFinite(created)) continue;
		// Last order placed at or before the ticket's creation.
		let low = 0;
		let high = entry.times.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (entry.times[middle]! <= created) low = middle + 1;
			else high = middle;
		}
		const index = low - 1;
		if (index < 0 || created - entry.times[index]! > windowMs) continue;
		const list = entry.products[index];
		if (!list || list.length === 0) continue;
		products[row] = list;
		linked++;
	}
	return { products, withCustomer, linked };
}
