import { describe, expect, it } from 'vitest';
import { flattenRecord } from './flatten-record';

const flat = (record: Record<string, unknown>, maxDepth?: number) =>
	Object.fromEntries(flattenRecord(record, maxDepth));

describe('flattenRecord', () => {
	it('keeps top-level strings as they are', () => {
		expect(flat({ id: 'T-1', subject: ' Refund ' })).toEqual({ id: 'T-1', subject: ' Refund ' });
	});

	it('writes numbers and booleans as text', () => {
		expect(flat({ id: 42, score: 4.5, zero: 0, vip: true, spam: false })).toEqual({
			id: '42',
			score: '4.5',
			zero: '0',
			vip: 'true',
			spam: 'false'
		});
	});

	it('turns null and undefined into empty cells, keeping the column', () => {
		expect(flat({ solved_at: null, agent: undefined })).toEqual({ solved_at: '', agent: '' });
	});

	it('turns nested objects into dotted columns', () => {
		expect(
			flat({ id: 1, via: { channel: 'email', source: { from: 'a@b.c' } }, requester: { id: 7 } })
		).toEqual({ id: '1', 'via.channel': 'email', 'via.source.from': 'a@b.c', 'requester.id': '7' });
	});

	it('joins arrays of scalars with commas, empty for null items', () => {
		expect(flat({ tags: ['refund', 'vip'], ids: [1, 2, 3], mixed: ['a', null, true] })).toEqual({
			tags: 'refund,vip',
			ids: '1,2,3',
			mixed: 'a,,true'
		});
	});

	it('gives an empty array an empty cell', () => {
		expect(flat({ tags: [] })).toEqual({ tags: '' });
	});

	it('keeps arrays of objects (or of arrays) as JSON text', () => {
		expect(flat({ comments: [{ a: 1 }, { a: 2 }], grid: [[1, 2]] })).toEqual({
			comments: '[{"a":1},{"a":2}]',
			grid: '[[1,2]]'
		});
	});

	it('stops at maxDepth (default 3) and keeps the rest as JSON', () => {
		const record = { a: { b: { c: { d: 1 } } } };
		// Depth 1 = a, 2 = a.b, 3 = a.b.c: the object there is not opened.
		expect(flat(record)).toEqual({ 'a.b.c': '{"d":1}' });
		expect(flat(record, 4)).toEqual({ 'a.b.c.d': '1' });
		expect(flat(record, 1)).toEqual({ a: '{"b":{"c":{"d":1}}}' });
	});

	it('lists columns in the order of the record', () => {
		expect([...flattenRecord({ z: 1, a: { y: 2, b: 3 }, m: 4 }).keys()]).toEqual([
			'z',
			'a.y',
			'a.b',
			'm'
		]);
	});
});
