/**
 * Imports of the real files in ../shared/datasets. Expected figures were computed
 * independently with a Python csv/Decimal script over the same files (not committed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { loadCommittedTickets, findTicketByKey } from '$lib/db/repositories/tickets';
import { loadCommittedChunks } from '$lib/db/repositories/record-chunks';
import { orderAt, surveyAt } from '$lib/core/model/record-columns';
import { customerOrderStats } from '$lib/core/customers/order-stats';
import { csatSatisfiedRate } from '$lib/core/metrics/csat';
import { surveySatisfiedRate } from '$lib/core/metrics/survey-csat';
import { routeSource } from '$lib/core/ingest/sources/detect-source';
import { ORDER_LAYOUTS } from '$lib/core/ingest/orders/normalize-order';
import { normalizeHeader } from '$lib/core/ingest/tickets/ticket-fields';
import { listImports } from '$lib/db/repositories/imports';
import { importFile } from './import-file';
import { relinkCustomers } from './relink-customers';

const DATASETS = new URL('../../../../shared/datasets/', import.meta.url);
const path = (relative: string) => new URL(relative, DATASETS);
const available = (relative: string) => existsSync(path(relative));
const blob = (relative: string) => new Blob([readFileSync(path(relative))]);

let db: ServiceLensDb;
let counter = 0;
const freshDb = () => (db = new ServiceLensDb(`real-data-${++counter}`));
afterEach(async () => {
	await db?.delete();
});
const run = (relative: string) =>
	importFile(db, blob(relative), { fileName: relative.split('/').pop() ?? '', timeZone: 'UTC' });

const skipMessage = (folder: string) =>
	`../shared/datasets/${folder} is absent: real-data import tests skipped`;

describe.skipIf(!available('customer-support-tickets'))('customer-support-tickets (Kaggle)', () => {
	it('imports the generic table: tickets dated by first reply, open ones quarantined', async () => {
		freshDb();
		const result = await run('customer-support-tickets/customer_support_tickets.csv');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.vendor).toBe('generic');
		// 8,469 rows; 2,819 (all Open) have no First Response Time, so no time at all.
		expect(result.value.counts).toEqual({
			rowsRead: 8469,
			imported: 5650,
			duplicates: 0,
			quarantined: 2819
		});
		expect(await findTicketByKey(db, 'generic:3')).toMatchObject({
			createdAtMs: Date.UTC(2023, 5, 1, 11, 14, 38),
			solvedAtMs: Date.UTC(2023, 5, 1, 18, 5, 38),
			status: 'closed',
			channel: 'social',
			priority: 'low',
			customerKey: 'gonzalestracy@example.com',
			csatScore: 3,
			csatScale: 'five_point',
			csatRaw: '3.0',
			// Durations from a stand-in creation time would be invented: none.
			firstResponseSeconds: null,
			resolutionSeconds: null
		});
		const [record] = await listImports(db);
		expect(record?.quality?.warnings).toContainEqual({
			code: 'created_from_first_response',
			count: 5650
		});
		// 1,087 of the 2,769 rated tickets are 4.0 or 5.0.
		const csat = csatSatisfiedRate(await loadCommittedTickets(db));
		expect(csat.n).toBe(2769);
		expect(csat.value).toBeCloseTo(1087 / 2769, 12);
	}, 120_000);
});

describe.skipIf(!available('platform-export-samples'))('platform export samples', () => {
	it('the real Freshdesk export is recognised and fully imported', async () => {
		freshDb();
		const result = await run('platform-export-samples/freshdesk/freshdesk_tickets.csv');
		expect(result.ok && result.value.vendor).toBe('freshdesk');
		expect(result.ok && result.value.counts).toEqual({
			rowsRead: 45,
			imported: 45,
			duplicates: 0,
			quarantined: 0
		});
		expect(await findTicketByKey(db, 'freshdesk:46')).toMatchObject({
			subject: 'facing the notification issue',
			customerKey: 'uma@gmail.com',
			createdAtMs: Date.UTC(2025, 11, 4, 16, 43, 24)
		});
		expect(await findTicketByKey(db, 'freshdesk:1')).toMatchObject({
			status: 'pending',
			priority: 'high'
		});
	}, 60_000);

	it('the real Shopify orders header routes to the Shopify importer, every field found', () => {
		const header = readFileSync(
			path('platform-export-samples/shopify/orders_export_header.csv'),
			'utf8'
		)
			.trim()
			.split(',');
		expect(routeSource(header)).toEqual({ kind: 'orders', vendor: 'shopify' });
		const normalized = new Set(header.map(normalizeHeader));
		for (const names of Object.values(ORDER_LAYOUTS.shopify.fields))
			for (const name of names ?? []) expect(normalized.has(name), name).toBe(true);
	});
});

describe.skipIf(!available('olist-case-subset'))('Olist orders, items and reviews', () => {
	it('imports each table with its vendor and links reviews to the orders customers', async () => {
		freshDb();
		const orders = await run('olist-case-subset/olist_orders_dataset.csv');
		const items = await run('olist-case-subset/olist_order_items_dataset.csv');
		const reviews = await run('olist-case-subset/olist_order_reviews_dataset.csv');
		expect(orders.ok && [orders.value.vendor, orders.value.counts]).toEqual([
			'olist',
			{ rowsRead: 8135, imported: 8135, duplicates: 0, quarantined: 0 }
		]);
		expect(items.ok && [items.value.vendor, items.value.counts]).toEqual([
			'olist-items',
			{ rowsRead: 8365, imported: 8365, duplicates: 0, quarantined: 0 }
		]);
		// 28 review ids cover two orders each: review id + order id is the identity.
		expect(reviews.ok && [reviews.value.vendor, reviews.value.counts]).toEqual([
			'olist',
			{ rowsRead: 8225, imported: 8225, duplicates: 0, quarantined: 0 }
		]);
		const stored = (await loadCommittedChunks(db, 'orderChunks')).flatMap((chunk) =>
			Array.from({ length: chunk.size }, (_, row) => orderAt(chunk, row))
		);
		// canceled 625 + unavailable 609.
		expect(stored.filter((order) => order.cancelled).length).toBe(1234);
		const answers = (await loadCommittedChunks(db, 'surveyChunks')).flatMap((chunk) =>
			Array.from({ length: chunk.size }, (_, row) => surveyAt(chunk, row))
		);
		const rate = surveySatisfiedRate(
			answers.map((a) => a.score ?? NaN),
			answers.map((a) => (a.scale === 'five_point' ? 2 : 0))
		);
		expect(rate.value).toBeCloseTo((3354 + 1184) / 8225, 12);
		expect(
			answers.find((a) => a.externalId.startsWith('373cbeecea8286a2b66c97b1b157ec46'))
		).toMatchObject({
			score: 1,
			orderId: '583174fbe37d3d5f0d6661be3aad1786',
			respondedAtMs: Date.UTC(2018, 7, 15, 4, 10, 37),
			sentAtMs: Date.UTC(2018, 7, 15),
			comment: 'Não chegou meu produto\nPéssimo'
		});

		await relinkCustomers(db);
		// That review's order was placed by customer_id e545e697…: one customer, one order, one review.
		const customer = await db.customers.get('id:olist:e545e697bb9d1b81e0a702121d4e94d5');
		expect(customer).toMatchObject({
			orderNumbers: ['583174fbe37d3d5f0d6661be3aad1786'],
			counts: { tickets: 0, surveys: 1, orders: 1 }
		});
	}, 120_000);
});

describe.skipIf(!available('online-retail'))('UCI Online Retail (1,000-customer sample)', () => {
	it('imports every transaction as an order line and matches per-customer figures', async () => {
		freshDb();
		const result = await run('online-retail/online_retail_1000_customers.csv');
		expect(result.ok && [result.value.vendor, result.value.counts]).toEqual([
			'online-retail',
			{ rowsRead: 95109, imported: 95109, duplicates: 0, quarantined: 0 }
		]);
		const orders = (await loadCommittedChunks(db, 'orderChunks')).flatMap((chunk) =>
			Array.from({ length: chunk.size }, (_, row) => orderAt(chunk, row))
		);
		expect(orders.length).toBe(5178);
		const stats = customerOrderStats(orders);
		expect(stats.size).toBe(1000);
		// Python, exact decimals: orders not starting with C; spend incl. credit notes.
		for (const [customer, count, spent] of [
			['15311', 91, 59419.34],
			['14527', 55, 7711.38],
			['14646', 74, 279489.02]
		] as const) {
			const figures = stats.get(`id:${customer}`);
			expect(figures?.orders, customer).toBe(count);
			expect(figures?.spent, customer).toBeCloseTo(spent, 2);
		}
	}, 120_000);
});

if (!available('customer-support-tickets')) console.warn(skipMessage('customer-support-tickets'));
if (!available('olist-case-subset')) console.warn(skipMessage('olist-case-subset'));
if (!available('online-retail')) console.warn(skipMessage('online-retail'));
if (!available('platform-export-samples')) console.warn(skipMessage('platform-export-samples'));
