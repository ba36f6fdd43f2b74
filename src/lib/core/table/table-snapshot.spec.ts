import { describe, expect, it } from 'vitest';
import { syntheticChunks } from '../../../../tests/factories/synthetic-chunks';
import { defaultServiceSettings } from '../model/service-settings';
import { localTimeColumns } from './local-time';
import {
	adoptRanks,
	businessRanksOf,
	firstResolutionRanks,
	tableOverviewKpis,
	tableRanks
} from './table-kpis';
import {
	attachText,
	derivedOfNumbers,
	hasText,
	narrowArrays,
	narrowFloats,
	narrowIntegers,
	sortedByRank,
	widenArrays,
	joinLargeValues,
	partNames,
	readBlobParts,
	splitLargeValues,
	snapshotOfTable,
	tableFromNumbers
} from './table-snapshot';
import { buildTicketTable, buildTicketTableFromStored } from './ticket-table';
import { encodeTicketChunk } from '../model/chunk-format';
import { emptyFilter, selectRows } from './ticket-filter';

describe('table snapshot', () => {
	it('restores the same table and KPIs after a structured clone (as IndexedDB stores it)', () => {
		const table = buildTicketTable(syntheticChunks(3_000, { seed: 4, wholeMinutes: 1 }), 77);
		const settings = defaultServiceSettings();
		const filter = { ...emptyFilter(), agents: ['Anna', 'Ben'] };
		const rows = selectRows(table, filter, 'Europe/Berlin');
		const expected = tableOverviewKpis(table, rows, settings, 'Europe/Berlin');
		const local = localTimeColumns(table, 'Europe/Berlin');

		const snapshot = structuredClone(
			snapshotOfTable(table, {
				ranks: tableRanks(table),
				business: businessRanksOf(table),
				firstResolution: firstResolutionRanks(table),
				local
			})
		);
		// Ranked columns of the table's own values are stored without their sorted values.
		expect(snapshot.numbers.derived.ranks?.resolution.sorted).toHaveLength(0);
		const restored = tableFromNumbers(snapshot.numbers);
		expect(hasText(restored)).toBe(false);
		const derived = derivedOfNumbers(snapshot.numbers);
		const { ranks, business } = derived;
		if (ranks === undefined) throw new Error('ranks were not stored');
		expect(ranks).toEqual(tableRanks(table));
		expect(derived.firstResolution).toEqual(firstResolutionRanks(table));
		adoptRanks(restored, ranks, business, derived.firstResolution);
		// The dashboard needs no text: same KPIs before the text is attached.
		expect(tableOverviewKpis(restored, rows, settings, 'Europe/Berlin')).toEqual(expected);
		expect(tableRanks(restored)).toBe(ranks);
		expect(snapshot.numbers.derived.local).toEqual(local);

		attachText(restored, snapshot.text);
		expect(hasText(restored)).toBe(true);
		expect(restored).toEqual(table);
	});
});

describe('splitLargeValues / joinLargeValues', () => {
	it('stores large typed arrays and strings apart and puts them back', () => {
		const big = new Float64Array(20_000).map((_, i) => i / 3);
		const value = {
			size: 3,
			small: Uint8Array.from([1, 2]),
			nested: { big, list: [{ text: 'x'.repeat(60_000) }, 'short'] },
			absent: null
		};
		const { skeleton, parts } = splitLargeValues(value, 'p:');
		expect(parts.map(([name]) => name)).toEqual(['p:/nested/big', 'p:/nested/list/0/text']);
		expect(partNames(skeleton)).toEqual(['p:/nested/big', 'p:/nested/list/0/text']);
		expect(joinLargeValues(structuredClone(skeleton), new Map(parts))).toEqual(value);
		expect(joinLargeValues(skeleton, new Map(parts.slice(1)))).toBeNull();
	});
});

describe('splitLargeValues with typed arrays as Blobs', () => {
	it('stores large typed arrays as Blobs of their bytes and reads them back as the same type', async () => {
		const floats = new Float32Array(20_000).map((_, i) => i / 4);
		const days = new Uint16Array(40_000).map((_, i) => i);
		const view = new Int32Array(new ArrayBuffer(200_000), 8, 20_000).fill(-7);
		const value = {
			floats,
			nested: { days, view, small: Uint8Array.from([1]) },
			text: 'x'.repeat(40_000)
		};
		const { skeleton, parts } = splitLargeValues(value, 'p:', { typedAsBlobs: true });
		expect(parts.map(([, part]) => part instanceof Blob)).toEqual([true, true, true, false]);
		const stored = structuredClone({ skeleton, parts: new Map(parts) });
		const joined = joinLargeValues(stored.skeleton, await readBlobParts(stored.parts));
		expect(joined).toEqual(value);
		expect((joined as typeof value).nested.view).toBeInstanceOf(Int32Array);
		// A Blob part that was not read, or is missing: no value.
		expect(joinLargeValues(stored.skeleton, stored.parts)).toBeNull();
		const withoutOne = new Map(await readBlobParts(stored.parts));
		withoutOne.delete('p:/floats');
		expect(joinLargeValues(stored.skeleton, withoutOne)).toBeNull();
	});
});

describe('narrowFloats / narrowIntegers (smaller snapshot, same numbers)', () => {
	it('stores what a Float32 holds exactly as Float32: NaN, -0, Infinity and halves included', () => {
		const values = Float64Array.from([0, -0, 5, NaN, 2 ** 24, 0.5, -3, Infinity, -Infinity]);
		const narrowed = narrowFloats(values);
		expect(narrowed !== null && 'values' in narrowed && narrowed.values).toBeInstanceOf(
			Float32Array
		);
		const back = widenArrays(narrowed) as Float64Array;
		expect(back).toEqual(values);
		expect(Object.is(back[1], -0)).toBe(true);
	});

	it('keeps arrays that would not come back exactly', () => {
		expect(narrowFloats(Float64Array.from([2 ** 24 + 1, 3]))).toBeNull();
		expect(narrowFloats(Float64Array.from([0.1]))).toBeNull();
		// Instants in ms stay Float64.
		expect(narrowFloats(Float64Array.from([1.7e12, NaN]))).toBeNull();
		expect(narrowIntegers(Uint32Array.from([0, 70_000]))).toBeNull();
		expect(narrowIntegers(Int32Array.from([3, -1]))).toBeNull();
	});

	it('an empty or all-NaN column, and integer codes as bytes or 16-bit values', () => {
		expect(widenArrays(narrowFloats(new Float64Array(0)))).toEqual(new Float64Array(0));
		const absent = new Float64Array(3).fill(NaN);
		expect(widenArrays(narrowFloats(absent))).toEqual(absent);
		const codes = Uint32Array.from([7, 9, 7, 255]);
		const bytes = narrowIntegers(codes);
		expect(bytes?.values).toBeInstanceOf(Uint8Array);
		expect(widenArrays(bytes)).toEqual(codes);
		const days = Int32Array.from([20_000, 0, 65_535]);
		const short = narrowIntegers(days);
		expect(short?.values).toBeInstanceOf(Uint16Array);
		const back = widenArrays(short);
		expect(back).toBeInstanceOf(Int32Array);
		expect(back).toEqual(days);
	});

	it('narrowArrays and widenArrays round-trip a whole snapshot after a structured clone', () => {
		const table = buildTicketTable(syntheticChunks(3_000, { seed: 5, wholeMinutes: 1 }), 3);
		const local = localTimeColumns(table, 'Europe/Berlin');
		const { numbers } = snapshotOfTable(table, { ranks: tableRanks(table), local });
		const narrowed = structuredClone(narrowArrays(numbers));
		expect(widenArrays(narrowed)).toEqual(numbers);
	});
});

describe('sortedByRank', () => {
	it("puts each ranked row's value at its rank, ties and unranked rows included", () => {
		const values = Float64Array.from([5, NaN, 2, 5, -1, 2]);
		const rankOfRow = Int32Array.from([2, -1, 0, 3, -1, 1]);
		expect(sortedByRank(values, rankOfRow)).toEqual({
			sorted: Float64Array.from([2, 2, 5, 5]),
			rankOfRow
		});
		expect(sortedByRank(values, new Int32Array(6).fill(-1)).sorted).toHaveLength(0);
	});
});

describe('buildTicketTableFromStored (the table from chunks as stored, text left encoded)', () => {
	it('gives buildTicketTable’s table for encoded, plain and mixed chunks, text attached from the encoding', () => {
		const chunks = syntheticChunks(20_500, { seed: 9, importIds: [3, 4], wholeMinutes: 1 });
		// An old chunk: no first resolutions and no raw ratings.
		const old = { ...chunks[1]!, firstResolutionSeconds: undefined, csatRaw: undefined };
		const plain = [chunks[0]!, old, chunks[2]!];
		const expected = buildTicketTable(plain, 5);
		const stored = [encodeTicketChunk(chunks[0]!), old, encodeTicketChunk(chunks[2]!)];
		const { table, text } = buildTicketTableFromStored(stored, 5);
		expect(hasText(table)).toBe(false);
		const { keys, externalIds, agents, groups, subjects, tags, customerKeys, csatRaw, ...numbers } =
			expected.columns;
		expect(table.columns).toMatchObject(numbers);
		expect({ ...table, columns: null }).toEqual({ ...expected, columns: null });
		attachText(table, structuredClone(text));
		expect(table).toEqual(expected);
		expect([keys, externalIds, agents, groups, subjects, tags, customerKeys]).toEqual([
			table.columns.keys,
			table.columns.externalIds,
			table.columns.agents,
			table.columns.groups,
			table.columns.subjects,
			table.columns.tags,
			table.columns.customerKeys
		]);
		// The old chunk's raw ratings read as ''.
		expect(csatRaw?.slice(10_000, 10_003)).toEqual(['', '', '']);
	});

	it('no chunks: an empty table', () => {
		const { table, text } = buildTicketTableFromStored([], 1);
		expect(table.size).toBe(0);
		expect(table.tagOffsets).toEqual(new Uint32Array(1));
		expect(text).toEqual([]);
	});
});
