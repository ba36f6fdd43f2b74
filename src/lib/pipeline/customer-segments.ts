import {
	customerResolver,
	segmentCodesOf,
	ticketCustomerIdentifier
} from '$lib/core/customers/customer-segments';
import { customerOrderStats } from '$lib/core/customers/order-stats';
import { idSystemOf, orderSightings } from '$lib/core/customers/sightings';
import type { Order } from '$lib/core/model/order';
import { orderAt } from '$lib/core/model/record-columns';
import { narrowBySegments } from '$lib/core/table/segment-filter';
import { selectRows, type TicketFilter } from '$lib/core/table/ticket-filter';
import type { TicketTable } from '$lib/core/table/ticket-table';
import type { ServiceLensDb } from '$lib/db/database';
import { listImports } from '$lib/db/repositories/imports';
import { forEachCommittedChunk } from '$lib/db/repositories/record-chunks';
import { localTimeOf, type CachedTicketTable } from './ticket-table-cache';

/** Segment codes per table row, remembered per table and customer count (relinks change it). */
const remembered = new WeakMap<TicketTable, { customers: number; codes: Promise<Uint8Array> }>();

async function computeSegmentCodes(db: ServiceLensDb, table: TicketTable): Promise<Uint8Array> {
	// Without orders every row is no_orders_imported (code 0): no customer lookups, no text.
	if ((await db.orderChunks.count()) === 0) return new Uint8Array(table.size);
	const vendorOf = new Map<number, string>();
	for (const record of await listImports(db))
		if (record.status === 'done' && record.id !== undefined) vendorOf.set(record.id, record.vendor);
	const resolve = customerResolver(await db.customers.toArray());
	const orders: Order[] = [];
	await forEachCommittedChunk(db, 'orderChunks', (chunk) => {
		let row = 0;
		for (const sighting of orderSightings(chunk, vendorOf.get(chunk.importId) ?? '')) {
			// The order's person: its first e-mail, phone or customer id (order numbers only link).
			const id = sighting.identifiers.find((value) => value !== '' && !value.startsWith('order:'));
			orders.push({ ...orderAt(chunk, row), customerKey: id === undefined ? '' : resolve(id) });
			row++;
		}
	});
	const customers = new Array<string>(table.size);
	for (let row = 0; row < table.size; row++) {
		const system = idSystemOf(vendorOf.get(table.importIds[row] ?? 0) ?? '');
		const id = ticketCustomerIdentifier(table.columns.customerKeys[row] ?? '', system);
		customers[row] = id === '' ? '' : resolve(id);
	}
	return segmentCodesOf(customers, customerOrderStats(orders), orders.length > 0);
}

/** The customer segment code of every row of the worker's table (customer-segments.ts). */
export async function rowSegmentCodes(db: ServiceLensDb, table: TicketTable): Promise<Uint8Array> {
	const customers = await db.customers.count();
	const known = remembered.get(table);
	if (known !== undefined && known.customers === customers) return known.codes;
	const codes = computeSegmentCodes(db, table);
	remembered.set(table, { customers, codes });
	return codes;
}

/**
 * selectRows plus the customer-segment filter, which needs the orders: the selection every
 * view of the worker uses (null = every row).
 */
export async function selectFilteredRows(
	db: ServiceLensDb,
	cache: CachedTicketTable,
	filter: TicketFilter,
	timeZone: string
): Promise<Uint32Array | null> {
	const rows = selectRows(cache.table, filter, timeZone, localTimeOf(cache, timeZone));
	const segments = filter.segments ?? [];
	if (segments.length === 0) return rows;
	const codes = await rowSegmentCodes(db, cache.table);
	return narrowBySegments(cache.table.size, rows, segments, codes);
}
