import type { PackedChunk } from '../ingest/record-import-session';

/**
 * One row of a shop's customer list (Shopify customers CSV, WooCommerce Analytics →
 * Customers, a generic list such as 客户编号 / 姓名 / 邮箱 / 手机). What the shop states about
 * the person; linking to tickets, surveys and orders happens in core/customers.
 */
export interface ListedCustomer {
	/** `<vendor>:<customer id>`, else `<vendor>:email:<e-mail>`, else `<vendor>:phone:<digits>`. */
	key: string;
	/** The shop's customer id as exported ('' when the list has none). */
	externalId: string;
	/** An id of the person behind several customer ids (Olist's customer_unique_id); ''. */
	uniqueId: string;
	/** Lower-cased e-mail ('' when none or not an address). */
	email: string;
	/** Phone digits (see normalizePhone); '' when none. */
	phone: string;
	/** "First Last", or the list's full-name column. */
	name: string;
	/** Tags as exported, trimmed, empty ones dropped. */
	tags: string[];
	/** Accepts e-mail marketing: true / false, null when the list does not say. */
	acceptsMarketing: boolean | null;
	/** Spend and order count as the shop states them (not recomputed); null when absent. */
	totalSpent: number | null;
	totalOrders: number | null;
	/** Registration time when the list has one; NaN otherwise. */
	createdAtMs: number;
}

/** Columnar layout inside a `customerListChunks` record's `columns`. */
export interface CustomerListColumns {
	externalIds: string[];
	/** Absent in chunks without a unique-id column. */
	uniqueIds?: string[];
	emails: string[];
	phones: string[];
	names: string[];
	/** Tags joined with '|' (as ticket tags are). */
	tags: string[];
	/** 0 = not stated, 1 = yes, 2 = no. */
	marketingCodes: Uint8Array;
	totalSpent: Float64Array;
	totalOrders: Float64Array;
	createdAtMs: Float64Array;
}

const orNaN = (value: number | null) => (value === null ? NaN : value);
const orNull = (value: number | undefined) =>
	value === undefined || Number.isNaN(value) ? null : value;

export function packListedCustomers(customers: readonly ListedCustomer[]): PackedChunk {
	const columns: CustomerListColumns = {
		externalIds: customers.map((c) => c.externalId),
		uniqueIds: customers.map((c) => c.uniqueId),
		emails: customers.map((c) => c.email),
		phones: customers.map((c) => c.phone),
		names: customers.map((c) => c.name),
		tags: customers.map((c) => c.tags.join('|')),
		marketingCodes: Uint8Array.from(customers, (c) =>
			c.acceptsMarketing === null ? 0 : c.acceptsMarketing ? 1 : 2
		),
		totalSpent: Float64Array.from(customers, (c) => orNaN(c.totalSpent)),
		totalOrders: Float64Array.from(customers, (c) => orNaN(c.totalOrders)),
		createdAtMs: Float64Array.from(customers, (c) => c.createdAtMs)
	};
	return { size: customers.length, keys: customers.map((c) => c.key), columns: { ...columns } };
}

export function listedCustomerAt(chunk: PackedChunk, row: number): ListedCustomer {
	const c = chunk.columns as unknown as CustomerListColumns;
	const code = c.marketingCodes[row] ?? 0;
	const tags = c.tags[row] ?? '';
	return {
		key: chunk.keys[row] ?? '',
		externalId: c.externalIds[row] ?? '',
		uniqueId: c.uniqueIds?.[row] ?? '',
		email: c.emails[row] ?? '',
		phone: c.phones[row] ?? '',
		name: c.names[row] ?? '',
		tags: tags === '' ? [] : tags.split('|'),
		acceptsMarketing: code === 0 ? null : code === 1,
		totalSpent: orNull(c.totalSpent[row]),
		totalOrders: orNull(c.totalOrders[row]),
		createdAtMs: c.createdAtMs[row] ?? NaN
	};
}
