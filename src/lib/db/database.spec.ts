import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, ServiceLensDb, openDatabase } from './database';

/**
 * Schema snapshot, written out by hand from migrations/0001-initial.ts and 0002-*.ts. A schema change must
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
	['calendarEvents', '++id', ['kind', 'startMs']]
];

describe('ServiceLensDb schema', () => {
	it('declares exactly the v1 + v2 tables, keys and indexes', () => {
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

	it('opens at version 2', async () => {
		const db = new ServiceLensDb('schema-version-test');
		expect(db.verno).toBe(2);
		await db.open();
		expect(db.verno).toBe(2);
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
		expect(db.verno).toBe(2);
		expect(await db.settings.get('timeZone')).toEqual({ key: 'timeZone', value: 'Asia/Shanghai' });
		expect(await db.alertStates.count()).toBe(0);
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
