import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { customerHeadline } from '$lib/format/ticket-detail-view';
import { importFile } from './import-file';
import { relinkCustomers } from './relink-customers';
import { ticketDetail } from './ticket-detail';
import { forgetTicketTable } from './ticket-table-cache';

const fixture = (name: string) =>
	new Blob([readFileSync(new URL(`../../../tests/fixtures/exports/${name}`, import.meta.url))]);

let db: ServiceLensDb;
let counter = 0;
afterEach(async () => {
	forgetTicketTable();
	await db.delete();
});

describe('ticket detail: the linked customer', () => {
	it('names the customer from the customer list: name, e-mail, phone and tags', async () => {
		db = new ServiceLensDb(`ticket-detail-test-${++counter}`);
		for (const name of ['zendesk-basic.csv', 'shopify-customers.csv']) {
			const result = await importFile(db, fixture(name), { fileName: name, timeZone: 'UTC' });
			if (!result.ok) throw new Error(result.error.message);
		}
		await relinkCustomers(db);
		// Zendesk #101's requester a@example.com is Shopify customer 7001, Anna Adler, tagged
		// "newsletter, vip"; #102's B@Example.com is Bea Example with phone +49 170 1234567.
		const anna = await ticketDetail(db, 'zendesk:101', 'UTC');
		expect(anna?.ticket.customerKey).toBe('a@example.com');
		expect(anna?.customer).toMatchObject({
			name: 'Anna Adler',
			emails: ['a@example.com'],
			tags: ['newsletter', 'vip']
		});
		expect(customerHeadline('a@example.com', anna?.customer ?? null)).toBe(
			'Anna Adler · a@example.com'
		);
		const bea = await ticketDetail(db, 'zendesk:102', 'UTC');
		expect(bea?.customer).toMatchObject({
			name: 'Bea Example',
			emails: ['b@example.com'],
			phones: ['491701234567'],
			tags: ['wholesale']
		});
	});
});

describe('customerHeadline', () => {
	it('name · the ticket’s own e-mail, else what is known, else the key', () => {
		const customer = { name: 'Ann Lee', emails: ['a2@x.de', 'ann@x.de'] };
		expect(customerHeadline('ann@x.de', customer)).toBe('Ann Lee · ann@x.de');
		expect(customerHeadline('id:u-9', customer)).toBe('Ann Lee · a2@x.de');
		expect(customerHeadline('id:u-9', { name: '', emails: ['ann@x.de'] })).toBe('ann@x.de');
		expect(customerHeadline('id:u-9', { name: ' Ann ', emails: [] })).toBe('Ann');
		expect(customerHeadline('id:u-9', { name: '', emails: [] })).toBe('id:u-9');
		expect(customerHeadline('id:u-9', null)).toBe('id:u-9');
		expect(customerHeadline('', null)).toBe('');
	});
});
