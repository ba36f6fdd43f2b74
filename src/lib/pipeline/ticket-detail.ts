import type { ServiceLensDb } from '$lib/db/database';
import type { CustomerRecord } from '$lib/core/model/records';
import type { Message } from '$lib/core/model/message';
import type { Order } from '$lib/core/model/order';
import type { SurveyAnswer } from '$lib/core/model/survey';
import { orderAt, surveyAt } from '$lib/core/model/record-columns';
import { orderSightings, surveySightings } from '$lib/core/customers/sightings';
import { dataAsOfMs } from '$lib/core/metrics/backlog';
import { ticketView, type TicketView } from '$lib/core/table/ticket-export';
import { rowOfKey } from '$lib/core/table/ticket-table';
import {
	buildConversation,
	messagesAt,
	rowsByTicketKey,
	type Conversation,
	type MessageChunkColumns
} from '$lib/core/detail/conversation';
import {
	customerIdentifiers,
	sharesIdentifier,
	summarizeOrders,
	surveyAnswersOf,
	ticketCustomerIdentifier,
	type CustomerOrderSummary,
	type CustomerSurveyAnswer
} from '$lib/core/detail/customer-profile';
import { ticketTimings, type TicketTimings } from '$lib/core/detail/ticket-timings';
import { loadServiceSettings } from '$lib/db/repositories/settings';
import { forEachCommittedChunk } from '$lib/db/repositories/record-chunks';
import type { MessageChunkRecord } from '$lib/db/repositories/messages';
import { forecastDataVersion } from './forecast';
import { ticketTable } from './ticket-table-cache';

/** At most this many of the customer's other tickets are listed (newest first). */
const OTHER_TICKETS_SHOWN = 20;

export interface CustomerDetail {
	key: string;
	name: string;
	emails: string[];
	phones: string[];
	/** From the shop's customer lists, sorted ([] when no list names them). */
	tags: string[];
	firstSeenAtMs: number | null;
	/** The customer's other tickets: how many, and the newest few. */
	otherTicketCount: number;
	otherTickets: TicketView[];
	orders: CustomerOrderSummary;
	surveys: CustomerSurveyAnswer[];
}

export interface TicketDetail {
	ticket: TicketView;
	importFileName: string;
	/** How the ticket was imported: from messages (a conversation exists) or as a ticket row. */
	importKind: 'messages' | 'tickets';
	timings: TicketTimings;
	/** Null when no stored message belongs to the ticket (a ticket-level export). */
	conversation: Conversation | null;
	/** Null when the ticket names nobody, or linking found no customer. */
	customer: CustomerDetail | null;
}

/** Per data version: where each ticket's messages are (chunk id → rows), so opening one reads little. */
let messageIndex: {
	version: number;
	byTicket: Map<string, { chunkId: number; rows: number[] }[]>;
} | null = null;

async function messageLocations(db: ServiceLensDb, version: number) {
	if (messageIndex?.version === version) return messageIndex.byTicket;
	const committed = new Set(
		(await db.imports.where('status').equals('done').primaryKeys()) as number[]
	);
	const byTicket = new Map<string, { chunkId: number; rows: number[] }[]>();
	const ids = (await db.messageChunks.toCollection().primaryKeys()) as number[];
	for (const chunkId of ids) {
		const record = (await db.messageChunks.get(chunkId)) as MessageChunkRecord | undefined;
		if (record === undefined || !committed.has(record.importId)) continue;
		for (const [ticketKey, rows] of rowsByTicketKey(chunkColumns(record))) {
			let list = byTicket.get(ticketKey);
			if (list === undefined) byTicket.set(ticketKey, (list = []));
			list.push({ chunkId, rows });
		}
	}
	messageIndex = { version, byTicket };
	return byTicket;
}

const chunkColumns = (record: MessageChunkRecord): MessageChunkColumns => ({
	size: record.size,
	keys: record.keys,
	...record.columns
});

async function conversationOf(
	db: ServiceLensDb,
	version: number,
	ticketKey: string
): Promise<Conversation | null> {
	const locations = (await messageLocations(db, version)).get(ticketKey);
	if (locations === undefined) return null;
	const found: Message[] = [];
	for (const { chunkId, rows } of locations) {
		const record = (await db.messageChunks.get(chunkId)) as MessageChunkRecord | undefined;
		if (record !== undefined) found.push(...messagesAt(chunkColumns(record), rows));
	}
	return found.length === 0 ? null : buildConversation(found);
}

async function findCustomer(
	db: ServiceLensDb,
	customerKey: string,
	identifier: string
): Promise<CustomerRecord | undefined> {
	if (customerKey === '') return undefined;
	if (!customerKey.startsWith('id:'))
		return db.customers.where('emails').equals(customerKey).first();
	const id = identifier.slice('cid:'.length);
	return db.customers.filter((customer) => (customer.customerIds ?? []).includes(id)).first();
}

/**
 * One ticket by key: its fields, every timing (by the KPI functions, under the merchant's
 * business hours and SLA targets in `timeZone`), its conversation when messages were imported,
 * and its linked customer (other tickets, orders, survey answers). Null when not stored.
 */
export async function ticketDetail(
	db: ServiceLensDb,
	key: string,
	timeZone: string
): Promise<TicketDetail | null> {
	const cached = await ticketTable(db);
	const { table, facets } = cached;
	const row = rowOfKey(table, key);
	if (row === undefined) return null;
	const version = await forecastDataVersion(db);
	const ticket = ticketView(table, row);
	const imports = await db.imports.where('status').equals('done').toArray();
	const vendorOf = new Map(imports.map((record) => [record.id ?? 0, record.vendor]));
	const importRecord = imports.find((record) => record.id === ticket.importId);
	const conversation = await conversationOf(db, version, key);
	const timings = ticketTimings(table.columns, row, {
		settings: await loadServiceSettings(db),
		timeZone,
		asOfMs: dataAsOfMs(table.columns),
		firstResolutionSeconds: conversation?.firstResolutionSeconds ?? null
	});
	return {
		ticket,
		importFileName: facets.imports.find((record) => record.id === ticket.importId)?.fileName ?? '',
		importKind:
			importRecord?.sourceKind === 'messages' || conversation !== null ? 'messages' : 'tickets',
		timings,
		conversation,
		customer: await customerDetail(db, cached.table, row, vendorOf)
	};
}

async function customerDetail(
	db: ServiceLensDb,
	table: Awaited<ReturnType<typeof ticketTable>>['table'],
	row: number,
	vendorOf: ReadonlyMap<number, string>
): Promise<CustomerDetail | null> {
	const customerKey = table.columns.customerKeys[row] ?? '';
	const identifier = ticketCustomerIdentifier(
		customerKey,
		vendorOf.get(table.importIds[row] ?? 0) ?? ''
	);
	const customer = await findCustomer(db, customerKey, identifier);
	if (customer === undefined) return null;
	const identifiers = customerIdentifiers(customer);

	// Other tickets: every row whose customer key stands for one of the customer's identifiers.
	const others: number[] = [];
	const keys = table.columns.customerKeys;
	for (let other = 0; other < table.size; other++) {
		if (other === row || keys[other] === '' || keys[other] === undefined) continue;
		const id = ticketCustomerIdentifier(
			keys[other] ?? '',
			vendorOf.get(table.importIds[other] ?? 0) ?? ''
		);
		if (identifiers.has(id)) others.push(other);
	}
	const created = table.columns.createdAtMs;
	others.sort((a, b) => (created[b] ?? 0) - (created[a] ?? 0));

	const orders: Order[] = [];
	await forEachCommittedChunk(db, 'orderChunks', (chunk) => {
		let index = 0;
		for (const sighting of orderSightings(chunk, vendorOf.get(chunk.importId) ?? '')) {
			if (sharesIdentifier(sighting.identifiers, identifiers)) orders.push(orderAt(chunk, index));
			index++;
		}
	});
	const answers: SurveyAnswer[] = [];
	await forEachCommittedChunk(db, 'surveyChunks', (chunk) => {
		let index = 0;
		for (const sighting of surveySightings(chunk, vendorOf.get(chunk.importId) ?? '')) {
			if (sharesIdentifier(sighting.identifiers, identifiers)) answers.push(surveyAt(chunk, index));
			index++;
		}
	});
	return {
		key: customer.key,
		name: customer.name,
		emails: customer.emails,
		phones: customer.phones,
		tags: customer.tags ?? [],
		firstSeenAtMs: Number.isFinite(customer.firstSeenAtMs) ? customer.firstSeenAtMs : null,
		otherTicketCount: others.length,
		otherTickets: others.slice(0, OTHER_TICKETS_SHOWN).map((other) => ticketView(table, other)),
		orders: summarizeOrders(orders),
		surveys: surveyAnswersOf(answers)
	};
}
