/** Seeded uniform generator in [0, 1) (mulberry32): simulations and tests repeat exactly. */
export function seededUniform(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Seeded standard normal draws (Box-Muller on `seededUniform`). */
export function seededNormal(seed: number): () => number {
	const uniform = seededUniform(seed);
	return () => {
		const u = Math.max(uniform(), Number.MIN_VALUE);
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
	};
}
