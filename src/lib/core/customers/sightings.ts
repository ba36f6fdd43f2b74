import type { GenericChunkRecord, TicketChunkRecord } from '../model/records';
import type { OrderColumns } from '../model/order';
import type { SurveyColumns } from '../model/survey';
import type { CustomerListColumns } from '../model/customer-list';
import { customerIdOf, emailId, normalizeOrderNumber, orderId, phoneId } from './identifiers';
import type { Sighting } from './link-customers';

/** The system that issued a source's customer ids: Olist orders and reviews share theirs. */
export function idSystemOf(vendor: string): string {
	return vendor.replace(/-(items|analytics)$/, '');
}

/** Tickets carry one customer key: the e-mail, or `id:<customer id>`. */
export function* ticketSightings(chunk: TicketChunkRecord, vendor: string): Generator<Sighting> {
	const system = idSystemOf(vendor);
	for (let row = 0; row < chunk.size; row++) {
		const key = chunk.customerKeys[row] ?? '';
		if (key === '') continue;
		const id = key.startsWith('id:') ? customerIdOf(system, key.slice(3)) : emailId(key);
		yield {
			source: 'tickets',
			importId: chunk.importId,
			identifiers: [id],
			name: '',
			atMs: chunk.createdAtMs[row] ?? NaN
		};
	}
}

export function* surveySightings(chunk: GenericChunkRecord, vendor: string): Generator<Sighting> {
	const c = chunk.columns as unknown as SurveyColumns;
	const system = idSystemOf(vendor);
	for (let row = 0; row < chunk.size; row++) {
		const email = c.emails[row] ?? '';
		const phone = c.phones[row] ?? '';
		const customerId = c.customerIds[row] ?? '';
		const order = c.orderIds[row] ?? '';
		const identifiers = [
			email === '' ? '' : emailId(email),
			phone === '' ? '' : phoneId(phone),
			customerId === '' ? '' : customerIdOf(system, customerId),
			order === '' ? '' : orderId(normalizeOrderNumber(order))
		];
		yield {
			source: 'surveys',
			importId: chunk.importId,
			identifiers,
			name: c.customerNames[row] ?? '',
			atMs: c.respondedAtMs[row] ?? NaN
		};
	}
}

export function* orderSightings(chunk: GenericChunkRecord, vendor: string): Generator<Sighting> {
	const c = chunk.columns as unknown as OrderColumns;
	const system = idSystemOf(vendor);
	for (let row = 0; row < chunk.size; row++) {
		const email = c.emails[row] ?? '';
		const phone = c.phones[row] ?? '';
		const customerId = c.customerIds[row] ?? '';
		yield {
			source: 'orders',
			importId: chunk.importId,
			identifiers: [
				email === '' ? '' : emailId(email),
				phone === '' ? '' : phoneId(phone),
				customerId === '' ? '' : customerIdOf(system, customerId),
				orderId(normalizeOrderNumber(c.externalIds[row] ?? ''))
			],
			name: c.customerNames[row] ?? '',
			atMs: c.createdAtMs[row] ?? NaN
		};
	}
}

/** A customer-list row: the shop's own name, tags and identifiers for the person. */
export function* listedCustomerSightings(
	chunk: GenericChunkRecord,
	vendor: string
): Generator<Sighting> {
	const c = chunk.columns as unknown as CustomerListColumns;
	const system = idSystemOf(vendor);
	for (let row = 0; row < chunk.size; row++) {
		const email = c.emails[row] ?? '';
		const phone = c.phones[row] ?? '';
		const customerId = c.externalIds[row] ?? '';
		const uniqueId = c.uniqueIds?.[row] ?? '';
		const tags = c.tags[row] ?? '';
		yield {
			source: 'listed',
			importId: chunk.importId,
			identifiers: [
				email === '' ? '' : emailId(email),
				phone === '' ? '' : phoneId(phone),
				customerId === '' ? '' : customerIdOf(system, customerId),
				uniqueId === '' ? '' : customerIdOf(system, `unique:${uniqueId}`)
			],
			name: c.names[row] ?? '',
			atMs: c.createdAtMs[row] ?? NaN,
			tags: tags === '' ? [] : tags.split('|')
		};
	}
}
