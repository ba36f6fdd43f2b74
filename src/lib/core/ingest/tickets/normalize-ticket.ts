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
	/** The creation column is really the first reply (see TicketHeaderMatch): derive no durations. */
	createdFromFirstResponse?: boolean;
}

export type NormalizedRow = { ok: true; ticket: Ticket } | { ok: false; row: QuarantinedRow };

/** FNV-1a: a stable id for rows whose export has no id column, so re-imports still merge. */
export function contentHash(cells: readonly string[]): string {
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
	const deriveFromCreated = options.createdFromFirstResponse !== true;
	const dateOptions = { timeZone };
	// Column positions resolved once: this runs for every row of million-row files.
	const column = (field: TicketField): number => mapping[field] ?? -1;
	const columns = {
		externalId: column('externalId'),
		createdAt: column('createdAt'),
		firstReplyAt: column('firstReplyAt'),
		firstResponseDuration: column('firstResponseDuration'),
		solvedAt: column('solvedAt'),
		closedAt: column('closedAt'),
		resolutionDuration: column('resolutionDuration'),
		firstResolutionDuration: column('firstResolutionDuration'),
		status: column('status'),
		channel: column('channel'),
		priority: column('priority'),
		agent: column('agent'),
		group: column('group'),
		subject: column('subject'),
		tags: column('tags'),
		customerEmail: column('customerEmail'),
		customerId: column('customerId'),
		csat: column('csat'),
		agentReplies: column('agentReplies'),
		reopens: column('reopens')
	};
	const unitOf = (field: TicketField) => {
		const index = mapping[field];
		return index === undefined ? undefined : unitHintFromHeader(headers[index] ?? '');
	};
	const firstResponseUnit = unitOf('firstResponseDuration') ?? 'minutes';
	const resolutionUnit = unitOf('resolutionDuration') ?? 'minutes';
	const firstResolutionUnit = unitOf('firstResolutionDuration') ?? 'minutes';
	const createdHeader = columns.createdAt < 0 ? null : (headers[columns.createdAt] ?? null);
	// Vocabulary columns hold a few dozen distinct spellings: normalise each once.
	const status = memoize(normalizeStatus);
	const channel = memoize(normalizeChannel);
	const priority = memoize(normalizePriority);
	const csat = memoize(normalizeCsat);
	const tags = memoize(splitTags);

	return function normalizeTicketRow(cells: readonly string[], rowNumber: number): NormalizedRow {
		const createdText = cellAt(cells, columns.createdAt);
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
		const time = (index: number): number | null => {
			const text = cellAt(cells, index);
			return text === '' ? null : parseDateTime(text, dateOptions);
		};

		const idText = cellAt(cells, columns.externalId);
		const externalId =
			(idText.charCodeAt(0) === HASH_SIGN ? idText.slice(1) : idText) || contentHash(cells);
		let ticketStatus = status(cellAt(cells, columns.status));
		const solvedAtMs = time(columns.solvedAt) ?? time(columns.closedAt);
		if (ticketStatus === 'unknown' && solvedAtMs !== null) ticketStatus = 'solved';

		const statedFirstResponse = parseDurationSeconds(
			cellAt(cells, columns.firstResponseDuration),
			firstResponseUnit
		);
		const firstReplyAtMs = time(columns.firstReplyAt);
		const firstResponseSeconds =
			statedFirstResponse ??
			(firstReplyAtMs === null || !deriveFromCreated
				? null
				: (firstReplyAtMs - createdAtMs) / 1000);

		const isResolved = ticketStatus === 'solved' || ticketStatus === 'closed';
		const statedResolution = parseDurationSeconds(
			cellAt(cells, columns.resolutionDuration),
			resolutionUnit
		);
		const resolutionSeconds = !isResolved
			? null
			: (statedResolution ??
				(solvedAtMs === null || !deriveFromCreated ? null : (solvedAtMs - createdAtMs) / 1000));

		const reopenCount = nonNegativeCount(cellAt(cells, columns.reopens));
		// Stated, else the full resolution of a ticket solved once and never reopened.
		const firstResolutionSeconds =
			parseDurationSeconds(cellAt(cells, columns.firstResolutionDuration), firstResolutionUnit) ??
			(isResolved && reopenCount === 0 ? resolutionSeconds : null);

		const email = cellAt(cells, columns.customerEmail).toLowerCase();
		const customerId = cellAt(cells, columns.customerId);
		const csatText = cellAt(cells, columns.csat);
		const answer = csat(csatText);

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
				// Optional fields are always present (undefined when absent): every ticket object
				// then has one shape, which keeps the code that reads a million of them fast.
				firstResolutionSeconds: firstResolutionSeconds ?? undefined,
				status: ticketStatus,
				channel: channel(cellAt(cells, columns.channel)),
				priority: priority(cellAt(cells, columns.priority)),
				agent: cellAt(cells, columns.agent),
				group: cellAt(cells, columns.group),
				subject: cellAt(cells, columns.subject),
				tags: tags(cellAt(cells, columns.tags)),
				customerKey: email !== '' ? email : customerId !== '' ? `id:${customerId}` : '',
				csatScore: answer.score,
				csatScale: answer.scale,
				csatRaw: csatText === '' ? undefined : csatText,
				agentReplies: nonNegativeCount(cellAt(cells, columns.agentReplies)),
				reopens: reopenCount
			}
		};
	};
}

const HASH_SIGN = 35;

function cellAt(cells: readonly string[], index: number): string {
	if (index < 0) return '';
	const cell = cells[index];
	return cell === undefined ? '' : cell.trim();
}

function nonNegativeCount(text: string): number | null {
	if (text === '') return null;
	const n = Number(text);
	return Number.isFinite(n) && n >= 0 ? n : null;
}

/** Caches a pure function of a cell's text; bounded so a free-text column cannot grow it. */
function memoize<T>(normalize: (text: string) => T, limit = 2_000): (text: string) => T {
	const cache = new Map<string, T>();
	return (text) => {
		let value = cache.get(text);
		if (value === undefined) {
			value = normalize(text);
			if (cache.size < limit) cache.set(text, value);
		}
		return value;
	};
}
