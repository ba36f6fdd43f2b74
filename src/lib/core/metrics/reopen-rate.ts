import { TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import type { KpiResult } from './ticket-count';

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');

/**
 * Reopen rate (0..1): solved or closed tickets reopened at least once, among solved or closed
 * tickets whose reopen count the export states. A ticket reopened and not solved again is still
 * open, so it is outside the population until it is solved (its reopen then counts).
 */
export function reopenRate(columns: TicketColumns): KpiResult {
	const statuses = columns.statusCodes;
	const reopens = columns.reopens;
	const size = Math.min(columns.size, statuses.length, reopens.length);
	let known = 0;
	let reopened = 0;
	for (let i = 0; i < size; i++) {
		const status = statuses[i];
		if (status !== SOLVED_CODE && status !== CLOSED_CODE) continue;
		const count = reopens[i] ?? NaN;
		if (!Number.isFinite(count)) continue;
		known++;
		if (count >= 1) reopened++;
	}
	return { value: known === 0 ? null : reopened / known, n: known, excluded: 0 };
}
