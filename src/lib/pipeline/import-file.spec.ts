import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { deleteImportWithData, listImports } from '$lib/db/repositories/imports';
import { listQuarantinedRows } from '$lib/db/repositories/quarantine';
import { findTicketByKey } from '$lib/db/repositories/tickets';
import { loadCommittedChunks } from '$lib/db/repositories/record-chunks';
import { findCustomerByEmail } from '$lib/db/repositories/customers';
import { orderAt, surveyAt } from '$lib/core/model/record-columns';
import type { Order } from '$lib/core/model/order';
import type { SurveyAnswer } from '$lib/core/model/survey';
import { customerOrderStats } from '$lib/core/customers/order-stats';
import { netPromoterScore } from '$lib/core/metrics/nps';
import { surveySatisfiedRate } from '$lib/core/metrics/survey-csat';
import { SURVEY_SCALES } from '$lib/core/model/survey';
import { importFile } from './import-file';
import { relinkCustomers } from './relink-customers';

const fixture = (name: string) =>
	new Blob([readFileSync(new URL(`../../../tests/fixtures/exports/${name}`, import.meta.url))]);

let db: ServiceLensDb;
let dbCounter = 0;
const freshDb = () => (db = new ServiceLensDb(`import-file-test-${++dbCounter}`));
afterEach(async () => {
	await db.delete();
});

const run = (name: string) => importFile(db, fixture(name), { fileName: name, timeZone: 'UTC' });

async function storedOrders(): Promise<Order[]> {
	return (await loadCommittedChunks(db, 'orderChunks')).flatMap((chunk) =>
		Array.from({ length: chunk.size }, (_, row) => orderAt(chunk, row))
	);
}
async function storedSurveys(): Promise<SurveyAnswer[]> {
	return (await loadCommittedChunks(db, 'surveyChunks')).flatMap((chunk) =>
		Array.from({ length: chunk.size }, (_, row) => surveyAt(chunk, row))
	);
}

describe('importFile routes each export to its importer', () => {
	it('Shopify orders: one row per line item, orders assembled, bad rows quarantined', async () => {
		freshDb();
		const result = await run('shopify-orders.csv');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value).toMatchObject({ vendor: 'shopify', sourceKind: 'orders' });
		expect(result.value.counts).toEqual({
			rowsRead: 6,
			imported: 4,
			duplicates: 0,
			quarantined: 2
		});
		const quarantined = await listQuarantinedRows(db, result.value.importId);
		expect(quarantined.rows.map((r) => [r.rowNumber, r.reason, r.column])).toEqual([
			[5, 'invalid_created_at', 'Created at'],
			[6, 'missing_id', 'Name']
		]);
		const orders = await storedOrders();
		expect(orders.map((o) => o.externalId).sort()).toEqual(['#1001', '#1002', '#1003']);
		const first = orders.find((o) => o.externalId === '#1001');
		expect(first).toMatchObject({
			total: 58.9,
			lineCount: 2,
			itemCount: 3,
			customerKey: 'b@example.com',
			phone: '491701234567',
			currency: 'EUR',
			cancelled: false,
			createdAtMs: Date.UTC(2026, 6, 1, 7, 10)
		});
		expect(orders.find((o) => o.externalId === '#1002')?.cancelled).toBe(true);
		// b@example.com: #1001 (58.90) and #1003 (24.80); #1002 is someone else's.
		expect(customerOrderStats(orders).get('b@example.com')).toEqual({
			orders: 2,
			spent: 83.7,
			ordersWithoutTotal: 0
		});
		const lines = await loadCommittedChunks(db, 'orderLineChunks');
		expect(lines.reduce((n, c) => n + c.size, 0)).toBe(4);
	});

	it('re-importing the same Shopify export counts every line as a duplicate', async () => {
		freshDb();
		await run('shopify-orders.csv');
		const again = await run('shopify-orders.csv');
		expect(again.ok && again.value.counts).toEqual({
			rowsRead: 6,
			imported: 0,
			duplicates: 4,
			quarantined: 2
		});
		expect((await storedOrders()).length).toBe(3);
	});

	it('WooCommerce order export (Import Export Suite columns): duplicates merged', async () => {
		freshDb();
		const result = await run('woocommerce-orders.csv');
		expect(result.ok && result.value.vendor).toBe('woocommerce');
		expect(result.ok && result.value.counts).toEqual({
			rowsRead: 4,
			imported: 3,
			duplicates: 1,
			quarantined: 0
		});
		const stats = customerOrderStats(await storedOrders());
		expect(stats.get('c@example.com')).toEqual({ orders: 2, spent: 62.3, ordersWithoutTotal: 0 });
		expect(stats.get('d@example.com')).toEqual({ orders: 0, spent: 0, ordersWithoutTotal: 0 });
	});

	it('WooCommerce Analytics orders download', async () => {
		freshDb();
		const result = await run('woocommerce-analytics.csv');
		expect(result.ok && result.value.vendor).toBe('woocommerce-analytics');
		const orders = await storedOrders();
		expect(orders.map((o) => [o.externalId, o.total, o.itemCount, o.customerName])).toEqual([
			['601', 39.8, 2, 'Cleo Example'],
			['602', 48.1, 2, 'Dev Example']
		]);
	});

	it('retail transactions: invoices are orders, C-invoices are credit notes', async () => {
		freshDb();
		const result = await run('online-retail.csv');
		expect(result.ok && result.value.vendor).toBe('online-retail');
		expect(result.ok && result.value.counts.imported).toBe(6);
		const stats = customerOrderStats(await storedOrders());
		// 17850: 6×2.55 + 6×3.39 = 35.64 and 6×1.85 = 11.10.
		expect(stats.get('id:17850')).toEqual({ orders: 2, spent: 46.74, ordersWithoutTotal: 0 });
		// 14527: 24×1.45 = 34.80 minus the 27.50 credit note.
		expect(stats.get('id:14527')).toEqual({ orders: 1, spent: 7.3, ordersWithoutTotal: 0 });
	});

	it('a Taobao order report in GBK: orders, 交易关闭 cancelled, per-buyer figures', async () => {
		freshDb();
		const result = await run('taobao-orders-gbk.csv');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect([result.value.vendor, result.value.encoding, result.value.counts]).toEqual([
			'taobao',
			'gb18030',
			{ rowsRead: 3, imported: 3, duplicates: 0, quarantined: 0 }
		]);
		const orders = await storedOrders();
		expect(orders.map((o) => [o.externalId, o.status, o.cancelled, o.total])).toEqual([
			['3001', '交易成功', false, 89],
			['3002', '交易关闭', true, 0],
			['3003', '卖家已发货，等待买家确认', false, 120]
		]);
		// 小王: 89 + 120; the Shanghai wall time read in UTC here.
		expect(customerOrderStats(orders).get('id:小王')).toEqual({
			orders: 2,
			spent: 209,
			ordersWithoutTotal: 0
		});
		expect(orders[0]).toMatchObject({
			phone: '13800138000',
			customerName: '王小明',
			createdAtMs: Date.UTC(2026, 6, 1, 10)
		});
		// "+86 138 0013 8000" keeps its country code: it links only to numbers written with it.
		expect(orders[2]?.phone).toBe('8613800138000');
	});

	it('NPS survey: 0..10 answers, rows without a date or a score quarantined', async () => {
		freshDb();
		const result = await run('nps-survey.csv');
		expect(result.ok && result.value).toMatchObject({ vendor: 'generic', sourceKind: 'surveys' });
		expect(result.ok && result.value.counts).toEqual({
			rowsRead: 7,
			imported: 5,
			duplicates: 0,
			quarantined: 2
		});
		const answers = await storedSurveys();
		expect(answers.map((a) => a.score)).toEqual([10, 9, 7, 3, 8]);
		expect(new Set(answers.map((a) => a.scale))).toEqual(new Set(['zero_to_ten']));
		// 2 promoters (10, 9), 1 detractor (3) of 5 → 20.
		expect(netPromoterScore(answers.map((a) => a.score ?? NaN)).value).toBeCloseTo(20, 10);
		expect(answers[0]).toMatchObject({ orderId: '1001', customerKey: 'b@example.com' });
	});

	it('CSAT survey: Great / Not Good / Okay and 1-5 normalised, raw kept', async () => {
		freshDb();
		await run('csat-survey.csv');
		const answers = await storedSurveys();
		expect(answers.map((a) => [a.rawScore, a.score, a.scale, a.ticketId])).toEqual([
			['Great', 1, 'good_bad', '101'],
			['Not Good', 0, 'good_bad', '102'],
			['5', 5, 'five_point', '103'],
			['2', 2, 'five_point', '106'],
			['Okay', 0, 'good_bad', '105']
		]);
		const rate = surveySatisfiedRate(
			answers.map((a) => a.score ?? NaN),
			answers.map((a) => SURVEY_SCALES.indexOf(a.scale))
		);
		expect(rate).toEqual({ value: 2 / 5, n: 5, excluded: 0 });
	});

	it('Chatwoot CSAT responses after the "Reporting period" line', async () => {
		freshDb();
		const result = await run('chatwoot-csat.csv');
		expect(result.ok && result.value.vendor).toBe('chatwoot');
		expect(result.ok && result.value.counts.imported).toBe(3);
		const answers = await storedSurveys();
		expect(answers.map((a) => [a.agent, a.score, a.ticketId, a.phone])).toEqual([
			['Anna Weber', 5, '42', '491701234567'],
			['Ben Okafor', 2, '43', ''],
			['Ben Okafor', 4, '44', '491701234567']
		]);
	});

	it('Freshdesk ticket export: -103..103 and Great/Okay ratings, HH:MM:SS business-hour durations', async () => {
		freshDb();
		const result = await run('freshdesk-ratings.csv');
		expect(result.ok && result.value.vendor).toBe('freshdesk');
		const happy = await findTicketByKey(db, 'freshdesk:1');
		expect(happy).toMatchObject({
			csatScore: 1,
			csatScale: 'good_bad',
			csatRaw: '103',
			firstResponseSeconds: 1800,
			resolutionSeconds: 4 * 3600
		});
		expect((await findTicketByKey(db, 'freshdesk:2'))?.csatScore).toBe(0);
		expect((await findTicketByKey(db, 'freshdesk:3'))?.csatScore).toBe(0);
		expect(await findTicketByKey(db, 'freshdesk:4')).toMatchObject({
			csatScore: 1,
			csatRaw: 'Great'
		});
		expect(await findTicketByKey(db, 'freshdesk:5')).toMatchObject({
			csatScore: 0,
			csatRaw: 'Okay'
		});
		expect((await findTicketByKey(db, 'freshdesk:6'))?.csatScale).toBe('none');
		expect((await findTicketByKey(db, 'freshdesk:6'))?.csatRaw).toBeUndefined();
	});

	it('Zammad reporting sheet: the title row is skipped, minutes columns read', async () => {
		freshDb();
		const result = await run('zammad-report.csv');
		expect(result.ok && result.value.vendor).toBe('zammad');
		expect(result.ok && result.value.counts).toEqual({
			rowsRead: 3,
			imported: 3,
			duplicates: 0,
			quarantined: 0
		});
		expect(await findTicketByKey(db, 'zammad:20001')).toMatchObject({
			subject: 'Parcel lost',
			status: 'closed',
			priority: 'normal',
			agent: 'Anna Weber',
			channel: 'email',
			firstResponseSeconds: 45 * 60,
			resolutionSeconds: 180 * 60
		});
	});

	it('Chatwoot conversations: epoch seconds, first reply derived', async () => {
		freshDb();
		const result = await run('chatwoot-conversations.csv');
		expect(result.ok && result.value.vendor).toBe('chatwoot');
		expect(await findTicketByKey(db, 'chatwoot:42')).toMatchObject({
			createdAtMs: 1_782_900_000_000,
			firstResponseSeconds: 300,
			status: 'solved',
			agent: 'Anna Weber',
			customerKey: 'ann@example.com',
			tags: ['delivery']
		});
		expect((await findTicketByKey(db, 'chatwoot:44'))?.firstResponseSeconds).toBe(3600);
	});

	it('Freshdesk satisfaction ratings (API JSON): -103..103 on the good/bad scale', async () => {
		freshDb();
		const json = JSON.stringify([
			{
				id: 1,
				ticket_id: 11,
				user_id: 5,
				ratings: { default_question: 103 },
				feedback: 'Fast',
				created_at: '2026-07-01T10:00:00Z'
			},
			{
				id: 2,
				ticket_id: 12,
				user_id: 6,
				ratings: { default_question: -102 },
				feedback: '',
				created_at: '2026-07-01T11:00:00Z'
			},
			{
				id: 3,
				ticket_id: 13,
				user_id: 7,
				ratings: { default_question: 100 },
				feedback: '',
				created_at: '2026-07-01T12:00:00Z'
			}
		]);
		const result = await importFile(db, new Blob([json]), {
			fileName: 'ratings.json',
			timeZone: 'UTC'
		});
		expect(
			result.ok && [result.value.vendor, result.value.sourceKind, result.value.counts.imported]
		).toEqual(['freshdesk', 'surveys', 3]);
		const answers = await storedSurveys();
		expect(answers.map((a) => [a.externalId, a.ticketId, a.rawScore, a.score, a.scale])).toEqual([
			['1', '11', '103', 1, 'good_bad'],
			['2', '12', '-102', 0, 'good_bad'],
			['3', '13', '100', 0, 'good_bad']
		]);
	});

	it('Gorgias satisfaction surveys (NDJSON): 1-5 scores, unanswered surveys quarantined', async () => {
		freshDb();
		const ndjson = [
			{
				id: 71,
				ticket_id: 900,
				customer_id: 31,
				score: 5,
				body_text: 'Great',
				created_datetime: '2026-07-01T09:00:00Z',
				scored_datetime: '2026-07-01T10:00:00Z'
			},
			{
				id: 72,
				ticket_id: 901,
				customer_id: 32,
				score: null,
				body_text: null,
				created_datetime: '2026-07-01T09:30:00Z',
				scored_datetime: null
			}
		]
			.map((record) => JSON.stringify(record))
			.join('\n');
		const result = await importFile(db, new Blob([ndjson]), {
			fileName: 'surveys.ndjson',
			timeZone: 'UTC'
		});
		expect(result.ok && [result.value.vendor, result.value.counts]).toEqual([
			'gorgias',
			{ rowsRead: 2, imported: 1, duplicates: 0, quarantined: 1 }
		]);
		expect((await storedSurveys())[0]).toMatchObject({
			ticketId: '900',
			score: 5,
			scale: 'five_point',
			customerKey: 'id:31',
			respondedAtMs: Date.UTC(2026, 6, 1, 10)
		});
	});

	it('a Chatwoot summary report is refused with a clear message', async () => {
		freshDb();
		const report = new Blob([
			'Reporting period 2026-07-01 to 2026-07-31\nAgent name,Assigned conversations,Avg first response time,Avg resolution time,Resolution Count,Avg customer waiting time\nAnna,12,5m,2h,10,3m\n'
		]);
		const result = await importFile(db, report, { fileName: 'agents.csv', timeZone: 'UTC' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe('unsupported_report');
		expect(result.error.message).toMatch(/summary report/);
	});
});

describe('cancel and failure roll back survey and order imports', () => {
	it('a cancelled orders import leaves no import, no chunks and no quarantine', async () => {
		freshDb();
		const controller = new AbortController();
		controller.abort();
		const result = await importFile(db, fixture('online-retail.csv'), {
			fileName: 'online-retail.csv',
			timeZone: 'UTC',
			signal: controller.signal
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe('cancelled');
		expect(await db.imports.count()).toBe(0);
		expect(await db.orderChunks.count()).toBe(0);
		expect(await db.orderLineChunks.count()).toBe(0);
		expect(await db.quarantine.count()).toBe(0);
	});

	it('a cancelled survey import keeps earlier imports intact', async () => {
		freshDb();
		await run('csat-survey.csv');
		const controller = new AbortController();
		controller.abort();
		const result = await importFile(db, fixture('nps-survey.csv'), {
			fileName: 'nps-survey.csv',
			timeZone: 'UTC',
			signal: controller.signal
		});
		expect(result.ok).toBe(false);
		expect(await db.imports.count()).toBe(1);
		expect((await storedSurveys()).length).toBe(5);
		expect(await db.quarantine.count()).toBe(0);
	});
});

describe('the mapping screen path', () => {
	it('an unrecognised file asks for a mapping, with a preview and a proposal', async () => {
		freshDb();
		const result = await run('odd-headers.csv');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe('needs_mapping');
		const preview = result.error.mappingPreview;
		expect(preview?.rows.length).toBe(4);
		expect(preview?.columns.map((c) => [c.header, c.field, c.valueType])).toEqual([
			['Vorgang', '', 'text'],
			['Eingang', 'createdAt', 'date'],
			['Bearbeiter', '', 'text'],
			['Kanal', '', 'text'],
			['Erste Antwort Minuten', '', 'number'],
			['Erledigt', '', 'text']
		]);
		expect(await listImports(db)).toEqual([]);
	});

	it('a confirmed mapping imports, is saved, and applies itself to the next file', async () => {
		freshDb();
		const confirmedMapping = {
			kind: 'tickets' as const,
			mapping: {
				externalId: 'Vorgang',
				createdAt: 'Eingang',
				agent: 'Bearbeiter',
				channel: 'Kanal',
				firstResponseDuration: 'Erste Antwort Minuten'
			}
		};
		const first = await importFile(db, fixture('odd-headers.csv'), {
			fileName: 'odd-headers.csv',
			timeZone: 'UTC',
			confirmedMapping
		});
		expect(first.ok && first.value.vendor).toBe('mapped');
		expect(first.ok && first.value.counts.imported).toBe(4);
		expect(await findTicketByKey(db, 'mapped:V-2')).toMatchObject({
			agent: 'Ben',
			channel: 'chat',
			firstResponseSeconds: 300
		});
		const second = await run('odd-headers.csv');
		expect(second.ok).toBe(true);
		if (!second.ok) return;
		expect(second.value.savedMappingAtMs).toEqual(expect.any(Number));
		expect(second.value.counts).toEqual({
			rowsRead: 4,
			imported: 0,
			duplicates: 4,
			quarantined: 0
		});
	});
});

describe('customer linking across imports', () => {
	it('links tickets, surveys and orders by e-mail, phone and order number; removal unlinks', async () => {
		freshDb();
		await run('zendesk-basic.csv');
		const shop = await run('shopify-orders.csv');
		await run('nps-survey.csv');
		await run('chatwoot-csat.csv');
		const count = await relinkCustomers(db);
		const bea = await findCustomerByEmail(db, 'b@example.com');
		// Bea: Zendesk #102 (twice, merged), Shopify #1001 and #1003 (+49 170 1234567), NPS r1
		// (order #1001). Chatwoot: ann@example.com with the same phone, and a phone-only answer
		// with it: through the shared phone all of these are one person, keyed by the first e-mail.
		expect(bea).toMatchObject({
			key: 'ann@example.com',
			emails: ['ann@example.com', 'b@example.com'],
			phones: ['491701234567'],
			orderNumbers: ['1001', '1003'],
			counts: { tickets: 1, surveys: 3, orders: 2 }
		});
		// a@example.com only wrote a ticket.
		expect(await findCustomerByEmail(db, 'a@example.com')).toMatchObject({
			key: 'a@example.com',
			counts: { tickets: 1, surveys: 0, orders: 0 }
		});
		expect(count).toBeGreaterThan(5);

		if (!shop.ok) throw new Error('shopify import failed');
		await deleteImportWithData(db, shop.value.importId);
		await relinkCustomers(db);
		const after = await findCustomerByEmail(db, 'b@example.com');
		// Without the orders, Bea's link to Ann's phone is gone; the NPS answer still names #1001.
		expect(after).toMatchObject({
			key: 'b@example.com',
			emails: ['b@example.com'],
			phones: [],
			orderNumbers: ['1001'],
			counts: { tickets: 1, surveys: 1, orders: 0 }
		});
	});
});
