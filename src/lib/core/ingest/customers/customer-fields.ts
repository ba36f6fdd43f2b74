import { normalizeHeader } from '../tickets/ticket-fields';

/** Canonical fields of a customer list row, and the header names that carry them. */
export const CUSTOMER_FIELDS = [
	'customerId',
	'uniqueId',
	'firstName',
	'lastName',
	'name',
	'email',
	'phone',
	'addressPhone',
	'tags',
	'acceptsMarketing',
	'totalSpent',
	'totalOrders',
	'createdAt'
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type CustomerColumnMapping = Partial<Record<CustomerField, number>>;

/**
 * Earlier synonyms win; headers compared after normalizeHeader. Shopify customers CSV and
 * WooCommerce Analytics → Customers (../shared/reference/export-formats.md §3.8-3.9), plus
 * common generic and Chinese spellings.
 */
export const CUSTOMER_HEADER_SYNONYMS: Readonly<Record<CustomerField, readonly string[]>> = {
	customerId: [
		'customer id',
		'id',
		'user id',
		'contact id',
		'client id',
		'客户编号',
		'客户id',
		'会员编号',
		'会员id',
		'用户id'
	],
	// Olist gives every order its own customer id; the unique id is the person behind them.
	uniqueId: ['customer unique id', 'unique customer id', 'person id'],
	firstName: ['first name', 'firstname', 'given name', '名'],
	lastName: ['last name', 'lastname', 'surname', 'family name', '姓'],
	name: [
		'name',
		'full name',
		'customer name',
		'customer',
		'username',
		'姓名',
		'客户姓名',
		'客户名称',
		'客户',
		'会员名'
	],
	email: [
		'email',
		'e-mail',
		'email address',
		'customer email',
		'邮箱',
		'电子邮箱',
		'电子邮件',
		'客户邮箱'
	],
	phone: [
		'phone',
		'phone number',
		'mobile',
		'mobile phone',
		'telephone',
		'手机',
		'手机号',
		'手机号码',
		'电话',
		'联系电话'
	],
	// Shopify fills "Phone" only for SMS contacts; most phones are on the default address.
	addressPhone: ['default address phone', 'address phone', 'billing phone', '收货电话'],
	tags: ['tags', 'tag', 'labels', 'segments', '标签'],
	acceptsMarketing: [
		'accepts email marketing',
		'accepts marketing',
		'marketing opt in',
		'subscribed',
		'接受营销'
	],
	totalSpent: [
		'total spent',
		'total spend',
		'lifetime value',
		'amount spent',
		'消费金额',
		'累计消费',
		'消费总额'
	],
	totalOrders: [
		'total orders',
		'orders',
		'orders count',
		'order count',
		'订单数',
		'订单数量',
		'累计订单'
	],
	createdAt: [
		'date registered',
		'created at',
		'registered',
		'signup date',
		'created',
		'注册时间',
		'创建时间'
	]
};

/** Maps customer-list headers to fields by synonym (first match per field, each column used once). */
export function mapCustomerHeaders(headers: readonly string[]): CustomerColumnMapping {
	const normalized = headers.map(normalizeHeader);
	const mapping: CustomerColumnMapping = {};
	const taken = new Set<number>();
	for (const field of CUSTOMER_FIELDS) {
		for (const synonym of CUSTOMER_HEADER_SYNONYMS[field]) {
			const column = normalized.findIndex((h, i) => h === synonym && !taken.has(i));
			if (column >= 0) {
				mapping[field] = column;
				taken.add(column);
				break;
			}
		}
	}
	return mapping;
}

/** A list can only link when it names people by e-mail, phone or customer id. */
export function customerMappingProblem(mapping: CustomerColumnMapping): string | null {
	return mapping.email === undefined &&
		mapping.phone === undefined &&
		mapping.addressPhone === undefined &&
		mapping.customerId === undefined
		? 'No e-mail, phone or customer id column found in this customer list.'
		: null;
}
