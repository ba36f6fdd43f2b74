import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BULK_TICKETS_HEADER, bulkTicketCsv, bulkTicketCsvPieces } from './bulk-tickets';
import { DEMO_SHOP_HEADER } from './demo-shop';

const ROWS = 20_000;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;

describe('bulkTicketCsvPieces', () => {
	const text = bulkTicketCsv(ROWS);
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
	const [header, ...rows] = parsed.data;

	it('writes the demo shop header and exactly the rows asked for', () => {
		expect(header).toEqual([...DEMO_SHOP_HEADER]);
		expect(BULK_TICKETS_HEADER).toBe(DEMO_SHOP_HEADER);
		expect(rows).toHaveLength(ROWS);
		expect(text.endsWith('\n')).toBe(true);
		expect(text.split('\n')).toHaveLength(ROWS + 2);
	});

	it('produces rows that papaparse reads as 20 fields each, without errors', () => {
		expect(parsed.errors).toEqual([]);
		expect(rows.filter((row) => row.length !== 20)).toEqual([]);
	});

	it('gives every row a unique numeric id', () => {
		const ids = rows.map((row) => row[0] ?? '');
		expect(new Set(ids).size).toBe(ROWS);
		expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
	});

	it('is deterministic per seed and splits into pieces of whole rows', () => {
		const pieces = [...bulkTicketCsvPieces(ROWS, { rowsPerPiece: 3_000 })];
		expect(pieces).toHaveLength(Math.ceil(ROWS / 3_000));
		expect(pieces.every((piece) => piece.endsWith('\n'))).toBe(true);
		expect(pieces.join('')).toBe(text);
		expect(bulkTicketCsv(500, { seed: 7 })).toBe(bulkTicketCsv(500, { seed: 7 }));
		expect(bulkTicketCsv(500, { seed: 7 })).not.toBe(bulkTicketCsv(500, { seed: 8 }));
	});

	it('looks like a real export: offsets, quoted subjects, mixes and ~200 bytes a row', () => {
		const column = (name: string) => DEMO_SHOP_HEADER.indexOf(name as never);
		const created = rows.map((row) => row[column('Created at')] ?? '');
		expect(created.every((value) => ISO_WITH_OFFSET.test(value))).toBe(true);
		expect(created.some((value) => value.endsWith('+01:00'))).toBe(true);
		expect(created.some((value) => value.endsWith('+02:00'))).toBe(true);

		const subjects = rows.map((row) => row[column('Subject')] ?? '');
		const withComma = subjects.filter((subject) => subject.includes(',')).length / ROWS;
		expect(withComma).toBeGreaterThan(0.01);
		expect(withComma).toBeLessThan(0.03);

		const statuses = new Set(rows.map((row) => row[column('Status')]));
		expect(statuses).toEqual(new Set(['New', 'Open', 'Pending', 'Solved', 'Closed']));
		const solvedWithoutTime = rows.filter(
			(row) =>
				(row[column('Status')] === 'Solved' || row[column('Status')] === 'Closed') &&
				!ISO_WITH_OFFSET.test(row[column('Solved at')] ?? '')
		);
		expect(solvedWithoutTime).toEqual([]);

		const bytesPerRow = new TextEncoder().encode(text).length / ROWS;
		expect(bytesPerRow).toBeGreaterThan(150);
		expect(bytesPerRow).toBeLessThan(250);
	});
});
