import type { TicketColumns } from '../model/ticket-columns';
import { quantileInPlace } from './quantile';
import type { KpiResult } from './ticket-count';

/**
 * Median first resolution time in seconds (creation → first solve, Zendesk's "First
 * resolution time"), over tickets with a known first solve, whatever their status now: a
 * ticket solved, reopened and still open was resolved once. The gap to the full resolution
 * (last solve, resolution-time.ts) is what reopens cost. A negative duration is excluded.
 */
export function firstResolutionTimeMedian(columns: TicketColumns): KpiResult {
	const values = columns.firstResolutionSeconds;
	if (values === undefined) return { value: null, n: 0, excluded: 0 };
	const size = Math.min(columns.size, values.length);
	const out = new Float64Array(size);
	let count = 0;
	let excluded = 0;
	for (let i = 0; i < size; i++) {
		const seconds = values[i] ?? NaN;
		if (!Number.isFinite(seconds)) continue;
		if (seconds < 0) excluded++;
		else out[count++] = seconds;
	}
	return { value: quantileInPlace(out.subarray(0, count), 0.5), n: count, excluded };
}
