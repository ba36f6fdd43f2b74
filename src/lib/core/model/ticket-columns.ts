import {
	CHANNELS,
	CSAT_SCALES,
	PRIORITIES,
	TICKET_STATUSES,
	codeOf,
	valueOf,
	type Ticket
} from './ticket';

/**
 * Tickets stored column by column. One IndexedDB record holds a chunk of up to
 * TICKET_CHUNK_SIZE rows: one record per row writes at ~5k rows/s, one per chunk
 * at ~400k rows/s (see ../shared/STACK-NOTES.md §6). Absent numbers are NaN.
 */
export interface TicketColumns {
	size: number;
	keys: string[];
	externalIds: string[];
	createdAtMs: Float64Array;
	firstResponseSeconds: Float64Array;
	solvedAtMs: Float64Array;
	resolutionSeconds: Float64Array;
	/** First solve minus creation; absent in chunks written before it existed. */
	firstResolutionSeconds?: Float64Array;
	statusCodes: Uint8Array;
	channelCodes: Uint8Array;
	priorityCodes: Uint8Array;
	agents: string[];
	groups: string[];
	subjects: string[];
	/** Tags joined with TAG_SEPARATOR, so the column stays a flat string array. */
	tags: string[];
	customerKeys: string[];
	csatScores: Float64Array;
	csatScaleCodes: Uint8Array;
	/** The rating as exported; absent in chunks written before it existed. */
	csatRaw?: string[];
	agentReplies: Float64Array;
	reopens: Float64Array;
}

/** TicketColumns' string columns: what chunk storage and the table snapshot keep as text. */
export const TICKET_TEXT_COLUMNS = [
	'keys',
	'externalIds',
	'agents',
	'groups',
	'subjects',
	'tags',
	'customerKeys',
	'csatRaw'
] as const satisfies readonly (keyof TicketColumns)[];
export type TicketTextColumn = (typeof TICKET_TEXT_COLUMNS)[number];

export const TICKET_CHUNK_SIZE = 10_000;
export const TAG_SEPARATOR = '|';

const orNaN = (value: number | null): number => (value === null ? NaN : value);
const orNull = (value: number | undefined): number | null =>
	value === undefined || Number.isNaN(value) ? null : value;

export function emptyTicketColumns(capacity: number): TicketColumns {
	return {
		size: 0,
		keys: [],
		externalIds: [],
		createdAtMs: new Float64Array(capacity),
		firstResponseSeconds: new Float64Array(capacity),
		solvedAtMs: new Float64Array(capacity),
		resolutionSeconds: new Float64Array(capacity),
		firstResolutionSeconds: new Float64Array(capacity),
		statusCodes: new Uint8Array(capacity),
		channelCodes: new Uint8Array(capacity),
		priorityCodes: new Uint8Array(capacity),
		agents: [],
		groups: [],
		subjects: [],
		tags: [],
		customerKeys: [],
		csatScores: new Float64Array(capacity),
		csatScaleCodes: new Uint8Array(capacity),
		csatRaw: [],
		agentReplies: new Float64Array(capacity),
		reopens: new Float64Array(capacity)
	};
}

export function toTicketColumns(tickets: readonly Ticket[]): TicketColumns {
	const columns = emptyTicketColumns(tickets.length);
	for (const ticket of tickets) writeTicketAt(columns, columns.size++, ticket);
	return columns;
}

export function writeTicketAt(columns: TicketColumns, row: number, ticket: Ticket): void {
	columns.keys[row] = ticket.key;
	columns.externalIds[row] = ticket.externalId;
	columns.createdAtMs[row] = ticket.createdAtMs;
	columns.firstResponseSeconds[row] = orNaN(ticket.firstResponseSeconds);
	columns.solvedAtMs[row] = orNaN(ticket.solvedAtMs);
	columns.resolutionSeconds[row] = orNaN(ticket.resolutionSeconds);
	if (columns.firstResolutionSeconds !== undefined)
		columns.firstResolutionSeconds[row] = orNaN(ticket.firstResolutionSeconds ?? null);
	columns.statusCodes[row] = codeOf(TICKET_STATUSES, ticket.status);
	columns.channelCodes[row] = codeOf(CHANNELS, ticket.channel);
	columns.priorityCodes[row] = codeOf(PRIORITIES, ticket.priority);
	columns.agents[row] = ticket.agent;
	columns.groups[row] = ticket.group;
	columns.subjects[row] = ticket.subject;
	columns.tags[row] = ticket.tags.join(TAG_SEPARATOR);
	columns.customerKeys[row] = ticket.customerKey;
	columns.csatScores[row] = orNaN(ticket.csatScore);
	columns.csatScaleCodes[row] = codeOf(CSAT_SCALES, ticket.csatScale);
	if (columns.csatRaw !== undefined) columns.csatRaw[row] = ticket.csatRaw ?? '';
	columns.agentReplies[row] = orNaN(ticket.agentReplies);
	columns.reopens[row] = orNaN(ticket.reopens);
}

export function ticketAt(columns: TicketColumns, row: number, importId: number): Ticket {
	const tags = columns.tags[row] ?? '';
	return {
		key: columns.keys[row] ?? '',
		externalId: columns.externalIds[row] ?? '',
		importId,
		createdAtMs: columns.createdAtMs[row] ?? NaN,
		firstResponseSeconds: orNull(columns.firstResponseSeconds[row]),
		solvedAtMs: orNull(columns.solvedAtMs[row]),
		resolutionSeconds: orNull(columns.resolutionSeconds[row]),
		// Only when known, so rows without one read as before.
		...(Number.isFinite(columns.firstResolutionSeconds?.[row] ?? NaN)
			? { firstResolutionSeconds: columns.firstResolutionSeconds?.[row] ?? null }
			: {}),
		status: valueOf(TICKET_STATUSES, columns.statusCodes[row] ?? 0),
		channel: valueOf(CHANNELS, columns.channelCodes[row] ?? 0),
		priority: valueOf(PRIORITIES, columns.priorityCodes[row] ?? 0),
		agent: columns.agents[row] ?? '',
		group: columns.groups[row] ?? '',
		subject: columns.subjects[row] ?? '',
		tags: tags === '' ? [] : tags.split(TAG_SEPARATOR),
		customerKey: columns.customerKeys[row] ?? '',
		csatScore: orNull(columns.csatScores[row]),
		csatScale: valueOf(CSAT_SCALES, columns.csatScaleCodes[row] ?? 0),
		// Only when there is one, so rows without a rating read as before.
		...(columns.csatRaw?.[row] ? { csatRaw: columns.csatRaw[row] } : {}),
		agentReplies: orNull(columns.agentReplies[row]),
		reopens: orNull(columns.reopens[row])
	};
}

/** Trims typed arrays to `size` (chunks are built with spare capacity). */
export function trimTicketColumns(columns: TicketColumns): TicketColumns {
	const n = columns.size;
	return {
		...columns,
		createdAtMs: columns.createdAtMs.slice(0, n),
		firstResponseSeconds: columns.firstResponseSeconds.slice(0, n),
		solvedAtMs: columns.solvedAtMs.slice(0, n),
		resolutionSeconds: columns.resolutionSeconds.slice(0, n),
		...(columns.firstResolutionSeconds === undefined
			? {}
			: { firstResolutionSeconds: columns.firstResolutionSeconds.slice(0, n) }),
		statusCodes: columns.statusCodes.slice(0, n),
		channelCodes: columns.channelCodes.slice(0, n),
		priorityCodes: columns.priorityCodes.slice(0, n),
		csatScores: columns.csatScores.slice(0, n),
		csatScaleCodes: columns.csatScaleCodes.slice(0, n),
		agentReplies: columns.agentReplies.slice(0, n),
		reopens: columns.reopens.slice(0, n)
	};
}

/** The number columns of a ticket chunk, stored or in memory. */
export type TicketNumberColumns = Pick<
	TicketColumns,
	| 'createdAtMs'
	| 'firstResponseSeconds'
	| 'solvedAtMs'
	| 'resolutionSeconds'
	| 'firstResolutionSeconds'
	| 'statusCodes'
	| 'channelCodes'
	| 'priorityCodes'
	| 'csatScores'
	| 'csatScaleCodes'
	| 'agentReplies'
	| 'reopens'
>;

/** Copies the first `n` rows of `from`'s number columns into `out` from row `offset` on. */
export function copyTicketNumberColumns(
	from: TicketNumberColumns,
	n: number,
	out: TicketColumns,
	offset: number
): void {
	out.createdAtMs.set(from.createdAtMs.subarray(0, n), offset);
	out.firstResponseSeconds.set(from.firstResponseSeconds.subarray(0, n), offset);
	out.solvedAtMs.set(from.solvedAtMs.subarray(0, n), offset);
	out.resolutionSeconds.set(from.resolutionSeconds.subarray(0, n), offset);
	// Chunks stored before the column existed have none: NaN, "not stated".
	out.firstResolutionSeconds?.fill(NaN, offset, offset + n);
	if (from.firstResolutionSeconds !== undefined)
		out.firstResolutionSeconds?.set(from.firstResolutionSeconds.subarray(0, n), offset);
	out.statusCodes.set(from.statusCodes.subarray(0, n), offset);
	out.channelCodes.set(from.channelCodes.subarray(0, n), offset);
	out.priorityCodes.set(from.priorityCodes.subarray(0, n), offset);
	out.csatScores.set(from.csatScores.subarray(0, n), offset);
	out.csatScaleCodes.set(from.csatScaleCodes.subarray(0, n), offset);
	out.agentReplies.set(from.agentReplies.subarray(0, n), offset);
	out.reopens.set(from.reopens.subarray(0, n), offset);
}

/** Joins chunks into one table for scanning (KPIs read every row). */
export function concatTicketColumns(parts: readonly TicketColumns[]): TicketColumns {
	const total = parts.reduce((sum, part) => sum + part.size, 0);
	const out = emptyTicketColumns(total);
	let offset = 0;
	for (const part of parts) {
		const n = part.size;
		copyTicketNumberColumns(part, n, out, offset);
		for (let i = 0; i < n; i++) {
			out.keys.push(part.keys[i] ?? '');
			out.externalIds.push(part.externalIds[i] ?? '');
			out.agents.push(part.agents[i] ?? '');
			out.groups.push(part.groups[i] ?? '');
			out.subjects.push(part.subjects[i] ?? '');
			out.tags.push(part.tags[i] ?? '');
			out.customerKeys.push(part.customerKeys[i] ?? '');
			out.csatRaw?.push(part.csatRaw?.[i] ?? '');
		}
		offset += n;
	}
	out.size = total;
	return out;
}

/** A new table holding only the given rows, in the given order (for per-group KPIs). */
export function selectTicketRows(columns: TicketColumns, rows: ArrayLike<number>): TicketColumns {
	const out = emptyTicketColumns(rows.length);
	const pickNumbers = (from: Float64Array, to: Float64Array) => {
		for (let i = 0; i < rows.length; i++) to[i] = from[rows[i] ?? 0] ?? NaN;
	};
	const pickCodes = (from: Uint8Array, to: Uint8Array) => {
		for (let i = 0; i < rows.length; i++) to[i] = from[rows[i] ?? 0] ?? 0;
	};
	const pickText = (from: string[], to: string[]) => {
		for (let i = 0; i < rows.length; i++) to.push(from[rows[i] ?? 0] ?? '');
	};
	pickText(columns.keys, out.keys);
	pickText(columns.externalIds, out.externalIds);
	pickNumbers(columns.createdAtMs, out.createdAtMs);
	pickNumbers(columns.firstResponseSeconds, out.firstResponseSeconds);
	pickNumbers(columns.solvedAtMs, out.solvedAtMs);
	pickNumbers(columns.resolutionSeconds, out.resolutionSeconds);
	if (out.firstResolutionSeconds !== undefined) {
		if (columns.firstResolutionSeconds === undefined) out.firstResolutionSeconds.fill(NaN);
		else pickNumbers(columns.firstResolutionSeconds, out.firstResolutionSeconds);
	}
	pickCodes(columns.statusCodes, out.statusCodes);
	pickCodes(columns.channelCodes, out.channelCodes);
	pickCodes(columns.priorityCodes, out.priorityCodes);
	pickText(columns.agents, out.agents);
	pickText(columns.groups, out.groups);
	pickText(columns.subjects, out.subjects);
	pickText(columns.tags, out.tags);
	pickText(columns.customerKeys, out.customerKeys);
	if (out.csatRaw !== undefined) pickText(columns.csatRaw ?? [], out.csatRaw);
	pickNumbers(columns.csatScores, out.csatScores);
	pickCodes(columns.csatScaleCodes, out.csatScaleCodes);
	pickNumbers(columns.agentReplies, out.agentReplies);
	pickNumbers(columns.reopens, out.reopens);
	out.size = rows.length;
	return out;
}
