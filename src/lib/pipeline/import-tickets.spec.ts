import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { listImports } from '$lib/db/repositories/imports';
import { listQuarantinedRows } from '$lib/db/repositories/quarantine';
import { findTicketByKey, loadCommittedTickets } from '$lib/db/repositories/tickets';
import { computeOverviewKpis } from '$lib/core/metrics/overview-kpis';
import { importTicketFile, type ImportProgress } from './import-tickets';

const fixture = (name: string) =>
	new Blob([readFileSync(new URL(`../../../tests/fixtures/exports/${name}`, import.meta.url))]);

let db: ServiceLensDb;
let dbCounter = 0;
const freshDb = () => (db = new ServiceLensDb(`import-test-${++dbCounter}`));

afterEach(async () => {
	await db.delete();
});

const kpiValues = (kpis: ReturnType<typeof computeOverviewKpis>) =>
	Object.fromEntries(kpis.map((kpi) => [kpi.id, kpi.value]));

describe('importTicketFile on a Zendesk export', () => {
	it('accounts for every row: imported, merged as duplicate, or quarantined', async () => {
		freshDb();
		const result = await importTicketFile(db, fixture('zendesk-basic.csv'), {
			fileName: 'zendesk-basic.csv',
			timeZone: 'UTC'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.vendor).toBe('zendesk');
		expect(result.value.counts).toEqual({
			rowsRead: 10,
			imported: 7,
			duplicates: 1,
			quarantined: 2
		});

		const [record] = await listImports(db);
		expect(record?.status).toBe('done');
		expect(record?.counts).toEqual(result.value.counts);

		const quarantined = await listQuarantinedRows(db, result.value.importId);
		expect(quarantined.rows.map((row) => [row.rowNumber, row.reason, row.column])).toEqual([
			[8, 'invalid_created_at', 'Created at'],
			[9, 'missing_created_at', 'Created at']
		]);
		expect(quarantined.rows[0]?.raw[0]).toBe('108');
	});

	it('normalises values and merges the later duplicate into the ticket', async () => {
		freshDb();
		await importTicketFile(db, fixture('zendesk-basic.csv'), {
			fileName: 'z.csv',
			timeZone: 'UTC'
		});
		const refund = await findTicketByKey(db, 'zendesk:102');
		expect(refund).toMatchObject({
			subject: 'Refund, please',
			status: 'closed',
			channel: 'chat',
			customerKey: 'b@example.com',
			csatScore: 0,
			csatScale: 'good_bad',
			firstResponseSeconds: 120,
			resolutionSeconds: 1800,
			tags: ['refund', 'other'],
			createdAtMs: Date.UTC(2026, 6, 1, 10)
		});
		const vase = await findTicketByKey(db, 'zendesk:103');
		expect(vase?.subject).toBe('Damaged "vase"');
		const address = await findTicketByKey(db, 'zendesk:104');
		expect(address?.subject).toBe('Change address\nplease');
		expect(address?.channel).toBe('web');
		const chinese = await findTicketByKey(db, 'zendesk:105');
		expect(chinese?.subject).toBe('订单什么时候发货？');
		expect(chinese?.status).toBe('pending');
	});

	it('gives KPIs equal to the hand-computed ones', async () => {
		freshDb();
		await importTicketFile(db, fixture('zendesk-basic.csv'), {
			fileName: 'z.csv',
			timeZone: 'UTC'
		});
		const values = kpiValues(computeOverviewKpis(await loadCommittedTickets(db)));
		// First replies 30, 2, 90, 60, 1 min → sorted 60,120,1800,3600,5400 s.
		expect(values.tickets).toBe(7);
		expect(values.first_response_median_s).toBe(1800);
		expect(values.first_response_p90_s).toBeCloseTo(4680, 6);
		// Solved/closed: 180, 30, 1440, 20 min → median of 1200,1800,10800,86400 s.
		expect(values.resolution_median_s).toBe(6300);
		expect(values.resolution_rate).toBeCloseTo(4 / 7, 12);
		// Good, Bad (the merged duplicate), Good, Good.
		expect(values.csat_satisfied_rate).toBe(0.75);
		expect(values.csat_mean).toBeNull();
	});

	it('merges a second import of the same file instead of doubling it', async () => {
		freshDb();
		await importTicketFile(db, fixture('zendesk-basic.csv'), {
			fileName: 'a.csv',
			timeZone: 'UTC'
		});
		const again = await importTicketFile(db, fixture('zendesk-basic.csv'), {
			fileName: 'b.csv',
			timeZone: 'UTC'
		});
		expect(again.ok && again.value.counts).toEqual({
			rowsRead: 10,
			imported: 0,
			duplicates: 8,
			quarantined: 2
		});
		expect((await loadCommittedTickets(db)).size).toBe(7);
	});

	it('reports progress that ends at the whole file', async () => {
		freshDb();
		const progress: ImportProgress[] = [];
		const file = fixture('zendesk-basic.csv');
		await importTicketFile(db, file, {
			fileName: 'z.csv',
			timeZone: 'UTC',
			onProgress: (p) => progress.push(p)
		});
		expect(progress.at(-1)).toMatchObject({
			rowsRead: 10,
			bytesRead: file.size,
			totalBytes: file.size
		});
	});
});

describe('importTicketFile on NDJSON with derived timings', () => {
	it('derives first response and resolution from timestamps', async () => {
		freshDb();
		const result = await importTicketFile(db, fixture('tickets-generic.ndjson'), {
			fileName: 'tickets-generic.ndjson',
			timeZone: 'Europe/Berlin'
		});
		expect(result.ok && result.value.counts).toEqual({
			rowsRead: 4,
			imported: 4,
			duplicates: 0,
			quarantined: 0
		});
		const values = kpiValues(computeOverviewKpis(await loadCommittedTickets(db)));
		expect(values.first_response_median_s).toBe(2400);
		expect(values.first_response_p90_s).toBeCloseTo(3360, 6);
		expect(values.resolution_median_s).toBe(7200);
		expect(values.resolution_rate).toBe(0.75);
		expect(values.csat_satisfied_rate).toBeCloseTo(2 / 3, 12);
		expect(values.csat_mean).toBeCloseTo(11 / 3, 12);
		const first = await findTicketByKey(db, 'generic:G-1');
		expect(first?.customerKey).toBe('x@example.org');
		expect(first?.createdAtMs).toBe(Date.UTC(2026, 7, 3, 7));
	});
});

describe('importTicketFile on bad input', () => {
	it.each([
		['empty.csv', 'empty_file'],
		['image.png', 'binary_file'],
		['not-tickets.csv', 'no_ticket_columns']
	])('rejects %s with %s and leaves nothing behind', async (name, code) => {
		freshDb();
		const result = await importTicketFile(db, fixture(name), { fileName: name, timeZone: 'UTC' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe(code);
		expect(result.error.message).toContain(name);
		expect(await db.imports.count()).toBe(0);
		expect(await db.ticketChunks.count()).toBe(0);
	});

	it('deletes everything an import wrote when it is cancelled', async () => {
		freshDb();
		const rows = ['Id,Created at,Status'];
		for (let i = 0; i < 25_000; i++) rows.push(`${i},2026-07-01 10:00:00,Open`);
		const controller = new AbortController();
		const result = await importTicketFile(db, new Blob([rows.join('\n')]), {
			fileName: 'big.csv',
			timeZone: 'UTC',
			signal: controller.signal,
			onProgress: () => controller.abort()
		});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.code).toBe('cancelled');
		expect(await db.imports.count()).toBe(0);
		expect(await db.ticketChunks.count()).toBe(0);
		expect(await db.quarantine.count()).toBe(0);
	});
});

describe('importTicketFile on a GBK-encoded Chinese export', () => {
	it('detects the encoding and reads Chinese headers, statuses and durations', async () => {
		freshDb();
		const result = await importTicketFile(db, fixture('chinese-gbk.csv'), {
			fileName: 'chinese-gbk.csv',
			timeZone: 'Asia/Shanghai'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.encoding).toBe('gb18030');
		expect(result.value.counts).toEqual({
			rowsRead: 4,
			imported: 4,
			duplicates: 0,
			quarantined: 0
		});
		const refund = await findTicketByKey(db, 'generic:CN-2');
		expect(refund).toMatchObject({
			subject: '退款申请',
			status: 'closed',
			channel: 'email',
			agent: '小李',
			firstResponseSeconds: 2 * 3600 + 15 * 60,
			resolutionSeconds: 86_400,
			csatScore: 2,
			csatScale: 'five_point',
			// 2026/7/14 11:00 in Shanghai (UTC+8).
			createdAtMs: Date.UTC(2026, 6, 14, 3)
		});
		const values = kpiValues(computeOverviewKpis(await loadCommittedTickets(db)));
		// First responses 5 min, 135 min, 1 min, 35 min → median (5+35)/2 min.
		expect(values.first_response_median_s).toBe(20 * 60);
		expect(values.resolution_rate).toBe(0.75);
		expect(values.csat_mean).toBeCloseTo(11 / 3, 12);
	});
});

describe('data quality of an import', () => {
	it('records fill rates per column and flags impossible timings', async () => {
		freshDb();
		const csv = [
			'Id,Created at,First reply at,Solved at,Status',
			'1,2026-07-01 10:00,2026-07-01 09:00,2026-07-01 12:00,Solved',
			'2,2026-07-01 10:00,,2026-07-01 08:00,Solved',
			'3,2026-07-01 10:00,2026-07-01 10:30,,Open'
		].join('\n');
		const result = await importTicketFile(db, new Blob([csv]), {
			fileName: 'q.csv',
			timeZone: 'UTC'
		});
		expect(result.ok).toBe(true);
		const [record] = await listImports(db);
		expect(record?.quality?.columnFill).toEqual([
			{ column: 'Id', filled: 3 },
			{ column: 'Created at', filled: 3 },
			{ column: 'First reply at', filled: 2 },
			{ column: 'Solved at', filled: 2 },
			{ column: 'Status', filled: 3 }
		]);
		expect(record?.quality?.warnings).toEqual([
			{ code: 'reply_before_creation', count: 1 },
			{ code: 'solved_before_creation', count: 1 }
		]);
		// Impossible durations are kept as read but left out of the KPIs.
		const values = kpiValues(computeOverviewKpis(await loadCommittedTickets(db)));
		expect(values.first_response_median_s).toBe(1800);
		expect(values.resolution_median_s).toBe(7200);
	});
});

describe('quarantineCsv', () => {
	it('gives the quarantined rows with their reasons, safe for spreadsheets', async () => {
		freshDb();
		const result = await importTicketFile(db, fixture('zendesk-basic.csv'), {
			fileName: 'z.csv',
			timeZone: 'UTC'
		});
		if (!result.ok) throw new Error(result.error.message);
		const { quarantineCsv } = await import('./quarantine-export');
		const text = await (await quarantineCsv(db, result.value.importId)).text();
		const lines = text
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(/^row_number,reason,column,Id,Subject,Status,/);
		expect(lines[1]).toMatch(/^8,invalid_created_at,Created at,108,Bad date row,Open,/);
		expect(lines[2]).toMatch(/^9,missing_created_at,Created at,109,Missing created,Open,/);
	});
});

describe('importTicketFile on a broken CSV', () => {
	it('quarantines ragged rows, unparseable dates and an unterminated quote', async () => {
		freshDb();
		const result = await importTicketFile(db, fixture('broken.csv'), {
			fileName: 'broken.csv',
			timeZone: 'UTC'
		});
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.counts).toEqual({
			rowsRead: 4,
			imported: 1,
			duplicates: 0,
			quarantined: 3
		});
		const { rows } = await listQuarantinedRows(db, result.value.importId);
		expect(rows.map((row) => [row.rowNumber, row.reason])).toEqual([
			[2, 'malformed_row'],
			[3, 'invalid_created_at'],
			[4, 'malformed_row']
		]);
		expect(rows[0]?.raw).toEqual(['2', '2026-07-01 11:00', 'Open', 'too', 'many', 'cells']);
	});
});
