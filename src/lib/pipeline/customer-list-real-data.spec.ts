/**
 * The Olist customers file of ../shared/datasets/olist-case-subset as a customer list.
 * Expected figures from an independent Python csv script over the same files (not committed):
 * 8,135 customer rows and 8,135 orders (one customer id per order); 8,016 distinct
 * customer_unique_id values, 73 of them with more than one customer id; unique id
 * 39104edef5e46d7b8c61848cc95e6d97 placed 3 orders under customer ids 254e3271…, 073c25eb…,
 * f4fe2dbe….
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { importFile } from './import-file';
import { relinkCustomers } from './relink-customers';

const DATASETS = new URL('../../../../shared/datasets/', import.meta.url);
const path = (relative: string) => new URL(relative, DATASETS);
const available = existsSync(path('olist-case-subset'));
if (!available)
	console.warn(
		'../shared/datasets/olist-case-subset is absent: customer-list real-data test skipped'
	);

let db: ServiceLensDb;
afterEach(async () => {
	await db?.delete();
});

describe.skipIf(!available)('Olist customers as a customer list', () => {
	it('joins the per-order customer ids of one person through customer_unique_id', async () => {
		db = new ServiceLensDb('customer-list-real-data');
		const run = async (name: string) => {
			const result = await importFile(
				db,
				new Blob([readFileSync(path(`olist-case-subset/${name}`))]),
				{ fileName: name, timeZone: 'UTC' }
			);
			if (!result.ok) throw new Error(result.error.message);
			return result.value;
		};
		await run('olist_orders_dataset.csv');
		// Without the list every order's customer id is a customer of its own.
		expect(await relinkCustomers(db)).toBe(8135);
		const list = await run('olist_customers_dataset.csv');
		expect(list).toMatchObject({ vendor: 'olist', sourceKind: 'customers' });
		expect(list.counts).toEqual({ rowsRead: 8135, imported: 8135, duplicates: 0, quarantined: 0 });
		expect(await relinkCustomers(db)).toBe(8016);
		const person = await db.customers.get('id:olist:073c25ebd966a952d38da1dbbb1f4227');
		expect(person).toMatchObject({
			customerIds: [
				'olist:073c25ebd966a952d38da1dbbb1f4227',
				'olist:254e327149dc394a4edc7ff695098547',
				'olist:f4fe2dbe94714c74fce3fa1bd21b5e03',
				'olist:unique:39104edef5e46d7b8c61848cc95e6d97'
			],
			counts: { tickets: 0, surveys: 0, orders: 3, listed: 3 }
		});
	});
});
