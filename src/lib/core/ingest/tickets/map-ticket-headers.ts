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

export type TicketVendor = 'zendesk' | 'freshdesk' | 'freshservice' | 'generic';

export interface TicketHeaderMatch {
	vendor: TicketVendor;
	mapping: TicketColumnMapping;
	/** Canonical field → source header, for the import record and the UI. */
	mappedHeaders: Record<string, string>;
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
		// A bare number is a duration here, never an epoch (no helpdesk exports epoch durations).
		if (!/^-?\d+(\.\d+)?$/.test(value) && parseDateTime(value, { timeZone: 'UTC' }) !== null)
			timestamps++;
	}
	// No values to judge by: keep the reading the header name suggests (a time).
	return filled === 0 ? 1 : timestamps / filled;
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
	return { vendor, mapping, mappedHeaders, problem };
}
