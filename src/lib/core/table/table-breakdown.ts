import { CHANNELS, CSAT_SCALES, TICKET_STATUSES, codeOf } from '../model/ticket';
import { FEW_RATINGS, sortBreakdownRows, type BreakdownRow } from '../metrics/breakdown';
import { quantileInPlace } from '../metrics/quantile';
import { wilsonInterval } from '../metrics/wilson';
import type { TicketTable } from './ticket-table';

export type TableBreakdownDimension = 'agent' | 'channel';

const SOLVED = codeOf(TICKET_STATUSES, 'solved');
const CLOSED = codeOf(TICKET_STATUSES, 'closed');
const GOOD_BAD = codeOf(CSAT_SCALES, 'good_bad');
const FIVE_POINT = codeOf(CSAT_SCALES, 'five_point');

/**
 * Medians per group of the values `valueOf` accepts (NaN = not in the KPI's population), by
 * counting sort into one buffer instead of one array per group.
 */
function medianPerGroup(
	rows: Uint32Array,
	groupOfRow: Uint32Array,
	groupCount: number,
	valueOf: (row: number) => number
): { medians: (number | null)[]; n: Uint32Array } {
	const starts = new Uint32Array(groupCount + 1);
	for (let i = 0; i < rows.length; i++) {
		if (!Number.isNaN(valueOf(rows[i] as number))) {
			const group = groupOfRow[i] as number;
			starts[group + 1] = (starts[group + 1] ?? 0) + 1;
		}
	}
	for (let g = 0; g < groupCount; g++) starts[g + 1] = (starts[g + 1] ?? 0) + (starts[g] ?? 0);
	const buffer = new Float64Array(starts[groupCount] ?? 0);
	const cursor = starts.slice(0, groupCount);
	for (let i = 0; i < rows.length; i++) {
		const value = valueOf(rows[i] as number);
		if (Number.isNaN(value)) continue;
		const group = groupOfRow[i] as number;
		buffer[cursor[group] ?? 0] = value;
		cursor[group] = (cursor[group] ?? 0) + 1;
	}
	const medians: (number | null)[] = [];
	const n = new Uint32Array(groupCount);
	for (let g = 0; g < groupCount; g++) {
		const start = starts[g] ?? 0;
		const end = starts[g + 1] ?? 0;
		n[g] = end - start;
		medians.push(quantileInPlace(buffer.subarray(start, end), 0.5));
	}
	return { medians, n };
}

/**
 * breakdownBy over the table's selected rows (null = all) without copying each group's
 * columns: one pass per KPI over the codes. The populations are those of the tile KPIs
 * (firstResponseTime, resolutionTimeMedian, csatSatisfiedRate), and a spec checks the rows
 * equal breakdownBy's on the same tickets.
 */
export function tableBreakdown(
	table: TicketTable,
	selection: Uint32Array | null,
	dimension: TableBreakdownDimension
): BreakdownRow[] {
	const { columns } = table;
	const codes = dimension === 'agent' ? table.agentCodes : columns.channelCodes;
	const groupCount = dimension === 'agent' ? table.agents.length : CHANNELS.length;
	const keyOf = (code: number): string =>
		dimension === 'agent' ? (table.agents[code] ?? '') : code === 0 ? '' : (CHANNELS[code] ?? '');
	let rows = selection;
	if (rows === null) {
		rows = new Uint32Array(table.size);
		for (let i = 0; i < rows.length; i++) rows[i] = i;
	}
	const groupOfRow = new Uint32Array(rows.length);
	const tickets = new Uint32Array(groupCount);
	const rated = new Uint32Array(groupCount);
	const satisfied = new Uint32Array(groupCount);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i] as number;
		const group = codes[row] ?? 0;
		groupOfRow[i] = group;
		tickets[group] = (tickets[group] ?? 0) + 1;
		// Same rules as csatSatisfiedRate: good/bad is 0|1, five-point 1..5 (4-5 satisfied).
		const scale = columns.csatScaleCodes[row] ?? 0;
		const score = columns.csatScores[row] ?? NaN;
		if (scale === GOOD_BAD && (score === 0 || score === 1)) {
			rated[group] = (rated[group] ?? 0) + 1;
			if (score === 1) satisfied[group] = (satisfied[group] ?? 0) + 1;
		} else if (scale === FIVE_POINT && score >= 1 && score <= 5) {
			rated[group] = (rated[group] ?? 0) + 1;
			if (score >= 4) satisfied[group] = (satisfied[group] ?? 0) + 1;
		}
	}
	const firstResponse = medianPerGroup(rows, groupOfRow, groupCount, (row) => {
		const seconds = columns.firstResponseSeconds[row] ?? NaN;
		return Number.isFinite(seconds) && seconds >= 0 ? seconds : NaN;
	});
	const resolution = medianPerGroup(rows, groupOfRow, groupCount, (row) => {
		const status = columns.statusCodes[row];
		if (status !== SOLVED && status !== CLOSED) return NaN;
		const seconds = columns.resolutionSeconds[row] ?? NaN;
		return Number.isFinite(seconds) && seconds >= 0 ? seconds : NaN;
	});

	const result: BreakdownRow[] = [];
	for (let group = 0; group < groupCount; group++) {
		const count = tickets[group] ?? 0;
		if (count === 0) continue;
		const ratedCount = rated[group] ?? 0;
		const satisfiedCount = satisfied[group] ?? 0;
		const interval = wilsonInterval(satisfiedCount, ratedCount);
		result.push({
			key: keyOf(group),
			tickets: count,
			firstResponseMedianSeconds: firstResponse.medians[group] ?? null,
			firstResponseN: firstResponse.n[group] ?? 0,
			resolutionMedianSeconds: resolution.medians[group] ?? null,
			resolutionN: resolution.n[group] ?? 0,
			csatSatisfiedRate: ratedCount === 0 ? null : satisfiedCount / ratedCount,
			csatRated: ratedCount,
			csatLow: interval?.low ?? null,
			csatHigh: interval?.high ?? null,
			hasFewRatings: ratedCount < FEW_RATINGS
		});
	}
	return sortBreakdownRows(result);
}
