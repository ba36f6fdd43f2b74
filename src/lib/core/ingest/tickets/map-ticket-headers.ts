import { parseDateTime } from '../values/parse-datetime';
import {
	TICKET_FIELDS,
	TICKET_HEADER_SYNONYMS,
	TIME_OR_DURATION,
	normalizeHeader,
	type TicketField
} from './ticket-fields';

/** Source column index per canonical field. */
export type TicketColumnMapping = Partial<Record<TicketField, number>>;

/** 'mapped': the columns come from a mapping the user confirmed, not from recognition. */
export type TicketVendor =
	'zendesk' | 'freshdesk' | 'freshservice' | 'zammad' | 'chatwoot' | 'generic' | 'mapped';

export interface TicketHeaderMatch {
	vendor: TicketVendor;
	mapping: TicketColumnMapping;
	/** Canonical field → source header, for the import record and the UI. */
	mappedHeaders: Record<string, string>;
	/**
	 * True when the file has no creation column and the first-response timestamp stands in for
	 * it (the Kaggle-style ticket table): the ticket is dated by its first reply, and durations
	 * measured from that stand-in are not reported.
	 */
	createdFromFirstResponse: boolean;
	/** Why the file cannot be read as tickets; null when it can. */
	problem: null | { code: 'no_ticket_columns' | 'no_created_column'; message: string };
}

export function detectTicketVendor(normalizedHeaders: readonly string[]): TicketVendor {
	const has = (name: string) => normalizedHeaders.includes(name);
	if (has('summation column') || normalizedHeaders.some((h) => h.endsWith('within business hours')))
		return 'zendesk';
	if (
		has('ticket id') &&
		has('requester email') &&
		normalizedHeaders.some((h) => h.includes('(in hrs)'))
	)
		return 'freshservice';
	if (has('first response diff in min') || (has('create channel') && has('time units total')))
		return 'zammad';
	if (has('first reply created at') || has('link to the conversation') || has('display id'))
		return 'chatwoot';
	if (
		(has('agent interactions') && has('customer interactions')) ||
		has('first response time (in hrs)') ||
		(has('ticket id') && has('created time') && (has('resolved time') || has('closed time')))
	)
		return 'freshdesk';
	return 'generic';
}

/** Share of non-empty sample values that read as a timestamp. */
function timestampShare(samples: readonly (readonly string[])[], column: number): number {
	let filled = 0;
	let timestamps = 0;
	for (const row of samples) {
		const value = row[column]?.trim() ?? '';
		if (value === '') continue;
		filled++;
		// A bare number is a duration, except 10/13 digits: epoch seconds/ms (Chatwoot, Intercom).
		const isBareNumber = /^-?\d+(\.\d+)?$/.test(value) && !/^\d{10}(\d{3})?$/.test(value);
		if (!isBareNumber && parseDateTime(value, { timeZone: 'UTC' }) !== null) timestamps++;
	}
	// No values to judge by: keep the reading the header name suggests (a time).
	return filled === 0 ? 1 : timestamps / filled;
}

/** A match from a mapping the user confirmed on the mapping screen (vendor 'mapped'). */
export function matchFromMapping(
	headers: readonly string[],
	mapping: TicketColumnMapping
): TicketHeaderMatch {
	const mappedHeaders: Record<string, string> = {};
	for (const field of TICKET_FIELDS) {
		const column = mapping[field];
		if (column !== undefined) mappedHeaders[field] = headers[column] ?? '';
	}
	return {
		vendor: 'mapped',
		mapping: { ...mapping },
		mappedHeaders,
		createdFromFirstResponse: false,
		problem:
			mapping.createdAt === undefined
				? { code: 'no_created_column', message: 'The mapping names no creation time column.' }
				: null
	};
}

/**
 * Maps export headers to canonical ticket fields by synonyms, then settles columns whose
 * name fits both a timestamp and a duration ("First response time") by looking at the values.
 */
export function mapTicketHeaders(
	headers: readonly string[],
	samples: readonly (readonly string[])[]
): TicketHeaderMatch {
	const normalized = headers.map(normalizeHeader);
	const mapping: TicketColumnMapping = {};
	const taken = new Set<number>();
	for (const field of TICKET_FIELDS) {
		for (const synonym of TICKET_HEADER_SYNONYMS[field]) {
			const column = normalized.findIndex((h, i) => h === synonym && !taken.has(i));
			if (column >= 0) {
				mapping[field] = column;
				taken.add(column);
				break;
			}
		}
	}
	for (const [timeField, durationField] of Object.entries(TIME_OR_DURATION) as [
		TicketField,
		TicketField
	][]) {
		const column = mapping[timeField];
		if (column === undefined || timestampShare(samples, column) >= 0.5) continue;
		delete mapping[timeField];
		if (mapping[durationField] === undefined) mapping[durationField] = column;
	}
	let createdFromFirstResponse = false;
	if (mapping.createdAt === undefined && mapping.firstReplyAt !== undefined) {
		mapping.createdAt = mapping.firstReplyAt;
		delete mapping.firstReplyAt;
		createdFromFirstResponse = true;
	}
	const mappedHeaders: Record<string, string> = {};
	for (const field of TICKET_FIELDS) {
		const column = mapping[field];
		if (column !== undefined) mappedHeaders[field] = headers[column] ?? '';
	}
	const vendor = detectTicketVendor(normalized);
	const mappedCount = Object.keys(mapping).length;
	let problem: TicketHeaderMatch['problem'] = null;
	if (mappedCount < 2) {
		problem = {
			code: 'no_ticket_columns',
			message: `No ticket columns recognised. Found: ${headers.slice(0, 12).join(', ')}${headers.length > 12 ? ', …' : ''}`
		};
	} else if (mapping.createdAt === undefined) {
		problem = {
			code: 'no_created_column',
			message: `No ticket creation time column (such as "Created at" or "创建时间"). Found: ${headers.slice(0, 12).join(', ')}${headers.length > 12 ? ', …' : ''}`
		};
	}
	return { vendor, mapping, mappedHeaders, createdFromFirstResponse, problem };
}
