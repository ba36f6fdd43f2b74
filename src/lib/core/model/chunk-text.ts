/**
 * Compact storage of a chunk's string columns. IndexedDB structured-clones every value it
 * stores: 10,000 small strings per column cost a header and a copy each, and reading them
 * back allocates as many strings. Stored instead:
 *
 * - `dict`: few distinct values (agents, groups, tags, authors, conversation ids): the
 *   distinct values once plus one small integer code per row;
 * - `utf8`: all values joined and encoded as UTF-8 in one byte array, with each value's end
 *   (in UTF-16 units) in a Uint32Array: one copy to clone, compact on disk;
 * - `joined`: the same as one string, for text that is not well-formed UTF-16 (a lone
 *   surrogate would not survive UTF-8, and values must come back unchanged);
 * - `prefixed`: every value is a fixed prefix followed by another column's value (ticket and
 *   message keys are `<vendor>:<id>`): nothing stored but the prefix.
 */
export type EncodedText =
	| { kind: 'dict'; values: string[]; codes: Uint8Array | Uint16Array | Uint32Array }
	| { kind: 'utf8'; bytes: Uint8Array; ends: Uint32Array }
	| { kind: 'joined'; text: string; ends: Uint32Array }
	| { kind: 'prefixed'; prefix: string; column: string };

/** Whether to try a dictionary: worth it when a column repeats values. */
export type TextColumnHint = 'repeats' | 'unique';

/** A dictionary pays when distinct values are at most this share of the rows. */
const MAX_DICTIONARY_SHARE = 1 / 8;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encodes values[0, size) (missing entries read as ''). */
export function encodeText(
	values: readonly (string | undefined)[],
	size: number,
	hint: TextColumnHint
): EncodedText {
	if (hint === 'repeats') {
		const dictionary = dictionaryOf(values, size);
		if (dictionary !== null) return dictionary;
	}
	const joined = values.length === size ? values.join('') : values.slice(0, size).join('');
	const ends = new Uint32Array(size);
	let end = 0;
	for (let i = 0; i < size; i++) {
		end += values[i]?.length ?? 0;
		ends[i] = end;
	}
	return isWellFormed(joined)
		? { kind: 'utf8', bytes: encoder.encode(joined), ends }
		: { kind: 'joined', text: joined, ends };
}

/**
 * `prefixed` when every values[i] is `prefix + of[i]` for one prefix (checked, not assumed),
 * else the usual encoding.
 */
export function encodePrefixedText(
	values: readonly (string | undefined)[],
	of: readonly (string | undefined)[],
	ofColumn: string,
	size: number
): EncodedText {
	const prefix = commonPrefix(values, of, size);
	return prefix === null
		? encodeText(values, size, 'unique')
		: { kind: 'prefixed', prefix, column: ofColumn };
}

function commonPrefix(
	values: readonly (string | undefined)[],
	of: readonly (string | undefined)[],
	size: number
): string | null {
	if (size === 0) return null;
	const first = values[0] ?? '';
	const firstOf = of[0] ?? '';
	if (!first.endsWith(firstOf)) return null;
	const prefix = first.slice(0, first.length - firstOf.length);
	for (let i = 0; i < size; i++) {
		const value = values[i] ?? '';
		const suffix = of[i] ?? '';
		if (
			value.length !== prefix.length + suffix.length ||
			!value.startsWith(prefix) ||
			!value.endsWith(suffix)
		)
			return null;
	}
	return prefix;
}

/** Rows after which a column that already looks too varied gives up its dictionary. */
const EARLY_CHECK_ROWS = 1024;

function dictionaryOf(values: readonly (string | undefined)[], size: number): EncodedText | null {
	const limit = Math.floor(size * MAX_DICTIONARY_SHARE);
	const earlyLimit = Math.floor(EARLY_CHECK_ROWS * MAX_DICTIONARY_SHARE * 2);
	const codeOf = new Map<string, number>();
	const dictionary: string[] = [];
	const codes = new Uint32Array(size);
	for (let i = 0; i < size; i++) {
		const value = values[i] ?? '';
		let code = codeOf.get(value);
		if (code === undefined) {
			if (dictionary.length >= limit) return null;
			if (i < EARLY_CHECK_ROWS && dictionary.length >= earlyLimit) return null;
			code = dictionary.length;
			dictionary.push(value);
			codeOf.set(value, code);
		}
		codes[i] = code;
	}
	return {
		kind: 'dict',
		values: dictionary,
		codes:
			dictionary.length <= 256
				? Uint8Array.from(codes)
				: dictionary.length <= 65_536
					? Uint16Array.from(codes)
					: codes
	};
}

/** The values back, exactly as encoded. `columns` resolves a `prefixed` column's source. */
export function decodeText(
	encoded: EncodedText,
	size: number,
	columns: (name: string) => readonly string[] | undefined = () => undefined
): string[] {
	const out = new Array<string>(size);
	switch (encoded.kind) {
		case 'dict': {
			const { values, codes } = encoded;
			for (let i = 0; i < size; i++) out[i] = values[codes[i] ?? 0] ?? '';
			return out;
		}
		case 'prefixed': {
			const source = columns(encoded.column);
			if (source === undefined) throw new Error(`Chunk has no column ${encoded.column}`);
			for (let i = 0; i < size; i++) out[i] = encoded.prefix + (source[i] ?? '');
			return out;
		}
		case 'utf8':
		case 'joined': {
			const text = encoded.kind === 'utf8' ? decoder.decode(encoded.bytes) : encoded.text;
			const ends = encoded.ends;
			let start = 0;
			for (let i = 0; i < size; i++) {
				const end = ends[i] ?? start;
				out[i] = text.slice(start, end);
				start = end;
			}
			return out;
		}
	}
}

/** No lone surrogate: UTF-8 round-trips it unchanged. */
function isWellFormed(text: string): boolean {
	const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
	if (native !== undefined) return native.call(text);
	return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
