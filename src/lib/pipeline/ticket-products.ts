import {
	addOrderProducts,
	linkTicketProducts,
	type LineForLink,
	type OrderForLink,
	type TicketProducts
} from '$lib/core/alerts/ticket-products';
import type { GenericChunkRecord } from '$lib/core/model/records';
import type { TicketColumns } from '$lib/core/model/ticket-columns';
import type { ServiceLensDb } from '$lib/db/database';
import { forEachCommittedChunk } from '$lib/db/repositories/record-chunks';

const column = <T>(chunk: GenericChunkRecord, name: string): ArrayLike<T> | undefined => {
	const value = chunk.columns[name];
	return Array.isArray(value) || ArrayBuffer.isView(value)
		? (value as unknown as ArrayLike<T>)
		: undefined;
};

function* linesOf(chunk: GenericChunkRecord): Generator<LineForLink> {
	const orderKeys = column<string>(chunk, 'orderKeys');
	const names = column<string>(chunk, 'names');
	const skus = column<string>(chunk, 'skus');
	if (!orderKeys) return;
	for (let row = 0; row < chunk.size; row++)
		yield {
			orderKey: String(orderKeys[row] ?? ''),
			name: String(names?.[row] ?? ''),
			sku: String(skus?.[row] ?? '')
		};
}

/**
 * Tickets linked to the products of their customer's latest order before them (see
 * core/alerts/ticket-products.ts), from the committed order and order-line chunks, read one
 * chunk at a time. Null when no order lines are imported (no product dimension then).
 */
export async function loadTicketProducts(
	db: ServiceLensDb,
	tickets: TicketColumns
): Promise<TicketProducts | null> {
	const productsByOrder = new Map<string, string[]>();
	await forEachCommittedChunk(db, 'orderLineChunks', (chunk) =>
		addOrderProducts(productsByOrder, linesOf(chunk))
	);
	if (productsByOrder.size === 0) return null;
	const orders: OrderForLink[] = [];
	await forEachCommittedChunk(db, 'orderChunks', (chunk) => {
		const customerKeys = column<string>(chunk, 'customerKeys');
		const created = column<number>(chunk, 'createdAtMs');
		if (!customerKeys || !created) return;
		for (let row = 0; row < chunk.size; row++)
			orders.push({
				orderKey: chunk.keys[row] ?? '',
				customerKey: String(customerKeys[row] ?? ''),
				createdAtMs: Number(created[row])
			});
	});
	return linkTicketProducts(tickets, orders, productsByOrder);
}
