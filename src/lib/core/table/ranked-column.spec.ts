import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/random';
import { quantileInPlace } from '../metrics/quantile';
import {
	pairedQuantileSources,
	rankColumn,
	rankedGroupMedians,
	rankedGroupMediansOfTwo,
	rankedQuantiles,
	rankedQuantilesOfTwo
} from './ranked-column';

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

describe('rankedGroupMediansOfTwo', () => {
	it('equals one rankedGroupMedians per grouping (codes out of range, small and large selections)', () => {
		const size = 5_000;
		const values = randomValues(71, size);
		const ranked = rankColumn(values, size, (row) => row % 7 !== 0);
		const rng = mulberry32(72);
		const wide = Int32Array.from({ length: size }, () => Math.floor(rng() * 40) - 3);
		const narrow = Uint8Array.from({ length: size }, () =>
			rng() < 0.05 ? 255 : Math.floor(rng() * 5)
		);
		const days = Int32Array.from({ length: size }, () => 20_000 + Math.floor(rng() * 90));
		const groupings = {
			wide: { codes: wide, base: 0, groupCount: 30 },
			narrow: { codes: narrow, base: 0, groupCount: 5 },
			days: { codes: days, base: 20_010, groupCount: 60 }
		};
		const pick = (share: number) =>
			Uint32Array.from(Array.from({ length: size }, (_, row) => row).filter(() => rng() < share));
		for (const selection of [null, pick(0.7), pick(0.3), pick(0.002), new Uint32Array(0)]) {
			for (const [first, second] of [
				[groupings.wide, groupings.narrow],
				[groupings.days, groupings.wide],
				[groupings.narrow, groupings.days]
			] as const) {
				const [a, b] = rankedGroupMediansOfTwo(ranked, selection, first, second);
				expect(a).toEqual(rankedGroupMedians(ranked, selection, first, first.groupCount));
				expect(b).toEqual(rankedGroupMedians(ranked, selection, second, second.groupCount));
			}
		}
		// Against the straightforward median of each group's copied values too.
		const rows = pick(0.5);
		const [byWide] = rankedGroupMediansOfTwo(ranked, rows, groupings.wide, groupings.narrow);
		for (let group = 0; group < 30; group++) {
			const members = Array.from(rows).filter((row) => wide[row] === group && row % 7 !== 0);
			expect(byWide.medians[group]).toEqual(reference(values, members, 0.5));
		}
	});
});

describe('rankedQuantilesOfTwo / pairedQuantileSources', () => {
	it('equal rankedQuantiles on each selection (disjoint, overlapping, small and large)', () => {
		const size = 6_000;
		const values = randomValues(55, size);
		const ranked = rankColumn(values, size);
		const rng = mulberry32(56);
		const pick = (share: number) =>
			Uint32Array.from(Array.from({ length: size }, (_, row) => row).filter(() => rng() < share));
		const firstHalf = Uint32Array.from({ length: size / 2 }, (_, i) => i);
		const secondHalf = Uint32Array.from({ length: size / 2 }, (_, i) => i + size / 2);
		const cases: [Uint32Array, Uint32Array][] = [
			[firstHalf, secondHalf],
			[pick(0.6), pick(0.5)],
			[pick(0.001), pick(0.7)],
			[new Uint32Array(0), pick(0.4)]
		];
		for (const [first, second] of cases) {
			for (const qs of [[0.5], [0.5, 0.9], [0, 1]]) {
				const [a, b] = rankedQuantilesOfTwo(ranked, first, second, qs);
				expect(a).toEqual(rankedQuantiles(ranked, first, qs));
				expect(b).toEqual(rankedQuantiles(ranked, second, qs));
				const [sourceA, sourceB] = pairedQuantileSources(first, second);
				expect(sourceB(ranked, second, qs)).toEqual(rankedQuantiles(ranked, second, qs));
				expect(sourceA(ranked, first, qs)).toEqual(rankedQuantiles(ranked, first, qs));
				// Any other selection is answered on its own.
				expect(sourceA(ranked, null, qs)).toEqual(rankedQuantiles(ranked, null, qs));
			}
		}
	});
});
