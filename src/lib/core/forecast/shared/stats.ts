/** Arithmetic mean of `values[from..to)`; NaN for an empty range. */
export function mean(values: ArrayLike<number>, from = 0, to = values.length): number {
	let sum = 0;
	for (let i = from; i < to; i++) sum += values[i]!;
	return to > from ? sum / (to - from) : NaN;
}

/** Sample autocorrelations r_1..r_maxLag as R's acf() computes them (denominator n). */
export function autocorrelations(values: ArrayLike<number>, maxLag: number): Float64Array {
	const n = values.length;
	const centre = mean(values);
	let variance = 0;
	for (let i = 0; i < n; i++) variance += (values[i]! - centre) ** 2;
	const result = new Float64Array(maxLag);
	if (variance === 0) return result;
	for (let lag = 1; lag <= maxLag && lag < n; lag++) {
		let sum = 0;
		for (let i = lag; i < n; i++) sum += (values[i]! - centre) * (values[i - lag]! - centre);
		result[lag - 1] = sum / variance;
	}
	return result;
}

/** Root mean square of the finite values; NaN when there are none. */
export function rootMeanSquare(values: ArrayLike<number>): number {
	let sum = 0;
	let count = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i]!;
		if (!Number.isFinite(value)) continue;
		sum += value * value;
		count++;
	}
	return count > 0 ? Math.sqrt(sum / count) : NaN;
}

/** Median of a copy of the values (the input is not reordered). */
export function median(values: ArrayLike<number>): number {
	const sorted = Float64Array.from(values).sort();
	const n = sorted.length;
	if (n === 0) return NaN;
	const half = n >> 1;
	return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}
