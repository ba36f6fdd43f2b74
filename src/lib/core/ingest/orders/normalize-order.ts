import type { QuarantinedRow } from '../../model/records';
import type { Order, OrderLine } from '../../model/order';
import {
	normalizeEmail,
	normalizeOrderNumber,
	normalizePhone,
	rowCustomerKey
} from '../../customers/identifiers';
import type { OrderVendor } from '../sources/detect-source';
import { normalizeHeader } from '../tickets/ticket-fields';
import type { OrderField } from './order-fields';
import { parseDateTime } from '../values/parse-datetime';
import { parseNumber } from '../values/parse-number';

export interface VendorLayout {
	/** 'line': one row per line item (orders are assembled from them); 'order': one row per order. */
	level: 'line' | 'order';
	/** The key prefix: Olist orders and Olist items share one. */
	keyPrefix: string;
	/** Header names per field, normalised; several = first non-empty cell wins (phones). */
	fields: Partial<Record<OrderField, readonly string[]>>;
}

/** Exact columns per export (../shared/reference/export-formats.md §3.8-3.9 and the Olist/UCI READMEs). */
export const ORDER_LAYOUTS: Readonly<Record<OrderVendor, VendorLayout>> = {
	shopify: {
		level: 'line',
		keyPrefix: 'shopify',
		fields: {
			orderNumber: ['name'],
			createdAt: ['created at'],
			email: ['email'],
			phone: ['phone', 'billing phone', 'shipping phone'],
			customerName: ['billing name', 'shipping name'],
			status: ['financial status'],
			cancelledAt: ['cancelled at'],
			currency: ['currency'],
			total: ['total'],
			quantity: ['lineitem quantity'],
			lineName: ['lineitem name'],
			sku: ['lineitem sku'],
			unitPrice: ['lineitem price']
		}
	},
	woocommerce: {
		level: 'order',
		keyPrefix: 'woocommerce',
		fields: {
			orderNumber: ['order number', 'order id'],
			createdAt: ['order date', 'date created'],
			email: ['billing email', 'customer email'],
			phone: ['billing phone', 'shipping phone'],
			customerId: ['customer id', 'customer user'],
			status: ['status', 'order status'],
			currency: ['order currency', 'currency'],
			total: ['order total', 'total']
		}
	},
	'woocommerce-analytics': {
		level: 'order',
		keyPrefix: 'woocommerce',
		fields: {
			orderNumber: ['order #'],
			createdAt: ['date'],
			customerName: ['customer'],
			status: ['status'],
			total: ['net sales'],
			itemsSold: ['items sold'],
			lineName: ['product(s)']
		}
	},
	olist: {
		level: 'order',
		keyPrefix: 'olist',
		fields: {
			orderNumber: ['order id'],
			createdAt: ['order purchase timestamp'],
			customerId: ['customer id'],
			status: ['order status']
		}
	},
	'olist-items': {
		level: 'line',
		keyPrefix: 'olist',
		fields: {
			orderNumber: ['order id'],
			lineNumber: ['order item id'],
			sku: ['product id'],
			unitPrice: ['price']
		}
	},
	// Taobao/Tmall seller center order report (one row per order; 宝贝标题 names the items).
	taobao: {
		level: 'order',
		keyPrefix: 'taobao',
		fields: {
			orderNumber: ['订单编号'],
			createdAt: ['订单创建时间', '订单付款时间'],
			phone: ['联系手机', '联系电话'],
			customerId: ['买家会员名'],
			customerName: ['收货人姓名'],
			status: ['订单状态'],
			total: ['买家实际支付金额', '总金额'],
			itemsSold: ['宝贝总数量'],
			lineName: ['宝贝标题']
		}
	},
	'online-retail': {
		level: 'line',
		keyPrefix: 'online-retail',
		fields: {
			orderNumber: ['invoiceno', 'invoice'],
			createdAt: ['invoicedate'],
			customerId: ['customerid', 'customer id'],
			quantity: ['quantity'],
			lineName: ['description'],
			sku: ['stockcode'],
			unitPrice: ['unitprice', 'price']
		}
	}
};

const CANCELLED_STATUSES = new Set([
	'cancelled',
	'canceled',
	'voided',
	'unavailable',
	'wc-cancelled',
	'failed',
	'wc-failed',
	'已取消',
	'取消',
	// Taobao: closed without a sale (unpaid, or refunded in full).
	'交易关闭'
]);

export type NormalizedOrderRow =
	{ ok: true; order: Order | null; line: OrderLine | null } | { ok: false; row: QuarantinedRow };

export interface OrderNormalizerOptions {
	headers: readonly string[];
	/** 'mapped' for a layout the user confirmed on the mapping screen (passed as `layout`). */
	vendor: OrderVendor | 'mapped';
	timeZone: string;
	layout?: VendorLayout;
}

/**
 * Builds the function that turns one row of a shop export into an order (for order-level
 * exports), an order line with the order fields its row carries (line-level exports: the
 * order is assembled from its lines by the caller), or a quarantined row.
 */
export function createOrderNormalizer(options: OrderNormalizerOptions) {
	const layout =
		options.layout ?? (options.vendor === 'mapped' ? null : ORDER_LAYOUTS[options.vendor]);
	if (layout === null) throw new Error('A mapped order import needs its layout');
	const normalized = options.headers.map(normalizeHeader);
	const columnsOf = (field: OrderField): number[] =>
		(layout.fields[field] ?? []).map((name) => normalized.indexOf(name)).filter((i) => i >= 0);
	const fieldColumns = Object.fromEntries(
		(Object.keys(layout.fields) as OrderField[]).map((field) => [field, columnsOf(field)])
	) as Partial<Record<OrderField, number[]>>;
	const cell = (cells: readonly string[], field: OrderField): string => {
		for (const index of fieldColumns[field] ?? []) {
			const value = (cells[index] ?? '').trim();
			if (value !== '') return value;
		}
		return '';
	};
	const header = (field: OrderField): string | null => {
		const index = fieldColumns[field]?.[0];
		return index === undefined ? null : (options.headers[index] ?? null);
	};
	const dateOptions = { timeZone: options.timeZone };
	/** Line numbers per order when the export has none: the n-th line of the order in this file. */
	const linesSeen = new Map<string, number>();

	return function normalizeOrderRow(
		cells: readonly string[],
		rowNumber: number
	): NormalizedOrderRow {
		const reject = (reason: QuarantinedRow['reason'], field: OrderField): NormalizedOrderRow => ({
			ok: false,
			row: { rowNumber, reason, column: header(field), raw: [...cells] }
		});
		const rawNumber = cell(cells, 'orderNumber');
		const number = normalizeOrderNumber(rawNumber);
		if (number === '') return reject('missing_id', 'orderNumber');
		const orderKey = `${layout.keyPrefix}:${number}`;

		const createdText = cell(cells, 'createdAt');
		let createdAtMs: number | null = null;
		if (createdText !== '') {
			createdAtMs = parseDateTime(createdText, dateOptions);
			if (createdAtMs === null) return reject('invalid_created_at', 'createdAt');
		} else if (layout.level === 'order') return reject('missing_created_at', 'createdAt');

		const email = normalizeEmail(cell(cells, 'email'));
		const customerId = cell(cells, 'customerId').replace(/^'/, '').replace(/\.0$/, '');
		const customerKey = rowCustomerKey(email, customerId);
		const status = cell(cells, 'status').toLowerCase();
		const numberCell = (field: OrderField) => parseNumber(cell(cells, field));

		let line: OrderLine | null = null;
		if (layout.level === 'line') {
			const quantity = numberCell('quantity') ?? (fieldColumns.quantity ? null : 1);
			const unitPrice = numberCell('unitPrice');
			let lineNumber = cell(cells, 'lineNumber');
			if (lineNumber === '') {
				const n = (linesSeen.get(orderKey) ?? 0) + 1;
				linesSeen.set(orderKey, n);
				lineNumber = String(n);
			}
			line = {
				key: `${orderKey}:${lineNumber}`,
				orderKey,
				createdAtMs,
				sku: cell(cells, 'sku'),
				name: cell(cells, 'lineName'),
				quantity,
				unitPrice,
				lineTotal:
					quantity === null || unitPrice === null ? null : roundMoney(quantity * unitPrice),
				customerKey
			};
		}
		// Olist items carry no order fields: the order comes from the orders file.
		if (options.vendor === 'olist-items') return { ok: true, order: null, line };

		const cancelled =
			CANCELLED_STATUSES.has(status) ||
			cell(cells, 'cancelledAt') !== '' ||
			// UCI Online Retail: invoice numbers starting with C are cancellations.
			(options.vendor === 'online-retail' && /^c/i.test(number));
		const itemsSold = numberCell('itemsSold');
		const order: Order = {
			key: orderKey,
			externalId: rawNumber.replace(/^'/, ''),
			createdAtMs: createdAtMs ?? NaN,
			customerKey,
			email,
			phone: normalizePhone(cell(cells, 'phone')),
			customerId,
			customerName: cell(cells, 'customerName'),
			status,
			cancelled,
			currency: cell(cells, 'currency').toUpperCase(),
			total: numberCell('total'),
			lineCount: line === null ? 0 : 1,
			itemCount: line?.quantity ?? itemsSold ?? 0
		};
		return { ok: true, order, line };
	};
}

/** Four decimals: prices carry up to three (UCI: 0.001), and float noise must not add up. */
export function roundMoney(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}

/**
 * Folds a later row of the same order into it (line-item exports repeat the order on every
 * line; Shopify fills order-level fields on the first line only): blanks are filled, the line
 * is counted, and the stated total wins over line sums.
 */
export function foldOrderRow(order: Order, later: Order, laterLine: OrderLine | null): Order {
	const text = (a: string, b: string) => (a === '' ? b : a);
	return {
		...order,
		createdAtMs: Number.isNaN(order.createdAtMs) ? later.createdAtMs : order.createdAtMs,
		customerKey: text(order.customerKey, later.customerKey),
		email: text(order.email, later.email),
		phone: text(order.phone, later.phone),
		customerId: text(order.customerId, later.customerId),
		customerName: text(order.customerName, later.customerName),
		status: text(order.status, later.status),
		cancelled: order.cancelled || later.cancelled,
		currency: text(order.currency, later.currency),
		total: order.total ?? later.total,
		lineCount: order.lineCount + (laterLine === null ? 0 : 1),
		itemCount: order.itemCount + (laterLine?.quantity ?? 0)
	};
}
