import { PRIORITIES } from '../model/ticket';
import type { BreakdownRow } from '../metrics/breakdown';
import { CUSTOMER_SEGMENTS } from '../customers/customer-segments';
import type { TicketTable } from './ticket-table';
import {
	breakdownRowsOf,
	csatClasses,
	emptyGroupTallies,
	tallyGroups,
	tallyRow
} from './table-breakdown';
import { rankedGroupMedians, type RankedColumn } from './ranked-column';
import { groupedQuantiles, type GroupedQuantiles, type RowGrouping } from './rank-buckets';
import { tableRanks } from './table-kpis';

/** Breakdowns beside agent and channel (table-breakdown.ts). */
export type ExtraDimension = 'group' | 'tag' | 'priority' | 'segment';

const noSegmentsByTable = new WeakMap<TicketTable, Uint8Array>();

/** Every row in the first segment (no orders to tell them apart), one array per table. */
function noSegments(table: TicketTable): Uint8Array {
	let codes = noSegmentsByTable.get(table);
	if (codes === undefined) noSegmentsByTable.set(table, (codes = new Uint8Array(table.size)));
	return codes;
}

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
				codes: segmentCodes ?? noSegments(table),
				groupCount: CUSTOMER_SEGMENTS.length,
				keyOf: (group) => CUSTOMER_SEGMENTS[group] ?? ''
			};
	}
}

/**
 * The breakdown rows (tickets, first-response and full-resolution medians with n, CSAT with
 * its Wilson interval) of each group that has tickets, by the tile KPIs' population rules
 * (firstResponseTime, resolutionTimeMedian, csatSatisfiedRate). Empty groups are left out.
 * Medians come from the table's ranked durations (rank-buckets.ts: passes over the selected
 * rows, no per-group copies or sorts); a ticket tagged refund and delivery counts in both tag groups, an untagged one in
 * the "no tag" group (key '').
 */
export function dimensionBreakdown(
	table: TicketTable,
	selection: Uint32Array | null,
	dimension: ExtraDimension,
	segmentCodes: Uint8Array | null = null
): BreakdownRow[] {
	if (dimension === 'tag') return tagBreakdown(table, selection);
	const { codes, groupCount, keyOf } = singleDimension(table, dimension, segmentCodes);
	const tallies = emptyGroupTallies(groupCount);
	tallyGroups(tallies, csatClasses(table), codes, selection);
	const ranks = tableRanks(table);
	const groupOf = { codes, base: 0 };
	return breakdownRowsOf(
		tallies,
		keyOf,
		rankedGroupMedians(ranks.firstResponse, selection, groupOf, groupCount),
		rankedGroupMedians(ranks.resolution, selection, groupOf, groupCount)
	);
}

/** Tags: a row counts in each of its tags' groups, an untagged row in the last group. */
function tagBreakdown(table: TicketTable, selection: Uint32Array | null): BreakdownRow[] {
	const { tagOffsets, tagCodes } = table;
	const noTag = table.tags.length;
	const groupCount = noTag + 1;
	const tallies = emptyGroupTallies(groupCount);
	const csat = csatClasses(table);
	const count = selection === null ? table.size : selection.length;
	for (let i = 0; i < count; i++) {
		const row = selection === null ? i : (selection[i] as number);
		const start = tagOffsets[row] as number;
		const end = tagOffsets[row + 1] as number;
		if (start === end) tallyRow(tallies, csat[row] as number, noTag);
		else
			for (let t = start; t < end; t++)
				tallyRow(tallies, csat[row] as number, tagCodes[t] as number);
	}
	const ranks = tableRanks(table);
	const tags: RowGrouping = { tagOffsets, tagCodes, untagged: noTag, groupCount };
	const medians = (ranked: RankedColumn) => {
		const [answer] = groupedQuantiles(ranked, selection, [tags], [0.5]) as [GroupedQuantiles];
		return { medians: answer.values[0] as (number | null)[], n: answer.n };
	};
	return breakdownRowsOf(
		tallies,
		(group) => (group === noTag ? '' : (table.tags[group] ?? '')),
		medians(ranks.firstResponse),
		medians(ranks.resolution)
	);
}
