import { lerpQuantile } from '../metrics/quantile';

/**
 * A column's values in ascending order with each row's place in that order, built once per
 * data version. Any quantile of any row selection then needs no sort and no selection pass
 * over copied values: mark the selected rows' places, walk the places in order and stop at
 * the k-th mark. Exactly the numbers quantileInPlace gives on the selected values (the same
 * order statistics, interpolated by the same lerp).
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

/**
 * Scratch arrays reused across calls (cleared for each): a filter change asks for a dozen
 * medians over up to 1M places, and fresh 1-4 MB arrays each time keep the collector busy.
 */
let marksBuffer = new Uint8Array(0);
let groupsBuffer = new Int32Array(0);

function scratchMarks(length: number): Uint8Array {
	if (marksBuffer.length < length) marksBuffer = new Uint8Array(length);
	const marks = marksBuffer.subarray(0, length);
	marks.fill(0);
	return marks;
}

function scratchGroups(length: number): Int32Array {
	if (groupsBuffer.length < length) groupsBuffer = new Int32Array(length);
	const groups = groupsBuffer.subarray(0, length);
	groups.fill(-1);
	return groups;
}

/** The q-quantiles of the population's values among `rows` (null = all rows), with n. */
export function rankedQuantiles(
	ranked: RankedColumn,
	rows: Uint32Array | null,
	qs: readonly number[]
): { values: (number | null)[]; n: number } {
	const { sorted, rankOfRow } = ranked;
	if (rows === null) {
		const n = sorted.length;
		return { values: qs.map((q) => quantileAt(n, q, (k) => sorted[k] as number)), n };
	}
	if (isSmallSelection(rows.length, sorted.length)) {
		// A few rows: sort their places instead of walking every place of the column.
		const places = selectedPlaces(rankOfRow, rows);
		return {
			values: qs.map((q) =>
				quantileAt(places.length, q, (k) => sorted[places[k] as number] as number)
			),
			n: places.length
		};
	}
	const marks = scratchMarks(sorted.length);
	let n = 0;
	for (let i = 0; i < rows.length; i++) {
		const rank = rankOfRow[rows[i] as number] as number;
		if (rank >= 0) {
			marks[rank] = 1;
			n++;
		}
	}
	// The order statistics the quantiles need, ascending; one walk finds them all.
	const wanted = [...new Set(qs.flatMap((q) => orderStatistics(n, q)))].sort((a, b) => a - b);
	const found = new Map<number, number>();
	let next = 0;
	let seen = 0;
	for (let rank = 0; rank < marks.length && next < wanted.length; rank++) {
		if (marks[rank] === 0) continue;
		while (next < wanted.length && wanted[next] === seen) {
			found.set(seen, sorted[rank] as number);
			next++;
		}
		seen++;
	}
	return { values: qs.map((q) => quantileAt(n, q, (k) => found.get(k) as number)), n };
}

/**
 * rankedQuantiles of two selections (a period and the one before it) in one walk over the
 * places: each place is marked with the selections it belongs to. Equal to two separate calls.
 */
export function rankedQuantilesOfTwo(
	ranked: RankedColumn,
	first: Uint32Array,
	second: Uint32Array,
	qs: readonly number[]
): [{ values: (number | null)[]; n: number }, { values: (number | null)[]; n: number }] {
	const { sorted, rankOfRow } = ranked;
	if (
		isSmallSelection(first.length, sorted.length) ||
		isSmallSelection(second.length, sorted.length)
	)
		return [rankedQuantiles(ranked, first, qs), rankedQuantiles(ranked, second, qs)];
	const marks = scratchMarks(sorted.length);
	const counts = [0, 0];
	[first, second].forEach((rows, index) => {
		const bit = 1 << index;
		for (let i = 0; i < rows.length; i++) {
			const rank = rankOfRow[rows[i] as number] as number;
			if (rank >= 0 && (marks[rank]! & bit) === 0) {
				marks[rank] = marks[rank]! | bit;
				counts[index]!++;
			}
		}
	});
	const wanted = counts.map((n) =>
		[...new Set(qs.flatMap((q) => orderStatistics(n, q)))].sort((a, b) => a - b)
	) as [number[], number[]];
	const found = [new Map<number, number>(), new Map<number, number>()];
	const next = [0, 0];
	const seen = [0, 0];
	for (
		let rank = 0;
		rank < marks.length && (next[0]! < wanted[0].length || next[1]! < wanted[1].length);
		rank++
	) {
		const mark = marks[rank] as number;
		if (mark === 0) continue;
		for (let index = 0; index < 2; index++) {
			if ((mark & (1 << index)) === 0) continue;
			const list = wanted[index as 0 | 1];
			while (next[index]! < list.length && list[next[index]!] === seen[index]) {
				found[index]!.set(seen[index]!, sorted[rank] as number);
				next[index]!++;
			}
			seen[index]!++;
		}
	}
	return [0, 1].map((index) => ({
		values: qs.map((q) => quantileAt(counts[index]!, q, (k) => found[index]!.get(k) as number)),
		n: counts[index]!
	})) as [{ values: (number | null)[]; n: number }, { values: (number | null)[]; n: number }];
}

/** Where a KPI computation gets its ranked quantiles (rankedQuantiles by default). */
export type QuantileSource = (
	ranked: RankedColumn,
	rows: Uint32Array | null,
	qs: readonly number[]
) => { values: (number | null)[]; n: number };

/**
 * Two quantile sources, for `first` and `second`, that answer each column's quantiles for
 * both selections from one rankedQuantilesOfTwo walk (the tiles and their previous period).
 */
export function pairedQuantileSources(
	first: Uint32Array,
	second: Uint32Array
): [QuantileSource, QuantileSource] {
	const pairs = new Map<RankedColumn, Map<string, ReturnType<typeof rankedQuantilesOfTwo>>>();
	const source =
		(index: 0 | 1, own: Uint32Array): QuantileSource =>
		(ranked, rows, qs) => {
			if (rows !== own) return rankedQuantiles(ranked, rows, qs);
			let byQs = pairs.get(ranked);
			if (byQs === undefined) pairs.set(ranked, (byQs = new Map()));
			const key = qs.join(',');
			let pair = byQs.get(key);
			if (pair === undefined)
				byQs.set(key, (pair = rankedQuantilesOfTwo(ranked, first, second, qs)));
			return pair[index];
		};
	return [source(0, first), source(1, second)];
}

/**
 * A row's group as a code column: group = codes[row] - base, and a row whose group falls
 * outside 0..groupCount-1 is left out. Loops over a column beat a callback per row.
 */
export interface GroupCodes {
	codes: ArrayLike<number>;
	base: number;
}

/**
 * The median per group of the population's values among `rows` (null = all rows), one walk
 * over the places: `groupOf(row)` in 0..groupCount-1, or -1 to leave the row out (or the
 * group as a code column, see GroupCodes).
 */
export function rankedGroupMedians(
	ranked: RankedColumn,
	rows: Uint32Array | null,
	groupOf: ((row: number) => number) | GroupCodes,
	groupCount: number
): { medians: (number | null)[]; n: Uint32Array } {
	const groupFn =
		typeof groupOf === 'function'
			? groupOf
			: (row: number) => {
					const group = (groupOf.codes[row] as number) - groupOf.base;
					return group >= 0 && group < groupCount ? group : -1;
				};
	const { sorted, rankOfRow } = ranked;
	if (rows !== null && isSmallSelection(rows.length, sorted.length))
		return smallGroupMedians(ranked, rows, groupFn, groupCount);
	const groupAtRank = scratchGroups(sorted.length);
	const n = new Uint32Array(groupCount);
	if (typeof groupOf !== 'function')
		placeByCodes(ranked, rows, groupOf, groupCount, groupAtRank, n);
	else {
		const place = (row: number) => {
			const rank = rankOfRow[row] as number;
			if (rank < 0) return;
			const group = groupOf(row);
			if (group < 0) return;
			groupAtRank[rank] = group;
			n[group] = (n[group] as number) + 1;
		};
		if (rows === null) for (let row = 0; row < rankOfRow.length; row++) place(row);
		else for (let i = 0; i < rows.length; i++) place(rows[i] as number);
	}
	return mediansAtRanks(sorted, groupAtRank, n);
}

/** One grouping of rankedGroupMediansOfTwo: the code column and the number of groups. */
export interface Grouping extends GroupCodes {
	groupCount: number;
}

/** A grouping's running median state during the walk. */
interface MedianWalk {
	n: Uint32Array;
	low: Float64Array;
	high: Float64Array;
	lowIndex: Int32Array;
	seen: Uint32Array;
}

function medianWalk(groupCount: number): MedianWalk {
	return {
		n: new Uint32Array(groupCount),
		low: new Float64Array(groupCount),
		high: new Float64Array(groupCount),
		lowIndex: new Int32Array(groupCount),
		seen: new Uint32Array(groupCount)
	};
}

let pairGroupsBuffer = new Int32Array(0);
/** A place's group in a grouping it falls outside of (packed pairs stay positive). */
const NO_GROUP = 0x7fff;

/**
 * rankedGroupMedians for two groupings of the same selection (agent and channel) with one
 * clear, one placement pass and one walk over the places instead of one each per grouping
 * (each place holds both groups, packed). Equal to one rankedGroupMedians call per grouping.
 */
export function rankedGroupMediansOfTwo(
	ranked: RankedColumn,
	rows: Uint32Array | null,
	first: Grouping,
	second: Grouping
): [
	{ medians: (number | null)[]; n: Uint32Array },
	{ medians: (number | null)[]; n: Uint32Array }
] {
	const { sorted, rankOfRow } = ranked;
	if (
		(rows !== null && isSmallSelection(rows.length, sorted.length)) ||
		first.groupCount >= NO_GROUP ||
		second.groupCount >= NO_GROUP
	)
		return [
			rankedGroupMedians(ranked, rows, first, first.groupCount),
			rankedGroupMedians(ranked, rows, second, second.groupCount)
		];
	// Per place: first group in the high 16 bits, second in the low (NO_GROUP = not in it); -1 = not selected.
	if (pairGroupsBuffer.length < sorted.length) pairGroupsBuffer = new Int32Array(sorted.length);
	const groupsAtRank = pairGroupsBuffer.subarray(0, sorted.length);
	groupsAtRank.fill(-1);
	const a = medianWalk(first.groupCount);
	const b = medianWalk(second.groupCount);
	const aCodes = first.codes;
	const bCodes = second.codes;
	const aCount = first.groupCount;
	const bCount = second.groupCount;
	const count = rows === null ? rankOfRow.length : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const rank = rankOfRow[row] as number;
		if (rank < 0) continue;
		let aGroup = (aCodes[row] as number) - first.base;
		if (aGroup >= 0 && aGroup < aCount) a.n[aGroup] = (a.n[aGroup] as number) + 1;
		else aGroup = NO_GROUP;
		let bGroup = (bCodes[row] as number) - second.base;
		if (bGroup >= 0 && bGroup < bCount) b.n[bGroup] = (b.n[bGroup] as number) + 1;
		else bGroup = NO_GROUP;
		if (aGroup !== NO_GROUP || bGroup !== NO_GROUP) groupsAtRank[rank] = (aGroup << 16) | bGroup;
	}
	for (const walk of [a, b])
		for (let group = 0; group < walk.n.length; group++)
			walk.lowIndex[group] = Math.floor(((walk.n[group] as number) - 1) * 0.5);
	for (let rank = 0; rank < groupsAtRank.length; rank++) {
		const packed = groupsAtRank[rank] as number;
		if (packed < 0) continue;
		const value = sorted[rank] as number;
		const aGroup = packed >> 16;
		if (aGroup !== NO_GROUP) {
			const index = a.seen[aGroup] as number;
			a.seen[aGroup] = index + 1;
			const target = a.lowIndex[aGroup] as number;
			if (index === target) a.low[aGroup] = value;
			else if (index === target + 1) a.high[aGroup] = value;
		}
		const bGroup = packed & 0xffff;
		if (bGroup !== NO_GROUP) {
			const index = b.seen[bGroup] as number;
			b.seen[bGroup] = index + 1;
			const target = b.lowIndex[bGroup] as number;
			if (index === target) b.low[bGroup] = value;
			else if (index === target + 1) b.high[bGroup] = value;
		}
	}
	const result = (walk: MedianWalk) => {
		const medians: (number | null)[] = [];
		for (let group = 0; group < walk.n.length; group++)
			medians.push(
				quantileAt(walk.n[group] as number, 0.5, (k) =>
					k === walk.lowIndex[group] ? (walk.low[group] as number) : (walk.high[group] as number)
				)
			);
		return { medians, n: walk.n };
	};
	return [result(a), result(b)];
}

/** Each selected row's group at its place, and the count per group (no callback per row). */
function placeByCodes(
	ranked: RankedColumn,
	rows: Uint32Array | null,
	{ codes, base }: GroupCodes,
	groupCount: number,
	groupAtRank: Int32Array,
	n: Uint32Array
): void {
	const { rankOfRow } = ranked;
	const count = rows === null ? rankOfRow.length : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const rank = rankOfRow[row] as number;
		if (rank < 0) continue;
		const group = (codes[row] as number) - base;
		if (group < 0 || group >= groupCount) continue;
		groupAtRank[rank] = group;
		n[group] = (n[group] as number) + 1;
	}
}

/** The median per group from each place's group (-1 = none), in one walk over the places. */
function mediansAtRanks(
	sorted: Float64Array,
	groupAtRank: Int32Array,
	n: Uint32Array
): { medians: (number | null)[]; n: Uint32Array } {
	const groupCount = n.length;
	// Median = order statistic floor(h), and the next one when h is not whole.
	const low = new Float64Array(groupCount);
	const high = new Float64Array(groupCount);
	const lowIndex = new Int32Array(groupCount);
	for (let group = 0; group < groupCount; group++)
		lowIndex[group] = Math.floor(((n[group] as number) - 1) * 0.5);
	const seen = new Uint32Array(groupCount);
	for (let rank = 0; rank < groupAtRank.length; rank++) {
		const group = groupAtRank[rank] as number;
		if (group < 0) continue;
		const index = seen[group] as number;
		seen[group] = index + 1;
		const target = lowIndex[group] as number;
		if (index === target) low[group] = sorted[rank] as number;
		else if (index === target + 1) high[group] = sorted[rank] as number;
	}
	const medians: (number | null)[] = [];
	for (let group = 0; group < groupCount; group++) {
		const count = n[group] as number;
		medians.push(
			quantileAt(count, 0.5, (k) => (k === lowIndex[group] ? low[group] : high[group]) as number)
		);
	}
	return { medians, n };
}

/**
 * Whether sorting the selected rows' places beats walking all of the column's places: a
 * typed-array sort of m places costs about m·log2(m) steps, the walk (clear + scan) 2·size.
 */
function isSmallSelection(selected: number, size: number): boolean {
	return selected * Math.log2(selected + 2) < size / 2;
}

/** The places of the selected rows in the population, ascending. */
function selectedPlaces(rankOfRow: Int32Array, rows: Uint32Array): Int32Array {
	const places = new Int32Array(rows.length);
	let count = 0;
	for (let i = 0; i < rows.length; i++) {
		const rank = rankOfRow[rows[i] as number] as number;
		if (rank >= 0) places[count++] = rank;
	}
	return places.subarray(0, count).sort();
}

/** rankedGroupMedians for a few rows: their places sorted, then one pass over those only. */
function smallGroupMedians(
	ranked: RankedColumn,
	rows: Uint32Array,
	groupOf: (row: number) => number,
	groupCount: number
): { medians: (number | null)[]; n: Uint32Array } {
	const { sorted, rankOfRow } = ranked;
	// Written only at the places read below, so it needs no clearing.
	const groupAtRank =
		groupsBuffer.length >= sorted.length ? groupsBuffer : scratchGroups(sorted.length);
	const n = new Uint32Array(groupCount);
	const places = new Int32Array(rows.length);
	let count = 0;
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i] as number;
		const rank = rankOfRow[row] as number;
		if (rank < 0) continue;
		const group = groupOf(row);
		if (group < 0) continue;
		groupAtRank[rank] = group;
		n[group] = (n[group] as number) + 1;
		places[count++] = rank;
	}
	const ordered = places.subarray(0, count).sort();
	const low = new Float64Array(groupCount);
	const high = new Float64Array(groupCount);
	const lowIndex = new Int32Array(groupCount);
	for (let group = 0; group < groupCount; group++)
		lowIndex[group] = Math.floor(((n[group] as number) - 1) * 0.5);
	const seen = new Uint32Array(groupCount);
	for (let i = 0; i < ordered.length; i++) {
		const rank = ordered[i] as number;
		const group = groupAtRank[rank] as number;
		const index = seen[group] as number;
		seen[group] = index + 1;
		const target = lowIndex[group] as number;
		if (index === target) low[group] = sorted[rank] as number;
		else if (index === target + 1) high[group] = sorted[rank] as number;
	}
	const medians: (number | null)[] = [];
	for (let group = 0; group < groupCount; group++)
		medians.push(
			quantileAt(n[group] as number, 0.5, (k) =>
				k === lowIndex[group] ? (low[group] as number) : (high[group] as number)
			)
		);
	return { medians, n };
}

/** The order statistics (0-based) quantile q of n values reads. */
function orderStatistics(n: number, q: number): number[] {
	if (n === 0) return [];
	const h = (n - 1) * q;
	const lower = Math.floor(h);
	return lower === h ? [lower] : [lower, lower + 1];
}

/** quantileInPlace's result from the order statistics `at(k)`. */
function quantileAt(n: number, q: number, at: (k: number) => number): number | null {
	if (n === 0) return null;
	const h = (n - 1) * q;
	const lower = Math.floor(h);
	if (lower === h) return at(lower);
	return lerpQuantile(at(lower), at(lower + 1), h - lower);
}
