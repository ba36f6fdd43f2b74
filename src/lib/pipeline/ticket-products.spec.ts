import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import type { ImportRecord } from '$lib/core/model/records';
import type { Order, OrderLine } from '$lib/core/model/order';
import { packOrderLines, packOrders } from '$lib/core/model/record-columns';
import { addRecordChunk } from '$lib/db/repositories/record-chunks';
import { makeColumns } from '../../../tests/factories/ticket';
import { loadTicketProducts } from './ticket-products';

let db: ServiceLensDb;
afterEach(async () => {
	await db.delete();
});

const DAY = 86_400_000;
const JUNE = Date.UTC(2026, 5, 1);

async function addImport(status: ImportRecord['status']): Promise<number> {
	return (await db.imports.add({
		fileName: 'orders.csv',
		sizeBytes: 1,
		sourceKind: 'orders',
		vendor: 'shopify',
		format: 'csv',
		encoding: 'utf-8',
		timeZone: 'UTC',
		status,
		startedAtMs: 0,
		finishedAtMs: 0,
		columnMapping: {},
		counts: { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 },
		quality: null
	} as unknown as ImportRecord)) as number;
}

const order = (key: string, customerKey: string, createdAtMs: number): Order => ({
	key,
	externalId: key,
	createdAtMs,
	customerKey,
	email: customerKey,
	phone: '',
	customerId: '',
	customerName: '',
	status: 'paid',
	cancelled: false,
	currency: 'EUR',
	total: 10,
	lineCount: 1,
	itemCount: 1
});

const line = (orderKey: string, name: string): OrderLine => ({
	key: `${orderKey}:${name}`,
	orderKey,
	createdAtMs: null,
	sku: '',
	name,
	quantity: 1,
	unitPrice: 10,
	lineTotal: 10,
	customerKey: ''
});

describe('loadTicketProducts', () => {
	it('reads committed order and line chunks; none without order lines', async () => {
		db = new ServiceLensDb(`ticket-products-${Math.random()}`);
		const tickets = makeColumns(
			{ key: 't1', customerKey: 'a@x', createdAtMs: JUNE + 3 * DAY },
			{ key: 't2', customerKey: 'b@x', createdAtMs: JUNE + 3 * DAY }
		);
		expect(await loadTicketProducts(db, tickets)).toBeNull();
		const done = await addImport('done');
		const running = await addImport('running');
		await addRecordChunk(db, 'orderChunks', done, packOrders([order('s:1', 'a@x', JUNE)]));
		await addRecordChunk(db, 'orderLineChunks', done, packOrderLines([line('s:1', 'Kettle')]));
		// An unfinished import's rows do not count.
		await addRecordChunk(db, 'orderChunks', running, packOrders([order('s:2', 'b@x', JUNE)]));
		await addRecordChunk(db, 'orderLineChunks', running, packOrderLines([line('s:2', 'Mug')]));
		const linked = (await loadTicketProducts(db, tickets))!;
		expect(linked.products).toEqual([['Kettle'], undefined]);
		expect(linked).toMatchObject({ withCustomer: 2, linked: 1 });
	});
});
