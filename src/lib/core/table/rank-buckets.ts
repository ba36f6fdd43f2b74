import { lerpQuantile } from '../metrics/quantile';
import type { RankedColumn } from './ranked-column';

/**
 * Quantiles per group of a row selection from a ranked column, by bucketed ranks: the places
 * 0..m-1 fall into buckets of 2^shift consecutive places. One pass over the selected rows
 * counts each group's rows per bucket; a prefix sum over a group's counts tells which bucket
 * holds each wanted order statistic and its offset there; a second pass gathers the places of
 * the rows in just those buckets, and sorting these few places finds the order statistic.
 * Cost: two sequential passes over the selected rows plus a small histogram, for every group
 * and every quantile at once, where marking places costs random writes over the whole column
 * and a walk over all of its places. The same order statistics as quantileInPlace on the
 * selected values, interpolated by the same lerp.
 */

/**
 * Which group a selected row falls in: codes[row] - base, or the whole selection as one group
 * (codes null); rows whose group is outside 0..groupCount-1 are left out. Tags give a row
 * several groups: tagCodes[tagOffsets[row] .. tagOffsets[row + 1]), or `untagged` for none.
 */
export type RowGrouping =
	| { codes: ArrayLike<number> | null; base: number; groupCount: number }
	| {
			tagOffsets: ArrayLike<number>;
			tagCodes: ArrayLike<number>;
			untagged: number;
			groupCount: number;
	  };

/** One grouping's answer: rows per group in the population, and values[q][group] (null: none). */
export interface GroupedQuantiles {
	n: Uint32Array;
	values: (number | null)[][];
}

/** The whole selection as one group. */
export const WHOLE_SELECTION: RowGrouping = { codes: null, base: 0, groupCount: 1 };

/** Histogram cells (groups × buckets) kept about as many as the selected rows, and cache-sized. */
const MAX_CELLS = 1 << 18;
const MAX_BUCKET_BITS = 10;

/** Scratch arrays reused across calls (a cold answer asks for dozens of these). */
let countsBuffer = new Int32Array(0);
let slotsBuffer = new Int32Array(0);
let placesBuffer = new Int32Array(0);

function scratchCounts(length: number): Int32Array {
	if (countsBuffer.length < length) countsBuffer = new Int32Array(length);
	const counts = countsBuffer.subarray(0, length);
	counts.fill(0);
	return counts;
}

function scratchSlots(length: number): Int32Array {
	if (slotsBuffer.length < length) slotsBuffer = new Int32Array(length);
	const slots = slotsBuffer.subarray(0, length);
	slots.fill(-1);
	return slots;
}

function scratchPlaces(length: number): Int32Array {
	if (placesBuffer.length < length) placesBuffer = new Int32Array(length);
	return placesBuffer.subarray(0, length);
}

/**
 * The bucket width (as a shift) for a column of `places` ranks: up to 2^10 buckets per group,
 * fewer when the groups × buckets histogram would outgrow the selection or the cache.
 */
function bucketShift(places: number, selected: number, widestGrouping: number): number {
	const cells = Math.min(MAX_CELLS, Math.max(selected, 1));
	let bucketBits = 0;
	while (bucketBits < MAX_BUCKET_BITS && (2 << bucketBits) * widestGrouping <= cells) bucketBits++;
	const rankBits = 32 - Math.clz32(Math.max(places - 1, 0));
	return Math.max(0, rankBits - bucketBits);
}

/**
 * Each rank's row (the inverse of rankOfRow), built on the first walk of a bucket and kept
 * with the column: 4 bytes per ranked row, the price of resolving an order statistic by
 * walking one bucket's places instead of a second pass over all selected rows.
 */
const rowAtRankOf = new WeakMap<RankedColumn, Int32Array>();

function rowAtRank(ranked: RankedColumn): Int32Array {
	let rows = rowAtRankOf.get(ranked);
	if (rows === undefined) {
		const { rankOfRow } = ranked;
		rows = new Int32Array(ranked.sorted.length);
		for (let row = 0; row < rankOfRow.length; row++) {
			const rank = rankOfRow[row] as number;
			if (rank >= 0) rows[rank] = row;
		}
		rowAtRankOf.set(ranked, rows);
	}
	return rows;
}

/**
 * Values derived from a selection, kept with its array: every column's pass over the same
 * selection shares them. Selections are never changed after they are made; the length, ends
 * and table size are checked anyway, so a reused array is never answered from stale data.
 */
function perSelection<T>(
	cache: WeakMap<Uint32Array, { key: string; value: T }>,
	rows: Uint32Array,
	size: number,
	make: () => T
): T {
	const key = `${rows.length}:${rows[0]}:${rows[rows.length - 1]}:${size}`;
	const kept = cache.get(rows);
	if (kept !== undefined && kept.key === key) return kept.value;
	const value = make();
	cache.set(rows, { key, value });
	return value;
}

const membersOf = new WeakMap<Uint32Array, { key: string; value: Int32Array }>();

/** The selection as a bit per row (for walking a bucket's places). */
function membership(rows: Uint32Array, size: number): Int32Array {
	return perSelection(membersOf, rows, size, () => {
		const bits = new Int32Array((size >>> 5) + 1);
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i] as number;
			bits[row >>> 5] = (bits[row >>> 5] as number) | (1 << (row & 31));
		}
		return bits;
	});
}

/**
 * The qs-quantiles per group of each grouping, over the population's values among `rows`
 * (null = all rows). Several groupings share the pass over the rows.
 */
export function groupedQuantiles(
	ranked: RankedColumn,
	rows: Uint32Array | null,
	groupings: readonly RowGrouping[],
	qs: readonly number[],
	/** How the wanted buckets are resolved (a spec forces each way; 'auto' picks the cheaper). */
	resolve: 'auto' | 'walk' | 'gather' = 'auto'
): GroupedQuantiles[] {
	const { sorted, rankOfRow } = ranked;
	const places = sorted.length;
	const size = rankOfRow.length;
	const count = rows === null ? size : rows.length;
	// Most rows selected: count the rows left out and take them from each grouping's counts
	// over all rows (kept per column and grouping), a pass over fewer rows.
	const outside = places > 0 && rows !== null && count * 2 > size ? rowsLeftOut(rows, size) : null;
	let widest = 1;
	for (const grouping of groupings) widest = Math.max(widest, grouping.groupCount);
	const shift = bucketShift(places, outside === null ? count : size, widest);
	const buckets = places === 0 ? 1 : ((places - 1) >>> shift) + 1;
	// Grouping j's cells start at firstCell[j]: group g, bucket b at firstCell[j] + g·buckets + b.
	const firstCell: number[] = [];
	let cells = 0;
	for (const grouping of groupings) {
		firstCell.push(cells);
		cells += grouping.groupCount * buckets;
	}
	const counts = scratchCounts(cells);
	if (places > 0 && rows !== null && outside === null)
		countRows(ranked, rows, groupings, firstCell, shift, buckets, counts);
	else if (places > 0) {
		if (outside !== null) countRows(ranked, outside, groupings, firstCell, shift, buckets, counts);
		groupings.forEach((grouping, j) => {
			const all = countsOverAllRows(ranked, grouping, shift, buckets);
			const offset = firstCell[j] as number;
			for (let cell = 0; cell < all.length; cell++)
				counts[offset + cell] = (all[cell] as number) - (counts[offset + cell] as number);
		});
	}

	// A slot per (group, bucket) cell holding a wanted order statistic: the cell's selected
	// places, ascending, up to the largest offset wanted there.
	const slotOfCell = scratchSlots(cells);
	const slotCells: number[] = [];
	const slotNeeds: number[] = [];
	const answers = groupings.map((grouping, j) => {
		const n = new Uint32Array(grouping.groupCount);
		/** Per group: its wanted order statistics, and the slot and offset of each. */
		const wanted: { stats: number[]; slots: number[]; offsets: number[] }[] = [];
		for (let group = 0; group < grouping.groupCount; group++) {
			const start = (firstCell[j] as number) + group * buckets;
			let total = 0;
			for (let b = 0; b < buckets; b++) total += counts[start + b] as number;
			n[group] = total;
			const stats = orderStatisticsOf(total, qs);
			const slots: number[] = [];
			const offsets: number[] = [];
			let before = 0;
			let next = 0;
			for (let b = 0; b < buckets && next < stats.length; b++) {
				const inBucket = counts[start + b] as number;
				while (next < stats.length && (stats[next] as number) < before + inBucket) {
					const cell = start + b;
					if (slotOfCell[cell] === -1) {
						slotOfCell[cell] = slotCells.length;
						slotCells.push(cell);
						slotNeeds.push(0);
					}
					const slot = slotOfCell[cell] as number;
					const offset = (stats[next] as number) - before;
					slots.push(slot);
					offsets.push(offset);
					slotNeeds[slot] = Math.max(slotNeeds[slot] as number, offset + 1);
					next++;
				}
				before += inBucket;
			}
			wanted.push({ stats, slots, offsets });
		}
		return { n, wanted };
	});

	const slotStarts = new Int32Array(slotCells.length + 1);
	for (let slot = 0; slot < slotCells.length; slot++)
		slotStarts[slot + 1] =
			(slotStarts[slot] as number) + (counts[slotCells[slot] as number] as number);
	const gathered = scratchPlaces(slotStarts[slotCells.length] as number);
	// Walking a cell's bucket reads its places in order (no sort) but visits every place there;
	// a second pass visits every selected row once per grouping. Take the smaller.
	if (slotCells.length > 0) {
		const layout = { groupings, firstCell, shift, buckets };
		const walk =
			resolve === 'auto'
				? slotCells.length << shift < count * groupings.length
				: resolve === 'walk';
		if (walk) walkBuckets(ranked, rows, layout, slotCells, slotNeeds, slotStarts, gathered);
		else {
			const cursor = slotStarts.slice(0, slotCells.length);
			gatherPlaces(
				ranked,
				rows,
				groupings,
				firstCell,
				shift,
				buckets,
				slotOfCell,
				cursor,
				gathered
			);
			for (let slot = 0; slot < slotCells.length; slot++)
				gathered.subarray(slotStarts[slot], slotStarts[slot + 1]).sort();
		}
	}

	return answers.map(({ n, wanted }) => ({
		n,
		values: qs.map((q) =>
			wanted.map(({ stats, slots, offsets }, group) =>
				quantileAt(n[group] as number, q, (k) => {
					const index = stats.indexOf(k);
					const slot = slots[index] as number;
					const place = gathered[(slotStarts[slot] as number) + (offsets[index] as number)];
					return sorted[place as number] as number;
				})
			)
		)
	}));
}

function isWholeSelection(grouping: RowGrouping): boolean {
	return !('tagOffsets' in grouping) && grouping.codes === null;
}

const leftOutOf = new WeakMap<Uint32Array, { key: string; value: Uint32Array | null }>();

/** The rows not in `rows`, ascending; null when `rows` is not strictly ascending. */
function rowsLeftOut(rows: Uint32Array, size: number): Uint32Array | null {
	return perSelection(leftOutOf, rows, size, () => {
		const out = new Uint32Array(Math.max(0, size - rows.length));
		let kept = 0;
		let next = 0;
		for (let i = 0; i <= rows.length; i++) {
			const upto = i < rows.length ? (rows[i] as number) : size;
			if (upto < next || upto > size) return null;
			for (let row = next; row < upto; row++) out[kept++] = row;
			next = upto + 1;
		}
		return out;
	});
}

const KEPT_LAYOUTS = 4;

/** A grouping's counts per (group, bucket) over all rows, kept per column and grouping. */
const countsOverAll = new WeakMap<RankedColumn, WeakMap<object, Map<string, Int32Array>>>();

function countsOverAllRows(
	ranked: RankedColumn,
	grouping: RowGrouping,
	shift: number,
	buckets: number
): Int32Array {
	const { sorted } = ranked;
	if (isWholeSelection(grouping)) {
		// Every place of the column is some row's.
		const width = 1 << shift;
		return Int32Array.from({ length: buckets }, (_, b) =>
			Math.min(width, sorted.length - b * width)
		);
	}
	const column =
		'tagOffsets' in grouping ? grouping.tagCodes : (grouping.codes as ArrayLike<number>);
	const key = `${'tagOffsets' in grouping ? grouping.untagged : grouping.base}:${grouping.groupCount}:${shift}`;
	let byColumn = countsOverAll.get(ranked);
	if (byColumn === undefined) countsOverAll.set(ranked, (byColumn = new WeakMap()));
	let byKey = byColumn.get(column);
	if (byKey === undefined) byColumn.set(column, (byKey = new Map()));
	let all = byKey.get(key);
	if (all === undefined) {
		all = new Int32Array(grouping.groupCount * buckets);
		countRows(ranked, null, [grouping], [0], shift, buckets, all);
		// A few layouts per code column (the daily series' first day moves with the filter).
		if (byKey.size >= KEPT_LAYOUTS) byKey.delete(byKey.keys().next().value as string);
		byKey.set(key, all);
	}
	return all;
}

interface CellLayout {
	groupings: readonly RowGrouping[];
	firstCell: readonly number[];
	shift: number;
	buckets: number;
}

/**
 * Each slot's first `needs` selected places of its group in its bucket, found by walking the
 * bucket's places in order (each place's row, whether it is selected and in the group).
 */
function walkBuckets(
	ranked: RankedColumn,
	rows: Uint32Array | null,
	{ groupings, firstCell, shift, buckets }: CellLayout,
	slotCells: readonly number[],
	slotNeeds: readonly number[],
	slotStarts: Int32Array,
	gathered: Int32Array
): void {
	const rowOf = rowAtRank(ranked);
	const places = ranked.sorted.length;
	const members = rows === null ? null : membership(rows, ranked.rankOfRow.length);
	for (let slot = 0; slot < slotCells.length; slot++) {
		const cell = slotCells[slot] as number;
		let j = firstCell.length - 1;
		while ((firstCell[j] as number) > cell) j--;
		const grouping = groupings[j] as RowGrouping;
		const within = cell - (firstCell[j] as number);
		const group = Math.floor(within / buckets);
		const from = (within - group * buckets) << shift;
		const to = Math.min(places, from + (1 << shift));
		const needs = slotNeeds[slot] as number;
		let at = slotStarts[slot] as number;
		const end = at + needs;
		for (let place = from; place < to && at < end; place++) {
			const row = rowOf[place] as number;
			if (members !== null && (((members[row >>> 5] as number) >>> (row & 31)) & 1) === 0) continue;
			if (inGroup(grouping, row, group)) gathered[at++] = place;
		}
	}
}

function inGroup(grouping: RowGrouping, row: number, group: number): boolean {
	if ('tagOffsets' in grouping) {
		const start = grouping.tagOffsets[row] as number;
		const end = grouping.tagOffsets[row + 1] as number;
		if (start === end) return group === grouping.untagged;
		for (let t = start; t < end; t++) if (grouping.tagCodes[t] === group) return true;
		return false;
	}
	return grouping.codes === null || (grouping.codes[row] as number) - grouping.base === group;
}

/** First pass: each group's selected rows in the population, per bucket of places. */
function countRows(
	{ rankOfRow }: RankedColumn,
	rows: Uint32Array | null,
	groupings: readonly RowGrouping[],
	firstCell: readonly number[],
	shift: number,
	buckets: number,
	counts: Int32Array
): void {
	groupings.forEach((grouping, j) => {
		const offset = firstCell[j] as number;
		if ('tagOffsets' in grouping) {
			const { tagOffsets, tagCodes, untagged } = grouping;
			countTags(rankOfRow, rows, tagOffsets, tagCodes, untagged, shift, buckets, counts, offset);
		} else if (grouping.codes === null) countWhole(rankOfRow, rows, shift, counts, offset);
		else {
			// A loop per grouping: one loop over several code columns of different types ran slower.
			const { codes, base, groupCount } = grouping;
			countCodes(rankOfRow, rows, codes, base, groupCount, shift, buckets, counts, offset);
		}
	});
}

function countWhole(
	rankOfRow: Int32Array,
	rows: Uint32Array | null,
	shift: number,
	counts: Int32Array,
	offset: number
): void {
	if (rows === null)
		for (let row = 0; row < rankOfRow.length; row++) {
			const rank = rankOfRow[row] as number;
			if (rank >= 0) counts[offset + (rank >>> shift)]!++;
		}
	else
		for (let i = 0; i < rows.length; i++) {
			const rank = rankOfRow[rows[i] as number] as number;
			if (rank >= 0) counts[offset + (rank >>> shift)]!++;
		}
}

function countCodes(
	rankOfRow: Int32Array,
	rows: Uint32Array | null,
	codes: ArrayLike<number>,
	base: number,
	groupCount: number,
	shift: number,
	buckets: number,
	counts: Int32Array,
	offset: number
): void {
	const count = rows === null ? rankOfRow.length : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const rank = rankOfRow[row] as number;
		if (rank < 0) continue;
		const group = (codes[row] as number) - base;
		if (group >= 0 && group < groupCount) counts[offset + group * buckets + (rank >>> shift)]!++;
	}
}

function countTags(
	rankOfRow: Int32Array,
	rows: Uint32Array | null,
	tagOffsets: ArrayLike<number>,
	tagCodes: ArrayLike<number>,
	untagged: number,
	shift: number,
	buckets: number,
	counts: Int32Array,
	offset: number
): void {
	const count = rows === null ? rankOfRow.length : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const rank = rankOfRow[row] as number;
		if (rank < 0) continue;
		const bucket = offset + (rank >>> shift);
		const end = tagOffsets[row + 1] as number;
		let t = tagOffsets[row] as number;
		if (t === end) counts[bucket + untagged * buckets]!++;
		for (; t < end; t++) counts[bucket + (tagCodes[t] as number) * buckets]!++;
	}
}

/** Second pass: the places of the rows in the wanted (group, bucket) cells, slot by slot. */
function gatherPlaces(
	{ rankOfRow }: RankedColumn,
	rows: Uint32Array | null,
	groupings: readonly RowGrouping[],
	firstCell: readonly number[],
	shift: number,
	buckets: number,
	slotOfCell: Int32Array,
	cursor: Int32Array,
	gathered: Int32Array
): void {
	groupings.forEach((grouping, j) => {
		const offset = firstCell[j] as number;
		if ('tagOffsets' in grouping) {
			const { tagOffsets, tagCodes, untagged } = grouping;
			// prettier-ignore
			gatherTags(rankOfRow, rows, tagOffsets, tagCodes, untagged, shift, buckets, slotOfCell, cursor, gathered, offset);
		} else if (grouping.codes === null)
			gatherWhole(rankOfRow, rows, shift, slotOfCell, cursor, gathered, offset);
		else {
			const { codes, base, groupCount } = grouping;
			// prettier-ignore
			gatherCodes(rankOfRow, rows, codes, base, groupCount, shift, buckets, slotOfCell, cursor, gathered, offset);
		}
	});
}

function gatherWhole(
	rankOfRow: Int32Array,
	rows: Uint32Array | null,
	shift: number,
	slotOfCell: Int32Array,
	cursor: Int32Array,
	gathered: Int32Array,
	offset: number
): void {
	const count = rows === null ? rankOfRow.length : rows.length;
	for (let i = 0; i < count; i++) {
		const rank = rankOfRow[rows === null ? i : (rows[i] as number)] as number;
		if (rank < 0) continue;
		const slot = slotOfCell[offset + (rank >>> shift)] as number;
		if (slot >= 0) gathered[cursor[slot]!++] = rank;
	}
}

function gatherCodes(
	rankOfRow: Int32Array,
	rows: Uint32Array | null,
	codes: ArrayLike<number>,
	base: number,
	groupCount: number,
	shift: number,
	buckets: number,
	slotOfCell: Int32Array,
	cursor: Int32Array,
	gathered: Int32Array,
	offset: number
): void {
	const count = rows === null ? rankOfRow.length : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const rank = rankOfRow[row] as number;
		if (rank < 0) continue;
		const group = (codes[row] as number) - base;
		if (group < 0 || group >= groupCount) continue;
		const slot = slotOfCell[offset + group * buckets + (rank >>> shift)] as number;
		if (slot >= 0) gathered[cursor[slot]!++] = rank;
	}
}

function gatherTags(
	rankOfRow: Int32Array,
	rows: Uint32Array | null,
	tagOffsets: ArrayLike<number>,
	tagCodes: ArrayLike<number>,
	untagged: number,
	shift: number,
	buckets: number,
	slotOfCell: Int32Array,
	cursor: Int32Array,
	gathered: Int32Array,
	offset: number
): void {
	const count = rows === null ? rankOfRow.length : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const rank = rankOfRow[row] as number;
		if (rank < 0) continue;
		const bucket = offset + (rank >>> shift);
		const end = tagOffsets[row + 1] as number;
		let t = tagOffsets[row] as number;
		if (t === end) {
			const slot = slotOfCell[bucket + untagged * buckets] as number;
			if (slot >= 0) gathered[cursor[slot]!++] = rank;
		}
		for (; t < end; t++) {
			const slot = slotOfCell[bucket + (tagCodes[t] as number) * buckets] as number;
			if (slot >= 0) gathered[cursor[slot]!++] = rank;
		}
	}
}

/** The distinct order statistics (0-based, ascending) the quantiles qs of n values read. */
function orderStatisticsOf(n: number, qs: readonly number[]): number[] {
	const stats: number[] = [];
	for (const q of qs) for (const k of orderStatistics(n, q)) if (!stats.includes(k)) stats.push(k);
	return stats.sort((a, b) => a - b);
}

/** The order statistics (0-based) quantile q of n values reads. */
export function orderStatistics(n: number, q: number): number[] {
	if (n === 0) return [];
	const h = (n - 1) * q;
	const lower = Math.floor(h);
	return lower === h ? [lower] : [lower, lower + 1];
}

/** quantileInPlace's result from the order statistics `at(k)`. */
export function quantileAt(n: number, q: number, at: (k: number) => number): number | null {
	if (n === 0) return null;
	const h = (n - 1) * q;
	const lower = Math.floor(h);
	if (lower === h) return at(lower);
	return lerpQuantile(at(lower), at(lower + 1), h - lower);
}
