import type {
	CustomerRecord,
	CustomerVerdictRecord,
	GenericChunkRecord
} from '$lib/core/model/records';
import {
	customerFeatures,
	orderOutcome,
	rankRiskyCustomers,
	type CustomerOrders,
	type RiskyCustomer,
	type ShopNorms
} from '$lib/core/risk/customer-risk';
import type { ServiceLensDb } from '$lib/db/database';
import { doneImportIds } from '$lib/db/repositories/imports';
import { loadCommittedTickets } from '$lib/db/repositories/tickets';
import { fail, ok, type Result } from './result';
import { loadFirstMessageSentiment } from './first-message-sentiment';
import { negativeTickets } from '$lib/core/text/ticket-sentiment';

/** A listed customer with the linked customer's name and e-mail ('' when unknown). */
export interface RiskyCustomerView extends RiskyCustomer {
	name: string;
	email: string;
}

export interface RiskResult {
	customers: RiskyCustomerView[];
	norms: ShopNorms;
	/** Customers scored (everyone with a customer key). */
	scored: number;
	/** Whether order features were used (an order export was imported). */
	withOrders: boolean;
}

/**
 * Order totals per customer from committed order chunks, when the order importer has stored
 * them with a `customerKeys` column (and optionally `totals`, `cancelled`, `statuses`): the
 * order features are optional, and absent until an order export is imported. Cancelled and
 * fully refunded orders are not purchases (neither counted nor summed); refunds are counted
 * apart.
 */
export function ordersFromChunks(chunks: readonly GenericChunkRecord[]): CustomerOrders[] {
	const byKey = new Map<string, CustomerOrders>();
	for (const chunk of chunks) {
		const keys = chunk.columns['customerKeys'];
		const totals = chunk.columns['totals'];
		const cancelled = chunk.columns['cancelled'];
		const statuses = chunk.columns['statuses'];
		if (!Array.isArray(keys)) continue;
		keys.forEach((key, index) => {
			if (typeof key !== 'string' || key === '') return;
			const entry = byKey.get(key) ?? { customerKey: key, orders: 0, value: 0, refunds: 0 };
			byKey.set(key, entry);
			const isCancelled =
				ArrayBuffer.isView(cancelled) || Array.isArray(cancelled)
					? Number((cancelled as ArrayLike<number>)[index]) === 1
					: false;
			const status = Array.isArray(statuses) ? String(statuses[index] ?? '') : '';
			const outcome = orderOutcome(isCancelled, status);
			if (outcome === 'refunded' || outcome === 'partlyRefunded') entry.refunds++;
			if (outcome === 'cancelled' || outcome === 'refunded') return;
			entry.orders++;
			const total =
				Array.isArray(totals) || ArrayBuffer.isView(totals)
					? Number((totals as ArrayLike<number>)[index])
					: NaN;
			if (Number.isFinite(total)) entry.value += total;
		});
	}
	return [...byKey.values()];
}

/**
 * The name and e-mail of a listed customer from its customer record (built from tickets,
 * orders and customer lists): an e-mail key is the e-mail itself; an `id:` key takes the
 * record's first e-mail. Empty strings when nothing is known.
 */
export function customerIdentity(
	customerKey: string,
	record: Pick<CustomerRecord, 'name' | 'emails'> | undefined
): { name: string; email: string } {
	const isId = customerKey.startsWith('id:') || customerKey.startsWith('phone:');
	return {
		name: record?.name.trim() ?? '',
		email: isId ? (record?.emails[0] ?? '') : customerKey
	};
}

/** Looks the listed customers up (at most a few dozen): by e-mail, else one scan for ids. */
async function withIdentities(
	db: ServiceLensDb,
	customers: readonly RiskyCustomer[]
): Promise<RiskyCustomerView[]> {
	const records = new Map<string, CustomerRecord>();
	const idKeys = new Set<string>();
	for (const { customerKey } of customers) {
		if (customerKey.startsWith('id:') || customerKey.startsWith('phone:')) {
			const direct = await db.customers.get(customerKey);
			if (direct) records.set(customerKey, direct);
			else idKeys.add(customerKey);
		} else {
			const record = await db.customers.where('emails').equals(customerKey).first();
			if (record) records.set(customerKey, record);
		}
	}
	if (idKeys.size > 0)
		await db.customers.each((record) => {
			for (const id of record.customerIds ?? [])
				if (idKeys.has(`id:${id}`) && !records.has(`id:${id}`)) records.set(`id:${id}`, record);
		});
	return customers.map((customer) => ({
		...customer,
		...customerIdentity(customer.customerKey, records.get(customer.customerKey))
	}));
}

/** Customers to review, with the merchant's verdicts applied. */
export async function runRisk(db: ServiceLensDb): Promise<Result<RiskResult>> {
	try {
		const tickets = await loadCommittedTickets(db);
		const committed = await doneImportIds(db);
		const orderChunks = (await db.orderChunks.toArray()).filter((c) => committed.has(c.importId));
		const orders = ordersFromChunks(orderChunks);
		const verdicts = new Map(
			(await db.customerVerdicts.toArray()).map((record) => [record.customerKey, record.verdict])
		);
		// Sentiment reads the first customer message too where messages are imported.
		const firstMessages = await loadFirstMessageSentiment(db, tickets);
		const negative = firstMessages ? negativeTickets(tickets, firstMessages) : undefined;
		const ranked = rankRiskyCustomers(customerFeatures(tickets, orders, negative), verdicts);
		const customers = await withIdentities(db, ranked.customers);
		return ok({ ...ranked, customers, withOrders: orders.length > 0 });
	} catch (error) {
		return fail('internal', error instanceof Error ? error.message : String(error));
	}
}

/** Stores (or, with null, clears) the merchant's verdict on a customer. */
export async function saveCustomerVerdict(
	db: ServiceLensDb,
	customerKey: string,
	verdict: CustomerVerdictRecord['verdict'] | null
): Promise<void> {
	if (verdict === null) await db.customerVerdicts.delete(customerKey);
	else await db.customerVerdicts.put({ customerKey, verdict, note: '', decidedAtMs: Date.now() });
}
