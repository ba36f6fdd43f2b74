/**
 * Orders and order lines from shop exports (Shopify, WooCommerce, Olist, retail transaction
 * tables). Amounts are in the export's currency; absent numbers are null on a row, NaN in a column.
 */
export interface Order {
	/** `<vendor>:<order number>`; order lines point to it. */
	key: string;
	/** The number the shop shows ("#1001", "536365"). */
	externalId: string;
	createdAtMs: number;
	/** Lower-cased e-mail, else `id:<customer id>`, else '' (as on tickets). */
	customerKey: string;
	email: string;
	phone: string;
	customerId: string;
	customerName: string;
	/** Status as exported, lower-cased ("paid", "delivered", "wc-completed"). */
	status: string;
	/** Cancelled, voided or unavailable: not counted as a purchase. */
	cancelled: boolean;
	currency: string;
	/** Order total as stated; else the sum of its lines from the same file; else null. */
	total: number | null;
	lineCount: number;
	itemCount: number;
}

export interface OrderLine {
	/** `<order key>:<line number>`; re-imports merge on it. */
	key: string;
	orderKey: string;
	createdAtMs: number | null;
	sku: string;
	name: string;
	quantity: number | null;
	unitPrice: number | null;
	/** quantity × unit price, or the stated line amount. */
	lineTotal: number | null;
	customerKey: string;
}

export interface OrderColumns {
	externalIds: string[];
	createdAtMs: Float64Array;
	customerKeys: string[];
	emails: string[];
	phones: string[];
	customerIds: string[];
	customerNames: string[];
	statuses: string[];
	cancelled: Uint8Array;
	currencies: string[];
	totals: Float64Array;
	lineCounts: Float64Array;
	itemCounts: Float64Array;
}

export interface OrderLineColumns {
	orderKeys: string[];
	createdAtMs: Float64Array;
	skus: string[];
	names: string[];
	quantities: Float64Array;
	unitPrices: Float64Array;
	lineTotals: Float64Array;
	customerKeys: string[];
}
