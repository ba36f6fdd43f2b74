import { csvCell } from '../ingest/quality';
import { CHANNELS, CSAT_SCALES, PRIORITIES, TICKET_STATUSES, valueOf } from '../model/ticket';
import { timeZoneOffsetMs } from '../time/time-zone';
import { tagsOfRow, type TicketTable } from './ticket-table';

/** One ticket as the list and the detail view show it (plain data, cloneable to the page). */
export interface TicketView {
	key: string;
	externalId: string;
	importId: number;
	createdAtMs: number | null;
	subject: string;
	channel: string;
	agent: string;
	group: string;
	priority: string;
	status: string;
	tags: string[];
	customerKey: string;
	firstResponseSeconds: number | null;
	/** Creation + first response: when the customer got the first reply. */
	firstResponseAtMs: number | null;
	solvedAtMs: number | null;
	resolutionSeconds: number | null;
	csatScore: number | null;
	csatScale: string;
	agentReplies: number | null;
	reopens: number | null;
	/** Creation → first solve (Zendesk "first resolution"); null when not known. */
	firstResolutionSeconds: number | null;
}

const present = (value: number | undefined): number | null =>
	value === undefined || !Number.isFinite(value) ? null : value;

export function ticketView(table: TicketTable, row: number): TicketView {
	const { columns } = table;
	const createdAtMs = present(columns.createdAtMs[row]);
	const firstResponseSeconds = present(columns.firstResponseSeconds[row]);
	return {
		key: columns.keys[row] ?? '',
		externalId: columns.externalIds[row] ?? '',
		importId: table.importIds[row] ?? 0,
		createdAtMs,
		subject: columns.subjects[row] ?? '',
		channel: valueOf(CHANNELS, columns.channelCodes[row] ?? 0),
		agent: columns.agents[row] ?? '',
		group: columns.groups[row] ?? '',
		priority: valueOf(PRIORITIES, columns.priorityCodes[row] ?? 0),
		status: valueOf(TICKET_STATUSES, columns.statusCodes[row] ?? 0),
		tags: tagsOfRow(table, row),
		customerKey: columns.customerKeys[row] ?? '',
		firstResponseSeconds,
		firstResponseAtMs:
			createdAtMs === null || firstResponseSeconds === null
				? null
				: createdAtMs + firstResponseSeconds * 1000,
		solvedAtMs: present(columns.solvedAtMs[row]),
		resolutionSeconds: present(columns.resolutionSeconds[row]),
		csatScore: present(columns.csatScores[row]),
		csatScale: valueOf(CSAT_SCALES, columns.csatScaleCodes[row] ?? 0),
		agentReplies: present(columns.agentReplies[row]),
		reopens: present(columns.reopens[row]),
		firstResolutionSeconds: present(columns.firstResolutionSeconds?.[row])
	};
}

/** "2026-01-05T10:00:00+01:00": the instant in the shop's zone with its offset, to the second. */
export function isoInZone(epochMs: number | null, timeZone: string): string {
	if (epochMs === null) return '';
	const offsetMs = timeZoneOffsetMs(epochMs, timeZone);
	const local = new Date(epochMs + offsetMs).toISOString().slice(0, 19);
	const offsetMinutes = Math.round(offsetMs / 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
	const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
	return `${local}${sign}${hours}:${minutes}`;
}

export const TICKET_CSV_HEADER = [
	'ticket_id',
	'key',
	'created_at',
	'channel',
	'agent',
	'group',
	'priority',
	'status',
	'subject',
	'tags',
	'customer',
	'first_response_s',
	'first_response_at',
	'solved_at',
	'resolution_s',
	'csat_score',
	'csat_scale',
	'agent_replies',
	'reopens',
	'import_file',
	// Appended (after the file name) so scripts reading the older column order keep working.
	'first_resolution_s'
] as const;

const numberCell = (value: number | null): string => (value === null ? '' : String(value));

/**
 * One ticket as a CSV line, header order as TICKET_CSV_HEADER. Text goes through csvCell (quoted
 * as needed, formula-safe); numbers are written as numbers (a number cannot be a formula, and a
 * negative duration must stay readable as one). Times are in `timeZone` with their offset.
 */
export function ticketCsvLine(view: TicketView, timeZone: string, importFileName: string): string {
	const text = (value: string) => csvCell(value);
	const cells = [
		text(view.externalId),
		text(view.key),
		isoInZone(view.createdAtMs, timeZone),
		text(view.channel),
		text(view.agent),
		text(view.group),
		text(view.priority),
		text(view.status),
		text(view.subject),
		text(view.tags.join(';')),
		text(view.customerKey),
		numberCell(view.firstResponseSeconds),
		isoInZone(view.firstResponseAtMs, timeZone),
		isoInZone(view.solvedAtMs, timeZone),
		numberCell(view.resolutionSeconds),
		numberCell(view.csatScore),
		text(view.csatScale === 'none' ? '' : view.csatScale),
		numberCell(view.agentReplies),
		numberCell(view.reopens),
		text(importFileName),
		numberCell(view.firstResolutionSeconds)
	];
	return cells.join(',') + '\r\n';
}

export function ticketCsvHeader(): string {
	return TICKET_CSV_HEADER.join(',') + '\r\n';
}
