/**
 * Small seeded pseudo-random toolkit for the demo data generator.
 * Everything draws from an explicit `Rng`, never from Math.random, so a seed
 * reproduces the same sequence on every machine.
 */

/** Returns a float in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: 32-bit state, good enough statistically for synthetic data and
 * tiny (a generator object per seed, no global state).
 */
export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Uniform float in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
	return min + (max - min) * rng();
}

/** Uniform integer in [min, max], both inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability `probability`. */
export function chance(rng: Rng, probability: number): boolean {
	return rng() < probability;
}

/**
 * Normal draw via Box-Muller. Uses two uniforms per call and keeps no spare,
 * so the number of draws per call is fixed (easier to keep sequences stable).
 */
export function normal(rng: Rng, mean = 0, standardDeviation = 1): number {
	// 1 - u is in (0, 1], which keeps log() finite.
	const u1 = 1 - rng();
	const u2 = rng();
	const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	return mean + standardDeviation * z;
}

/** Lognormal draw: exp(N(mu, sigma)). Its median is exp(mu). */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
	return Math.exp(normal(rng, mu, sigma));
}

/** Lognormal draw parameterised by its median, which reads better at call sites. */
export function lognormalWithMedian(rng: Rng, median: number, sigma: number): number {
	return lognormal(rng, Math.log(median), sigma);
}

/** Above this lambda Knuth's loop gets slow and the normal approximation is accurate. */
const POISSON_KNUTH_MAX_LAMBDA = 30;

/** Poisson count: Knuth's multiplication method for small lambda, rounded normal otherwise. */
export function poisson(rng: Rng, lambda: number): number {
	if (!(lambda > 0)) return 0;
	if (lambda > POISSON_KNUTH_MAX_LAMBDA) {
		return Math.max(0, Math.round(normal(rng, lambda, Math.sqrt(lambda))));
	}
	const limit = Math.exp(-lambda);
	let count = 0;
	let product = rng();
	while (product > limit) {
		count++;
		product *= rng();
	}
	return count;
}

/** Uniform pick from a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
	const item = items[Math.floor(rng() * items.length)];
	if (item === undefined) throw new Error('pick: empty list');
	return item;
}

/** Weighted pick from `[item, weight]` pairs; weights need not sum to 1. */
export function pickWeighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
	let total = 0;
	for (const [, weight] of entries) total += weight;
	let target = rng() * total;
	for (const [item, weight] of entries) {
		target -= weight;
		if (target < 0) return item;
	}
	// Only reached through float rounding: fall back to the last positive weight.
	for (let index = entries.length - 1; index >= 0; index--) {
		const entry = entries[index];
		if (entry !== undefined && entry[1] > 0) return entry[0];
	}
	throw new Error('pickWeighted: no positive weight');
}

/**
 * Precomputes cumulative weights once, for picking many times from a long list
 * (binary search: O(log n) per pick instead of O(n)).
 */
export function weightedPicker<T>(
	items: readonly T[],
	weights: readonly number[]
): (rng: Rng) => T {
	if (items.length === 0 || items.length !== weights.length) {
		throw new Error('weightedPicker: items and weights must be non-empty and the same length');
	}
	const cumulative = new Float64Array(weights.length);
	let total = 0;
	weights.forEach((weight, index) => {
		total += Math.max(0, weight);
		cumulative[index] = total;
	});
	if (!(total > 0)) throw new Error('weightedPicker: no positive weight');
	return (rng) => {
		const target = rng() * total;
		let low = 0;
		let high = cumulative.length - 1;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if ((cumulative[middle] ?? total) > target) high = middle;
			else low = middle + 1;
		}
		return items[low] as T;
	};
}
