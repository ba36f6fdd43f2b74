import {
	TICKET_TEXT_COLUMNS,
	type TicketColumns,
	type TicketTextColumn
} from '../model/ticket-columns';
import type { LocalTimeColumns } from './local-time';
import type { RankedColumn } from './ranked-column';
import type { BusinessRanks, TableRanks } from './table-kpis';
import type { TicketTable } from './ticket-table';

/**
 * The in-memory ticket table as a few large values that IndexedDB stores and structured-clones
 * fast: typed arrays are copied as raw bytes, and each text column is one string plus the end
 * offset of every row (1M separate strings cost ~10× more to store and read back).
 *
 * Two parts: `numbers` is what the dashboard needs (every typed column, the dictionaries and
 * the ranked durations), read first on opening; `text` (keys, ids, subjects, customers, raw
 * ratings, tags, agent and group names) is read after the dashboard is shown, for the ticket
 * list, ticket detail and CSV.
 */
export interface PackedText {
	joined: string;
	/** Row i is joined.slice(ends[i - 1] ?? 0, ends[i]). */
	ends: Uint32Array;
}

/** TicketColumns' text columns, in the snapshot's `text` part (one list for storage and snapshot). */
export const TEXT_COLUMNS = TICKET_TEXT_COLUMNS;
export type TextColumn = TicketTextColumn;

export type TableNumbers = Omit<TicketTable, 'columns'> & {
	columns: Omit<TicketColumns, TextColumn>;
	/** What was derived from the table when the snapshot was taken, so opening skips it. */
	derived: TableDerived;
};

export interface TableDerived {
	ranks?: TableRanks;
	business?: BusinessRanks;
	/** Ranked first resolutions; null when the table has no such column. */
	firstResolution?: RankedColumn | null;
	local?: LocalTimeColumns;
}

export type TableText = Record<TextColumn, PackedText>;

export interface TableSnapshot {
	numbers: TableNumbers;
	text: TableText;
}

export function packText(values: readonly string[], size: number): PackedText {
	const ends = new Uint32Array(size);
	const parts: string[] = [];
	let length = 0;
	for (let row = 0; row < size; row++) {
		const value = values[row] ?? '';
		parts.push(value);
		length += value.length;
		ends[row] = length;
	}
	return { joined: parts.join(''), ends };
}

export function unpackText(packed: PackedText): string[] {
	const { joined, ends } = packed;
	const out = new Array<string>(ends.length);
	let start = 0;
	for (let row = 0; row < ends.length; row++) {
		const end = ends[row] as number;
		out[row] = joined.slice(start, end);
		start = end;
	}
	return out;
}

/** The table as a snapshot, with what was derived from it so far. */
export function snapshotOfTable(table: TicketTable, derived: TableDerived = {}): TableSnapshot {
	const numberColumns: Record<string, unknown> = {};
	const text = {} as TableText;
	for (const [name, column] of Object.entries(table.columns)) {
		if ((TEXT_COLUMNS as readonly string[]).includes(name)) continue;
		numberColumns[name] = column;
	}
	for (const name of TEXT_COLUMNS) text[name] = packText(table.columns[name] ?? [], table.size);
	const numbers: TableNumbers = {
		...table,
		columns: numberColumns as TableNumbers['columns'],
		derived
	};
	return { numbers, text };
}

/**
 * A table from the snapshot's numbers, its text columns empty until `attachText` fills them
 * (`hasText` says whether it has).
 */
export function tableFromNumbers(numbers: TableNumbers): TicketTable {
	const empty = Object.fromEntries(TEXT_COLUMNS.map((name) => [name, [] as string[]]));
	const table: TicketTable & { derived?: TableDerived } = {
		...numbers,
		columns: { ...numbers.columns, ...empty } as TicketColumns
	};
	delete table.derived;
	return table;
}

export function attachText(table: TicketTable, text: TableText): void {
	for (const name of TEXT_COLUMNS) table.columns[name] = unpackText(text[name]);
}

/** Whether the table's text columns are present (always, unless built from numbers only). */
export function hasText(table: TicketTable): boolean {
	return table.size === 0 || table.columns.keys.length === table.size;
}

/** Stands in a skeleton for a large value stored as its own record. */
export interface PartReference {
	$part: string;
}

/** Typed arrays and strings above this size are stored as parts of their own. */
const PART_BYTES = 1 << 16;

/**
 * Splits `value` (plain objects, arrays, typed arrays, strings, numbers) into a skeleton and
 * its large typed arrays and strings, each named `${prefix}${path}`. Browsers cap one stored
 * value (Chromium: ~128 MB), and a 1M-row table is larger than that in one piece.
 */
export function splitLargeValues(
	value: unknown,
	prefix: string
): { skeleton: unknown; parts: [string, unknown][] } {
	const parts: [string, unknown][] = [];
	const walk = (node: unknown, path: string): unknown => {
		const large =
			(ArrayBuffer.isView(node) && node.byteLength > PART_BYTES) ||
			(typeof node === 'string' && node.length * 2 > PART_BYTES);
		if (large) {
			const name = `${prefix}${path}`;
			parts.push([name, node]);
			return { $part: name } satisfies PartReference;
		}
		if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return node;
		if (Array.isArray(node)) return node.map((item, index) => walk(item, `${path}/${index}`));
		return Object.fromEntries(
			Object.entries(node).map(([key, item]) => [key, walk(item, `${path}/${key}`)])
		);
	};
	return { skeleton: walk(value, ''), parts };
}

/** The part names a skeleton refers to. */
export function partNames(skeleton: unknown): string[] {
	const names: string[] = [];
	const walk = (node: unknown): void => {
		if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return;
		if ('$part' in node && typeof node.$part === 'string') names.push(node.$part);
		else for (const item of Object.values(node)) walk(item);
	};
	walk(skeleton);
	return names;
}

/** splitLargeValues undone; null when a part is missing. */
export function joinLargeValues(skeleton: unknown, parts: ReadonlyMap<string, unknown>): unknown {
	let missing = false;
	const walk = (node: unknown): unknown => {
		if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return node;
		if ('$part' in node && typeof node.$part === 'string') {
			if (!parts.has(node.$part)) missing = true;
			return parts.get(node.$part);
		}
		if (Array.isArray(node)) return node.map(walk);
		return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
	};
	const joined = walk(skeleton);
	return missing ? null : joined;
}
