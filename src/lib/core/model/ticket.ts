/**
 * The canonical ticket: what every helpdesk export is normalised into.
 * Units are in the names; "absent" is `null` on a row and `NaN` (or code 0) in a column.
 */

/** Closed vocabularies are stored as small integer codes; index = code, 0 = unknown. */
export const TICKET_STATUSES = [
	'unknown',
	'new',
	'open',
	'pending',
	'on_hold',
	'solved',
	'closed'
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const CHANNELS = [
	'unknown',
	'email',
	'chat',
	'phone',
	'social',
	'web',
	'api',
	'other'
] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['unknown', 'low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How a satisfaction answer was given: Good/Bad (stored 1/0) or a 1..5 score. */
export const CSAT_SCALES = ['none', 'good_bad', 'five_point'] as const;
export type CsatScale = (typeof CSAT_SCALES)[number];

export interface Ticket {
	/** Unique across imports: `${sourceKind}:${externalId}`. Re-imports merge on it. */
	key: string;
	/** The id the helpdesk shows ("#1234" → "1234"). */
	externalId: string;
	importId: number;
	createdAtMs: number;
	/** First public agent reply, as a duration from creation (stated by the export or derived). */
	firstResponseSeconds: number | null;
	solvedAtMs: number | null;
	/** Full resolution: last solve minus creation. */
	resolutionSeconds: number | null;
	/**
	 * First resolution: first solve minus creation (Zendesk "First resolution time"), or the
	 * full resolution of a ticket solved once and never reopened; absent on older rows.
	 */
	firstResolutionSeconds?: number | null;
	status: TicketStatus;
	channel: Channel;
	priority: Priority;
	agent: string;
	group: string;
	subject: string;
	tags: string[];
	/** Normalised e-mail or customer id; '' when the export names nobody. */
	customerKey: string;
	/** Good = 1 / Bad = 0 on the good_bad scale; 1..5 on the five_point scale. */
	csatScore: number | null;
	csatScale: CsatScale;
	/** The rating as the export wrote it ("Great", "-103", "4.0"); absent on older rows. */
	csatRaw?: string;
	agentReplies: number | null;
	reopens: number | null;
}

export function codeOf<T extends string>(vocabulary: readonly T[], value: T): number {
	const code = vocabulary.indexOf(value);
	return code < 0 ? 0 : code;
}

export function valueOf<T extends string>(vocabulary: readonly T[], code: number): T {
	return vocabulary[code] ?? (vocabulary[0] as T);
}

export function isResolvedStatus(status: TicketStatus): boolean {
	return status === 'solved' || status === 'closed';
}
