/**
 * LOESS on equally spaced points 0..n−1 (tricube weights, local constant or linear fit), as in
 * STL: `span` neighbours (odd), evaluated at any x, including just outside the data.
 */
export function loessAt(values: ArrayLike<number>, x: number, span: number, degree: 0 | 1): number {
	const n = values.length;
	const q = Math.min(span, n);
	// The q nearest integer positions to x, clipped to the data.
	let left = Math.round(x) - Math.floor((q - 1) / 2);
	left = Math.max(0, Math.min(left, n - q));
	const right = left + q - 1;
	let maxDistance = Math.max(x - left, right - x);
	if (span > n) maxDistance += (span - n) / 2;
	const limit = maxDistance * 1.000001 + 1e-12;
	let sumWeights = 0;
	let sumX = 0;
	let sumY = 0;
	let sumXX = 0;
	let sumXY = 0;
	for (let i = left; i <= right; i++) {
		const u = Math.abs(i - x) / limit;
		const cube = 1 - u * u * u;
		const w = u < 1 ? cube * cube * cube : 0;
		const y = values[i]!;
		sumWeights += w;
		sumY += w * y;
		sumX += w * i;
		sumXX += w * i * i;
		sumXY += w * i * y;
	}
	if (sumWeights <= 0) return NaN;
	const meanY = sumY / sumWeights;
	if (degree === 0) return meanY;
	const meanX = sumX / sumWeights;
	const spread = sumXX / sumWeights - meanX * meanX;
	// Nearly no spread in x (e.g. one point): the local mean is the best line.
	if (spread <= 1e-12 * (right - left + 1) ** 2) return meanY;
	const slope = (sumXY / sumWeights - meanX * meanY) / spread;
	return meanY + slope * (x - meanX);
}

/**
 * LOESS at every position 0..n−1. As R's stl, it fits only every `jump`-th position (and the
 * last) and interpolates linearly in between: the default ⌈span/10⌉ makes wide trend windows
 * ten times cheaper for a difference far below the noise.
 */
export function loessSmooth(
	values: ArrayLike<number>,
	span: number,
	degree: 0 | 1,
	jump = Math.max(1, Math.ceil(span / 10))
): Float64Array {
	const n = values.length;
	const result = new Float64Array(n);
	if (n === 0) return result;
	let previous = 0;
	result[0] = loessAt(values, 0, span, degree);
	for (let i = Math.min(jump, n - 1); i > previous; i = Math.min(i + jump, n - 1)) {
		result[i] = loessAt(values, i, span, degree);
		const gap = i - previous;
		for (let k = 1; k < gap; k++) {
			result[previous + k] = result[previous]! + ((result[i]! - result[previous]!) * k) / gap;
		}
		previous = i;
	}
	return result;
}

/** Moving average of `window` consecutive values; output length n − window + 1. */
export function movingAverage(values: ArrayLike<number>, window: number): Float64Array {
	const n = values.length - window + 1;
	const result = new Float64Array(Math.max(n, 0));
	let sum = 0;
	for (let i = 0; i < window; i++) sum += values[i]!;
	for (let i = 0; i < n; i++) {
		result[i] = sum / window;
		if (i + window < values.length) sum += values[i + window]! - values[i]!;
	}
	return result;
}
