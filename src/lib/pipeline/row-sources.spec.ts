import { describe, expect, it } from 'vitest';
import type { TextPiece } from './read-text';
import { csvRowBatches, jsonRowBatches, type RowBatch } from './row-sources';

/** Streams `texts` as pieces, counting UTF-8 bytes the way the file reader does. */
async function* piecesOf(texts: readonly string[]): AsyncGenerator<TextPiece> {
	const encoder = new TextEncoder();
	let bytesRead = 0;
	for (const text of texts) {
		bytesRead += encoder.encode(text).length;
		await Promise.resolve();
		yield { text, bytesRead };
	}
}

/** A batch as it was when yielded: the JSON header array keeps growing afterwards. */
interface SeenBatch extends Omit<RowBatch, 'header' | 'broken'> {
	header: string[];
	broken: [number, string][];
}

async function collect(batches: AsyncIterable<RowBatch>): Promise<SeenBatch[]> {
	const seen: SeenBatch[] = [];
	for await (const batch of batches)
		seen.push({ ...batch, header: [...batch.header], broken: [...batch.broken] });
	return seen;
}

const allRows = (batches: readonly SeenBatch[]) => batches.flatMap((batch) => batch.rows);

describe('csvRowBatches', () => {
	it('detects a semicolon delimiter and keeps commas inside cells', async () => {
		const batches = await collect(
			csvRowBatches(
				piecesOf(['Id;Created at;Subject\n1;2024-03-04;Refund, please\n2;2024-03-05;Hi\n'])
			)
		);
		expect(batches).toHaveLength(1);
		expect(batches[0]?.header).toEqual(['Id', 'Created at', 'Subject']);
		expect(batches[0]?.rows).toEqual([
			['1', '2024-03-04', 'Refund, please'],
			['2', '2024-03-05', 'Hi']
		]);
	});

	it('keeps the delimiter found in the first piece for later pieces', async () => {
		// Alone, "3;2024-03-06;a, b, c" splits as well on commas as on semicolons.
		const batches = await collect(
			csvRowBatches(piecesOf(['Id;Created at;Subject\n1;2024-03-04;x\n', '3;2024-03-06;a, b, c\n']))
		);
		expect(allRows(batches)).toEqual([
			['1', '2024-03-04', 'x'],
			['3', '2024-03-06', 'a, b, c']
		]);
	});

	it('detects tabs', async () => {
		const batches = await collect(csvRowBatches(piecesOf(['Id\tSubject\n1\tHi, there\n'])));
		expect(batches[0]?.header).toEqual(['Id', 'Subject']);
		expect(batches[0]?.rows).toEqual([['1', 'Hi, there']]);
	});

	it('keeps a quoted newline that straddles two pieces inside its cell', async () => {
		const batches = await collect(
			csvRowBatches(piecesOf(['Id,Subject\n1,"line one\nli', 'ne two"\n2,plain\n']))
		);
		expect(batches.every((batch) => batch.header.join('|') === 'Id|Subject')).toBe(true);
		expect(allRows(batches)).toEqual([
			['1', 'line one\nline two'],
			['2', 'plain']
		]);
		const withRows = batches.filter((batch) => batch.rows.length > 0);
		expect(withRows.map((batch) => batch.firstRowNumber)).toEqual([1]);
	});

	it('keeps a doubled quote split across pieces', async () => {
		const batches = await collect(csvRowBatches(piecesOf(['Id,Subject\n1,"say "', '"hi"""\n'])));
		expect(allRows(batches)).toEqual([['1', 'say "hi"']]);
	});

	it('strips a BOM and surrounding spaces from the header names', async () => {
		const batches = await collect(
			csvRowBatches(piecesOf(['\uFEFFId, Created at ,Subject\n1,2024-03-04,Hi\n']))
		);
		expect(batches[0]?.header).toEqual(['Id', 'Created at', 'Subject']);
		expect(batches[0]?.rows).toEqual([['1', '2024-03-04', 'Hi']]);
	});

	it('numbers rows from 1 across batches, header excluded, and reports bytes read', async () => {
		const pieces = ['Id,X\n1,a\n2,b\n', '3,c\n', '4,d\n5,e'];
		const batches = await collect(csvRowBatches(piecesOf(pieces)));
		expect(batches.map((batch) => [batch.firstRowNumber, batch.rows])).toEqual([
			[
				1,
				[
					['1', 'a'],
					['2', 'b']
				]
			],
			[3, [['3', 'c']]],
			[4, [['4', 'd']]],
			// The last record has no newline: it arrives when the stream ends.
			[5, [['5', 'e']]]
		]);
		expect(batches.map((batch) => batch.bytesRead)).toEqual([13, 17, 24, 24]);
	});

	it('skips blank lines without counting them as rows', async () => {
		const batches = await collect(csvRowBatches(piecesOf(['Id,X\n\n1,a\n  \n2,b\n\n'])));
		expect(allRows(batches)).toEqual([
			['1', 'a'],
			['2', 'b']
		]);
	});

	it('reads CRLF line ends', async () => {
		const batches = await collect(csvRowBatches(piecesOf(['Id,X\r\n1,a\r\n2,b\r\n'])));
		expect(batches[0]?.header).toEqual(['Id', 'X']);
		expect(allRows(batches)).toEqual([
			['1', 'a'],
			['2', 'b']
		]);
	});

	it('marks a row with bad quotes as malformed, indexed after the header', async () => {
		const batches = await collect(csvRowBatches(piecesOf(['Id,S\n1,ok\n2,"bad"x\n'])));
		expect(batches).toHaveLength(1);
		expect(batches[0]?.rows[0]).toEqual(['1', 'ok']);
		// papaparse reports row 2 of the text; the header is row 0 there, so it is batch row 1.
		expect(batches[0]?.broken).toEqual([[1, 'malformed_row']]);
	});

	it('marks an unterminated quote at the end of the file as malformed', async () => {
		const batches = await collect(csvRowBatches(piecesOf(['Id,S\n1,ok\n2,"a""b\n'])));
		expect(batches.map((batch) => [batch.firstRowNumber, batch.rows.length, batch.broken])).toEqual(
			[
				[1, 1, []],
				[2, 1, [[0, 'malformed_row']]]
			]
		);
	});

	it('yields nothing for an empty stream', async () => {
		expect(await collect(csvRowBatches(piecesOf([])))).toEqual([]);
		expect(await collect(csvRowBatches(piecesOf(['\n\n'])))).toEqual([]);
	});
});

describe('jsonRowBatches: arrays', () => {
	it('grows the header when keys appear late; earlier rows stay shorter', async () => {
		const batches = await collect(
			jsonRowBatches(
				piecesOf(['[{"id":1,"subject":"a"},', '{"id":2,"via":{"channel":"email"}}]']),
				'array'
			)
		);
		expect(batches.map((batch) => batch.header)).toEqual([
			['id', 'subject'],
			['id', 'subject', 'via.channel']
		]);
		expect(batches.map((batch) => batch.rows)).toEqual([[['1', 'a']], [['2', '', 'email']]]);
		expect(batches.map((batch) => batch.firstRowNumber)).toEqual([1, 2]);
	});

	it('pads rows to the header known so far within one batch', async () => {
		const batches = await collect(
			jsonRowBatches(piecesOf(['[{"a":1},{"b":2},{"b":3,"a":4}]']), 'array')
		);
		expect(batches).toHaveLength(1);
		expect(batches[0]?.header).toEqual(['a', 'b']);
		expect(batches[0]?.rows).toEqual([['1'], ['', '2'], ['4', '3']]);
	});

	it('keeps an element that is not valid JSON as a broken row with its text', async () => {
		const batches = await collect(
			jsonRowBatches(piecesOf(['[{"id":1},{"id":tru},{"id":3}]']), 'array')
		);
		expect(batches[0]?.rows).toEqual([['1'], ['{"id":tru}'], ['3']]);
		expect(batches[0]?.broken).toEqual([[1, 'invalid_json']]);
	});

	it('marks scalar, null and array elements as not_an_object', async () => {
		const batches = await collect(
			jsonRowBatches(piecesOf(['[{"id":1}, 42, "x", null, [1,2]]']), 'array')
		);
		expect(batches[0]?.rows).toEqual([['1'], ['42'], ['"x"'], ['null'], ['[1,2]']]);
		expect(batches[0]?.broken).toEqual([
			[1, 'not_an_object'],
			[2, 'not_an_object'],
			[3, 'not_an_object'],
			[4, 'not_an_object']
		]);
	});

	it('numbers broken rows like any other and continues after them', async () => {
		const batches = await collect(jsonRowBatches(piecesOf(['[{"id":1},', '7,{"id":3}]']), 'array'));
		expect(batches.map((batch) => [batch.firstRowNumber, batch.rows.length])).toEqual([
			[1, 1],
			[2, 2]
		]);
		expect(batches[1]?.broken).toEqual([[0, 'not_an_object']]);
	});
});

describe('jsonRowBatches: NDJSON', () => {
	it('reads one record per line, also when a line is cut between pieces', async () => {
		const batches = await collect(
			jsonRowBatches(piecesOf(['{"id":1,"tags":["a","b"]}\n{"id":', '2}\n\n{"id":3}']), 'ndjson')
		);
		expect(batches.every((batch) => batch.header.join('|').startsWith('id|tags'))).toBe(true);
		expect(allRows(batches)).toEqual([
			['1', 'a,b'],
			['2', ''],
			['3', '']
		]);
		expect(batches.map((batch) => batch.firstRowNumber)).toEqual([1, 2, 3]);
	});

	it('marks a broken line as invalid_json', async () => {
		const batches = await collect(jsonRowBatches(piecesOf(['{"id":1}\n{oops\n']), 'ndjson'));
		expect(allRows(batches)).toEqual([['1'], ['{oops']]);
		expect(batches[0]?.broken).toEqual([[1, 'invalid_json']]);
	});
});

describe('jsonRowBatches: object wrapper', () => {
	it('finds the record array nested in { "data": { "tickets": [...] } }', async () => {
		const text =
			'{ "meta": { "count": 2 }, "data": { "tickets": [ {"id":1}, {"id":2,"x":"y"} ] } }';
		const batches = await collect(
			jsonRowBatches(piecesOf([text.slice(0, 30), text.slice(30)]), 'object')
		);
		expect(batches).toEqual([
			{
				header: ['id', 'x'],
				rows: [['1'], ['2', 'y']],
				firstRowNumber: 1,
				broken: [],
				bytesRead: text.length
			}
		]);
	});

	it('prefers an array of records at the top level over deeper ones', async () => {
		const text = '{"data":{"items":[{"id":"deep"}]},"tickets":[{"id":"top"}]}';
		const batches = await collect(jsonRowBatches(piecesOf([text]), 'object'));
		expect(batches[0]?.rows).toEqual([['top']]);
	});

	it('fails with a clear message when no array of records is inside', async () => {
		await expect(
			collect(jsonRowBatches(piecesOf(['{"count": 2, "ok": true}']), 'object'))
		).rejects.toThrow('This JSON document holds no array of records.');
	});
});
