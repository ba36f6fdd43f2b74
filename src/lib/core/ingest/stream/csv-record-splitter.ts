/**
 * Cuts streamed CSV text at record boundaries so each piece can be parsed on its own.
 * A newline ends a record only outside quotes; RFC 4180 doubles quotes inside quoted
 * fields, so quote parity tells inside from outside without a full parse.
 */
export class CsvRecordSplitter {
	#carry = '';
	#carryQuoteParity = 0;
	readonly #maxCarryChars: number;

	/** A file with a stray quote would otherwise grow the carry without end. */
	constructor(maxCarryChars = 16 * 1024 * 1024) {
		this.#maxCarryChars = maxCarryChars;
	}

	/** Returns the complete records in carry + text (possibly ''), keeping the rest. */
	push(text: string): string {
		const lastNewline = text.lastIndexOf('\n');
		if (lastNewline < 0) return this.#keep(text);
		// Fast path (nearly every piece): quotes before the last newline are balanced, so it
		// is a record boundary. indexOf scans far faster than a loop over every character.
		const quotesBefore = countQuotes(text, 0, lastNewline);
		if (((this.#carryQuoteParity + quotesBefore) & 1) === 0) return this.#cut(text, lastNewline);
		// A quoted field spans the end of this piece: find the last newline outside quotes.
		let parity = this.#carryQuoteParity;
		let boundary = -1;
		for (let i = 0; i < lastNewline; i++) {
			const code = text.charCodeAt(i);
			if (code === 34 /* " */) parity ^= 1;
			else if (code === 10 /* \n */ && parity === 0) boundary = i;
		}
		if (boundary >= 0) return this.#cut(text, boundary);
		if (this.#carry.length + text.length > this.#maxCarryChars) {
			// Unbalanced quote: give up on it at the last newline and let the parser report the row.
			this.#carryQuoteParity = 0;
			return this.#cut(text, lastNewline);
		}
		return this.#keep(text);
	}

	#keep(text: string): string {
		this.#carry += text;
		this.#carryQuoteParity = (this.#carryQuoteParity + countQuotes(text, 0, text.length)) & 1;
		return '';
	}

	/** Everything up to and including `boundary` is complete; the rest is carried. */
	#cut(text: string, boundary: number): string {
		const complete = this.#carry + text.slice(0, boundary + 1);
		this.#carry = text.slice(boundary + 1);
		this.#carryQuoteParity = countQuotes(this.#carry, 0, this.#carry.length) & 1;
		return complete;
	}

	/** The last record, which may lack a trailing newline. */
	end(): string {
		const rest = this.#carry;
		this.#carry = '';
		this.#carryQuoteParity = 0;
		return rest;
	}
}

function countQuotes(text: string, from: number, to: number): number {
	let count = 0;
	for (let at = text.indexOf('"', from); at >= 0 && at < to; at = text.indexOf('"', at + 1))
		count++;
	return count;
}
