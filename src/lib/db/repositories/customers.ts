import type { CustomerRecord } from '$lib/core/model/records';
import { customerMatches } from '$lib/core/customers/customer-search';
import type { ServiceLensDb } from '../database';

/** Replaces the linked customers in one transaction (readers never see half a rebuild). */
export async function replaceCustomers(
	db: ServiceLensDb,
	customers: CustomerRecord[]
): Promise<void> {
	await db.transaction('rw', db.customers, async () => {
		await db.customers.clear();
		await db.customers.bulkPut(customers);
	});
}

export function countCustomers(db: ServiceLensDb): Promise<number> {
	return db.customers.count();
}

export function findCustomerByEmail(
	db: ServiceLensDb,
	email: string
): Promise<CustomerRecord | undefined> {
	return db.customers.where('emails').equals(email.trim().toLowerCase()).first();
}

/** Linked customers matching a search (see customerMatches), in key order, at most `limit`. */
export async function searchCustomers(
	db: ServiceLensDb,
	query: string,
	limit: number
): Promise<{ customers: CustomerRecord[]; matching: number; total: number }> {
	const matches = (customer: CustomerRecord) => customerMatches(customer, query);
	const total = await db.customers.count();
	const matching = query.trim() === '' ? total : await db.customers.filter(matches).count();
	const customers = await db.customers.filter(matches).limit(limit).toArray();
	return { customers, matching, total };
}
