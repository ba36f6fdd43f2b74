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

describe('KeyIndex: memory and wide values', () => {
	it('holds 12 bytes a slot with 32-bit values, 16 with wide ones, at a load of at most one half', () => {
		const narrow = new KeyIndex(16);
		const wide = new KeyIndex(16, { wideValues: true });
		for (let i = 0; i < 100_000; i++) {
			narrow.set(`k${i}`, i);
			wide.set(`k${i}`, i * 16_384 + 5);
		}
		// 100,000 keys at load ≤ 1/2 need 262,144 slots (the next power of two above 200,000).
		expect(narrow.bytes).toBe(262_144 * 12);
		expect(wide.bytes).toBe(262_144 * 16);
		expect(wide.get('k99999')).toBe(99_999 * 16_384 + 5);
		expect(narrow.get('k99999')).toBe(99_999);
	});
});
