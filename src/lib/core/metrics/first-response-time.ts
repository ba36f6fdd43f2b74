import type { TicketColumns } from '../model/ticket-columns';
import { quantileInPlace } from './quantile';
import type { KpiResult } from './ticket-count';

export interface FirstResponseTimeKpis {
	median: KpiResult;
	p90: KpiResult;
}

export interface FirstResponseSample {
	/** Valid first-response durations in seconds, in row order. */
	seconds: Float64Array;
	/** Tickets with a negative duration (reply before creation: impossible timestamps). */
	excluded: number;
}

/**
 * Collects first-response durations: tickets with a finite `firstResponseSeconds` are in scope
 * (unanswered tickets have none and are not counted at all); negative ones are excluded.
 */
export function firstResponseSample(columns: TicketColumns): FirstResponseSample {
	const values = columns.firstResponseSeconds;
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
	return { seconds: out.subarray(0, count), excluded };
}

/** Median and p90 of first-response time in seconds (peers agree on median; p90 shows the tail). */
export function firstResponseTime(columns: TicketColumns): FirstResponseTimeKpis {
	const { seconds, excluded } = firstResponseSample(columns);
	const n = seconds.length;
	return {
		median: { value: quantileInPlace(seconds, 0.5), n, excluded },
		p90: { value: quantileInPlace(seconds, 0.9), n, excluded }
	};
}
