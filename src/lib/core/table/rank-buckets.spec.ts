import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/random';
import { quantileInPlace } from '../metrics/quantile';
import { rankColumn, type RankedColumn } from './ranked-column';
import { WHOLE_SELECTION, groupedQuantiles, type RowGrouping } from './rank-buckets';

/** Absent values, ties (whole minutes), fractions and an infinity. */
function randomValues(seed: number, size: number): Float64Array {
	const rng = mulberry32(seed);
	return Float64Array.from({ length: size }, () => {
		const r = rng();
		return r < 0.1
			? NaN
			: r < 0.6
				? Math.floor(rng() * 30) * 60
				: r < 0.61
					? Infinity
					: rng() * 10_000;
	});
}

/** The groups a row falls in under a grouping, by the grouping's own rules. */
function groupsOfRow(grouping: RowGrouping, row: number): number[] {
	if ('tagOffsets' in grouping) {
		const start = grouping.tagOffsets[row] as number;
		const end = grouping.tagOffsets[row + 1] as number;
		if (start === end) return [grouping.untagged];
		return Array.from({ length: end - start }, (_, t) => grouping.tagCodes[start + t] as number);
	}
	if (grouping.codes === null) return [0];
	const group = (grouping.codes[row] as number) - grouping.base;
	return group >= 0 && group < grouping.groupCount ? [group] : [];
}

/** The straightforward answer: copy each group's selected population values, select in place. */
function reference(
	values: Float64Array,
	inPopulation: (row: number) => boolean,
	rows: ArrayLike<number>,
	grouping: RowGrouping,
	qs: readonly number[]
): { n: number[]; values: (number | null)[][] } {
	const byGroup: number[][] = Array.from({ length: grouping.groupCount }, () => []);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i] as number;
		const value = values[row] as number;
		if (!Number.isFinite(value) || !inPopulation(row)) continue;
		for (const group of groupsOfRow(grouping, row)) byGroup[group]!.push(value);
	}
	return {
		n: byGroup.map((list) => list.length),
		values: qs.map((q) => byGroup.map((list) => quantileInPlace(Float64Array.from(list), q)))
	};
}

function expectEqualToReference(
	ranked: RankedColumn,
	values: Float64Array,
	inPopulation: (row: number) => boolean,
	rows: Uint32Array | null,
	groupings: RowGrouping[],
	qs: number[],
	resolve: 'auto' | 'walk' | 'gather'
): void {
	const all = Uint32Array.from({ length: values.length }, (_, row) => row);
	const got = groupedQuantiles(ranked, rows, groupings, qs, resolve);
	groupings.forEach((grouping, j) => {
		const want = reference(values, inPopulation, rows ?? all, grouping, qs);
		expect([...got[j]!.n]).toEqual(want.n);
		expect(got[j]!.values).toEqual(want.values);
	});
}

/** Up to three tags per row out of `tagCount`, a share of rows untagged. */
function randomTags(rng: () => number, size: number, tagCount: number) {
	const tagOffsets = new Uint32Array(size + 1);
	const codes: number[] = [];
	for (let row = 0; row < size; row++) {
		const count = rng() < 0.3 ? 0 : 1 + Math.floor(rng() * 3);
		const picked = new Set<number>();
		for (let k = 0; k < count; k++) picked.add(Math.floor(rng() * tagCount));
		codes.push(...picked);
		tagOffsets[row + 1] = codes.length;
	}
	return { tagOffsets, tagCodes: Uint32Array.from(codes), untagged: tagCount };
}

describe('groupedQuantiles by bucketed ranks', () => {
	it('equals quantileInPlace per group on random data, selections and groupings, both ways of resolving', () => {
		for (let seed = 1; seed <= 12; seed++) {
			const rng = mulberry32(seed * 7919);
			const size = [0, 1, 2, 7, 60, 900, 3_000, 8_000][seed % 8] as number;
			const values = randomValues(seed, size);
			// Rows outside the population (rank -1) although their value is finite.
			const inPopulation = (row: number) => row % 11 !== 4;
			const ranked = rankColumn(values, size, inPopulation);
			const agentCount = 1 + (seed % 23);
			// Codes out of range (left out) and a base, as the daily series' day numbers.
			const agents = Uint32Array.from({ length: size }, () =>
				rng() < 0.05 ? 255 : Math.floor(rng() * agentCount)
			);
			const days = Int32Array.from({ length: size }, () => 20_000 + Math.floor(rng() * 200));
			const groupings: Record<string, RowGrouping> = {
				whole: WHOLE_SELECTION,
				agents: { codes: agents, base: 0, groupCount: agentCount },
				days: { codes: days, base: 20_010, groupCount: 170 },
				tags: { ...randomTags(rng, size, 1 + (seed % 9)), groupCount: 2 + (seed % 9) }
			};
			const pick = (share: number) =>
				Uint32Array.from(Array.from({ length: size }, (_, row) => row).filter(() => rng() < share));
			const selections = [null, new Uint32Array(0), pick(0.002), pick(0.05), pick(0.4), pick(0.8)];
			// Not ascending: the count from the rows left out must not be used.
			const shuffled = pick(0.9).reverse();
			selections.push(shuffled);
			for (const rows of selections)
				for (const qs of [[0.5], [0.5, 0.9], [0, 0.25, 0.75, 1]])
					for (const resolve of ['auto', 'walk', 'gather'] as const) {
						for (const name of Object.keys(groupings))
							expectEqualToReference(
								ranked,
								values,
								inPopulation,
								rows,
								[groupings[name]!],
								qs,
								resolve
							);
						// Several groupings sharing the pass.
						expectEqualToReference(
							ranked,
							values,
							inPopulation,
							rows,
							[groupings.agents!, groupings.whole!, groupings.days!, groupings.tags!],
							qs,
							resolve
						);
					}
		}
	});

	it('handles groups of 0, 1 and 2 rows, ties and absent values (hand case)', () => {
		// Rows:     0   1    2   3    4   5    6   7
		const values = Float64Array.from([30, NaN, 10, 30, 20, 10, 50, Infinity]);
		const codes = Uint8Array.from([0, 0, 1, 1, 2, 2, 2, 3]);
		const ranked = rankColumn(values, values.length);
		const grouping = { codes, base: 0, groupCount: 5 };
		const [byGroup] = groupedQuantiles(ranked, null, [grouping], [0.5, 0.9]);
		// Group 0: only 30 (row 1 absent). Group 1: 10 and 30 → median 20, p90 10 + 0.9·20 = 28.
		// Group 2: 20, 10, 50 → median 20, p90 at h = 1.8 → 20 + 0.8·30 = 44. Groups 3, 4: none.
		expect([...byGroup!.n]).toEqual([1, 2, 3, 0, 0]);
		expect(byGroup!.values[0]).toEqual([30, 20, 20, null, null]);
		expect(byGroup!.values[1]![0]).toBe(30);
		expect(byGroup!.values[1]![1]).toBeCloseTo(28, 12);
		expect(byGroup!.values[1]![2]).toBeCloseTo(44, 12);
		// A selection that leaves out row 6: group 2 holds 20 and 10 → median 15.
		const [selected] = groupedQuantiles(
			ranked,
			Uint32Array.from([0, 2, 3, 4, 5, 7]),
			[grouping],
			[0.5]
		);
		expect(selected!.values[0]).toEqual([30, 20, 15, null, null]);
		// Nothing selected: every group empty.
		const [none] = groupedQuantiles(ranked, new Uint32Array(0), [grouping], [0.5]);
		expect([...none!.n]).toEqual([0, 0, 0, 0, 0]);
		expect(none!.values[0]).toEqual([null, null, null, null, null]);
	});

	it('does not answer a refilled selection array from what was kept for its old rows', () => {
		const size = 5_000;
		const values = randomValues(5, size);
		const ranked = rankColumn(values, size);
		const codes = Uint8Array.from({ length: size }, (_, row) => row % 3);
		const groupings = [WHOLE_SELECTION, { codes, base: 0, groupCount: 3 }];
		// 80 % of the rows (rows left out counted, bucket walks), then other rows in the same array.
		const rows = Uint32Array.from({ length: 4_000 }, (_, i) => i + 500);
		for (const shift of [0, 1_000]) {
			for (let i = 0; i < rows.length; i++) rows[i] = i + shift;
			for (const resolve of ['auto', 'walk'] as const)
				expectEqualToReference(ranked, values, () => true, rows, groupings, [0.5, 0.9], resolve);
		}
	});

	it('finds order statistics across many buckets, ties spanning bucket borders', () => {
		// 50,000 rows of 40 distinct values: every value's run of ties spans several buckets.
		const size = 50_000;
		const values = Float64Array.from({ length: size }, (_, row) => (row * 7919) % 40);
		const ranked = rankColumn(values, size);
		const everyThird = Uint32Array.from({ length: size / 5 }, (_, i) => i * 3);
		const mostRows = Uint32Array.from(
			Array.from({ length: size }, (_, row) => row).filter((row) => row % 9 !== 0)
		);
		for (const rows of [everyThird, mostRows, null])
			for (const resolve of ['walk', 'gather'] as const)
				expectEqualToReference(
					ranked,
					values,
					() => true,
					rows,
					[WHOLE_SELECTION, { codes: values, base: 10, groupCount: 25 }],
					[0.1, 0.5, 0.9, 0.99],
					resolve
				);
	});
});
