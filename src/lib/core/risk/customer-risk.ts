import type { TicketColumns } from '../model/ticket-columns';
import type { CustomerVerdictRecord } from '../model/records';
import { fitIsolationForest, scoreIsolation } from '../anomaly/isolation-forest';
import { isAbusive, isClaim, isCompensated } from '../alerts/ticket-text';
import { isNegative } from '../text/sentiment';
import { ratingOutcome } from '../alerts/monitored-series';

/** What one customer's tickets (and orders, when imported) say. */
export interface CustomerFeatures {
	customerKey: string;
	contacts: number;
	/** Refund, return, damage or "not received" claims. */
	claims: number;
	/** Tickets that ended with money or goods sent back (tags). */
	compensated: number;
	/** Tickets with insults or threats in the subject. */
	abusive: number;
	/** Tickets whose subject reads negative (lexicon sentiment, src/lib/core/text/sentiment.ts). */
	negative: number;
	rated: number;
	unsatisfied: number;
	/**
	 * Purchases and their value, when an order export was imported (else absent): cancelled
	 * and fully refunded orders are not purchases and count in neither.
	 */
	orders?: number;
	orderValue?: number;
	/** Orders refunded in full or in part (a partial refund is still a purchase). */
	refundedOrders?: number;
}

/** Per-customer order totals from an order import (optional input). */
export interface CustomerOrders {
	customerKey: string;
	/** Purchases: not cancelled, not refunded in full. */
	orders: number;
	/** Their total value. */
	value: number;
	/** Orders refunded in full or in part. */
	refunds: number;
}

export type OrderOutcome = 'purchase' | 'partlyRefunded' | 'refunded' | 'cancelled';

/**
 * What an order counts as, from the importer's `cancelled` flag and the exported status
 * ("refunded", "wc-refunded", "partially_refunded", 已退款, 部分退款).
 */
export function orderOutcome(cancelled: boolean, status: string): OrderOutcome {
	if (cancelled) return 'cancelled';
	const text = status.toLowerCase();
	const refund = /refund|退款/.test(text);
	if (!refund) return 'purchase';
	return /partial|部分/.test(text) ? 'partlyRefunded' : 'refunded';
}

/**
 * `negative` (per ticket row, 1 = reads negative; core/text/ticket-sentiment.ts) replaces the
 * subject test when the first customer messages are known.
 */
export function customerFeatures(
	columns: TicketColumns,
	orders: readonly CustomerOrders[] = [],
	negative?: Uint8Array
): CustomerFeatures[] {
	const byKey = new Map<string, CustomerFeatures>();
	for (let row = 0; row < columns.size; row++) {
		const key = columns.customerKeys[row] ?? '';
		if (key === '') continue;
		let entry = byKey.get(key);
		if (!entry) {
			entry = {
				customerKey: key,
				contacts: 0,
				claims: 0,
				compensated: 0,
				abusive: 0,
				negative: 0,
				rated: 0,
				unsatisfied: 0
			};
			byKey.set(key, entry);
		}
		const subject = columns.subjects[row] ?? '';
		const tags = columns.tags[row] ?? '';
		entry.contacts++;
		if (isClaim(subject, tags)) entry.claims++;
		if (isCompensated(tags)) entry.compensated++;
		if (isAbusive(subject)) entry.abusive++;
		if (negative ? negative[row] === 1 : isNegative(subject)) entry.negative++;
		const outcome = ratingOutcome(columns, row);
		if (!Number.isNaN(outcome)) {
			entry.rated++;
			if (outcome === 0) entry.unsatisfied++;
		}
	}
	if (orders.length > 0) {
		for (const entry of byKey.values()) {
			entry.orders = 0;
			entry.orderValue = 0;
			entry.refundedOrders = 0;
		}
		for (const order of orders) {
			const entry = byKey.get(order.customerKey);
			if (!entry) continue;
			entry.orders = order.orders;
			entry.orderValue = order.value;
			entry.refundedOrders = order.refunds;
		}
	}
	return [...byKey.values()].sort((a, b) => (a.customerKey < b.customerKey ? -1 : 1));
}

/** The shop's norm: means over customers who wrote in at least once. */
export interface ShopNorms {
	contacts: number;
	claims: number;
	/** Compensated tickets / tickets, over the whole shop. */
	compensatedShare: number;
	/** Unsatisfied ratings / ratings, over the whole shop. */
	unsatisfiedShare: number;
	/** Negative-sounding tickets / tickets, over the whole shop. */
	negativeShare: number;
	abusive: number;
	/** Refunded orders per customer (0 without an order import). */
	refunds: number;
}

export function shopNorms(features: readonly CustomerFeatures[]): ShopNorms {
	const n = Math.max(1, features.length);
	const sum = (pick: (f: CustomerFeatures) => number) => features.reduce((s, f) => s + pick(f), 0);
	const contacts = sum((f) => f.contacts);
	const rated = sum((f) => f.rated);
	return {
		contacts: contacts / n,
		claims: sum((f) => f.claims) / n,
		compensatedShare: contacts > 0 ? sum((f) => f.compensated) / contacts : 0,
		unsatisfiedShare: rated > 0 ? sum((f) => f.unsatisfied) / rated : 0,
		negativeShare: contacts > 0 ? sum((f) => f.negative) / contacts : 0,
		abusive: sum((f) => f.abusive) / n,
		refunds: sum((f) => f.refundedOrders ?? 0) / n
	};
}

export type RiskRule = 'serialClaims' | 'compensation' | 'abusive' | 'unhappy';

/**
 * Transparent rules, shown beside the forest's score:
 * - serialClaims: at least 3 claims, 3× the shop's mean claims per customer, and claims on
 *   half or more of the customer's tickets (a loyal regular with many orders has some claims);
 * - compensation: at least 3 compensated tickets, half or more of the customer's tickets;
 * - abusive: any ticket with abusive language;
 * - unhappy: at least 3 ratings, two thirds or more of them unsatisfied.
 */
export function firedRules(f: CustomerFeatures, norms: ShopNorms): RiskRule[] {
	const rules: RiskRule[] = [];
	if (f.claims >= 3 && f.claims >= 3 * norms.claims && f.claims / f.contacts >= 0.5)
		rules.push('serialClaims');
	if (f.compensated >= 3 && f.compensated / f.contacts >= 0.5) rules.push('compensation');
	if (f.abusive >= 1) rules.push('abusive');
	if (f.rated >= 3 && f.unsatisfied / f.rated >= 2 / 3) rules.push('unhappy');
	return rules;
}

/** Pseudo-tickets at the shop's rate added to every share: one refunded ticket is not a pattern. */
const PRIOR_TICKETS = 3;

const smoothed = (count: number, total: number, rate: number) =>
	(count + PRIOR_TICKETS * rate) / (total + PRIOR_TICKETS);

export type ReasonFeature =
	| 'claims'
	| 'compensated'
	| 'abusive'
	| 'negativeCsat'
	| 'contacts'
	| 'orders'
	| 'refunds'
	| 'negative';

/** The model's inputs and the reason each feeds (for the words). */
const MODEL_FEATURES: {
	reason: ReasonFeature;
	value: (f: CustomerFeatures, n: ShopNorms, claimRate: number) => number;
}[] = [
	{ reason: 'contacts', value: (f) => Math.log1p(f.contacts) },
	{ reason: 'claims', value: (f) => Math.log1p(f.claims) },
	{ reason: 'claims', value: (f, _, claimRate) => smoothed(f.claims, f.contacts, claimRate) },
	{
		reason: 'compensated',
		value: (f, n) => smoothed(f.compensated, f.contacts, n.compensatedShare)
	},
	{ reason: 'abusive', value: (f) => Math.log1p(f.abusive) },
	{ reason: 'negativeCsat', value: (f, n) => smoothed(f.unsatisfied, f.rated, n.unsatisfiedShare) },
	{ reason: 'negative', value: (f, n) => smoothed(f.negative, f.contacts, n.negativeShare) }
];
const ORDER_FEATURES: typeof MODEL_FEATURES = [
	{ reason: 'orders', value: (f) => Math.log1p(f.orders ?? 0) },
	// Claims per order: a claim on every order is the pattern, not a claim from a big buyer.
	{ reason: 'claims', value: (f) => f.claims / Math.max(1, f.orders ?? 0) },
	// Refunded orders, apart from purchases: a refund on most orders is the pattern.
	{ reason: 'refunds', value: (f) => Math.log1p(f.refundedOrders ?? 0) }
];

export interface RiskReason {
	feature: ReasonFeature;
	/** Raw value in the customer's terms: a count, or a 0..1 share. */
	value: number;
	/** The shop's norm for the same quantity. */
	norm: number;
	/** Share of the forest's isolating cuts that fell on this feature. */
	weight: number;
}

export interface RiskyCustomer {
	customerKey: string;
	score: number;
	rules: RiskRule[];
	/** The features that set the customer apart, most telling first. */
	reasons: RiskReason[];
	contacts: number;
	verdict: CustomerVerdictRecord['verdict'] | null;
}

export interface RiskOptions {
	seed: number;
	trees: number;
	/** Forest score from which a customer is listed (rules also list). */
	reviewScore: number;
	/** At most this many customers in the list. */
	limit: number;
}

export const RISK_DEFAULTS: RiskOptions = { seed: 1, trees: 100, reviewScore: 0.7, limit: 20 };

/** A reason is worth words when the customer is at least twice the norm on it. */
function reasonsOf(
	f: CustomerFeatures,
	norms: ShopNorms,
	weights: Map<ReasonFeature, number>
): RiskReason[] {
	const candidates: RiskReason[] = [
		{ feature: 'claims', value: f.claims, norm: norms.claims, weight: 0 },
		{
			feature: 'compensated',
			value: f.compensated / f.contacts,
			norm: norms.compensatedShare,
			weight: 0
		},
		{ feature: 'abusive', value: f.abusive, norm: norms.abusive, weight: 0 },
		{
			feature: 'negativeCsat',
			value: f.rated > 0 ? f.unsatisfied / f.rated : 0,
			norm: norms.unsatisfiedShare,
			weight: 0
		},
		{
			feature: 'negative',
			value: f.negative / f.contacts,
			norm: norms.negativeShare,
			weight: 0
		},
		{ feature: 'contacts', value: f.contacts, norm: norms.contacts, weight: 0 },
		{ feature: 'refunds', value: f.refundedOrders ?? 0, norm: norms.refunds, weight: 0 }
	];
	const minimum: Record<ReasonFeature, number> = {
		claims: 2,
		compensated: 0.3,
		abusive: 1,
		negativeCsat: 0.5,
		contacts: 5,
		orders: Infinity,
		refunds: 2,
		negative: 0.5
	};
	return candidates
		.filter(
			(r) =>
				r.value >= minimum[r.feature] &&
				r.value >= 2 * r.norm &&
				(r.feature !== 'negativeCsat' || f.rated >= 2) &&
				(r.feature !== 'negative' || f.negative >= 2)
		)
		.map((r) => ({ ...r, weight: weights.get(r.feature) ?? 0 }))
		.sort(
			(a, b) =>
				b.weight - a.weight || b.value / Math.max(1e-9, b.norm) - a.value / Math.max(1e-9, a.norm)
		);
}

/**
 * Scores every customer with an Isolation Forest over contact, claim, compensation,
 * abusive-language and rating features (plus orders when imported), and lists those worth a
 * review: forest score ≥ reviewScore with at least one rule, or two rules or more, highest
 * score first. Merchant
 * verdicts are kept: "fraud" stays listed and marked, "fine" moves to the end of the list.
 */
export function rankRiskyCustomers(
	features: readonly CustomerFeatures[],
	verdicts: ReadonlyMap<string, CustomerVerdictRecord['verdict']> = new Map(),
	options: Partial<RiskOptions> = {}
): { customers: RiskyCustomer[]; norms: ShopNorms; scored: number } {
	const { seed, trees, reviewScore, limit } = { ...RISK_DEFAULTS, ...options };
	const norms = shopNorms(features);
	if (features.length === 0) return { customers: [], norms, scored: 0 };
	const totalContacts = features.reduce((s, f) => s + f.contacts, 0);
	const claimRate = features.reduce((s, f) => s + f.claims, 0) / Math.max(1, totalContacts);
	const model = features.some((f) => f.orders !== undefined)
		? [...MODEL_FEATURES, ...ORDER_FEATURES]
		: MODEL_FEATURES;
	const rows = features.map((f) => model.map((m) => m.value(f, norms, claimRate)));
	const forest = fitIsolationForest(rows, { seed, trees });
	const listed: RiskyCustomer[] = [];
	features.forEach((f, index) => {
		const { score, attribution } = scoreIsolation(forest, rows[index]!);
		const rules = firedRules(f, norms);
		const verdict = verdicts.get(f.customerKey) ?? null;
		// Listed: an unusual customer (forest) on whom a rule also fires, or two rules alone.
		// The forest alone also flags big, ordinary regulars; a rule says why to look.
		const isListed = (score >= reviewScore && rules.length >= 1) || rules.length >= 2;
		if (!isListed && verdict !== 'fraud') return;
		const weights = new Map<ReasonFeature, number>();
		model.forEach((m, d) => weights.set(m.reason, (weights.get(m.reason) ?? 0) + attribution[d]!));
		listed.push({
			customerKey: f.customerKey,
			score,
			rules,
			reasons: reasonsOf(f, norms, weights),
			contacts: f.contacts,
			verdict
		});
	});
	listed.sort((a, b) => b.score - a.score || (a.customerKey < b.customerKey ? -1 : 1));
	// Customers marked fine stay known (below the list, so a verdict can be undone).
	const fine = listed.filter((c) => c.verdict === 'fine');
	const toReview = listed.filter((c) => c.verdict !== 'fine').slice(0, limit);
	return { customers: [...toReview, ...fine], norms, scored: features.length };
}
