import { TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import { quantileInPlace } from './quantile';
import type { KpiResult } from './ticket-count';

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');

export interface RepliesPerTicketKpis {
	median: KpiResult;
	mean: KpiResult;
}

/**
 * Agent replies per solved or closed ticket (a still-open ticket's count is not final), over
 * tickets whose reply count the export states: median (robust to one long thread) and mean.
 */
export function repliesPerTicket(columns: TicketColumns): RepliesPerTicketKpis {
	const statuses = columns.statusCodes;
	const replies = columns.agentReplies;
	const size = Math.min(columns.size, statuses.length, replies.length);
	const values = new Float64Array(size);
	let n = 0;
	let sum = 0;
	for (let i = 0; i < size; i++) {
		const status = statuses[i];
		if (status !== SOLVED_CODE && status !== CLOSED_CODE) continue;
		const count = replies[i] ?? NaN;
		if (!Number.isFinite(count) || count < 0) continue;
		values[n++] = count;
		sum += count;
	}
	return {
		median: { value: quantileInPlace(values.subarray(0, n), 0.5), n, excluded: 0 },
		mean: { value: n === 0 ? null : sum / n, n, excluded: 0 }
	};
}
