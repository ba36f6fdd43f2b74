/**
 * The last `capacity` values of a stream, kept both in arrival order (a ring) and sorted, so
 * quantiles and tail counts cost a binary search. Plain arrays: the state structured-clones
 * into IndexedDB or across a worker boundary as it is.
 */
export interface SortedWindow {
	readonly capacity: number;
	/** Arrival order; once full, `next` is the oldest slot (overwritten by the next push). */
	readonly ring: number[];
	next: number;
	readonly sorted: number[];
}

export function createSortedWindow(capacity: number): SortedWindow {
	return { capacity, ring: [], next: 0, sorted: [] };
}

/** First index whose value is >= x (or > x when `strict`). */
function lowerBound(sorted: readonly number[], x: number, strict = false): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		const value = sorted[mid]!;
		if (value < x || (strict && value === x)) low = mid + 1;
		else high = mid;
	}
	return low;
}

export function pushValue(window: SortedWindow, x: number): void {
	if (window.ring.length < window.capacity) {
		window.ring.push(x);
	} else {
		const oldest = window.ring[window.next]!;
		window.sorted.splice(lowerBound(window.sorted, oldest), 1);
		window.ring[window.next] = x;
		window.next = (window.next + 1) % window.capacity;
	}
	window.sorted.splice(lowerBound(window.sorted, x), 0, x);
}

export function windowSize(window: SortedWindow): number {
	return window.sorted.length;
}

/** Linear-interpolated quantile, q in [0, 1]; NaN when empty. */
export function quantile(window: SortedWindow, q: number): number {
	const { sorted } = window;
	if (sorted.length === 0) return Number.NaN;
	const position = q * (sorted.length - 1);
	const below = Math.floor(position);
	const above = Math.min(below + 1, sorted.length - 1);
	const low = sorted[below]!;
	return low + (sorted[above]! - low) * (position - below);
}

/** How many stored values are >= x. */
export function countAtLeast(window: SortedWindow, x: number): number {
	return window.sorted.length - lowerBound(window.sorted, x);
}

/** How many stored values are > x. */
export function countAbove(window: SortedWindow, x: number): number {
	return window.sorted.length - lowerBound(window.sorted, x, true);
}

/** The most recent value pushed `lag` steps ago (0 = latest); NaN when not stored. */
export function recentValue(window: SortedWindow, lag: number): number {
	const size = window.ring.length;
	if (lag >= size) return Number.NaN;
	const latest = size < window.capacity ? size - 1 : (window.next - 1 + size) % size;
	return window.ring[(latest - lag + size) % size]!;
}
