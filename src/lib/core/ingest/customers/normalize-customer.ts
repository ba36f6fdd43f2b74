import type { QuarantinedRow } from '../../model/records';
import type { ListedCustomer } from '../../model/customer-list';
import { normalizeEmail, normalizePhone } from '../../customers/identifiers';
import { parseDateTime } from '../values/parse-datetime';
import { parseNumber } from '../values/parse-number';
import type { CustomerColumnMapping, CustomerField } from './customer-fields';

export type CustomerListVendor = 'shopify' | 'woocommerce' | 'olist' | 'generic' | 'mapped';

export type NormalizedCustomerRow =
	{ ok: true; customer: ListedCustomer } | { ok: false; row: QuarantinedRow };

export interface CustomerNormalizerOptions {
	headers: readonly string[];
	mapping: CustomerColumnMapping;
	vendor: CustomerListVendor;
	timeZone: string;
}

const YES = new Set(['yes', 'true', '1', 'y', 'subscribed', 'opted in', '是', '接受', '已订阅']);
const NO = new Set([
	'no',
	'false',
	'0',
	'n',
	'unsubscribed',
	'not subscribed',
	'否',
	'不接受',
	'未订阅'
]);

/** "yes" / "no" (and spellings); null when the cell says neither. */
export function parseYesNo(text: string): boolean | null {
	const t = text.trim().toLowerCase();
	return YES.has(t) ? true : NO.has(t) ? false : null;
}

/** Shopify writes "vip, wholesale"; Chinese lists use 、 or ；. */
export function splitTags(text: string): string[] {
	return text
		.split(/[,;|、；，]/)
		.map((tag) => tag.trim())
		.filter((tag) => tag !== '');
}

/**
 * Builds the function that turns one customer-list row into a listed customer, or a
 * quarantined row when it names nobody (no id, e-mail or phone) or its registration date
 * cannot be read. Missing numbers stay null, never 0.
 */
export function createCustomerNormalizer(options: CustomerNormalizerOptions) {
	const { headers, mapping, vendor } = options;
	const cell = (cells: readonly string[], field: CustomerField): string => {
		const i = mapping[field];
		return i === undefined ? '' : (cells[i] ?? '').trim();
	};
	const header = (field: CustomerField) => {
		const i = mapping[field];
		return i === undefined ? null : (headers[i] ?? null);
	};
	const dateOptions = { timeZone: options.timeZone };

	return function normalizeCustomerRow(
		cells: readonly string[],
		rowNumber: number
	): NormalizedCustomerRow {
		const reject = (reason: QuarantinedRow['reason'], field: CustomerField | null) => ({
			ok: false as const,
			row: { rowNumber, reason, column: field === null ? null : header(field), raw: [...cells] }
		});
		// Shopify guards ids and phones against spreadsheets with a leading "'".
		const externalId = cell(cells, 'customerId').replace(/^'/, '').replace(/\.0$/, '');
		const email = normalizeEmail(cell(cells, 'email'));
		const phone =
			normalizePhone(cell(cells, 'phone')) || normalizePhone(cell(cells, 'addressPhone'));
		const key =
			externalId !== ''
				? `${vendor}:${externalId}`
				: email !== ''
					? `${vendor}:email:${email}`
					: phone !== ''
						? `${vendor}:phone:${phone}`
						: '';
		if (key === '')
			return reject('missing_id', mapping.customerId !== undefined ? 'customerId' : 'email');

		const createdText = cell(cells, 'createdAt');
		let createdAtMs = NaN;
		if (createdText !== '') {
			const parsed = parseDateTime(createdText, dateOptions);
			if (parsed === null) return reject('invalid_created_at', 'createdAt');
			createdAtMs = parsed;
		}
		const fullName = [cell(cells, 'firstName'), cell(cells, 'lastName')]
			.filter((part) => part !== '')
			.join(' ');
		return {
			ok: true,
			customer: {
				key,
				externalId,
				uniqueId: cell(cells, 'uniqueId'),
				email,
				phone,
				name: fullName !== '' ? fullName : cell(cells, 'name'),
				tags: splitTags(cell(cells, 'tags')),
				acceptsMarketing: parseYesNo(cell(cells, 'acceptsMarketing')),
				totalSpent: parseNumber(cell(cells, 'totalSpent')),
				totalOrders: parseNumber(cell(cells, 'totalOrders')),
				createdAtMs
			}
		};
	};
}
