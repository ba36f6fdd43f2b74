import { WHOLE_SELECTION, groupedQuantiles, quantileAt, type RowGrouping } from './rank-buckets';

/**
 * A column's values in ascending order with each row's place in that order, built once per
 * data version. Any quantile of any row selection then needs no sort of the selected values
 * and no copy: rank-buckets.ts finds the k-th selected place from bucket counts of the
 * selected rows' places. Exactly the numbers quantileInPlace gives on the selected values
 * (the same order statistics, interpolated by the same lerp).
 */
export interface RankedColumn {
	/** Values of the rows in the population, ascending. */
	sorted: Float64Array;
	/** Place of each row in `sorted`, or -1 when the row is not in the population. */
	rankOfRow: Int32Array;
}

/** Rows whose value is finite and `inPopulation(row)` holds are ranked; ties by row order. */
export function rankColumn(
	values: ArrayLike<number>,
	size: number,
	inPopulation: (row: number) => boolean = () => true
): RankedColumn {
	const rankOfRow = new Int32Array(size).fill(-1);
	const members = new Uint32Array(size);
	let count = 0;
	for (let row = 0; row < size; row++) {
		const value = values[row] ?? NaN;
		if (Number.isFinite(value) && inPopulation(row)) members[count++] = row;
	}
	// A stable radix sort of the rows by value: linear, where a binary search per row (the
	// previous way) cost ~0.4 s per million rows and a comparator sort more still.
	const order = rowsByValue(values, members.subarray(0, count));
	const sorted = new Float64Array(count);
	for (let rank = 0; rank < count; rank++) {
		const row = order[rank] as number;
		sorted[rank] = values[row] as number;
		rankOfRow[row] = rank;
	}
	return { sorted, rankOfRow };
}

const RADIX_BITS = 16;
const RADIX = 1 << RADIX_BITS;

/**
 * `rows` ordered by their values ascending, equal values in the given order (LSD radix sort
 * on the IEEE-754 bits, flipped so that unsigned order is numeric order; -0 counts as 0).
 */
export function rowsByValue(values: ArrayLike<number>, rows: Uint32Array): Uint32Array {
	const n = rows.length;
	const keys = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const value = values[rows[i] as number] as number;
		keys[i] = value === 0 ? 0 : value;
	}
	// Little-endian words: [low, high] per value (every engine this app runs on).
	const words = new Uint32Array(keys.buffer);
	for (let i = 0; i < n; i++) {
		const high = words[2 * i + 1] as number;
		if (high >>> 31 === 1) {
			words[2 * i] = ~(words[2 * i] as number);
			words[2 * i + 1] = ~high;
		} else words[2 * i + 1] = (high | 0x80000000) >>> 0;
	}
	let order = new Uint32Array(n);
	for (let i = 0; i < n; i++) order[i] = i;
	let spare = new Uint32Array(n);
	const counts = new Uint32Array(RADIX);
	for (let pass = 0; pass < 4; pass++) {
		const word = pass >> 1;
		const shift = (pass & 1) * RADIX_BITS;
		counts.fill(0);
		for (let i = 0; i < n; i++) {
			const digit = ((words[2 * i + word] as number) >>> shift) & (RADIX - 1);
			counts[digit] = (counts[digit] as number) + 1;
		}
		// All keys share this digit: the pass would not move anything.
		if (n === 0 || counts[((words[word] as number) >>> shift) & (RADIX - 1)] === n) continue;
		let total = 0;
		for (let digit = 0; digit < RADIX; digit++) {
			const c = counts[digit] as number;
			counts[digit] = total;
			total += c;
		}
		for (let i = 0; i < n; i++) {
			const index = order[i] as number;
			const digit = ((words[2 * index + word] as number) >>> shift) & (RADIX - 1);
			const at = counts[digit] as number;
			spare[at] = index;
			counts[digit] = at + 1;
		}
		[order, spare] = [spare, order];
	}
	for (let i = 0; i < n; i++) order[i] = rows[order[i] as number] as number;
	return order;
}

/** The q-quantiles of the population's values among `rows` (null = all rows), with n. */
export function rankedQuantiles(
	ranked: RankedColumn,
	rows: Uint32Array | null,
	qs: readonly number[]
): { values: (number | null)[]; n: number } {
	const { sorted } = ranked;
	if (rows === null) {
		const n = sorted.length;
		return { values: qs.map((q) => quantileAt(n, q, (k) => sorted[k] as number)), n };
	}
	const [whole] = groupedQuantiles(ranked, rows, [WHOLE_SELECTION], qs) as [GroupedAnswer];
	return { values: whole.values.map((byGroup) => byGroup[0] ?? null), n: whole.n[0] as number };
}

type GroupedAnswer = ReturnType<typeof groupedQuantiles>[number];

/** Where a KPI computation gets its ranked quantiles (rankedQuantiles by default). */
export type QuantileSource = (
	ranked: RankedColumn,
	rows: Uint32Array | null,
	qs: readonly number[]
) => { values: (number | null)[]; n: number };

/**
 * A row's group as a code column: group = codes[row] - base, and a row whose group falls
 * outside 0..groupCount-1 is left out. Loops over a column beat a callback per row.
 */
export interface GroupCodes {
	codes: ArrayLike<number>;
	base: number;
}

/**
 * The median per group of the population's values among `rows` (null = all rows):
 * `groupOf(row)` in 0..groupCount-1, or -1 to leave the row out (or the group as a code
 * column, see GroupCodes).
 */
export function rankedGroupMedians(
	ranked: RankedColumn,
	rows: Uint32Array | null,
	groupOf: ((row: number) => number) | GroupCodes,
	groupCount: number
): { medians: (number | null)[]; n: Uint32Array } {
	const grouping: RowGrouping =
		typeof groupOf === 'function'
			? { codes: codesOf(groupOf, rows, ranked.rankOfRow.length), base: 0, groupCount }
			: { codes: groupOf.codes, base: groupOf.base, groupCount };
	const [answer] = groupedQuantiles(ranked, rows, [grouping], [0.5]) as [GroupedAnswer];
	return mediansOf(answer);
}

/** A callback's groups as a code column (-1: left out), for the selected rows only. */
function codesOf(
	groupOf: (row: number) => number,
	rows: Uint32Array | null,
	size: number
): Int32Array {
	const codes = new Int32Array(size).fill(-1);
	if (rows === null) for (let row = 0; row < size; row++) codes[row] = groupOf(row);
	else for (const row of rows) codes[row] = groupOf(row);
	return codes;
}

function mediansOf(answer: GroupedAnswer): { medians: (number | null)[]; n: Uint32Array } {
	return { medians: answer.values[0] as (number | null)[], n: answer.n };
}
