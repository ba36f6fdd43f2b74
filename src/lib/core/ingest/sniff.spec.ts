import { describe, expect, it } from 'vitest';
import { sniffFile } from './sniff';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);
/** A head as the reader would pass it: the file's first bytes, with the whole file's size. */
const sniff = (head: Uint8Array, name = 'export.csv') => sniffFile(head, name, head.length);

describe('sniffFile: empty files', () => {
	it('reports a zero-byte file as empty, naming it', () => {
		expect(sniffFile(new Uint8Array(0), 'tickets.csv', 0)).toEqual({
			ok: false,
			code: 'empty_file',
			message: '"tickets.csv" is empty.'
		});
	});

	it('trusts a size of 0 even when a head was passed', () => {
		const result = sniffFile(utf8('Id,Created at\n'), 'a.csv', 0);
		expect(result.ok ? null : result.code).toBe('empty_file');
	});

	it('reports a whitespace-only file as empty', () => {
		expect(sniff(utf8('  \r\n\t\n  '), 'blank.csv')).toEqual({
			ok: false,
			code: 'empty_file',
			message: '"blank.csv" is empty.'
		});
	});

	it('reports a file holding only a UTF-8 BOM and newlines as empty', () => {
		const result = sniff(bytes(0xef, 0xbb, 0xbf, 0x0a, 0x0a), 'bom.csv');
		expect(result.ok ? null : result.code).toBe('empty_file');
	});
});

describe('sniffFile: binary files', () => {
	it.each([
		['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'logo.png'],
		['JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'photo.jpg'],
		['PDF document', [...utf8('%PDF-1.7\n')], 'report.pdf'],
		['gzip archive', [0x1f, 0x8b, 0x08, 0x00], 'tickets.csv.gz']
	])('names a %s in the message', (kind, head, name) => {
		const result = sniff(bytes(...head), name);
		expect(result).toEqual({
			ok: false,
			code: 'binary_file',
			message: `"${name}" is a ${kind}, not an export. Drop a CSV, JSON or NDJSON file.`
		});
	});

	it('rejects text-looking bytes with a NUL as a binary file', () => {
		const result = sniff(utf8('Id,Created at\n1,\u00002024-01-01\n'), 'odd.csv');
		expect(result).toEqual({
			ok: false,
			code: 'binary_file',
			message: '"odd.csv" is a binary file, not an export. Drop a CSV, JSON or NDJSON file.'
		});
	});
});

describe('sniffFile: spreadsheets', () => {
	it('sends an .xlsx (a ZIP, PK\\x03\\x04) back as a spreadsheet, naming the file', () => {
		const result = sniff(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), 'tickets.xlsx');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.code).toBe('spreadsheet_file');
		expect(result.message).toContain('"tickets.xlsx"');
		expect(result.message).toContain('CSV');
	});

	it('sends an old .xls (OLE2, D0 CF 11 E0) back as a spreadsheet', () => {
		const result = sniff(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'old.xls');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.code).toBe('spreadsheet_file');
		expect(result.message).toContain('"old.xls"');
	});

	it('treats a ZIP under a .csv name as a spreadsheet too: bytes decide, not the name', () => {
		const result = sniff(bytes(0x50, 0x4b, 0x03, 0x04, 0x00), 'export.csv');
		expect(result.ok ? null : result.code).toBe('spreadsheet_file');
	});
});

describe('sniffFile: encodings', () => {
	it('reads a UTF-16LE BOM as utf-16le text and still sees CSV', () => {
		// FF FE, then "Id,Created\n" in UTF-16LE.
		const body = [...'Id,Created\n'].flatMap((ch) => [ch.charCodeAt(0), 0x00]);
		expect(sniff(bytes(0xff, 0xfe, ...body))).toEqual({
			ok: true,
			format: 'csv',
			encoding: 'utf-16le'
		});
	});

	it('reads a UTF-16BE BOM as utf-16be text and sees a JSON array', () => {
		const body = [...'[{"id":1}]'].flatMap((ch) => [0x00, ch.charCodeAt(0)]);
		expect(sniff(bytes(0xfe, 0xff, ...body), 'tickets.json')).toEqual({
			ok: true,
			format: 'json',
			encoding: 'utf-16be'
		});
	});

	it('does not take the NUL bytes of UTF-16 text for a binary file', () => {
		const body = [...'{"a":1}\n{"a":2}\n'].flatMap((ch) => [ch.charCodeAt(0), 0x00]);
		const result = sniff(bytes(0xff, 0xfe, ...body), 'x.json');
		expect(result).toEqual({ ok: true, format: 'ndjson', encoding: 'utf-16le' });
	});

	it('reads a UTF-8 BOM followed by CSV as utf-8 CSV', () => {
		expect(sniff(bytes(0xef, 0xbb, 0xbf, ...utf8('Id,Created at\n1,2024-01-01\n')))).toEqual({
			ok: true,
			format: 'csv',
			encoding: 'utf-8'
		});
	});

	it('looks past a UTF-8 BOM when the content is JSON', () => {
		expect(sniff(bytes(0xef, 0xbb, 0xbf, ...utf8('[{"id":1}]')), 'a.json')).toEqual({
			ok: true,
			format: 'json',
			encoding: 'utf-8'
		});
	});
});

describe('sniffFile: text formats', () => {
	it('reads a leading "[" (after whitespace) as a JSON array', () => {
		expect(sniff(utf8('\n  [\n  {"id": 1}\n]'), 'tickets.json')).toEqual({
			ok: true,
			format: 'json',
			encoding: 'utf-8'
		});
	});

	it('reads two object lines as NDJSON whatever the name', () => {
		expect(sniff(utf8('{"id":1}\n{"id":2}\n'), 'tickets.json')).toEqual({
			ok: true,
			format: 'ndjson',
			encoding: 'utf-8'
		});
	});

	it('reads NDJSON with CRLF line ends and blank lines between records', () => {
		const result = sniff(utf8('{"id":1}\r\n\r\n{"id":2}\r\n'), 'data.txt');
		expect(result.ok ? result.format : null).toBe('ndjson');
	});

	it('reads a single pretty-printed object as JSON (its second line is a key, not a record)', () => {
		const text = '{\n  "tickets": [\n    { "id": 1 }\n  ]\n}\n';
		expect(sniff(utf8(text), 'export.json')).toEqual({
			ok: true,
			format: 'json',
			encoding: 'utf-8'
		});
	});

	it('reads a single-line object as JSON under a .json name', () => {
		expect(sniff(utf8('{"id":1}'), 'one.json')).toEqual({
			ok: true,
			format: 'json',
			encoding: 'utf-8'
		});
	});

	it.each(['one.jsonl', 'ONE.JSONL', 'one.ndjson'])(
		'lets the name %s break the tie for a single object line',
		(name) => {
			expect(sniff(utf8('{"id":1}\n'), name)).toEqual({
				ok: true,
				format: 'ndjson',
				encoding: 'utf-8'
			});
		}
	);

	it('does not let a .jsonl name turn a JSON array into NDJSON', () => {
		const result = sniff(utf8('[{"id":1}]'), 'odd.jsonl');
		expect(result.ok ? result.format : null).toBe('json');
	});

	it('reads anything else as CSV, including semicolon-separated and Chinese headers', () => {
		expect(sniff(utf8('工单编号;创建时间\n1;2024-01-01\n'), '工单.csv')).toEqual({
			ok: true,
			format: 'csv',
			encoding: 'utf-8'
		});
	});

	it('does not let a .json name turn CSV text into JSON', () => {
		const result = sniff(utf8('Id,Created at\n1,2024-01-01\n'), 'mislabelled.json');
		expect(result.ok ? result.format : null).toBe('csv');
	});
});

describe('sniffFile: legacy and BOM-less encodings', () => {
	const encodeGb18030 = (text: string) => {
		// Node's TextDecoder reads GB18030; build the bytes of a known Chinese header by hand.
		// 工单编号,创建时间 in GBK:
		const bytes = [
			0xb9, 0xa4, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xb4, 0xb4, 0xbd, 0xa8, 0xca, 0xb1,
			0xbc, 0xe4
		];
		expect(new TextDecoder('gb18030').decode(new Uint8Array(bytes))).toBe(text);
		return new Uint8Array([...bytes, 0x0a, 0x31, 0x2c, 0x32]);
	};

	it('reads GBK-encoded Chinese CSV as gb18030', () => {
		const head = encodeGb18030('工单编号,创建时间');
		expect(sniffFile(head, 'export.csv', head.length)).toEqual({
			ok: true,
			format: 'csv',
			encoding: 'gb18030'
		});
	});

	it('reads lone high bytes (café in Windows-1252) as windows-1252', () => {
		const head = new Uint8Array([
			...new TextEncoder().encode('name,city\nRen'),
			0xe9,
			...new TextEncoder().encode(',Caf'),
			0xe9,
			0x0a
		]);
		const result = sniffFile(head, 'export.csv', head.length);
		expect(result.ok && result.encoding).toBe('windows-1252');
	});

	it('keeps UTF-8 when the head ends in the middle of a multi-byte character', () => {
		const full = new TextEncoder().encode('id,主题\n1,你好');
		const head = full.slice(0, full.length - 1);
		const result = sniffFile(head, 'export.csv', full.length);
		expect(result.ok && result.encoding).toBe('utf-8');
	});

	it('recognises UTF-16LE and UTF-16BE without a BOM', () => {
		const text = 'Id,Created at\n1,2026-07-01\n';
		const le = new Uint8Array(text.length * 2);
		const be = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) {
			le[2 * i] = text.charCodeAt(i);
			be[2 * i + 1] = text.charCodeAt(i);
		}
		const leResult = sniffFile(le, 'le.csv', le.length);
		const beResult = sniffFile(be, 'be.csv', be.length);
		expect(leResult.ok && leResult.encoding).toBe('utf-16le');
		expect(beResult.ok && beResult.encoding).toBe('utf-16be');
	});
});
