import { describe, expect, it } from 'vitest';
import { syntheticChunks } from '../../../../tests/factories/synthetic-chunks';
import { defaultServiceSettings } from '../model/service-settings';
import { localTimeColumns } from './local-time';
import { adoptRanks, businessRanksOf, tableOverviewKpis, tableRanks } from './table-kpis';
import {
	attachText,
	hasText,
	joinLargeValues,
	packText,
	partNames,
	splitLargeValues,
	snapshotOfTable,
	tableFromNumbers,
	unpackText
} from './table-snapshot';
import { buildTicketTable } from './ticket-table';
import { emptyFilter, selectRows } from './ticket-filter';

describe('packText / unpackText', () => {
	it('round-trips any strings, empty ones and separators included', () => {
		const values = ['z:1', '', 'a|b', 'line\nbreak', '漢字', '', '\u0000x'];
		const packed = packText(values, values.length);
		expect([...packed.ends]).toEqual([3, 3, 6, 16, 18, 18, 20]);
		expect(unpackText(packed)).toEqual(values);
	});
});

describe('table snapshot', () => {
	it('restores the same table and KPIs after a structured clone (as IndexedDB stores it)', () => {
		const table = buildTicketTable(syntheticChunks(3_000, { seed: 4, wholeMinutes: 1 }), 77);
		const settings = defaultServiceSettings();
		const filter = { ...emptyFilter(), agents: ['Anna', 'Ben'] };
		const rows = selectRows(table, filter, 'Europe/Berlin');
		const expected = tableOverviewKpis(table, rows, settings, 'Europe/Berlin');
		const local = localTimeColumns(table, 'Europe/Berlin');

		const snapshot = structuredClone(
			snapshotOfTable(table, { ranks: tableRanks(table), business: businessRanksOf(table), local })
		);
		const restored = tableFromNumbers(snapshot.numbers);
		expect(hasText(restored)).toBe(false);
		const { ranks, business } = snapshot.numbers.derived;
		if (ranks === undefined) throw new Error('ranks were not stored');
		adoptRanks(restored, ranks, business);
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
