import { CUSTOMER_FIELDS, CUSTOMER_HEADER_SYNONYMS } from '../customers/customer-fields';
import { MESSAGE_FIELDS, MESSAGE_HEADER_SYNONYMS } from '../messages/message-table';
import { ORDER_FIELDS, ORDER_HEADER_SYNONYMS } from '../orders/order-fields';
import { SURVEY_FIELDS, SURVEY_HEADER_SYNONYMS } from '../surveys/survey-fields';
import { TICKET_FIELDS, TICKET_HEADER_SYNONYMS } from '../tickets/ticket-fields';

/** What an unrecognised file can hold; the user picks one on the mapping screen. */
export const MAPPING_KINDS = ['tickets', 'surveys', 'orders', 'messages', 'customers'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

/** A mapping the user confirmed: what the file holds and canonical field → source header. */
export interface ConfirmedMapping {
	kind: MappingKind;
	mapping: Record<string, string>;
}

/** Why a mapping cannot be imported yet (a key of the mapping screen's messages). */
export type MappingGap =
	| 'needCreated'
	| 'needAnsweredAt'
	| 'needScore'
	| 'needOrderNumber'
	| 'needOrderDate'
	| 'needSentAt'
	| 'needSpeaker'
	| 'needThread'
	| 'needContact';

interface KindSpec {
	fields: readonly string[];
	synonyms: Readonly<Record<string, readonly string[]>>;
	/** The field a lone date column most likely is. */
	dateField: string;
	/** What is still missing for an import, in the order the user should fix it. */
	gaps: (has: (field: string) => boolean) => MappingGap[];
}

export const MAPPING_SPECS: Readonly<Record<MappingKind, KindSpec>> = {
	tickets: {
		fields: TICKET_FIELDS,
		synonyms: TICKET_HEADER_SYNONYMS,
		dateField: 'createdAt',
		gaps: (has) => (has('createdAt') ? [] : ['needCreated'])
	},
	surveys: {
		fields: SURVEY_FIELDS,
		synonyms: SURVEY_HEADER_SYNONYMS,
		dateField: 'respondedAt',
		gaps: (has) => [
			...(has('respondedAt') || has('sentAt') ? [] : ['needAnsweredAt' as const]),
			...(has('score') || has('npsScore') ? [] : ['needScore' as const])
		]
	},
	orders: {
		fields: ORDER_FIELDS,
		synonyms: ORDER_HEADER_SYNONYMS,
		dateField: 'createdAt',
		gaps: (has) => [
			...(has('orderNumber') ? [] : ['needOrderNumber' as const]),
			...(has('createdAt') ? [] : ['needOrderDate' as const])
		]
	},
	messages: {
		fields: MESSAGE_FIELDS,
		synonyms: MESSAGE_HEADER_SYNONYMS,
		dateField: 'sentAt',
		gaps: (has) => [
			...(has('sentAt') ? [] : ['needSentAt' as const]),
			...(has('role') || has('inbound') ? [] : ['needSpeaker' as const]),
			...(has('conversationId') || has('parentId') ? [] : ['needThread' as const])
		]
	},
	customers: {
		fields: CUSTOMER_FIELDS,
		synonyms: CUSTOMER_HEADER_SYNONYMS,
		dateField: 'createdAt',
		gaps: (has) =>
			has('email') || has('phone') || has('addressPhone') || has('customerId')
				? []
				: ['needContact' as const]
	}
};

/** What a mapping (field → header) still lacks for its kind; empty = ready to import. */
export function mappingGaps(
	kind: MappingKind,
	mapping: Readonly<Record<string, string>>
): MappingGap[] {
	return MAPPING_SPECS[kind].gaps((field) => (mapping[field] ?? '') !== '');
}

/** Field → header to field → column index, keeping only fields of the kind and headers present. */
export function fieldsToColumns<F extends string>(
	fields: readonly F[],
	headers: readonly string[],
	byHeader: Readonly<Record<string, string>>
): Partial<Record<F, number>> {
	const columns: Partial<Record<F, number>> = {};
	for (const field of fields) {
		const header = byHeader[field];
		if (header === undefined) continue;
		const column = headers.indexOf(header);
		if (column >= 0) columns[field] = column;
	}
	return columns;
}
