import { customerOrderStats, type CustomerOrderStats } from '../customers/order-stats';
import { customerIdOf, emailId, orderId, phoneId } from '../customers/identifiers';
import { idSystemOf } from '../customers/sightings';
import type { Order } from '../model/order';
import type { CustomerRecord } from '../model/records';
import type { SurveyAnswer } from '../model/survey';

/**
 * Everything that names this customer, as the prefixed identifiers linking uses (see
 * identifiers.ts): a record (ticket, order, survey answer) is theirs when it shares one.
 */
export function customerIdentifiers(customer: CustomerRecord): Set<string> {
	return new Set([
		...customer.emails.map(emailId),
		...customer.phones.map(phoneId),
		...(customer.customerIds ?? []).map((id) => `cid:${id}`),
		...(customer.orderNumbers ?? []).map(orderId)
	]);
}

/** The identifier a ticket's customer key stands for (tickets carry an e-mail or `id:<id>`). */
export function ticketCustomerIdentifier(customerKey: string, vendor: string): string {
	if (customerKey === '') return '';
	return customerKey.startsWith('id:')
		? customerIdOf(idSystemOf(vendor), customerKey.slice(3))
		: emailId(customerKey);
}

export const sharesIdentifier = (identifiers: readonly string[], of: ReadonlySet<string>) =>
	identifiers.some((id) => id !== '' && of.has(id));

export interface CustomerOrderSummary extends CustomerOrderStats {
	/** Cancelled orders (not in `orders`). */
	cancelled: number;
	/** Currencies of the orders counted in `spent` ('' when the export gives none). */
	currencies: string[];
	lastOrderAtMs: number | null;
}

/** Order count and net spend of one customer's orders, by the rules of customerOrderStats. */
export function summarizeOrders(orders: readonly Order[]): CustomerOrderSummary {
	const stats = customerOrderStats(orders.map((order) => ({ ...order, customerKey: 'c' }))).get(
		'c'
	) ?? { orders: 0, spent: 0, ordersWithoutTotal: 0 };
	const currencies = new Set<string>();
	let lastOrderAtMs = -Infinity;
	let cancelled = 0;
	for (const order of orders) {
		if (order.cancelled) cancelled++;
		if (order.total !== null && (!order.cancelled || order.total < 0))
			currencies.add(order.currency);
		if (Number.isFinite(order.createdAtMs) && order.createdAtMs > lastOrderAtMs)
			lastOrderAtMs = order.createdAtMs;
	}
	return {
		...stats,
		cancelled,
		currencies: [...currencies].sort(),
		lastOrderAtMs: Number.isFinite(lastOrderAtMs) ? lastOrderAtMs : null
	};
}

/** One survey answer as the detail lists it. */
export interface CustomerSurveyAnswer {
	respondedAtMs: number;
	score: number | null;
	scale: SurveyAnswer['scale'];
	rawScore: string;
	comment: string;
	ticketId: string;
}

/** Newest first. */
export function surveyAnswersOf(answers: readonly SurveyAnswer[]): CustomerSurveyAnswer[] {
	return answers
		.map((answer) => ({
			respondedAtMs: answer.respondedAtMs,
			score: answer.score,
			scale: answer.scale,
			rawScore: answer.rawScore,
			comment: answer.comment,
			ticketId: answer.ticketId
		}))
		.sort((a, b) => b.respondedAtMs - a.respondedAtMs);
}
