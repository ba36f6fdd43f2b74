import { describe, expect, it } from 'vitest';
import { median, p90, quantileInPlace, quantileSorted, sortedFiniteValues } from './quantile';

// Expected values are numpy.quantile(..., method='linear'), worked by hand: h = (n - 1)·q.
describe('quantileSorted', () => {
	it('interpolates like numpy on an even count', () => {
		const values = [1, 2, 3, 4];
		expect(median(values)).toBe(2.5); // h = 1.5
		expect(p90(values)).toBeCloseTo(3.7, 12); // h = 2.7 → 3 + 0.7·1
		expect(quantileSorted(values, 0.25)).toBe(1.75); // h = 0.75
	});

	it('interpolates like numpy on an odd count', () => {
		const values = [1, 2, 3];
		expect(median(values)).toBe(2); // h = 1, exact element
		expect(p90(values)).toBeCloseTo(2.8, 12); // h = 1.8
	});

	it('handles uneven gaps', () => {
		const values = [1, 3, 7, 15, 31, 63];
		expect(median(values)).toBe(11); // h = 2.5 → 7 + 0.5·8
		expect(p90(values)).toBe(47); // h = 4.5 → 31 + 0.5·32
		expect(quantileSorted([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46, 12); // h = 3.6
	});

	it('returns the extremes at q = 0 and q = 1', () => {
		expect(quantileSorted([2, 5, 9], 0)).toBe(2);
		expect(quantileSorted([2, 5, 9], 1)).toBe(9);
	});

	it('returns the only value of a single-element sample', () => {
		expect(median([42])).toBe(42);
		expect(p90([42])).toBe(42);
	});

	it('returns null for an empty sample', () => {
		expect(median([])).toBeNull();
		expect(p90(new Float64Array(0))).toBeNull();
	});

	it('accepts typed arrays', () => {
		expect(median(new Float64Array([1, 2, 3, 4]))).toBe(2.5);
	});

	it('rejects q outside [0, 1]', () => {
		expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
		expect(() => quantileSorted([1], -0.1)).toThrow(RangeError);
		expect(() => quantileSorted([1], NaN)).toThrow(RangeError);
	});
});

describe('sortedFiniteValues', () => {
	it('drops NaN and infinities and sorts numerically', () => {
		const values = new Float64Array([30, NaN, 4, Infinity, -2, 100, -Infinity]);
		expect(Array.from(sortedFiniteValues(values))).toEqual([-2, 4, 30, 100]);
	});

	it('reads only the first `length` entries', () => {
		const values = new Float64Array([5, 1, 0, 0]);
		expect(Array.from(sortedFiniteValues(values, 2))).toEqual([1, 5]);
	});

	it('returns an empty array for all-missing input', () => {
		expect(sortedFiniteValues(new Float64Array([NaN, NaN])).length).toBe(0);
	});
});

describe('quantileInPlace', () => {
	it('matches quantileSorted on the hand-checked samples', () => {
		expect(quantileInPlace(new Float64Array([4, 1, 3, 2]), 0.5)).toBe(2.5);
		expect(quantileInPlace(new Float64Array([4, 1, 3, 2]), 0.9)).toBeCloseTo(3.7, 12);
		expect(quantileInPlace(new Float64Array([3, 1, 2]), 0.9)).toBeCloseTo(2.8, 12);
		expect(quantileInPlace(new Float64Array([7]), 0.9)).toBe(7);
		expect(quantileInPlace(new Float64Array(0), 0.5)).toBeNull();
	});

	it('matches quantileSorted on random, duplicate-heavy and ordered samples', () => {
		let seed = 7;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};
		const samples: Float64Array[] = [];
		for (const n of [2, 5, 31, 32, 33, 100, 1001, 5000]) {
			samples.push(Float64Array.from({ length: n }, () => random() * 1e5));
			samples.push(Float64Array.from({ length: n }, () => Math.floor(random() * 4)));
			samples.push(Float64Array.from({ length: n }, (_, i) => i));
			samples.push(Float64Array.from({ length: n }, (_, i) => n - i));
			samples.push(new Float64Array(n).fill(60));
		}
		for (const sample of samples) {
			const sorted = sample.slice().sort();
			const scratch = sample.slice();
			for (const q of [0, 0.1, 0.5, 0.9, 0.99, 1]) {
				// Repeated selection on the same, partly reordered array must stay exact.
				expect(quantileInPlace(scratch, q)).toBe(quantileSorted(sorted, q));
			}
		}
	});

	it('rejects q outside [0, 1]', () => {
		expect(() => quantileInPlace(new Float64Array([1]), 2)).toThrow(RangeError);
	});
});
