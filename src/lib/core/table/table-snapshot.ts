import {
	TICKET_TEXT_COLUMNS,
	type TicketColumns,
	type TicketTextColumn
} from '../model/ticket-columns';
import type { LocalTimeColumns } from './local-time';
import type { RankedColumn } from './ranked-column';
import type { BusinessRanks, TableRanks } from './table-kpis';
import type { EncodedChunkText, TicketTable } from './ticket-table';
import { CHUNK_FORMAT_ENCODED, decodeTicketChunk, encodeTicketChunk } from '../model/chunk-format';

/**
 * The in-memory ticket table as a few large values that IndexedDB stores and structured-clones
 * fast: typed arrays are copied as raw bytes (narrowed where exact, see narrowArrays), and the
 * text columns stay encoded as chunk storage keeps them (dictionaries, UTF-8 bytes: see
 * chunk-text.ts), never 1M separate strings.
 *
 * Two parts: `numbers` is what the dashboard needs (every typed column, the dictionaries and
 * the ranked durations), read first on opening; `text` (keys, ids, subjects, customers, raw
 * ratings, tags, agent and group names) is read after the dashboard is shown, for the ticket
 * list, ticket detail and CSV.
 */
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

/** The text columns as encoded chunks, in row order. */
export type TableText = EncodedChunkText[];

export interface TableSnapshot {
	numbers: TableNumbers;
	text: TableText;
}

/** The table as a snapshot, with what was derived from it so far. */
export function snapshotOfTable(table: TicketTable, derived: TableDerived = {}): TableSnapshot {
	return { numbers: numbersOfTable(table, derived), text: textOfTable(table) };
}

/** The table's text columns as one encoded chunk (encoded like a stored chunk). */
export function textOfTable(table: TicketTable): TableText {
	return [{ size: table.size, text: encodeTicketChunk({ ...table.columns, importId: 0 }).text }];
}

/** The snapshot's numbers part: every column but the text, and what was derived. */
export function numbersOfTable(table: TicketTable, derived: TableDerived = {}): TableNumbers {
	const numberColumns: Record<string, unknown> = {};
	for (const [name, column] of Object.entries(table.columns)) {
		if ((TEXT_COLUMNS as readonly string[]).includes(name)) continue;
		numberColumns[name] = column;
	}

	return {
		...table,
		columns: numberColumns as TableNumbers['columns'],
		derived: withoutOwnValues(derived)
	};
}

/** A ranked column whose sorted values are left out (they are a column of the table). */
const withoutSorted = (ranked: RankedColumn): RankedColumn => ({
	sorted: new Float64Array(0),
	rankOfRow: ranked.rankOfRow
});

/** The table's column each plain ranked column sorts (business ranks sort derived values). */
const RANKED_COLUMNS = {
	firstResponse: 'firstResponseSeconds',
	resolution: 'resolutionSeconds',
	replies: 'agentReplies'
} as const;

/**
 * `derived` without the sorted values of ranked columns that are a column of the table
 * (each row's value at its rank): a third less to store and read back.
 */
function withoutOwnValues(derived: TableDerived): TableDerived {
	const { ranks, firstResolution } = derived;
	return {
		...derived,
		...(ranks === undefined
			? {}
			: {
					ranks: {
						firstResponse: withoutSorted(ranks.firstResponse),
						resolution: withoutSorted(ranks.resolution),
						replies: withoutSorted(ranks.replies)
					}
				}),
		...(firstResolution === undefined || firstResolution === null
			? {}
			: { firstResolution: withoutSorted(firstResolution) })
	};
}

/** A ranked column's sorted values again: each ranked row's value at its rank. */
export function sortedByRank(values: ArrayLike<number>, rankOfRow: Int32Array): RankedColumn {
	let count = 0;
	for (let row = 0; row < rankOfRow.length; row++)
		if ((rankOfRow[row] as number) >= count) count = (rankOfRow[row] as number) + 1;
	const sorted = new Float64Array(count);
	for (let row = 0; row < rankOfRow.length; row++) {
		const rank = rankOfRow[row] as number;
		if (rank >= 0) sorted[rank] = values[row] as number;
	}
	return { sorted, rankOfRow };
}

/** What the snapshot stored as derived, with the sorted values snapshotOfTable left out put back. */
export function derivedOfNumbers(numbers: TableNumbers): TableDerived {
	const { ranks, firstResolution } = numbers.derived;
	const { columns } = numbers;
	const restore = (name: keyof typeof RANKED_COLUMNS, ranked: RankedColumn) =>
		sortedByRank(columns[RANKED_COLUMNS[name]], ranked.rankOfRow);
	return {
		...numbers.derived,
		...(ranks === undefined
			? {}
			: {
					ranks: {
						firstResponse: restore('firstResponse', ranks.firstResponse),
						resolution: restore('resolution', ranks.resolution),
						replies: restore('replies', ranks.replies)
					}
				}),
		...(firstResolution === undefined || firstResolution === null
			? {}
			: {
					// Without its column (not possible for one snapshot) it is ranked again.
					firstResolution:
						columns.firstResolutionSeconds === undefined
							? undefined
							: sortedByRank(columns.firstResolutionSeconds, firstResolution.rankOfRow)
				})
	};
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
	const size = text.reduce((sum, chunk) => sum + chunk.size, 0);
	const columns = Object.fromEntries(
		TEXT_COLUMNS.map((name) => [name, new Array<string>(size)])
	) as Record<TextColumn, string[]>;
	let offset = 0;
	for (const chunk of text) {
		const decoded = decodeTicketChunk({
			size: chunk.size,
			format: CHUNK_FORMAT_ENCODED,
			text: chunk.text
		}) as unknown as Partial<Record<TextColumn, string[]>>;
		for (const name of TEXT_COLUMNS) {
			const values = decoded[name];
			const out = columns[name];
			// A column that chunks stored before it existed lack reads as ''.
			for (let row = 0; row < chunk.size; row++) out[offset + row] = values?.[row] ?? '';
		}
		offset += chunk.size;
	}
	for (const name of TEXT_COLUMNS) table.columns[name] = columns[name];
}

/** Whether the table's text columns are present (always, unless built from numbers only). */
export function hasText(table: TicketTable): boolean {
	return table.size === 0 || table.columns.keys.length === table.size;
}

/** Stands in a skeleton for a large value stored as its own record. */
export interface PartReference {
	$part: string;
	/** The part is a Blob of this typed array's bytes (see splitLargeValues' `typedAsBlobs`). */
	$type?: TypedArrayName;
}

const TYPED_ARRAYS = {
	Float64Array,
	Float32Array,
	Int32Array,
	Uint32Array,
	Uint16Array,
	Uint8Array
};
type TypedArrayName = keyof typeof TYPED_ARRAYS;

const typedArrayName = (node: ArrayBufferView): TypedArrayName | null => {
	for (const [name, type] of Object.entries(TYPED_ARRAYS))
		if (node instanceof type) return name as TypedArrayName;
	return null;
};

/** Typed arrays and strings above this size are stored as parts of their own. */
const PART_BYTES = 1 << 16;

/**
 * Splits `value` (plain objects, arrays, typed arrays, strings, numbers) into a skeleton and
 * its large typed arrays and strings, each named `${prefix}${path}`. Browsers cap one stored
 * value (Chromium: ~128 MB), and a 1M-row table is larger than that in one piece.
 */
export function splitLargeValues(
	value: unknown,
	prefix: string,
	/**
	 * Large typed arrays stored as Blobs of their bytes: Chromium reads a Blob back several
	 * times faster than a typed array of the same size, and mostly off the reading thread
	 * (80 MB: ~0.3 s against ~1.2 s of blocked thread, load 6). Read with `readBlobParts`.
	 */
	options: { typedAsBlobs?: boolean } = {}
): { skeleton: unknown; parts: [string, unknown][] } {
	const parts: [string, unknown][] = [];
	const walk = (node: unknown, path: string): unknown => {
		const large =
			(ArrayBuffer.isView(node) && node.byteLength > PART_BYTES) ||
			(typeof node === 'string' && node.length * 2 > PART_BYTES);
		if (large) {
			const name = `${prefix}${path}`;
			const type = options.typedAsBlobs && ArrayBuffer.isView(node) ? typedArrayName(node) : null;
			if (type !== null) {
				const view = node as ArrayBufferView;
				parts.push([name, new Blob([view as Uint8Array<ArrayBuffer>])]);
				return { $part: name, $type: type } satisfies PartReference;
			}
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

/** The parts with every Blob read into an ArrayBuffer (all at once), for joinLargeValues. */
export async function readBlobParts(
	parts: ReadonlyMap<string, unknown>
): Promise<Map<string, unknown>> {
	const entries = await Promise.all(
		[...parts].map(async ([name, part]) =>
			part instanceof Blob ? ([name, await part.arrayBuffer()] as const) : ([name, part] as const)
		)
	);
	return new Map(entries);
}

/** splitLargeValues undone (Blob parts read by readBlobParts first); null when a part is missing. */
export function joinLargeValues(skeleton: unknown, parts: ReadonlyMap<string, unknown>): unknown {
	let missing = false;
	const walk = (node: unknown): unknown => {
		if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return node;
		if ('$part' in node && typeof node.$part === 'string') {
			const part = parts.get(node.$part);
			const type = (node as PartReference).$type;
			if (type === undefined) {
				if (!parts.has(node.$part)) missing = true;
				return part;
			}
			// A Blob part, read into an ArrayBuffer by readBlobParts.
			if (!(part instanceof ArrayBuffer) || !(type in TYPED_ARRAYS)) {
				missing = true;
				return undefined;
			}
			return new TYPED_ARRAYS[type](part);
		}
		if (Array.isArray(node)) return node.map(walk);
		return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
	};
	const joined = walk(skeleton);
	return missing ? null : joined;
}

/**
 * The snapshot's storage format. Records without it (written before typed arrays were
 * narrowed) are ignored, and the table is built from the chunks again.
 */
export const SNAPSHOT_FORMAT = 2;

/**
 * A Float64Array whose every value a Float32 holds exactly (durations in whole seconds under
 * 194 days, counts, scores; NaN, ±0 and ±Infinity too), or an Int32Array / Uint32Array of
 * values in 0..65,535: stored in the narrower type, widened back by the typed-array
 * constructor (a native copy). Instants in ms stay Float64: a loop widening them back cost
 * more time on opening (35-110 ms each) than reading their 4 MB more from a Blob (~20 ms).
 */
export interface NarrowedType {
	$narrowed: 'Float64Array' | 'Int32Array' | 'Uint32Array';
	values: Float32Array | Uint8Array | Uint16Array;
}

/** `values` as Float32 when every value comes back exactly, else null. */
export function narrowFloats(values: Float64Array): NarrowedType | null {
	for (let i = 0; i < values.length; i++) {
		const value = values[i] as number;
		if (Math.fround(value) !== value && !Number.isNaN(value)) return null;
	}
	return { $narrowed: 'Float64Array', values: new Float32Array(values) };
}

/** `values` as bytes or 16-bit values when all lie in 0..65,535, else null. */
export function narrowIntegers(values: Int32Array | Uint32Array): NarrowedType | null {
	let max = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i] as number;
		if (value < 0) return null;
		if (value > max) max = value;
	}
	if (max > 0xffff) return null;
	return {
		$narrowed: values instanceof Int32Array ? 'Int32Array' : 'Uint32Array',
		values: max <= 0xff ? new Uint8Array(values) : new Uint16Array(values)
	};
}

function widen(narrowed: NarrowedType): Float64Array | Int32Array | Uint32Array {
	const { values } = narrowed;
	if (narrowed.$narrowed === 'Float64Array') return new Float64Array(values);
	return narrowed.$narrowed === 'Int32Array' ? new Int32Array(values) : new Uint32Array(values);
}

/** Arrays below this length are stored as they are (narrowing would not pay). */
const NARROW_FROM_LENGTH = 1024;

/**
 * `value` with its large Float64, Int32 and Uint32 arrays narrowed where exact (see
 * NarrowedType); `widenArrays` undoes it.
 */
export function narrowArrays(value: unknown): unknown {
	const walk = (node: unknown): unknown => {
		if (node === null || typeof node !== 'object') return node;
		if (ArrayBuffer.isView(node)) {
			if ((node as Float64Array).length < NARROW_FROM_LENGTH) return node;
			if (node instanceof Float64Array) return narrowFloats(node) ?? node;
			if (node instanceof Int32Array || node instanceof Uint32Array)
				return narrowIntegers(node) ?? node;
			return node;
		}
		if (Array.isArray(node)) return node.map(walk);
		return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
	};
	return walk(value);
}

export function widenArrays(value: unknown): unknown {
	const walk = (node: unknown): unknown => {
		if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return node;
		if ('$narrowed' in node) return widen(node as NarrowedType);
		if (Array.isArray(node)) return node.map(walk);
		return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
	};
	return walk(value);
}
