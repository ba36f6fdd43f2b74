import type { TicketColumns } from '../model/ticket-columns';
import { isNegative } from './sentiment';

/**
 * Which tickets read negative. Rule: a ticket reads negative when its subject does, or when
 * its first customer message does (the earliest public customer message of its conversation,
 * first FIRST_MESSAGE_CHARS characters: the complaint is stated up front, and quoted history
 * or signatures further down would only add noise). Each text is judged on its own, so a
 * polite "Thanks" in the body does not cancel an angry subject.
 */
export const FIRST_MESSAGE_CHARS = 1000;

/**
 * Keeps, per ticket row, whether its earliest customer message so far reads negative: two
 * numbers per ticket, whatever the number of messages (memory bounded at scale). Messages
 * may arrive in any order; only an earlier one replaces the verdict.
 */
export class FirstMessageSentiment {
	readonly #firstAt: Float64Array;
	readonly #seen: Uint8Array;
	/** Per ticket row: 1 when its first customer message reads negative. */
	readonly negative: Uint8Array;
	#scored = 0;

	constructor(ticketCount: number) {
		this.#firstAt = new Float64Array(ticketCount);
		this.#seen = new Uint8Array(ticketCount);
		this.negative = new Uint8Array(ticketCount);
	}

	/** A customer message of the ticket at `row` (a message without a time counts as last). */
	offer(row: number, sentAtMs: number, text: string): void {
		const at = Number.isFinite(sentAtMs) ? sentAtMs : Infinity;
		if (this.#seen[row] === 1 && at >= this.#firstAt[row]!) return;
		if (this.#seen[row] !== 1) this.#scored++;
		this.#seen[row] = 1;
		this.#firstAt[row] = at;
		this.negative[row] = isNegative(text.slice(0, FIRST_MESSAGE_CHARS)) ? 1 : 0;
	}

	/** Tickets whose first customer message was read. */
	get scored(): number {
		return this.#scored;
	}
}

/** Per ticket row: 1 when it reads negative (subject, or first customer message when given). */
export function negativeTickets(
	columns: TicketColumns,
	firstMessages?: Pick<FirstMessageSentiment, 'negative'>
): Uint8Array {
	const negative = new Uint8Array(columns.size);
	for (let row = 0; row < columns.size; row++)
		negative[row] =
			firstMessages?.negative[row] === 1 || isNegative(columns.subjects[row] ?? '') ? 1 : 0;
	return negative;
}
