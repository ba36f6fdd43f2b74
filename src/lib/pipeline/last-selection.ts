import type { TicketFilter } from '$lib/core/table/ticket-filter';
import type { TicketTable } from '$lib/core/table/ticket-table';

/**
 * The rows of the overview answered last (filter, zone and table), so the extra breakdowns
 * the page asks for right after, under the same filter, do not select them again.
 */
let last: { table: TicketTable; key: string; rows: Uint32Array | null } | null = null;

const keyOf = (timeZone: string, filter: TicketFilter) => JSON.stringify([timeZone, filter]);

export function rememberSelection(
	table: TicketTable,
	timeZone: string,
	filter: TicketFilter,
	rows: Uint32Array | null
): void {
	last = { table, key: keyOf(timeZone, filter), rows };
}

/** The remembered rows for exactly this table, zone and filter; undefined when none. */
export function rememberedSelection(
	table: TicketTable,
	timeZone: string,
	filter: TicketFilter
): Uint32Array | null | undefined {
	return last !== null && last.table === table && last.key === keyOf(timeZone, filter)
		? last.rows
		: undefined;
}
