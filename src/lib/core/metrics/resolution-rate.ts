import { TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import type { KpiResult } from './ticket-count';

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');

/** Share of all tickets whose current status is solved or closed (0..1); null with no tickets. */
export function resolutionRate(columns: TicketColumns): KpiResult {
	const statuses = columns.statusCodes;
	const size = Math.min(columns.size, statuses.length);
	let resolved = 0;
	for (let i = 0; i < size; i++) {
		const status = statuses[i];
		if (status === SOLVED_CODE || status === CLOSED_CODE) resolved++;
	}
	return { value: size === 0 ? null : resolved / size, n: size, excluded: 0 };
}
