import type { CustomerRecord } from '$lib/core/model/records';
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
