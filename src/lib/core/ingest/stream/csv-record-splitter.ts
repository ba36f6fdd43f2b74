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
		let parity = this.#carryQuoteParity;
		let lastBoundary = -1;
		let parityAtBoundary = 0;
		let lastNewline = -1;
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			if (code === 34 /* " */) parity ^= 1;
			else if (code === 10 /* \n */) {
				lastNewline = i;
				if (parity === 0) {
					lastBoundary = i;
					parityAtBoundary = parity;
				}
			}
		}
		if (
			lastBoundary < 0 &&
			this.#carry.length + text.length > this.#maxCarryChars &&
			lastNewline >= 0
		) {
			// Unbalanced quote: give up on it at the last newline and let the parser report the row.
			lastBoundary = lastNewline;
			parity = 0;
			parityAtBoundary = 0;
		}
		if (lastBoundary < 0) {
			this.#carry += text;
			this.#carryQuoteParity = parity;
			return '';
		}
		const complete = this.#carry + text.slice(0, lastBoundary + 1);
		this.#carry = text.slice(lastBoundary + 1);
		// Parity of the new carry = quotes after the boundary.
		let carryParity = parityAtBoundary;
		for (let i = 0; i < this.#carry.length; i++)
			if (this.#carry.charCodeAt(i) === 34) carryParity ^= 1;
		this.#carryQuoteParity = carryParity;
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
