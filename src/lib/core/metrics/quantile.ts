/**
 * Quantiles over sorted samples, matching numpy's default (`method='linear'`), so figures can be
 * checked against a notebook: h = (n - 1)·q, then interpolate between the neighbours of h.
 */

/** The q-quantile (0 ≤ q ≤ 1) of ascending `sorted`; null when there are no values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}`);
	const h = (n - 1) * q;
	const lowerIndex = Math.floor(h);
	const upperIndex = Math.min(lowerIndex + 1, n - 1);
	const lower = sorted[lowerIndex] ?? NaN;
	const upper = sorted[upperIndex] ?? NaN;
	return lerpQuantile(lower, upper, h - lowerIndex);
}

/** numpy's `_lerp`: interpolating from the nearer end keeps results exact at t = 1 and monotone. */
export function lerpQuantile(a: number, b: number, t: number): number {
	const diff = b - a;
	return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

export function median(sorted: ArrayLike<number>): number | null {
	return quantileSorted(sorted, 0.5);
}

export function p90(sorted: ArrayLike<number>): number | null {
	return quantileSorted(sorted, 0.9);
}

/**
 * The q-quantile of `values` (finite numbers, any order), equal to quantileSorted of the sorted
 * values, found by selection in O(n) instead of an O(n log n) sort (a 1M-value sort costs ~120 ms).
 * Reorders `values` in place; several quantiles of the same array may be taken in turn.
 */
export function quantileInPlace(values: Float64Array, q: number): number | null {
	const n = values.length;
	if (n === 0) return null;
	if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}`);
	const h = (n - 1) * q;
	const lowerIndex = Math.floor(h);
	selectKth(values, lowerIndex);
	const lower = values[lowerIndex] ?? NaN;
	if (lowerIndex === h) return lower;
	// After selection everything right of lowerIndex is >= lower; the next order statistic is their minimum.
	let upper = Infinity;
	for (let i = lowerIndex + 1; i < n; i++) {
		const value = values[i] ?? Infinity;
		if (value < upper) upper = value;
	}
	return lerpQuantile(lower, upper, h - lowerIndex);
}

/** Below this size a native sort beats partitioning. */
const SMALL_RANGE = 32;

/**
 * Moves the k-th smallest value to index k, smaller-or-equal values before it and
 * greater-or-equal after (quickselect, median-of-three pivot, Hoare partition so runs of equal
 * values split evenly). Falls back to sorting the range if partitions keep coming out lopsided.
 */
function selectKth(values: Float64Array, k: number): void {
	let left = 0;
	let right = values.length - 1;
	let budget = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
	while (right > left) {
		if (right - left < SMALL_RANGE || budget-- === 0) {
			values.subarray(left, right + 1).sort();
			return;
		}
		const pivot = medianOfThree(values, left, (left + right) >>> 1, right);
		let i = left;
		let j = right;
		while (i <= j) {
			while ((values[i] ?? Infinity) < pivot) i++;
			while ((values[j] ?? -Infinity) > pivot) j--;
			if (i <= j) {
				const swap = values[i] ?? NaN;
				values[i] = values[j] ?? NaN;
				values[j] = swap;
				i++;
				j--;
			}
		}
		// Now [left, j] <= pivot <= [i, right], and anything between equals the pivot.
		if (k <= j) right = j;
		else if (k >= i) left = i;
		else return;
	}
}

function medianOfThree(values: Float64Array, a: number, b: number, c: number): number {
	const x = values[a] ?? NaN;
	const y = values[b] ?? NaN;
	const z = values[c] ?? NaN;
	if (x < y) return y < z ? y : x < z ? z : x;
	return x < z ? x : y < z ? z : y;
}

/**
 * The finite values among the first `length` entries of `values` (absent = NaN), ascending.
 * Columns are allocated with spare capacity, hence the explicit length.
 */
export function sortedFiniteValues(values: Float64Array, length = values.length): Float64Array {
	const end = Math.min(length, values.length);
	const out = new Float64Array(end);
	let count = 0;
	for (let i = 0; i < end; i++) {
		const value = values[i] ?? NaN;
		if (Number.isFinite(value)) out[count++] = value;
	}
	// Typed-array sort is numeric (no comparator needed) and much faster than Array#sort.
	return out.subarray(0, count).sort();
}
