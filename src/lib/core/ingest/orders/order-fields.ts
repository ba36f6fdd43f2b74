import { normalizeHeader } from '../tickets/ticket-fields';

/** Canonical fields of an order (or order line) row, as the mapping screen offers them. */
export const ORDER_FIELDS = [
	'orderNumber',
	'createdAt',
	'email',
	'phone',
	'customerId',
	'customerName',
	'status',
	'cancelledAt',
	'currency',
	'total',
	'lineNumber',
	'quantity',
	'lineName',
	'sku',
	'unitPrice',
	'itemsSold'
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** Fields that make a row an order line: with any of them mapped, orders are assembled from lines. */
export const ORDER_LINE_FIELDS: readonly OrderField[] = [
	'lineNumber',
	'quantity',
	'lineName',
	'sku',
	'unitPrice'
];

/** Header synonyms (after normalizeHeader), English and Chinese, for proposing a mapping. */
export const ORDER_HEADER_SYNONYMS: Readonly<Record<OrderField, readonly string[]>> = {
	orderNumber: [
		'order number',
		'order id',
		'order no',
		'order',
		'order #',
		'invoice',
		'invoice no',
		'name',
		'订单号',
		'订单编号',
		'订单id'
	],
	createdAt: [
		'created at',
		'order date',
		'date created',
		'order time',
		'purchase date',
		'date',
		'placed at',
		'下单时间',
		'订单创建时间',
		'创建时间',
		'付款时间',
		'日期'
	],
	email: [
		'email',
		'e-mail',
		'customer email',
		'billing email',
		'buyer email',
		'邮箱',
		'客户邮箱',
		'买家邮箱'
	],
	phone: [
		'phone',
		'phone number',
		'billing phone',
		'mobile',
		'customer phone',
		'手机',
		'联系手机',
		'电话',
		'联系电话'
	],
	customerId: [
		'customer id',
		'customer',
		'buyer id',
		'user id',
		'member id',
		'客户编号',
		'客户id',
		'买家会员名',
		'会员名'
	],
	customerName: [
		'customer name',
		'full name',
		'billing name',
		'buyer name',
		'shipping name',
		'recipient',
		'收货人姓名',
		'收货人',
		'客户姓名',
		'买家姓名'
	],
	status: ['status', 'order status', 'financial status', 'payment status', '订单状态', '状态'],
	cancelledAt: ['cancelled at', 'canceled at', 'cancelled', 'cancel time', '取消时间'],
	currency: ['currency', 'order currency', '币种', '货币'],
	total: [
		'total',
		'order total',
		'amount',
		'grand total',
		'total price',
		'net sales',
		'订单金额',
		'实付金额',
		'买家实际支付金额',
		'总金额',
		'金额'
	],
	lineNumber: ['line number', 'line no', 'item no', 'order item id', '行号'],
	quantity: ['quantity', 'qty', 'lineitem quantity', 'units', '数量', '购买数量'],
	lineName: [
		'product',
		'product name',
		'item name',
		'item',
		'lineitem name',
		'description',
		'title',
		'商品名称',
		'商品',
		'宝贝标题',
		'品名'
	],
	sku: [
		'sku',
		'product id',
		'item id',
		'stockcode',
		'lineitem sku',
		'商品编码',
		'商品编号',
		'货号'
	],
	unitPrice: ['unit price', 'price', 'item price', 'lineitem price', '单价', '价格'],
	itemsSold: ['items sold', 'items', 'item count', '件数', '宝贝总数量', '商品数量']
};

/** The layout a confirmed mapping implies: field → the header chosen (normalised). */
export function mappedOrderLayout(byHeader: Readonly<Record<string, string>>): {
	level: 'line' | 'order';
	keyPrefix: string;
	fields: Partial<Record<OrderField, readonly string[]>>;
} {
	const fields: Partial<Record<OrderField, readonly string[]>> = {};
	for (const field of ORDER_FIELDS) {
		const header = byHeader[field];
		if (header !== undefined && header !== '') fields[field] = [normalizeHeader(header)];
	}
	const isLines = ORDER_LINE_FIELDS.some((field) => fields[field] !== undefined);
	return { level: isLines ? 'line' : 'order', keyPrefix: 'mapped', fields };
}
