import type { Ticket } from '../../model/ticket';
import type { QuarantinedRow } from '../../model/records';
import { parseDateTime } from '../values/parse-datetime';
import { parseDurationSeconds, unitHintFromHeader } from '../values/parse-duration';
import type { TicketColumnMapping, TicketVendor } from './map-ticket-headers';
import type { TicketField } from './ticket-fields';
import {
	normalizeChannel,
	normalizeCsat,
	normalizePriority,
	normalizeStatus,
	splitTags
} from './vocabularies';

export interface TicketNormalizerOptions {
	headers: readonly string[];
	mapping: TicketColumnMapping;
	vendor: TicketVendor;
	importId: number;
	/** Zone for timestamps that carry no offset (the user's setting, default the browser's). */
	timeZone: string;
}

export type NormalizedRow = { ok: true; ticket: Ticket } | { ok: false; row: QuarantinedRow };

/** FNV-1a: a stable id for rows whose export has no id column, so re-imports still merge. */
function contentHash(cells: readonly string[]): string {
	let hash = 0x811c9dc5;
	for (const cell of cells) {
		for (let i = 0; i < cell.length; i++) {
			hash ^= cell.charCodeAt(i);
			hash = Math.imul(hash, 0x01000193);
		}
		hash ^= 0x1f;
		hash = Math.imul(hash, 0x01000193);
	}
	return 'row-' + (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Builds the function that turns one export row into a canonical Ticket, or into a
 * quarantined row with its reason. Durations the export states win over derived ones.
 */
export function createTicketNormalizer(options: TicketNormalizerOptions) {
	const { headers, mapping, vendor, importId, timeZone } = options;
	const dateOptions = { timeZone };
	const unitOf = (field: TicketField) => {
		const column = mapping[field];
		return column === undefined ? undefined : unitHintFromHeader(headers[column] ?? '');
	};
	const firstResponseUnit = unitOf('firstResponseDuration') ?? 'minutes';
	const resolutionUnit = unitOf('resolutionDuration') ?? 'minutes';
	const createdHeader =
		mapping.createdAt === undefined ? null : (headers[mapping.createdAt] ?? null);

	return function normalizeTicketRow(cells: readonly string[], rowNumber: number): NormalizedRow {
		const cell = (field: TicketField): string => {
			const column = mapping[field];
			return column === undefined ? '' : (cells[column] ?? '').trim();
		};
		const time = (field: TicketField): number | null => {
			const text = cell(field);
			return text === '' ? null : parseDateTime(text, dateOptions);
		};

		const createdText = cell('createdAt');
		if (createdText === '')
			return {
				ok: false,
				row: { rowNumber, reason: 'missing_created_at', column: createdHeader, raw: [...cells] }
			};
		const createdAtMs = parseDateTime(createdText, dateOptions);
		if (createdAtMs === null)
			return {
				ok: false,
				row: { rowNumber, reason: 'invalid_created_at', column: createdHeader, raw: [...cells] }
			};

		const externalId = cell('externalId').replace(/^#/, '') || contentHash(cells);
		let status = normalizeStatus(cell('status'));
		const solvedAtMs = time('solvedAt') ?? time('closedAt');
		if (status === 'unknown' && solvedAtMs !== null) status = 'solved';

		const statedFirstResponse = parseDurationSeconds(
			cell('firstResponseDuration'),
			firstResponseUnit
		);
		const firstReplyAtMs = time('firstReplyAt');
		const firstResponseSeconds =
			statedFirstResponse ??
			(firstReplyAtMs === null ? null : (firstReplyAtMs - createdAtMs) / 1000);

		const isResolved = status === 'solved' || status === 'closed';
		const statedResolution = parseDurationSeconds(cell('resolutionDuration'), resolutionUnit);
		const resolutionSeconds = !isResolved
			? null
			: (statedResolution ?? (solvedAtMs === null ? null : (solvedAtMs - createdAtMs) / 1000));

		const email = cell('customerEmail').toLowerCase();
		const customerId = cell('customerId');
		const csat = normalizeCsat(cell('csat'));
		const replies = cell('agentReplies');
		const reopens = cell('reopens');
		const count = (text: string) => {
			if (text === '') return null;
			const n = Number(text);
			return Number.isFinite(n) && n >= 0 ? n : null;
		};

		return {
			ok: true,
			ticket: {
				key: `${vendor}:${externalId}`,
				externalId,
				importId,
				createdAtMs,
				firstResponseSeconds,
				solvedAtMs,
				resolutionSeconds,
				status,
				channel: normalizeChannel(cell('channel')),
				priority: normalizePriority(cell('priority')),
				agent: cell('agent'),
				group: cell('group'),
				subject: cell('subject'),
				tags: splitTags(cell('tags')),
				customerKey: email !== '' ? email : customerId !== '' ? `id:${customerId}` : '',
				csatScore: csat.score,
				csatScale: csat.scale,
				agentReplies: count(replies),
				reopens: count(reopens)
			}
		};
	};
}
