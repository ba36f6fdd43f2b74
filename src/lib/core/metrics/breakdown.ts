import { CHANNELS, valueOf } from '../model/ticket';
import { selectTicketRows, type TicketColumns } from '../model/ticket-columns';
import { csatSatisfiedRate } from './csat';
import { firstResponseTime } from './first-response-time';
import { resolutionTimeMedian } from './resolution-time';
import { wilsonInterval } from './wilson';

export type BreakdownDimension = 'agent' | 'channel';

/** Below this many ratings a CSAT share is marked "few ratings". */
export const FEW_RATINGS = 10;

export interface BreakdownRow {
	/** The agent's name or the channel id; '' = unassigned / unknown. */
	key: string;
	tickets: number;
	firstResponseMedianSeconds: number | null;
	firstResponseN: number;
	resolutionMedianSeconds: number | null;
	resolutionN: number;
	csatSatisfiedRate: number | null;
	csatRated: number;
	/** 95% Wilson interval of the satisfied share. */
	csatLow: number | null;
	csatHigh: number | null;
	hasFewRatings: boolean;
}

function groupKey(columns: TicketColumns, dimension: BreakdownDimension, row: number): string {
	if (dimension === 'agent') return columns.agents[row] ?? '';
	const channel = valueOf(CHANNELS, columns.channelCodes[row] ?? 0);
	return channel === 'unknown' ? '' : channel;
}

/** One breakdown row: the tiles' KPI functions over one group's tickets. */
export function breakdownRowOf(key: string, group: TicketColumns): BreakdownRow {
	const firstResponse = firstResponseTime(group).median;
	const resolution = resolutionTimeMedian(group);
	const csat = csatSatisfiedRate(group);
	const satisfied = csat.value === null ? 0 : Math.round(csat.value * csat.n);
	const interval = wilsonInterval(satisfied, csat.n);
	return {
		key,
		tickets: group.size,
		firstResponseMedianSeconds: firstResponse.value,
		firstResponseN: firstResponse.n,
		resolutionMedianSeconds: resolution.value,
		resolutionN: resolution.n,
		csatSatisfiedRate: csat.value,
		csatRated: csat.n,
		csatLow: interval?.low ?? null,
		csatHigh: interval?.high ?? null,
		hasFewRatings: csat.n < FEW_RATINGS
	};
}

/** Breakdown rows in display order: most tickets first, then by key. */
export function sortBreakdownRows(rows: BreakdownRow[]): BreakdownRow[] {
	return rows.sort((a, b) => b.tickets - a.tickets || a.key.localeCompare(b.key));
}

/**
 * The overview KPIs per agent or per channel, each computed by the same functions as the
 * tiles over that group's tickets. Sorted by ticket count, largest first.
 */
export function breakdownBy(columns: TicketColumns, dimension: BreakdownDimension): BreakdownRow[] {
	const groups = new Map<string, number[]>();
	for (let row = 0; row < columns.size; row++) {
		const key = groupKey(columns, dimension, row);
		let rows = groups.get(key);
		if (rows === undefined) groups.set(key, (rows = []));
		rows.push(row);
	}
	const result: BreakdownRow[] = [];
	for (const [key, rows] of groups)
		result.push(breakdownRowOf(key, selectTicketRows(columns, rows)));
	return sortBreakdownRows(result);
}
