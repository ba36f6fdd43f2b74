import { normalizeHeader } from '../tickets/ticket-fields';
import type { CustomerListVendor } from '../customers/normalize-customer';

/** What a file holds, decided from its header before any row is normalised. */
export type SourceRoute =
	| { kind: 'orders'; vendor: OrderVendor }
	| { kind: 'surveys'; vendor: SurveyVendor }
	| { kind: 'customers'; vendor: CustomerListVendor }
	| { kind: 'report'; vendor: string; message: string }
	| { kind: 'tickets' };

export type OrderVendor =
	| 'shopify'
	| 'woocommerce'
	| 'woocommerce-analytics'
	| 'olist'
	| 'olist-items'
	| 'online-retail'
	| 'taobao';
export type SurveyVendor =
	'olist' | 'chatwoot' | 'freshdesk' | 'gorgias' | 'zendesk' | 'generic' | 'mapped';

interface Rule {
	route: SourceRoute;
	matches: (has: (name: string) => boolean, headers: readonly string[]) => boolean;
}

const anyIncludes = (headers: readonly string[], ...parts: string[]) =>
	headers.some((h) => parts.some((part) => h.includes(part)));

/**
 * Signature columns per source (../shared/reference/export-formats.md §3.10), checked in
 * order; the first match wins. Files matching none are read as tickets (the ticket mapper
 * then decides whether it recognises them or the mapping screen is needed).
 */
const RULES: readonly Rule[] = [
	{
		route: { kind: 'orders', vendor: 'shopify' },
		matches: (has) => has('financial status') && has('lineitem name')
	},
	{
		route: { kind: 'orders', vendor: 'woocommerce-analytics' },
		matches: (has) => has('order #') && has('net sales')
	},
	{
		route: { kind: 'orders', vendor: 'woocommerce' },
		matches: (has) =>
			has('order number') && (has('billing email') || has('customer email') || has('order total'))
	},
	{
		route: { kind: 'orders', vendor: 'olist' },
		matches: (has) => has('order id') && has('order purchase timestamp')
	},
	{
		route: { kind: 'orders', vendor: 'olist-items' },
		matches: (has) => has('order id') && has('order item id') && has('price')
	},
	{
		route: { kind: 'orders', vendor: 'online-retail' },
		matches: (has) => (has('invoiceno') || has('invoice')) && has('stockcode') && has('invoicedate')
	},
	{
		route: { kind: 'orders', vendor: 'taobao' },
		matches: (has) => has('订单编号') && has('买家会员名')
	},
	// Customer lists (after orders: an order export also names customers, but has order numbers).
	{
		route: { kind: 'customers', vendor: 'shopify' },
		matches: (has) =>
			has('total spent') &&
			has('total orders') &&
			(has('accepts email marketing') || has('accepts marketing'))
	},
	{
		// Olist customers: a customer id per order and the person's unique id (no contact data).
		route: { kind: 'customers', vendor: 'olist' },
		matches: (has) => has('customer id') && has('customer unique id')
	},
	{
		// WooCommerce Analytics → Customers → Download (the report table's columns).
		route: { kind: 'customers', vendor: 'woocommerce' },
		matches: (has) =>
			has('username') && has('total spend') && (has('aov') || has('date registered'))
	},
	{
		// A generic list: who the person is and how to reach them, nothing about a contact.
		route: { kind: 'customers', vendor: 'generic' },
		matches: (has, headers) =>
			(has('客户编号') || has('客户id') || has('customer id') || has('会员编号')) &&
			(has('姓名') ||
				has('客户姓名') ||
				has('name') ||
				has('customer name') ||
				has('first name')) &&
			(has('邮箱') || has('手机') || has('email') || has('phone') || has('电话')) &&
			!has('order id') &&
			!has('order number') &&
			!has('订单号') &&
			!has('订单编号') &&
			!anyIncludes(
				headers,
				'ticket',
				'工单',
				'subject',
				'主题',
				'status',
				'状态',
				'score',
				'rating',
				'评分',
				'满意度'
			)
	},
	{
		route: { kind: 'surveys', vendor: 'olist' },
		matches: (has) => has('review id') && has('review score')
	},
	{
		route: { kind: 'surveys', vendor: 'chatwoot' },
		matches: (has) => has('feedback comment') && has('recorded date')
	},
	{
		route: { kind: 'surveys', vendor: 'freshdesk' },
		matches: (has) => has('ratings.default question') && has('ticket id')
	},
	{
		route: { kind: 'surveys', vendor: 'gorgias' },
		matches: (has) => has('scored datetime') && has('score')
	},
	{
		route: { kind: 'surveys', vendor: 'zendesk' },
		matches: (has) => has('score') && has('ticket id') && has('reason code')
	},
	{
		route: {
			kind: 'report',
			vendor: 'chatwoot',
			message:
				'This is a Chatwoot summary report (one row per agent, inbox, label or team): it holds averages, not conversations. Export conversations or CSAT responses instead.'
		},
		matches: (has, headers) =>
			has('avg first response time') &&
			(has('agent name') ||
				has('inbox name') ||
				has('label') ||
				has('team name') ||
				anyIncludes(headers, 'conversations'))
	},
	{
		route: { kind: 'surveys', vendor: 'generic' },
		matches: (has, headers) =>
			!has('status') &&
			!has('ticket status') &&
			!has('subject') &&
			(anyIncludes(headers, 'nps', 'recommend', '推荐') ||
				(anyIncludes(headers, 'survey', 'feedback', 'response id', '问卷', '评价') &&
					(has('score') || has('rating') || has('csat') || has('满意度') || has('评分'))))
	}
];

export function routeSource(headers: readonly string[]): SourceRoute {
	const normalized = headers.map(normalizeHeader);
	const set = new Set(normalized);
	const has = (name: string) => set.has(name);
	for (const rule of RULES) if (rule.matches(has, normalized)) return rule.route;
	return { kind: 'tickets' };
}
