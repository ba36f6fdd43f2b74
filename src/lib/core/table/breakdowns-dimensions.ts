import { PRIORITIES, TICKET_STATUSES, codeOf } from '../model/ticket';
import type { BreakdownRow } from '../metrics/breakdown';
import { quantileInPlace } from '../metrics/quantile';
import { CUSTOMER_SEGMENTS } from '../customers/customer-segments';
import type { TicketColumns } from '../model/ticket-columns';
import type { TicketTable } from './ticket-table';
import { breakdownRowsOf, emptyGroupTallies, tallyRow } from './table-breakdown';

/** Breakdowns beside agent and channel (table-breakdown.ts). */
export type ExtraDimension = 'group' | 'tag' | 'priority' | 'segment';

const SOLVED = codeOf(TICKET_STATUSES, 'solved');
const CLOSED = codeOf(TICKET_STATUSES, 'closed');

/**
 * Which group(s) each selected row belongs to, as parallel (row, group) lists. A row may
 * appear once (group, priority, segment) or several times (one pair per tag).
 */
export interface Membership {
	rows: Uint32Array;
	groups: Uint32Array;
	groupCount: number;
	/** The key of a group code; '' = not set (unassigned group, no tag, unknown priority). */
	keyOf: (group: number) => string;
}

/** Every row index when the selection is null (no filter). */
function selectedRows(table: TicketTable, selection: Uint32Array | null): Uint32Array {
	if (selection !== null) return selection;
	const rows = new Uint32Array(table.size);
	for (let i = 0; i < rows.length; i++) rows[i] = i;
	return rows;
}

/** One pair per row: group = codes[row]. */
function singleMembership(
	rows: Uint32Array,
	codes: ArrayLike<number>,
	groupCount: number,
	keyOf: (group: number) => string
): Membership {
	const groups = new Uint32Array(rows.length);
	for (let i = 0; i < rows.length; i++) groups[i] = codes[rows[i] as number] ?? 0;
	return { rows, groups, groupCount, keyOf };
}

/**
 * One pair per (row, tag); a row without tags is one pair in the "no tag" group (code =
 * table.tags.length, key ''). So a ticket tagged refund and delivery counts in both groups.
 */
function tagMembership(table: TicketTable, rows: Uint32Array): Membership {
	const noTag = table.tags.length;
	let pairs = 0;
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i] as number;
		pairs += Math.max(1, (table.tagOffsets[row + 1] ?? 0) - (table.tagOffsets[row] ?? 0));
	}
	const pairRows = new Uint32Array(pairs);
	const pairGroups = new Uint32Array(pairs);
	let at = 0;
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i] as number;
		const start = table.tagOffsets[row] ?? 0;
		const end = table.tagOffsets[row + 1] ?? 0;
		if (end === start) {
			pairRows[at] = row;
			pairGroups[at++] = noTag;
			continue;
		}
		for (let t = start; t < end; t++) {
			pairRows[at] = row;
			pairGroups[at++] = table.tagCodes[t] ?? 0;
		}
	}
	return {
		rows: pairRows,
		groups: pairGroups,
		groupCount: noTag + 1,
		keyOf: (group) => (group === noTag ? '' : (table.tags[group] ?? ''))
	};
}

/**
 * The rows' membership in `dimension`. Segment codes (one per table row, an index into
 * CUSTOMER_SEGMENTS) come from the caller, because segments depend on imported orders.
 */
export function membershipOf(
	table: TicketTable,
	selection: Uint32Array | null,
	dimension: ExtraDimension,
	segmentCodes: Uint8Array | null = null
): Membership {
	const rows = selectedRows(table, selection);
	switch (dimension) {
		case 'group':
			return singleMembership(
				rows,
				table.groupCodes,
				table.groups.length,
				(group) => table.groups[group] ?? ''
			);
		case 'priority':
			return singleMembership(rows, table.columns.priorityCodes, PRIORITIES.length, (group) =>
				group === 0 ? '' : (PRIORITIES[group] ?? '')
			);
		case 'segment':
			return singleMembership(
				rows,
				segmentCodes ?? new Uint8Array(table.size),
				CUSTOMER_SEGMENTS.length,
				(group) => CUSTOMER_SEGMENTS[group] ?? ''
			);
		case 'tag':
			return tagMembership(table, rows);
	}
}

/**
 * Medians per group of the values `valueOf` accepts (NaN = not in the KPI's population), by
 * counting sort of the pairs into one buffer.
 */
function medianPerGroup(
	membership: Membership,
	valueOf: (row: number) => number
): { medians: (number | null)[]; n: Uint32Array } {
	const { rows, groups, groupCount } = membership;
	const starts = new Uint32Array(groupCount + 1);
	for (let i = 0; i < rows.length; i++) {
		if (!Number.isNaN(valueOf(rows[i] as number))) {
			const group = groups[i] as number;
			starts[group + 1] = (starts[group + 1] ?? 0) + 1;
		}
	}
	for (let g = 0; g < groupCount; g++) starts[g + 1] = (starts[g + 1] ?? 0) + (starts[g] ?? 0);
	const buffer = new Float64Array(starts[groupCount] ?? 0);
	const cursor = starts.slice(0, groupCount);
	for (let i = 0; i < rows.length; i++) {
		const value = valueOf(rows[i] as number);
		if (Number.isNaN(value)) continue;
		const group = groups[i] as number;
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
 * The breakdown rows (tickets, first-response and full-resolution medians with n, CSAT with
 * its Wilson interval) of each group that has tickets, by the tile KPIs' population rules
 * (firstResponseTime, resolutionTimeMedian, csatSatisfiedRate). Empty groups are left out.
 */
export function breakdownOfMembership(
	columns: TicketColumns,
	membership: Membership
): BreakdownRow[] {
	const { rows, groups, groupCount } = membership;
	const tallies = emptyGroupTallies(groupCount);
	for (let i = 0; i < rows.length; i++)
		tallyRow(tallies, columns, rows[i] as number, groups[i] as number);
	const firstResponse = medianPerGroup(membership, (row) => {
		const seconds = columns.firstResponseSeconds[row] ?? NaN;
		return Number.isFinite(seconds) && seconds >= 0 ? seconds : NaN;
	});
	const resolution = medianPerGroup(membership, (row) => {
		const status = columns.statusCodes[row];
		if (status !== SOLVED && status !== CLOSED) return NaN;
		const seconds = columns.resolutionSeconds[row] ?? NaN;
		return Number.isFinite(seconds) && seconds >= 0 ? seconds : NaN;
	});
	return breakdownRowsOf(tallies, membership.keyOf, firstResponse, resolution);
}

/** The breakdown of the selected rows by group, tag, priority or customer segment. */
export function dimensionBreakdown(
	table: TicketTable,
	selection: Uint32Array | null,
	dimension: ExtraDimension,
	segmentCodes: Uint8Array | null = null
): BreakdownRow[] {
	return breakdownOfMembership(
		table.columns,
		membershipOf(table, selection, dimension, segmentCodes)
	);
}
