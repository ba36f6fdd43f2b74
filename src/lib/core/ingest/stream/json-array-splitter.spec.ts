import { describe, it, expect } from 'vitest';
import { JsonRecordSplitter, JsonStreamError, detectJsonLayout } from './json-array-splitter';

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TRICKY = [
	'[',
	']',
	'{',
	'}',
	',',
	'"',
	'\\',
	'\\"',
	'\n',
	'\r\n',
	' ',
	'中文',
	'😀',
	'\u2028',
	'é'
];

function randomString(next: () => number): string {
	let s = '';
	const len = Math.floor(next() * 12);
	for (let k = 0; k < len; k++) {
		s +=
			next() < 0.5
				? (TRICKY[Math.floor(next() * TRICKY.length)] ?? '')
				: String.fromCharCode(97 + Math.floor(next() * 26));
	}
	return s;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function randomValue(next: () => number, depth: number): Json {
	const r = next();
	if (depth > 3 || r < 0.35) {
		const k = Math.floor(next() * 5);
		if (k === 0) return null;
		if (k === 1) return next() < 0.5;
		if (k === 2) return Math.round((next() - 0.5) * 1e6) / 100;
		return randomString(next);
	}
	const size = Math.floor(next() * 4);
	if (r < 0.6) return Array.from({ length: size }, () => randomValue(next, depth + 1));
	const obj: { [key: string]: Json } = {};
	for (let k = 0; k < size; k++) obj[randomString(next) + k] = randomValue(next, depth + 1);
	return obj;
}

function randomArray(seed: number, count: number): Json[] {
	const next = rng(seed);
	return Array.from({ length: count }, () => randomValue(next, 0));
}

function splitAll(mode: 'array' | 'ndjson', chunks: string[]): string[] {
	const splitter = new JsonRecordSplitter(mode);
	const out: string[] = [];
	for (const chunk of chunks) out.push(...splitter.push(chunk));
	out.push(...splitter.end());
	return out;
}

function chunkAt(text: string, cuts: number[]): string[] {
	const chunks: string[] = [];
	let last = 0;
	for (const cut of [...cuts].sort((x, y) => x - y)) {
		chunks.push(text.slice(last, cut));
		last = cut;
	}
	chunks.push(text.slice(last));
	return chunks;
}

function randomChunks(text: string, next: () => number, maxSize: number): string[] {
	const chunks: string[] = [];
	for (let i = 0; i < text.length;) {
		const size = 1 + Math.floor(next() * maxSize);
		chunks.push(text.slice(i, i + size));
		i += size;
	}
	return chunks;
}

describe('JsonRecordSplitter (array)', () => {
	it('emits each element of a whole-array push', () => {
		const text = '[{"a":1}, [1,2] ,"x", 3.5e2,true,null , {"b":{"c":[]}}]';
		expect(splitAll('array', [text])).toEqual([
			'{"a":1}',
			'[1,2]',
			'"x"',
			'3.5e2',
			'true',
			'null',
			'{"b":{"c":[]}}'
		]);
	});

	it('handles the empty array, whitespace and a BOM', () => {
		expect(splitAll('array', ['[]'])).toEqual([]);
		expect(splitAll('array', ['\uFEFF', ' \r\n\t[ \n ] \n'])).toEqual([]);
		expect(splitAll('array', ['\uFEFF[1]'])).toEqual(['1']);
	});

	it('ignores brackets, commas and escaped quotes inside strings', () => {
		const items = [
			{ s: 'a ] b , c { d [ e } f' },
			{ s: 'quote " inside', t: 'backslash \\', u: '\\"', v: '\\\\"' },
			'],[',
			'\\',
			{ '}': ']', '"': ',' }
		];
		const text = JSON.stringify(items);
		expect(splitAll('array', [text]).map((t) => JSON.parse(t) as unknown)).toEqual(items);
	});

	it('returns the exact source text of each element', () => {
		const text = '[\n  {\n    "a": [1, 2]\n  },\n  "s p a c e"\n]';
		expect(splitAll('array', [text])).toEqual(['{\n    "a": [1, 2]\n  }', '"s p a c e"']);
	});

	it('keeps nested arrays whole', () => {
		const items = [[[[]]], [[1, [2, [3]]], []], [{ a: [[]] }]];
		expect(splitAll('array', [JSON.stringify(items)]).map((t) => JSON.parse(t) as unknown)).toEqual(
			items
		);
	});

	it('splits correctly when cut at every position (two chunks)', () => {
		const items = randomArray(7, 12);
		for (const indent of [undefined, 2]) {
			const text = JSON.stringify(items, null, indent);
			const whole = splitAll('array', [text]);
			expect(whole.map((t) => JSON.parse(t) as unknown)).toEqual(items);
			for (let cut = 0; cut <= text.length; cut++) {
				expect(splitAll('array', chunkAt(text, [cut]))).toEqual(whole);
			}
		}
	});

	it('splits correctly for random chunkings, including one-character chunks', () => {
		const next = rng(42);
		for (let round = 0; round < 40; round++) {
			const items = randomArray(1000 + round, 1 + Math.floor(next() * 30));
			const text = JSON.stringify(items, null, round % 3 === 0 ? '\t' : undefined);
			const whole = splitAll('array', [text]);
			expect(whole.map((t) => JSON.parse(t) as unknown)).toEqual(items);
			for (const maxSize of [1, 3, 17, 200]) {
				expect(splitAll('array', randomChunks(text, next, maxSize))).toEqual(whole);
			}
			const cuts = Array.from({ length: 5 }, () => Math.floor(next() * (text.length + 1)));
			expect(splitAll('array', chunkAt(text, cuts))).toEqual(whole);
		}
	});

	it('survives escapes and surrogate pairs split across chunks', () => {
		const text = '[{"t":"a\\"b\\\\"},"中文😀",["\\u00e9"]]';
		const expected = [{ t: 'a"b\\' }, '中文😀', ['é']];
		for (let cut = 0; cut <= text.length; cut++) {
			for (let cut2 = cut; cut2 <= text.length; cut2 += 3) {
				const out = splitAll('array', chunkAt(text, [cut, cut2]));
				expect(out.map((t) => JSON.parse(t) as unknown)).toEqual(expected);
			}
		}
		// The emoji's high and low surrogates in different chunks.
		const emoji = text.indexOf('😀');
		expect(splitAll('array', chunkAt(text, [emoji + 1]))[1]).toBe('"中文😀"');
	});

	it('treats empty chunks as no-ops', () => {
		expect(splitAll('array', ['', '[1', '', ',2', '', ']', ''])).toEqual(['1', '2']);
	});

	it('emits elements as soon as their terminator arrives', () => {
		const splitter = new JsonRecordSplitter('array');
		expect(splitter.push('[{"a":1},{"b"')).toEqual(['{"a":1}']);
		expect(splitter.push(':2}')).toEqual([]);
		expect(splitter.push(',3')).toEqual(['{"b":2}']);
		expect(splitter.push(']')).toEqual(['3']);
		expect(splitter.end()).toEqual([]);
	});
});

describe('JsonRecordSplitter (array) errors', () => {
	function errorOf(chunks: string[]): JsonStreamError {
		try {
			splitAll('array', chunks);
		} catch (error) {
			if (error instanceof JsonStreamError) return error;
			throw error;
		}
		throw new Error('expected a JsonStreamError');
	}

	it('rejects an unclosed array at end()', () => {
		const error = errorOf(['[{"a":1},', '{"b":2}']);
		expect(error).toBeInstanceOf(SyntaxError);
		expect(error.name).toBe('JsonStreamError');
		expect(error.message).toMatch(/not closed/);
		expect(error.offset).toBe(16);
		expect(errorOf(['[']).message).toMatch(/not closed/);
		expect(errorOf(['[1,']).message).toMatch(/not closed/);
		expect(errorOf(['["abc']).message).toMatch(/inside a string/);
	});

	it('rejects trailing garbage after the array', () => {
		const error = errorOf(['[1,2]  ', ' x']);
		expect(error.message).toMatch(/after the end of the JSON array/);
		expect(error.offset).toBe(8);
		expect(errorOf(['[1][2]']).message).toMatch(/after the end/);
	});

	it('rejects input that is not an array', () => {
		expect(errorOf(['{"a":1}']).message).toMatch(/Expected '\['/);
		expect(errorOf(['']).message).toMatch(/empty/);
		expect(errorOf(['   ']).message).toMatch(/empty/);
	});

	it('rejects structural mistakes between elements', () => {
		expect(errorOf(['[1,]']).message).toMatch(/Trailing comma/);
		expect(errorOf(['[,1]']).message).toMatch(/Missing array element/);
		expect(errorOf(['[1,,2]']).message).toMatch(/Missing array element/);
		expect(errorOf(['[1}']).message).toMatch(/Unexpected '}'/);
	});

	it('refuses push() after end()', () => {
		const splitter = new JsonRecordSplitter('array');
		splitter.push('[]');
		splitter.end();
		expect(() => splitter.push('[]')).toThrow(/after end/);
	});
});

describe('JsonRecordSplitter (ndjson)', () => {
	it('splits lines, handling CRLF, blank lines and a BOM', () => {
		const text = '\uFEFF{"a":1}\r\n\r\n  \n{"b":"x\\ny"}\n{"c":[1,2]}\r\n\n';
		expect(splitAll('ndjson', [text])).toEqual(['{"a":1}', '{"b":"x\\ny"}', '{"c":[1,2]}']);
	});

	it('emits a final line without a trailing newline at end()', () => {
		const splitter = new JsonRecordSplitter('ndjson');
		expect(splitter.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
		expect(splitter.push(':2}')).toEqual([]);
		expect(splitter.end()).toEqual(['{"b":2}']);
	});

	it('joins lines split across many chunks, at every position', () => {
		const items = randomArray(99, 15).map((value, k) => ({ k, value }));
		const text = items.map((item) => JSON.stringify(item)).join('\r\n') + '\r\n';
		const whole = splitAll('ndjson', [text]);
		expect(whole.map((t) => JSON.parse(t) as unknown)).toEqual(items);
		for (let cut = 0; cut <= text.length; cut++) {
			expect(splitAll('ndjson', chunkAt(text, [cut]))).toEqual(whole);
		}
		const next = rng(5);
		for (const maxSize of [1, 2, 7, 64]) {
			expect(splitAll('ndjson', randomChunks(text, next, maxSize))).toEqual(whole);
		}
	});

	it('returns nothing for empty or blank input', () => {
		expect(splitAll('ndjson', [])).toEqual([]);
		expect(splitAll('ndjson', ['\n\r\n  \n'])).toEqual([]);
	});
});

describe('detectJsonLayout', () => {
	it.each([
		['[{"a":1}]', 'array'],
		['\uFEFF  \n [', 'array'],
		['{"a":1}\n{"a":2}\n', 'ndjson'],
		['{"a":"}{"}\r\n{"a":2}', 'ndjson'],
		['{"a":1}\n\n   {"a":2}', 'ndjson'],
		['{\n  "tickets": [\n    {"id": 1}\n  ]\n}', 'object'],
		['{"tickets":[{"id":1}]}', 'object'],
		['{"tickets":[{"id":1}]}\n', 'object'],
		['{"a":1}\n[1]', 'unknown'],
		['{"a":1} {"a":2}', 'unknown'],
		['{"a":"very long first record that has not ended', 'unknown'],
		['', 'unknown'],
		['  \n ', 'unknown'],
		['id,subject\n1,hello', 'unknown'],
		['"just a string"', 'unknown']
	])('%j → %s', (head, expected) => {
		expect(detectJsonLayout(head)).toBe(expected);
	});
});
