import { linkCustomers, type Sighting } from '$lib/core/customers/link-customers';
import {
	listedCustomerSightings,
	orderSightings,
	surveySightings,
	ticketSightings
} from '$lib/core/customers/sightings';
import type { ServiceLensDb } from '$lib/db/database';
import { replaceCustomers } from '$lib/db/repositories/customers';
import { forEachCommittedChunk } from '$lib/db/repositories/record-chunks';
import { forEachCommittedTicketChunk } from '$lib/db/repositories/tickets';

/**
 * Rebuilds the `customers` table from every committed ticket, survey answer, order and
 * customer-list row (schema v3).
 * Run after imports and removals: a rebuild (rather than an update) is what makes removing
 * an import also remove the links it made. Returns the number of customers.
 */
export async function relinkCustomers(db: ServiceLensDb): Promise<number> {
	const vendorOf = new Map<number, string>();
	for (const record of await db.imports.where('status').equals('done').toArray())
		if (record.id !== undefined) vendorOf.set(record.id, record.vendor);
	const sightings: Sighting[] = [];
	const collect = (found: Iterable<Sighting>) => {
		for (const sighting of found) sightings.push(sighting);
	};
	await forEachCommittedTicketChunk(db, (chunk) =>
		collect(ticketSightings(chunk, vendorOf.get(chunk.importId) ?? ''))
	);
	await forEachCommittedChunk(db, 'surveyChunks', (chunk) =>
		collect(surveySightings(chunk, vendorOf.get(chunk.importId) ?? ''))
	);
	await forEachCommittedChunk(db, 'orderChunks', (chunk) =>
		collect(orderSightings(chunk, vendorOf.get(chunk.importId) ?? ''))
	);
	await forEachCommittedChunk(db, 'customerListChunks', (chunk) =>
		collect(listedCustomerSightings(chunk, vendorOf.get(chunk.importId) ?? ''))
	);
	const customers = linkCustomers(sightings);
	await replaceCustomers(db, customers);
	return customers.length;
}
