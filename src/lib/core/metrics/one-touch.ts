import { TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import type { KpiResult } from './ticket-count';

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');

/**
 * One-touch resolution rate (0..1): solved or closed tickets with at most one agent reply,
 * among solved or closed tickets whose reply count the export states. Zero replies counts as
 * one-touch, as in Zendesk Explore's `Agent replies < 2` (a ticket closed without a reply needed
 * no back-and-forth). Tickets without a reply count are out of scope, not guessed.
 */
export function oneTouchRate(columns: TicketColumns): KpiResult {
	const statuses = columns.statusCodes;
	const replies = columns.agentReplies;
	const size = Math.min(columns.size, statuses.length, replies.length);
	let known = 0;
	let oneTouch = 0;
	for (let i = 0; i < size; i++) {
		const status = statuses[i];
		if (status !== SOLVED_CODE && status !== CLOSED_CODE) continue;
		const count = replies[i] ?? NaN;
		if (!Number.isFinite(count)) continue;
		known++;
		if (count <= 1) oneTouch++;
	}
	return { value: known === 0 ? null : oneTouch / known, n: known, excluded: 0 };
}
