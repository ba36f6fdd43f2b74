import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index';

describe('KeyIndex', () => {
	it('maps keys to values like a Map, through growth', () => {
		const index = new KeyIndex(4);
		const reference = new Map<string, number>();
		for (let i = 0; i < 50_000; i++) {
			const key = `zendesk:${(i * 7919) % 60_000}`;
			index.set(key, i);
			reference.set(key, i);
		}
		expect(index.size).toBe(reference.size);
		for (const [key, value] of reference) expect(index.get(key)).toBe(value);
	});

	it('knows nothing of keys it was never given', () => {
		const index = new KeyIndex();
		index.set('generic:1', 1);
		expect(index.get('generic:2')).toBeUndefined();
		expect(index.get('')).toBeUndefined();
		expect(index.get('generic:1')).toBe(1);
	});

	it('tells apart keys with the same FNV hash', () => {
		// Keys that differ only by transposed characters, Unicode, and empty strings.
		const index = new KeyIndex();
		const keys = ['ab', 'ba', '订单1', '订单2', '', ' ', 'a'.repeat(1000), 'a'.repeat(999) + 'b'];
		keys.forEach((key, i) => index.set(key, i));
		keys.forEach((key, i) => expect(index.get(key)).toBe(i));
	});

	it('overwrites the value of a key set twice', () => {
		const index = new KeyIndex();
		index.set('x', 1);
		index.set('x', 2);
		expect(index.size).toBe(1);
		expect(index.get('x')).toBe(2);
	});

	it('getOrSet: returns the value of a known key, inserts an unknown one, through growth', () => {
		const index = new KeyIndex(4);
		const reference = new Map<string, number>();
		for (let i = 0; i < 20_000; i++) {
			const key = `m:${(i * 7919) % 15_000}`;
			expect(index.getOrSet(key, i)).toBe(reference.get(key));
			if (!reference.has(key)) reference.set(key, i);
		}
		expect(index.size).toBe(reference.size);
		for (const [key, value] of reference) expect(index.get(key)).toBe(value);
	});
});
