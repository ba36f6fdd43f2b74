/**
 * Streaming record splitter for JSON exports too big to hold or JSON.parse in one piece:
 * a top-level array (`[{…},{…}]`) or NDJSON (one value per line). Feed decoded text chunks of
 * any size; get back each top-level element's exact source text, ready for JSON.parse.
 *
 * The scanner only tracks what it must (depth, strings, escapes) and jumps through string
 * bodies with indexOf, so it is linear and slices each element once. An element spanning
 * chunks is kept as a list of pieces and joined once, never re-concatenated per chunk.
 * Element contents are not validated: JSON.parse on the emitted text does that.
 */

export type JsonLayout = 'array' | 'ndjson' | 'object' | 'unknown';

/** Malformed stream structure. A SyntaxError, like JSON.parse's, with the character offset. */
export class JsonStreamError extends SyntaxError {
	/** Offset in characters (UTF-16 units) from the start of the stream. */
	readonly offset: number;

	constructor(message: string, offset: number) {
		super(`${message} (at character ${offset})`);
		this.name = 'JsonStreamError';
		this.offset = offset;
	}
}

const C_TAB = 9;
const C_LF = 10;
const C_CR = 13;
const C_SPACE = 32;
const C_QUOTE = 34;
const C_COMMA = 44;
const C_LBRACKET = 91;
const C_BACKSLASH = 92;
const C_RBRACKET = 93;
const C_LBRACE = 123;
const C_RBRACE = 125;
const C_BOM = 0xfeff;

const S_START = 0; // before '['
const S_FIRST = 1; // after '[': an element or ']'
const S_NEXT = 2; // after ',': an element
const S_VALUE = 3; // inside an element
const S_DONE = 4; // after ']': whitespace only

function isJsonSpace(c: number): boolean {
	return c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB;
}

/** Trims JSON whitespace; returns the same string when there is nothing to trim. */
function trimJson(text: string): string {
	let a = 0;
	let b = text.length;
	while (a < b && isJsonSpace(text.charCodeAt(a))) a++;
	while (b > a && isJsonSpace(text.charCodeAt(b - 1))) b--;
	return a === 0 && b === text.length ? text : text.slice(a, b);
}

function describeChar(c: number): string {
	return c >= 0x20 && c < 0x7f
		? `'${String.fromCharCode(c)}'`
		: `U+${c.toString(16).padStart(4, '0')}`;
}

export class JsonRecordSplitter {
	private readonly mode: 'array' | 'ndjson';
	private state = S_START;
	private depth = 0;
	private inString = false;
	private escaped = false;
	/** Pieces of the element (or line) that started in an earlier chunk. */
	private pending: string[] = [];
	/** Characters in earlier chunks, for error offsets. */
	private consumed = 0;
	private ended = false;

	constructor(mode: 'array' | 'ndjson') {
		this.mode = mode;
	}

	/**
	 * Feeds the next chunk; returns the top-level elements it completed, in order.
	 * Throws JsonStreamError as soon as the array structure is impossible (e.g. no '[').
	 */
	push(text: string): string[] {
		if (this.ended) throw new Error('JsonRecordSplitter: push() after end()');
		const out: string[] = [];
		if (text.length === 0) return out;
		if (this.mode === 'ndjson') this.pushLines(text, out);
		else this.pushArray(text, out);
		this.consumed += text.length;
		return out;
	}

	/**
	 * Signals the end of input; returns what is left (the last NDJSON line without a newline).
	 * Throws JsonStreamError if an array was never opened or closed.
	 */
	end(): string[] {
		if (this.ended) return [];
		this.ended = true;
		const out: string[] = [];
		if (this.mode === 'ndjson') {
			if (this.pending.length > 0) this.emitLine(this.pending.join(''), out);
			this.pending = [];
			return out;
		}
		switch (this.state) {
			case S_DONE:
				return out;
			case S_START:
				throw new JsonStreamError('Expected a JSON array but the input was empty', this.consumed);
			case S_VALUE:
				throw new JsonStreamError(
					this.inString
						? 'Unexpected end of input inside a string: the array was not closed'
						: 'Unexpected end of input: the array was not closed',
					this.consumed
				);
			default:
				throw new JsonStreamError(
					"Unexpected end of input: the array was not closed (missing ']')",
					this.consumed
				);
		}
	}

	private pushArray(chunk: string, out: string[]): void {
		const n = chunk.length;
		let state = this.state;
		let depth = this.depth;
		let inString = this.inString;
		let escaped = this.escaped;
		let start = 0; // where the current element begins in this chunk
		let quote = -1; // cached next '"' / '\' positions; n = none left in this chunk
		let backslash = -1;
		let i = 0;
		while (i < n) {
			if (state === S_VALUE) {
				if (inString) {
					if (escaped) {
						escaped = false;
						i++;
					}
					for (;;) {
						if (quote < i) {
							quote = chunk.indexOf('"', i);
							if (quote < 0) quote = n;
						}
						if (backslash < i) {
							backslash = chunk.indexOf('\\', i);
							if (backslash < 0) backslash = n;
						}
						if (backslash < quote) {
							// Skip the escaped character, which may be in the next chunk.
							if (backslash + 1 >= n) {
								escaped = true;
								i = n;
								break;
							}
							i = backslash + 2;
							continue;
						}
						if (quote >= n) {
							i = n;
							break;
						}
						inString = false;
						i = quote + 1;
						break;
					}
					continue;
				}
				const c = chunk.charCodeAt(i);
				if (c === C_QUOTE) {
					inString = true;
				} else if (c === C_LBRACE || c === C_LBRACKET) {
					depth++;
				} else if (c === C_RBRACE || c === C_RBRACKET) {
					if (depth > 0) {
						depth--;
					} else if (c === C_RBRACKET) {
						out.push(this.takeElement(chunk, start, i));
						state = S_DONE;
					} else {
						throw new JsonStreamError("Unexpected '}' outside any object", this.consumed + i);
					}
				} else if (c === C_COMMA && depth === 0) {
					out.push(this.takeElement(chunk, start, i));
					state = S_NEXT;
				}
				i++;
				continue;
			}
			const c = chunk.charCodeAt(i);
			if (isJsonSpace(c)) {
				i++;
				continue;
			}
			const at = this.consumed + i;
			if (state === S_START) {
				if (c === C_BOM && at === 0) {
					i++;
				} else if (c === C_LBRACKET) {
					state = S_FIRST;
					i++;
				} else {
					throw new JsonStreamError(
						`Expected '[' to start a JSON array but found ${describeChar(c)}`,
						at
					);
				}
			} else if (state === S_DONE) {
				throw new JsonStreamError(
					`Unexpected ${describeChar(c)} after the end of the JSON array`,
					at
				);
			} else if (c === C_RBRACKET) {
				if (state === S_NEXT) throw new JsonStreamError("Trailing comma before ']'", at);
				state = S_DONE;
				i++;
			} else if (c === C_COMMA) {
				throw new JsonStreamError("Missing array element before ','", at);
			} else if (c === C_RBRACE) {
				throw new JsonStreamError("Unexpected '}' where an array element should start", at);
			} else {
				// Element starts here; the value branch above re-reads this character.
				state = S_VALUE;
				depth = 0;
				start = i;
			}
		}
		if (state === S_VALUE) this.pending.push(start === 0 ? chunk : chunk.slice(start));
		this.state = state;
		this.depth = depth;
		this.inString = inString;
		this.escaped = escaped;
	}

	/** The element ending just before `stop`, including pieces from earlier chunks. */
	private takeElement(chunk: string, start: number, stop: number): string {
		let text = chunk.slice(start, stop);
		if (this.pending.length > 0) {
			this.pending.push(text);
			text = this.pending.join('');
			this.pending = [];
		}
		// Leading whitespace was skipped before the element started; trailing may remain.
		return trimJson(text);
	}

	private pushLines(chunk: string, out: string[]): void {
		const n = chunk.length;
		let i = this.consumed === 0 && chunk.charCodeAt(0) === C_BOM ? 1 : 0;
		for (;;) {
			const newline = chunk.indexOf('\n', i);
			if (newline < 0) {
				if (i < n) this.pending.push(i === 0 ? chunk : chunk.slice(i));
				return;
			}
			let line = chunk.slice(i, newline);
			if (this.pending.length > 0) {
				this.pending.push(line);
				line = this.pending.join('');
				this.pending = [];
			}
			this.emitLine(line, out);
			i = newline + 1;
		}
	}

	private emitLine(line: string, out: string[]): void {
		// trimJson drops the '\r' of CRLF and skips blank lines.
		const text = trimJson(line);
		if (text.length > 0) out.push(text);
	}
}

/**
 * Guesses the layout from the first bytes of a file (pass a generous head, e.g. 64 KiB):
 * `[` → array; a one-line `{…}` followed by another line starting with `{` → ndjson;
 * a `{` document (pretty-printed, or alone) → object; anything else → unknown.
 */
export function detectJsonLayout(head: string): JsonLayout {
	const n = head.length;
	let i = 0;
	while (i < n && (isJsonSpace(head.charCodeAt(i)) || head.charCodeAt(i) === C_BOM)) i++;
	if (i >= n) return 'unknown';
	const first = head.charCodeAt(i);
	if (first === C_LBRACKET) return 'array';
	if (first !== C_LBRACE) return 'unknown';
	// Walk the first object to see whether it closes before its line ends.
	let depth = 0;
	let inString = false;
	let sawNewline = false;
	for (; i < n; i++) {
		const c = head.charCodeAt(i);
		if (inString) {
			if (c === C_BACKSLASH) i++;
			else if (c === C_QUOTE) inString = false;
			continue;
		}
		if (c === C_QUOTE) inString = true;
		else if (c === C_LF) sawNewline = true;
		else if (c === C_LBRACE || c === C_LBRACKET) depth++;
		else if ((c === C_RBRACE || c === C_RBRACKET) && --depth === 0) break;
	}
	if (i >= n) return sawNewline ? 'object' : 'unknown';
	if (sawNewline) return 'object';
	i++;
	while (i < n && (head.charCodeAt(i) === C_SPACE || head.charCodeAt(i) === C_TAB)) i++;
	if (i >= n) return 'object';
	const next = head.charCodeAt(i);
	if (next !== C_LF && next !== C_CR) return 'unknown';
	while (i < n && isJsonSpace(head.charCodeAt(i))) i++;
	if (i >= n) return 'object';
	return head.charCodeAt(i) === C_LBRACE ? 'ndjson' : 'unknown';
}
