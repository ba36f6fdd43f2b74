import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CsvRecordSplitter } from './csv-record-splitter';

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

function splitAll(text: string, cuts: number[]): string[] {
	const splitter = new CsvRecordSplitter();
	const pieces: string[] = [];
	let start = 0;
	for (const cut of [...cuts, text.length]) {
		const piece = splitter.push(text.slice(start, cut));
		if (piece !== '') pieces.push(piece);
		start = cut;
	}
	const rest = splitter.end();
	if (rest !== '') pieces.push(rest);
	return pieces;
}

const csv =
	'id,subject,body\n1,"Hello, world","line one\nline two"\n2,"He said ""hi""",plain\n3,last,"x\n\ny"';

describe('CsvRecordSplitter', () => {
	it('keeps quoted newlines inside their record at every possible cut', () => {
		const whole = parse(csv);
		for (let cut = 0; cut <= csv.length; cut++) {
			const pieces = splitAll(csv, [cut]);
			expect(pieces.join('')).toBe(csv);
			expect(pieces.flatMap(parse)).toEqual(whole);
		}
	});

	it('cuts CRLF files after the LF, so every piece holds whole records', () => {
		const crlf = 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n';
		for (let cut = 0; cut <= crlf.length; cut++) {
			const pieces = splitAll(crlf, [cut]);
			expect(pieces.every((piece) => piece.endsWith('\r\n'))).toBe(true);
			expect(pieces.join('')).toBe(crlf);
		}
	});

	it('handles many small pieces', () => {
		const cuts = Array.from({ length: csv.length }, (_, i) => i);
		expect(splitAll(csv, cuts).flatMap(parse)).toEqual(parse(csv));
	});

	it('returns nothing until a record is complete', () => {
		const splitter = new CsvRecordSplitter();
		expect(splitter.push('a,"b\n')).toBe('');
		expect(splitter.push('c"\nd,e')).toBe('a,"b\nc"\n');
		expect(splitter.end()).toBe('d,e');
	});

	it('gives up on an unbalanced quote once the carry is too large', () => {
		const splitter = new CsvRecordSplitter(10);
		expect(splitter.push('1,"broken\n2,ok\n3,ok\n')).toBe('1,"broken\n2,ok\n3,ok\n');
		expect(splitter.push('4,fine\n')).toBe('4,fine\n');
	});
});
