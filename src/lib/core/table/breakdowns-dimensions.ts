import { PRIORITIES } from '../model/ticket';
import type { BreakdownRow } from '../metrics/breakdown';
import { CUSTOMER_SEGMENTS } from '../customers/customer-segments';
import type { TicketTable } from './ticket-table';
import { breakdownRowsOf, emptyGroupTallies, tallyRow } from './table-breakdown';
import { rankedGroupMedians, type RankedColumn } from './ranked-column';
import { quantileInPlace } from '../metrics/quantile';
import { tableRanks } from './table-kpis';

/** Breakdowns beside agent and channel (table-breakdown.ts). */
export type ExtraDimension = 'group' | 'tag' | 'priority' | 'segment';

/** The group code of each row in a one-group-per-row dimension, and each code's key. */
function singleDimension(
	table: TicketTable,
	dimension: Exclude<ExtraDimension, 'tag'>,
	segmentCodes: Uint8Array | null
): { codes: ArrayLike<number>; groupCount: number; keyOf: (group: number) => string } {
	switch (dimension) {
		case 'group':
			return {
				codes: table.groupCodes,
				groupCount: table.groups.length,
				keyOf: (group) => table.groups[group] ?? ''
			};
		case 'priority':
			return {
				codes: table.columns.priorityCodes,
				groupCount: PRIORITIES.length,
				keyOf: (group) => (group === 0 ? '' : (PRIORITIES[group] ?? ''))
			};
		case 'segment':
			return {
				codes: segmentCodes ?? new Uint8Array(table.size),
				groupCount: CUSTOMER_SEGMENTS.length,
				keyOf: (group) => CUSTOMER_SEGMENTS[group] ?? ''
			};
	}
}

/**
 * The breakdown rows (tickets, first-response and full-resolution medians with n, CSAT with
 * its Wilson interval) of each group that has tickets, by the tile KPIs' population rules
 * (firstResponseTime, resolutionTimeMedian, csatSatisfiedRate). Empty groups are left out.
 * Medians come from the table's ranked durations (one walk per KPI, no per-group copies or
 * sorts); a ticket tagged refund and delivery counts in both tag groups, an untagged one in
 * the "no tag" group (key '').
 */
export function dimensionBreakdown(
	table: TicketTable,
	selection: Uint32Array | null,
	dimension: ExtraDimension,
	segmentCodes: Uint8Array | null = null
): BreakdownRow[] {
	if (dimension === 'tag') return tagBreakdown(table, selection);
	const { columns } = table;
	const { codes, groupCount, keyOf } = singleDimension(table, dimension, segmentCodes);
	const tallies = emptyGroupTallies(groupCount);
	if (selection === null)
		for (let row = 0; row < table.size; row++)
			tallyRow(tallies, columns, row, codes[row] as number);
	else
		for (let i = 0; i < selection.length; i++) {
			const row = selection[i] as number;
			tallyRow(tallies, columns, row, codes[row] as number);
		}
	const ranks = tableRanks(table);
	const groupOf = { codes, base: 0 };
	return breakdownRowsOf(
		tallies,
		keyOf,
		rankedGroupMedians(ranks.firstResponse, selection, groupOf, groupCount),
		rankedGroupMedians(ranks.resolution, selection, groupOf, groupCount)
	);
}

/**
 * Tags: a row may count in several groups, so each group's durations are gathered (in row
 * order, one counting-sort pass) and selected in place. Walking the ranked places instead
 * visits rows in value order, a cache miss per row on every column: slower at 1M rows.
 */
function tagBreakdown(table: TicketTable, selection: Uint32Array | null): BreakdownRow[] {
	const { columns, tagOffsets, tagCodes } = table;
	const noTag = table.tags.length;
	const groupCount = noTag + 1;
	const tallies = emptyGroupTallies(groupCount);
	const count = selection === null ? table.size : selection.length;
	for (let i = 0; i < count; i++) {
		const row = selection === null ? i : (selection[i] as number);
		const start = tagOffsets[row] as number;
		const end = tagOffsets[row + 1] as number;
		if (start === end) tallyRow(tallies, columns, row, noTag);
		else for (let t = start; t < end; t++) tallyRow(tallies, columns, row, tagCodes[t] as number);
	}
	const ranks = tableRanks(table);
	return breakdownRowsOf(
		tallies,
		(group) => (group === noTag ? '' : (table.tags[group] ?? '')),
		tagMedians(table, selection, ranks.firstResponse, groupCount),
		tagMedians(table, selection, ranks.resolution, groupCount)
	);
}

/** Median per tag group of a ranked column's population (its values, by counting sort). */
function tagMedians(
	table: TicketTable,
	selection: Uint32Array | null,
	ranked: RankedColumn,
	groupCount: number
): { medians: (number | null)[]; n: Uint32Array } {
	const { tagOffsets, tagCodes } = table;
	const { rankOfRow, sorted } = ranked;
	const noTag = groupCount - 1;
	const count = selection === null ? table.size : selection.length;
	const starts = new Uint32Array(groupCount + 1);
	for (let i = 0; i < count; i++) {
		const row = selection === null ? i : (selection[i] as number);
		if ((rankOfRow[row] as number) < 0) continue;
		const start = tagOffsets[row] as number;
		const end = tagOffsets[row + 1] as number;
		if (start === end) starts[noTag + 1]!++;
		else for (let t = start; t < end; t++) starts[(tagCodes[t] as number) + 1]!++;
	}
	for (let g = 0; g < groupCount; g++)
		starts[g + 1] = (starts[g + 1] as number) + (starts[g] as number);
	const buffer = new Float64Array(starts[groupCount] as number);
	const cursor = starts.slice(0, groupCount);
	for (let i = 0; i < count; i++) {
		const row = selection === null ? i : (selection[i] as number);
		const rank = rankOfRow[row] as number;
		if (rank < 0) continue;
		const value = sorted[rank] as number;
		const start = tagOffsets[row] as number;
		const end = tagOffsets[row + 1] as number;
		if (start === end) buffer[cursor[noTag]!++] = value;
		else for (let t = start; t < end; t++) buffer[cursor[tagCodes[t] as number]!++] = value;
	}
	const medians: (number | null)[] = [];
	const n = new Uint32Array(groupCount);
	for (let g = 0; g < groupCount; g++) {
		const start = starts[g] as number;
		const end = starts[g + 1] as number;
		n[g] = end - start;
		medians.push(quantileInPlace(buffer.subarray(start, end), 0.5));
	}
	return { medians, n };
}
