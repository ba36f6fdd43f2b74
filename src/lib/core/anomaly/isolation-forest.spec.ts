import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/random';
import { averagePathLength, fitIsolationForest, scoreIsolation } from './isolation-forest';

function cloud(seed: number, n: number, dims: number): number[][] {
	const rng = mulberry32(seed);
	const gaussian = () =>
		Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
	return Array.from({ length: n }, () => Array.from({ length: dims }, gaussian));
}

describe('Isolation Forest', () => {
	it('c(n) is the textbook normaliser', () => {
		expect(averagePathLength(1)).toBe(0);
		expect(averagePathLength(2)).toBe(1);
		// c(256) = 2(ln 255 + γ) − 2·255/256 = 10.2448…
		expect(averagePathLength(256)).toBeCloseTo(2 * (Math.log(255) + 0.5772156649) - 510 / 256, 9);
	});

	it('isolates planted outliers: they rank above every ordinary point', () => {
		const rows = cloud(7, 2000, 4);
		// Extreme on two features or more: one extreme feature among four central ones is the
		// known blind spot of axis-parallel splits (3/4 of the splits do not help), see docs.
		const outliers = [
			[6, 6, 0, 0],
			[0, -6, -6, 0],
			[5, 5, 5, 5]
		];
		const data = [...rows, ...outliers];
		const forest = fitIsolationForest(data, { seed: 3 });
		const scores = data.map((row) => scoreIsolation(forest, row).score);
		const ranked = scores
			.map((score, index) => ({ score, index }))
			.sort((a, b) => b.score - a.score)
			.slice(0, 3)
			.map((entry) => entry.index)
			.sort((a, b) => a - b);
		expect(ranked).toEqual([2000, 2001, 2002]);
		for (const score of scores) {
			expect(score).toBeGreaterThan(0);
			expect(score).toBeLessThanOrEqual(1);
		}
		// Ordinary points sit near or below 0.5; the outliers well above.
		const median = [...scores].sort((a, b) => a - b)[1000]!;
		expect(median).toBeLessThan(0.5);
		expect(scores[2000]!).toBeGreaterThan(0.65);
	});

	it('attributes an outlier to the feature it is extreme on', () => {
		const data = [...cloud(11, 1000, 3), [0, 9, 12]];
		const forest = fitIsolationForest(data, { seed: 5 });
		const { attribution } = scoreIsolation(forest, [0, 9, 12]);
		// The central feature 0 rarely makes the isolating cut.
		expect(attribution[0]).toBeLessThan(0.2);
		expect(attribution[1]! + attribution[2]!).toBeGreaterThan(0.8);
		expect(attribution[0]! + attribution[1]! + attribution[2]!).toBeCloseTo(1, 12);
	});

	it('is deterministic for a seed and differs across seeds', () => {
		const data = cloud(1, 500, 3);
		const a = fitIsolationForest(data, { seed: 9 });
		const b = fitIsolationForest(data, { seed: 9 });
		const c = fitIsolationForest(data, { seed: 10 });
		const x = [1.5, -0.3, 2];
		expect(scoreIsolation(a, x).score).toBe(scoreIsolation(b, x).score);
		expect(scoreIsolation(a, x).score).not.toBe(scoreIsolation(c, x).score);
	});

	it('gives 0.5-ish to points of a constant feature set and copes with tiny inputs', () => {
		const same = Array.from({ length: 50 }, () => [1, 1]);
		const forest = fitIsolationForest(same);
		// No split is possible: every path ends at the root holding all 50 rows, h = c(50) = c(ψ).
		expect(scoreIsolation(forest, [1, 1]).score).toBeCloseTo(0.5, 12);
		expect(scoreIsolation(fitIsolationForest([[3]]), [3]).score).toBe(0.5);
	});
});
