import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, ServiceLensDb, openDatabase } from './database';

/**
 * Schema snapshot, written out by hand from migrations/0001-initial.ts, 0002-*.ts and 0003-*.ts. A schema change must
 * come with a new migration file and a deliberate update here.
 */
const EXPECTED_TABLES: [string, string, string[]][] = [
	['imports', '++id', ['status', 'sourceKind', 'startedAtMs']],
	['ticketChunks', '++id', ['importId']],
	['messageChunks', '++id', ['importId']],
	['surveyChunks', '++id', ['importId']],
	['orderChunks', '++id', ['importId']],
	['orderLineChunks', '++id', ['importId']],
	['customers', 'key', ['*emails', '*phones']],
	['quarantine', '++id', ['importId']],
	['settings', 'key', []],
	['columnMappings', 'headerSignature', []],
	['results', 'key', []],
	['alertStates', 'alertId', ['state', 'updatedAtMs']],
	['customerVerdicts', 'customerKey', ['verdict']],
	['calendarEvents', '++id', ['kind', 'startMs']],
	['customerListChunks', '++id', ['importId']]
];

describe('ServiceLensDb schema', () => {
	it('declares exactly the v1 + v2 + v3 tables, keys and indexes', () => {
		const db = new ServiceLensDb('schema-test');
		const actual = db.tables.map(
			(table) =>
				[table.name, table.schema.primKey.src, table.schema.indexes.map((index) => index.src)] as [
					string,
					string,
					string[]
				]
		);
		expect(actual).toEqual(EXPECTED_TABLES);
		db.close();
	});

	it('makes the multi-entry customer indexes multi-entry and ids auto-incremented', () => {
		const db = new ServiceLensDb('schema-test');
		const customers = db.table('customers').schema;
		expect(customers.indexes.map((index) => [index.name, index.multi])).toEqual([
			['emails', true],
			['phones', true]
		]);
		expect(db.table('imports').schema.primKey.auto).toBe(true);
		expect(db.table('settings').schema.primKey.auto).toBe(false);
		db.close();
	});

	it('opens at version 3', async () => {
		const db = new ServiceLensDb('schema-version-test');
		expect(db.verno).toBe(3);
		await db.open();
		expect(db.verno).toBe(3);
		expect(db.name).toBe('schema-version-test');
		await db.delete();
	});

	it('upgrades a v1 database to v2 keeping its rows', async () => {
		const { Dexie } = await import('dexie');
		const { SCHEMA_V1 } = await import('./migrations/0001-initial');
		const old = new Dexie('schema-upgrade-test');
		old.version(1).stores(SCHEMA_V1);
		await old.table('settings').put({ key: 'timeZone', value: 'Asia/Shanghai' });
		old.close();
		const db = new ServiceLensDb('schema-upgrade-test');
		await db.open();
		expect(db.verno).toBe(3);
		expect(await db.settings.get('timeZone')).toEqual({ key: 'timeZone', value: 'Asia/Shanghai' });
		expect(await db.alertStates.count()).toBe(0);
		await db.delete();
	});

	it('upgrades a v2 database to v3 keeping its rows', async () => {
		const { Dexie } = await import('dexie');
		const { SCHEMA_V1 } = await import('./migrations/0001-initial');
		const { SCHEMA_V2 } = await import('./migrations/0002-feedback-and-events');
		const old = new Dexie('schema-upgrade-v3-test');
		old.version(1).stores(SCHEMA_V1);
		old.version(2).stores(SCHEMA_V2);
		const importRow = {
			fileName: 'orders.csv',
			sizeBytes: 10,
			sourceKind: 'orders',
			vendor: 'shopify',
			format: 'csv',
			encoding: 'utf-8',
			timeZone: 'UTC',
			status: 'done',
			startedAtMs: 1,
			finishedAtMs: 2,
			columnMapping: {},
			counts: { rowsRead: 1, imported: 1, duplicates: 0, quarantined: 0 },
			quality: null
		};
		const importId = await old.table('imports').add(importRow);
		await old
			.table('orderChunks')
			.add({ importId, size: 1, keys: ['shopify:1001'], columns: { externalIds: ['#1001'] } });
		await old.table('customers').put({
			key: 'ann@x.test',
			emails: ['ann@x.test'],
			phones: [],
			name: 'Ann',
			firstSeenAtMs: 5
		});
		await old.table('alertStates').put({
			alertId: 'a1',
			state: 'dismissed',
			note: 'promo',
			updatedAtMs: 3
		});
		old.close();
		const db = new ServiceLensDb('schema-upgrade-v3-test');
		await db.open();
		expect(db.verno).toBe(3);
		expect(await db.imports.get(importId as number)).toEqual({ ...importRow, id: importId });
		expect((await db.orderChunks.toArray()).map((chunk) => chunk.keys)).toEqual([['shopify:1001']]);
		expect(await db.customers.where('emails').equals('ann@x.test').count()).toBe(1);
		expect((await db.alertStates.get('a1'))?.note).toBe('promo');
		expect(await db.customerListChunks.count()).toBe(0);
		await db.delete();
	});

	it('uses the app database name by default and shares one connection', () => {
		const shared = openDatabase();
		expect(shared.name).toBe(DATABASE_NAME);
		expect(DATABASE_NAME).toBe('service-lens');
		expect(openDatabase()).toBe(shared);
		shared.close();
	});
});
