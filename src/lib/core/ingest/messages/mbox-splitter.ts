/**
 * The mbox envelope line that starts each message ("From sender Tue Mar  3 09:00:00 2026",
 * Gmail Takeout: "From 1780…@xxx Mon Mar 02 09:00:00 +0000 2026"): a sender token, a clock
 * time and a year. Body lines that merely begin with "From " (and were not escaped as ">From ")
 * rarely carry both, so they do not cut a message in two.
 */
const ENVELOPE = /^From \S+ .*\b\d{1,2}:\d{2}(?::\d{2})?\b.*\b\d{4}\s*$/;

/**
 * Cuts streamed mbox text into messages without holding the file: only the message being
 * read is kept. `>From ` escapes (mboxrd) lose one `>`. The envelope line is dropped.
 */
export class MboxSplitter {
	#pending = '';
	/** Where to look for the next line start in #pending (text before it has been checked). */
	#scanFrom = 0;
	#sawEnvelope = false;

	push(text: string): string[] {
		this.#pending += text;
		const out: string[] = [];
		let messageStart = 0;
		let lineStart = this.#scanFrom;
		for (;;) {
			const newline = this.#pending.indexOf('\n', lineStart);
			if (newline < 0) break;
			if (
				this.#pending.startsWith('From ', lineStart) &&
				ENVELOPE.test(this.#pending.slice(lineStart, newline).replace(/\r$/, ''))
			) {
				if (this.#sawEnvelope && lineStart > messageStart)
					out.push(unescape(this.#pending.slice(messageStart, lineStart)));
				this.#sawEnvelope = true;
				messageStart = newline + 1;
			}
			lineStart = newline + 1;
		}
		this.#pending = this.#pending.slice(messageStart);
		this.#scanFrom = lineStart - messageStart;
		return out;
	}

	end(): string[] {
		const rest = this.#pending;
		this.#pending = '';
		this.#scanFrom = 0;
		return rest.trim() === '' ? [] : [unescape(rest)];
	}
}

function unescape(message: string): string {
	return message.replace(/^>(>*From )/gm, '$1');
}
