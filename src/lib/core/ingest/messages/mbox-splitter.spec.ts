import { describe, expect, it } from 'vitest';
import { MboxSplitter } from './mbox-splitter';

const MBOX = [
	'From 1001@xxx Mon Mar 02 09:00:00 +0000 2026',
	'Subject: one',
	'',
	'>From the warehouse: shipped.',
	'From now on we ship daily',
	'',
	'From support@shop.example Mon Mar  2 10:00:00 2026',
	'Subject: two',
	'',
	'body two',
	''
].join('\r\n');

function splitInPieces(text: string, size: number): string[] {
	const splitter = new MboxSplitter();
	const out: string[] = [];
	for (let i = 0; i < text.length; i += size) out.push(...splitter.push(text.slice(i, i + size)));
	out.push(...splitter.end());
	return out;
}

describe('MboxSplitter', () => {
	it('cuts at envelope lines only, unescapes >From, whatever the piece size', () => {
		const expected = [
			'Subject: one\r\n\r\nFrom the warehouse: shipped.\r\nFrom now on we ship daily\r\n\r\n',
			'Subject: two\r\n\r\nbody two\r\n'
		];
		for (const size of [1, 3, 7, 64, 10_000]) expect(splitInPieces(MBOX, size)).toEqual(expected);
	});

	it('an empty input is no message', () => {
		expect(splitInPieces('', 5)).toEqual([]);
	});
});
