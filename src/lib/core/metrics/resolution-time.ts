import { TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import { quantileInPlace } from './quantile';
import type { KpiResult } from './ticket-count';

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');

/**
 * Median full resolution time in seconds (creation → last solve), over solved or closed tickets
 * with a stated duration. A still-open ticket has no resolution yet, so it is out of scope rather
 * than excluded; a negative duration (solved before created) is excluded and counted.
 */
export function resolutionTimeMedian(columns: TicketColumns): KpiResult {
	const statuses = columns.statusCodes;
	const values = columns.resolutionSeconds;
	const size = Math.min(columns.size, statuses.length, values.length);
	const out = new Float64Array(size);
	let count = 0;
	let excluded = 0;
	for (let i = 0; i < size; i++) {
		const status = statuses[i];
		if (status !== SOLVED_CODE && status !== CLOSED_CODE) continue;
		const seconds = values[i] ?? NaN;
		if (!Number.isFinite(seconds)) continue;
		if (seconds < 0) excluded++;
		else out[count++] = seconds;
	}
	return { value: quantileInPlace(out.subarray(0, count), 0.5), n: count, excluded };
}
