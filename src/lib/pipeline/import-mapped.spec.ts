import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { deleteImportWithData, listImports } from '$lib/db/repositories/imports';
import { listQuarantinedRows } from '$lib/db/repositories/quarantine';
import { loadCommittedChunks } from '$lib/db/repositories/record-chunks';
import { findCustomerByEmail } from '$lib/db/repositories/customers';
import { findTicketByKey } from '$lib/db/repositories/tickets';
import { orderAt, surveyAt } from '$lib/core/model/record-columns';
import { listedCustomerAt } from '$lib/core/model/customer-list';
import { customerOrderStats } from '$lib/core/customers/order-stats';
import { surveySatisfiedRate } from '$lib/core/metrics/survey-csat';
import type { ConfirmedMapping } from '$lib/core/ingest/mapping/mapping-kinds';
import { importFile } from './import-file';
import { relinkCustomers } from './relink-customers';

const fixture = (name: string) =>
	new Blob([readFileSync(new URL(`../../../tests/fixtures/exports/${name}`, import.meta.url))]);

let db: ServiceLensDb;
let dbCounter = 0;
const freshDb = () => (db = new ServiceLensDb(`import-mapped-test-${++dbCounter}`));
afterEach(async () => {
	await db.delete();
});

const run = (name: string, confirmedMapping?: ConfirmedMapping) =>
	importFile(db, fixture(name), {
		fileName: name,
		timeZone: 'UTC',
		...(confirmedMapping ? { confirmedMapping } : {})
	});

const SURVEY_MAPPING: ConfirmedMapping = {
	kind: 'surveys',
	mapping: {
		externalId: '#',
		score: 'How satisfied were you with our support?',
		comment: 'Anything we could do better?',
		customerEmail: 'Email',
		orderId: 'Order number',
		respondedAt: 'Submit Date (UTC)',
		sentAt: 'Start Date (UTC)'
	}
};

const ORDER_MAPPING: ConfirmedMapping = {
	kind: 'orders',
	mapping: {
		orderNumber: 'Order ID',
		createdAt: 'Sale Date',
		customerId: 'Buyer User ID',
		customerName: 'Full Name',
		status: 'Status',
		currency: 'Currency',
		total: 'Order Total',
		itemsSold: 'Number of Items'
	}
};

describe('mapping screen: files nobody recognised', () => {
	it('proposes a kind and fields per kind for a Typeform survey and an Etsy orders export', async () => {
		freshDb();
		const survey = await run('typeform-survey.csv');
		expect(survey.ok).toBe(false);
		if (survey.ok) return;
		expect(survey.error.code).toBe('needs_mapping');
		const preview = survey.error.mappingPreview;
		expect(preview?.suggestedKind).toBe('surveys');
		// The 1-5 answers are proposed as the score by their values; the first date column as
		// the answer time (the user moves it to "Submit Date"); e-mail and order by name.
		expect(preview?.proposals.surveys).toEqual([
			'',
			'score',
			'',
			'customerEmail',
			'orderId',
			'respondedAt',
			'',
			'externalId'
		]);
		const orders = await run('etsy-sold-orders.csv');
		if (orders.ok) throw new Error('Etsy orders should need a mapping');
		expect(orders.error.mappingPreview?.suggestedKind).toBe('orders');
		expect(
			orders.error.mappingPreview?.proposals.orders
				.slice(0, 4)
				.concat(orders.error.mappingPreview.proposals.orders.slice(16, 18))
		).toEqual(['createdAt', 'orderNumber', 'customerId', 'customerName', 'total', 'status']);
		expect(await listImports(db)).toEqual([]);
	});

	it('a survey mapped by the user goes through the survey importer: accounting, scores, remembered', async () => {
		freshDb();
		const result = await run('typeform-survey.csv', SURVEY_MAPPING);
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value).toMatchObject({ vendor: 'mapped', sourceKind: 'surveys' });
		// 6 rows: tf02 twice (1 duplicate), tf04 without an answer (quarantined).
		expect(result.value.counts).toEqual({
			rowsRead: 6,
			imported: 4,
			duplicates: 1,
			quarantined: 1
		});
		const quarantined = await listQuarantinedRows(db, result.value.importId);
		expect(quarantined.rows.map((r) => [r.rowNumber, r.reason, r.column])).toEqual([
			[4, 'missing_score', 'How satisfied were you with our support?']
		]);
		const answers = (await loadCommittedChunks(db, 'surveyChunks')).flatMap((chunk) =>
			Array.from({ length: chunk.size }, (_, row) => surveyAt(chunk, row))
		);
		expect(answers.map((a) => [a.key, a.score, a.scale, a.orderId])).toEqual([
			['mapped:tf01', 5, 'five_point', '1001'],
			['mapped:tf02', 4, 'five_point', ''],
			['mapped:tf03', 2, 'five_point', '1002'],
			['mapped:tf05', 1, 'five_point', '']
		]);
		expect(answers[0]?.respondedAtMs).toBe(Date.UTC(2026, 6, 2, 10, 0, 0));
		expect(answers[0]?.sentAtMs).toBe(Date.UTC(2026, 6, 2, 9, 58, 10));
		// Satisfied (4-5) = tf01, tf02 of 4 answers.
		const chunk = (await loadCommittedChunks(db, 'surveyChunks'))[0]!;
		const columns = chunk.columns as { scores: Float64Array; scaleCodes: Uint8Array };
		expect(surveySatisfiedRate(columns.scores, columns.scaleCodes).value).toBe(0.5);

		// The same header again: the saved mapping applies itself; every row is now a duplicate
		// or the same quarantined row.
		const again = await run('typeform-survey.csv');
		if (!again.ok) throw new Error(again.error.message);
		expect(again.value.savedMappingAtMs).toEqual(expect.any(Number));
		expect(again.value.sourceKind).toBe('surveys');
		expect(again.value.counts).toEqual({ rowsRead: 6, imported: 0, duplicates: 5, quarantined: 1 });
	});

	it('orders mapped by the user: order-level rows, cancelled, totals per customer', async () => {
		freshDb();
		const result = await run('etsy-sold-orders.csv', ORDER_MAPPING);
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value).toMatchObject({ vendor: 'mapped', sourceKind: 'orders' });
		expect(result.value.counts).toEqual({
			rowsRead: 6,
			imported: 4,
			duplicates: 1,
			quarantined: 1
		});
		const quarantined = await listQuarantinedRows(db, result.value.importId);
		expect(quarantined.rows.map((r) => [r.rowNumber, r.reason, r.column])).toEqual([
			[4, 'invalid_created_at', 'Sale Date']
		]);
		const orders = (await loadCommittedChunks(db, 'orderChunks')).flatMap((chunk) =>
			Array.from({ length: chunk.size }, (_, row) => orderAt(chunk, row))
		);
		expect(orders.map((o) => [o.key, o.createdAtMs, o.total, o.cancelled, o.itemCount])).toEqual([
			['mapped:3101', Date.UTC(2026, 6, 1), 44.7, false, 2],
			['mapped:3102', Date.UTC(2026, 6, 2), 19.1, false, 1],
			['mapped:3103', Date.UTC(2026, 6, 2), 9.9, true, 1],
			['mapped:3105', Date.UTC(2026, 6, 3), 54, false, 3]
		]);
		const stats = customerOrderStats(orders);
		// Ann: #3101 (44.70) counts, #3103 was cancelled.
		expect(stats.get('id:buyer_ann')).toEqual({ orders: 1, spent: 44.7, ordersWithoutTotal: 0 });
		expect(stats.get('id:buyer_dan')).toEqual({ orders: 1, spent: 54, ordersWithoutTotal: 0 });
	});

	it('refuses a mapping that lacks what the kind needs, and writes nothing', async () => {
		freshDb();
		const result = await run('etsy-sold-orders.csv', {
			kind: 'orders',
			mapping: { orderNumber: 'Order ID' }
		});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error.message).toContain('needOrderDate');
		expect(await listImports(db)).toEqual([]);
	});

	it('a chat log mapped as messages derives tickets from its threads', async () => {
		freshDb();
		const unmapped = await run('chat-log-unrecognised.csv');
		expect(!unmapped.ok && unmapped.error.code).toBe('needs_mapping');
		const result = await run('chat-log-unrecognised.csv', {
			kind: 'messages',
			mapping: { conversationId: 'Thread', sentAt: 'Posted', role: 'Side', text: 'Said' }
		});
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.sourceKind).toBe('messages');
		// Six messages, T3's without a time quarantined.
		expect(result.value.counts).toEqual({
			rowsRead: 6,
			imported: 5,
			duplicates: 0,
			quarantined: 1
		});
		expect(result.value.derived).toMatchObject({ conversations: 2, tickets: 2 });
		// T1: 09:00 → 09:12; T2: 10:00 → 10:45 (the bot at 10:01 does not stop the clock).
		expect(await findTicketByKey(db, 'messages:T1')).toMatchObject({ firstResponseSeconds: 720 });
		expect(await findTicketByKey(db, 'messages:T2')).toMatchObject({ firstResponseSeconds: 2700 });
	});
});

describe('customer lists (schema v3)', () => {
	it('recognises a Shopify customers CSV and links its names and tags to tickets and orders', async () => {
		freshDb();
		await run('zendesk-basic.csv');
		await run('shopify-orders.csv');
		const list = await run('shopify-customers.csv');
		if (!list.ok) throw new Error(list.error.message);
		expect(list.value).toMatchObject({ vendor: 'shopify', sourceKind: 'customers' });
		// 7002 appears twice (e-mail in another case): one duplicate.
		expect(list.value.counts).toEqual({ rowsRead: 5, imported: 4, duplicates: 1, quarantined: 0 });
		const rows = (await loadCommittedChunks(db, 'customerListChunks')).flatMap((chunk) =>
			Array.from({ length: chunk.size }, (_, row) => listedCustomerAt(chunk, row))
		);
		expect(
			rows.map((r) => [
				r.key,
				r.name,
				r.email,
				r.phone,
				r.tags,
				r.totalSpent,
				r.totalOrders,
				r.acceptsMarketing
			])
		).toEqual([
			['shopify:7001', 'Anna Adler', 'a@example.com', '', ['newsletter', 'vip'], 0, 0, true],
			[
				'shopify:7002',
				'Bea Example',
				'b@example.com',
				'491701234567',
				['wholesale'],
				111.6,
				2,
				false
			],
			['shopify:7003', 'Carl Chen', 'c@example.com', '49891234567', [], 19.9, 1, true],
			['shopify:7004', 'Dora', '', '', [], null, null, false]
		]);
		await relinkCustomers(db);
		// Anna: Zendesk #101 and the list row, by e-mail.
		expect(await findCustomerByEmail(db, 'a@example.com')).toMatchObject({
			key: 'a@example.com',
			name: 'Anna Adler',
			tags: ['newsletter', 'vip'],
			customerIds: ['shopify:7001'],
			counts: { tickets: 1, surveys: 0, orders: 0, listed: 1 }
		});
		// Bea: Zendesk #102, Shopify orders #1001 and #1003 (billing name "Bea Example").
		expect(await findCustomerByEmail(db, 'b@example.com')).toMatchObject({
			name: 'Bea Example',
			tags: ['wholesale'],
			phones: ['491701234567'],
			counts: { tickets: 1, surveys: 0, orders: 2, listed: 1 }
		});
		// Dora is only on the list, by customer id.
		expect(await db.customers.get('id:shopify:7004')).toMatchObject({ name: 'Dora' });

		// Removing the list removes its rows and its names / tags from the linked customers.
		await deleteImportWithData(db, list.value.importId);
		await relinkCustomers(db);
		expect(await db.customerListChunks.count()).toBe(0);
		expect(await findCustomerByEmail(db, 'a@example.com')).toMatchObject({
			name: '',
			tags: [],
			customerIds: [],
			counts: { tickets: 1, surveys: 0, orders: 0, listed: 0 }
		});
		expect(await db.customers.get('id:shopify:7004')).toBeUndefined();
	});

	it('recognises WooCommerce and Chinese customer lists; bad rows are quarantined', async () => {
		freshDb();
		const woo = await run('woocommerce-customers.csv');
		if (!woo.ok) throw new Error(woo.error.message);
		expect(woo.value).toMatchObject({ vendor: 'woocommerce', sourceKind: 'customers' });
		expect(woo.value.counts).toEqual({ rowsRead: 3, imported: 2, duplicates: 0, quarantined: 1 });
		expect(
			(await listQuarantinedRows(db, woo.value.importId)).rows.map((r) => [r.reason, r.column])
		).toEqual([['invalid_created_at', 'Date registered']]);

		const zh = await run('customers-zh.csv');
		if (!zh.ok) throw new Error(zh.error.message);
		expect(zh.value).toMatchObject({ vendor: 'generic', sourceKind: 'customers' });
		expect(zh.value.counts).toEqual({ rowsRead: 4, imported: 3, duplicates: 0, quarantined: 1 });
		const rows = (await loadCommittedChunks(db, 'customerListChunks')).flatMap((chunk) =>
			Array.from({ length: chunk.size }, (_, row) => listedCustomerAt(chunk, row))
		);
		expect(rows.map((r) => [r.key, r.name, r.totalSpent, r.createdAtMs])).toEqual([
			['woocommerce:email:a@example.com', 'Anna Adler', 1204.5, Date.UTC(2026, 0, 15, 10)],
			['woocommerce:email:ed@example.org', 'Ed Evans', 19.9, Date.UTC(2026, 4, 20, 8, 30)],
			['generic:C001', '王芳', null, Date.UTC(2025, 10, 2, 14, 30)],
			['generic:C002', '李雷', null, Date.UTC(2026, 0, 20, 9)],
			['generic:C003', '韩梅梅', null, Date.UTC(2026, 1, 11, 18, 5)]
		]);
		await relinkCustomers(db);
		expect(await findCustomerByEmail(db, 'wangfang@example.cn')).toMatchObject({
			name: '王芳',
			phones: ['8613800138000'],
			tags: ['VIP', '老客户']
		});
		expect(await db.customers.get('phone:13912345678')).toMatchObject({ name: '李雷' });
	});
});
