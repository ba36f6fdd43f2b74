import { describe, expect, it } from 'vitest';
import { routeSource } from './detect-source';

describe('routeSource', () => {
	it.each([
		[
			['Name', 'Email', 'Financial Status', 'Lineitem name', 'Created at'],
			{ kind: 'orders', vendor: 'shopify' }
		],
		[
			['Date', 'Order #', 'Status', 'Customer', 'Net sales'],
			{ kind: 'orders', vendor: 'woocommerce-analytics' }
		],
		[
			['order_id', 'order_number', 'order_date', 'billing_email'],
			{ kind: 'orders', vendor: 'woocommerce' }
		],
		[
			['order_id', 'customer_id', 'order_status', 'order_purchase_timestamp'],
			{ kind: 'orders', vendor: 'olist' }
		],
		[
			['order_id', 'order_item_id', 'product_id', 'price'],
			{ kind: 'orders', vendor: 'olist-items' }
		],
		[
			['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice'],
			{ kind: 'orders', vendor: 'online-retail' }
		],
		[
			['Invoice', 'StockCode', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID'],
			{ kind: 'orders', vendor: 'online-retail' }
		],
		[
			['订单编号', '买家会员名', '总金额', '订单状态', '订单创建时间'],
			{ kind: 'orders', vendor: 'taobao' }
		],
		[['review_id', 'order_id', 'review_score'], { kind: 'surveys', vendor: 'olist' }],
		[
			['Agent Name', 'Rating', 'Feedback Comment', 'Link to the conversation', 'Recorded date'],
			{ kind: 'surveys', vendor: 'chatwoot' }
		],
		[
			['id', 'ticket_id', 'ratings.default_question', 'created_at'],
			{ kind: 'surveys', vendor: 'freshdesk' }
		],
		[['id', 'ticket_id', 'score', 'scored_datetime'], { kind: 'surveys', vendor: 'gorgias' }],
		[['Submitted', 'NPS', 'Comment'], { kind: 'surveys', vendor: 'generic' }],
		[['Id', 'Subject', 'Status', 'Created at', 'Satisfaction Score'], { kind: 'tickets' }],
		[['Ticket ID', 'Status', 'Rating', 'Feedback'], { kind: 'tickets' }]
	])('%j → %j', (headers, route) => {
		expect(routeSource(headers)).toEqual(route);
	});

	it('refuses Chatwoot summary reports (aggregates, not conversations)', () => {
		const route = routeSource(['Agent name', 'Assigned conversations', 'Avg first response time']);
		expect(route.kind).toBe('report');
	});
});
