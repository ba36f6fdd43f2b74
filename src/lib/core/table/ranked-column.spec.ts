import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/random';
import { quantileInPlace } from '../metrics/quantile';
import { rankColumn, rankedGroupMedians, rankedQuantiles } from './ranked-column';

/** The straightforward computation: copy the selected finite values, select in place. */
function reference(values: Float64Array, rows: ArrayLike<number>, q: number): number | null {
	const picked: number[] = [];
	for (let i = 0; i < rows.length; i++) {
		const value = values[rows[i] as number] as number;
		if (Number.isFinite(value)) picked.push(value);
	}
	return quantileInPlace(Float64Array.from(picked), q);
}

function randomValues(seed: number, size: number): Float64Array {
	const rng = mulberry32(seed);
	const values = new Float64Array(size);
	for (let i = 0; i < size; i++) {
		const r = rng();
		// Absent, ties (whole minutes), fractional seconds and an infinity.
		values[i] =
			r < 0.1 ? NaN : r < 0.6 ? Math.floor(rng() * 30) * 60 : r < 0.61 ? Infinity : rng() * 10_000;
	}
	return values;
}

describe('rankColumn', () => {
	it('places each value in ascending order, ties by row order, absent rows at -1', () => {
		const ranked = rankColumn(Float64Array.from([30, NaN, 10, 30, 20, 10]), 6);
		expect([...ranked.sorted]).toEqual([10, 10, 20, 30, 30]);
		expect([...ranked.rankOfRow]).toEqual([3, -1, 0, 4, 2, 1]);
	});

	it('ranks only the population', () => {
		const ranked = rankColumn(Float64Array.from([5, 4, 3]), 3, (row) => row !== 1);
		expect([...ranked.sorted]).toEqual([3, 5]);
		expect([...ranked.rankOfRow]).toEqual([1, -1, 0]);
	});
});

describe('rankColumn on any finite values (radix order)', () => {
	it('orders negatives, fractions, huge and tiny values as a numeric sort does, ties by row', () => {
		const values = Float64Array.from([
			3.5,
			-2,
			1e300,
			-1e-300,
			0,
			7,
			-2,
			1e-300,
			-1e300,
			3.5,
			42,
			-0.25,
			2 ** 40 + 0.5,
			0
		]);
		const ranked = rankColumn(values, values.length);
		expect([...ranked.sorted]).toEqual([...values].sort((a, b) => a - b));
		// Ties keep row order: -2 at rows 1 and 6, 3.5 at rows 0 and 9, 0 at rows 4 and 13.
		expect(ranked.rankOfRow[1]).toBeLessThan(ranked.rankOfRow[6] as number);
		expect(ranked.rankOfRow[0]).toBeLessThan(ranked.rankOfRow[9] as number);
		expect(ranked.rankOfRow[4]).toBeLessThan(ranked.rankOfRow[13] as number);
		// Every place taken exactly once.
		expect([...ranked.rankOfRow].sort((a, b) => a - b)).toEqual([...values.keys()]);
	});

	it('matches an index sort on random data with many ties', () => {
		for (let seed = 1; seed <= 10; seed++) {
			const size = 500 + seed * 97;
			const values = randomValues(seed + 500, size);
			const ranked = rankColumn(values, size, (row) => row % 7 !== 3);
			const expected = Array.from({ length: size }, (_, row) => row)
				.filter((row) => Number.isFinite(values[row]) && row % 7 !== 3)
				.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
			expected.forEach((row, rank) => expect(ranked.rankOfRow[row]).toBe(rank));
			expect(ranked.sorted).toEqual(Float64Array.from(expected, (row) => values[row] as number));
		}
	});
});

describe('rankedQuantiles', () => {
	it('gives median and p90 of a hand case, with interpolation', () => {
		const ranked = rankColumn(Float64Array.from([40, 10, NaN, 30, 20]), 5);
		// Rows 0, 1, 3 hold 40, 10, 30: median 30; p90 at h = 1.8 → 30 + 0.8 · 10 = 38.
		const { values, n } = rankedQuantiles(ranked, Uint32Array.from([0, 1, 2, 3]), [0.5, 0.9]);
		expect(n).toBe(3);
		expect(values[0]).toBe(30);
		expect(values[1]).toBeCloseTo(38, 12);
		expect(rankedQuantiles(ranked, Uint32Array.from([2]), [0.5])).toEqual({
			values: [null],
			n: 0
		});
	});

	it('equals quantileInPlace on the selected values (random data, random selections)', () => {
		for (let seed = 1; seed <= 30; seed++) {
			const size = 50 + seed * 37;
			const values = randomValues(seed, size);
			const ranked = rankColumn(values, size);
			const rng = mulberry32(seed * 101);
			const share = rng();
			const rows = Uint32Array.from(
				Array.from({ length: size }, (_, row) => row).filter(() => rng() < share)
			);
			const all = Uint32Array.from({ length: size }, (_, row) => row);
			for (const q of [0, 0.5, 0.9, 1]) {
				expect(rankedQuantiles(ranked, rows, [q]).values[0]).toBe(reference(values, rows, q));
				expect(rankedQuantiles(ranked, null, [q]).values[0]).toBe(reference(values, all, q));
			}
			const both = rankedQuantiles(ranked, rows, [0.5, 0.9]).values;
			expect(both).toEqual([reference(values, rows, 0.5), reference(values, rows, 0.9)]);
		}
	});
});

describe('rankedGroupMedians', () => {
	it('equals quantileInPlace per group (random data, empty groups, skipped rows)', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const size = 40 + seed * 53;
			const values = randomValues(seed + 100, size);
			const ranked = rankColumn(values, size);
			const rng = mulberry32(seed);
			const groupCount = 1 + (seed % 9);
			const groups = Int32Array.from({ length: size }, () =>
				rng() < 0.1 ? -1 : Math.floor(rng() * groupCount)
			);
			const rows = Uint32Array.from(
				Array.from({ length: size }, (_, row) => row).filter(() => rng() < 0.7)
			);
			for (const selection of [rows, null]) {
				const got = rankedGroupMedians(
					ranked,
					selection,
					(row) => groups[row] as number,
					groupCount
				);
				const list = selection ?? Uint32Array.from({ length: size }, (_, row) => row);
				for (let group = 0; group < groupCount; group++) {
					const members = [...list].filter((row) => groups[row] === group);
					expect(got.medians[group]).toBe(reference(values, members, 0.5));
					expect(got.n[group]).toBe(members.filter((row) => Number.isFinite(values[row])).length);
				}
			}
		}
	});
});

describe('selections of every size', () => {
	it('give the same quantiles and group medians as quantileInPlace, at every selection size', () => {
		const size = 20_000;
		const values = randomValues(77, size);
		const ranked = rankColumn(values, size);
		const rng = mulberry32(78);
		const groups = Int32Array.from({ length: size }, () => Math.floor(rng() * 5) - 1);
		// A few rows (small histograms, gathered places) up to a third of them (bucket walks).
		for (const share of [0.002, 0.01, 0.3]) {
			const rows = Uint32Array.from(
				Array.from({ length: size }, (_, row) => row).filter(() => rng() < share)
			);
			for (const q of [0, 0.5, 0.9, 1])
				expect(rankedQuantiles(ranked, rows, [q]).values[0]).toBe(reference(values, rows, q));
			const got = rankedGroupMedians(ranked, rows, (row) => groups[row] as number, 4);
			for (let group = 0; group < 4; group++) {
				const members = [...rows].filter((row) => groups[row] === group);
				expect(got.medians[group]).toBe(reference(values, members, 0.5));
				expect(got.n[group]).toBe(members.filter((row) => Number.isFinite(values[row])).length);
			}
		}
	});
});

describe('rankedGroupMedians with a code column', () => {
	it('equals the callback form, rows outside the groups left out', () => {
		const size = 3_000;
		const values = randomValues(91, size);
		const ranked = rankColumn(values, size);
		const rng = mulberry32(92);
		// Codes 10..16 are groups 0..6 with base 10; 3 and 255 fall outside.
		const codes = Int32Array.from({ length: size }, () =>
			rng() < 0.1 ? (rng() < 0.5 ? 3 : 255) : 10 + Math.floor(rng() * 7)
		);
		const groupOf = (row: number) => {
			const group = (codes[row] as number) - 10;
			return group >= 0 && group < 7 ? group : -1;
		};
		const rows = Uint32Array.from(
			Array.from({ length: size }, (_, row) => row).filter(() => rng() < 0.5)
		);
		for (const selection of [null, rows, rows.subarray(0, 20)])
			expect(rankedGroupMedians(ranked, selection, { codes, base: 10 }, 7)).toEqual(
				rankedGroupMedians(ranked, selection, groupOf, 7)
			);
	});
});
