import type { MessageEvent, MessageRole } from '../../model/message';
import type { TicketStatus } from '../../model/ticket';

/** What the derivation needs of one message of a thread. */
export interface ThreadEntry {
	role: MessageRole;
	isPublic: boolean;
	isAutomated: boolean;
	event: MessageEvent;
	sentAtMs: number;
	/**
	 * A close time the export states for the whole conversation (not an event in the thread):
	 * the last close, which says nothing about earlier ones, so it gives no first resolution.
	 */
	isStatedClose?: boolean;
}

/** The ticket facts a thread implies; indexes point into the thread passed in. */
export interface DerivedThread {
	/** The first customer message: the ticket's creation. */
	createdIndex: number;
	createdAtMs: number;
	/** The first public human agent reply after creation; -1 when there is none. */
	firstResponseIndex: number;
	firstResponseSeconds: number | null;
	/** Public human agent replies after creation. */
	agentReplies: number;
	/** Customer messages from creation on (the first included). */
	customerMessages: number;
	/** 'unknown' when the export shows no status events: never guessed. */
	status: TicketStatus;
	/**
	 * The first solve event after creation, whatever happened next; null when the thread shows
	 * none (a stated conversation close time alone does not count: it is the last close).
	 */
	firstSolvedAtMs: number | null;
	firstResolutionSeconds: number | null;
	/** The last solve, when the thread ends solved. */
	solvedAtMs: number | null;
	resolutionSeconds: number | null;
	/** Times the thread was reopened (explicitly, or by a customer writing after a solve). */
	reopens: number | null;
}

/** A public message a human agent wrote; with a status event it is a reply that also solves. */
const isHumanPublic = (entry: ThreadEntry) =>
	entry.role === 'agent' && entry.isPublic && !entry.isAutomated;

/**
 * Derives a ticket from a conversation sorted by time (ties in source order).
 * - creation: the first customer message; a thread with none (outbound only) is no ticket.
 * - first response: the first public reply by a human agent after it; bots, auto-replies,
 *   marked templates/macros, internal notes and status events do not stop the clock.
 * - solve and reopen cycles only from solve/reopen events the export shows; a customer
 *   message after a solve reopens. Without any such event status and solve stay unknown.
 *   First resolution is the first solve event (Zendesk "first resolution", Intercom
 *   `first_close_at`), full resolution the last one while the thread ends solved.
 * - a public human agent message that carries a status change (Help Scout "reply and close")
 *   is a reply and the status event at once.
 */
export function deriveThread(thread: readonly ThreadEntry[]): DerivedThread | null {
	const createdIndex = thread.findIndex(
		(entry) => entry.role === 'customer' && entry.event === 'message'
	);
	if (createdIndex < 0) return null;
	const createdAtMs = thread[createdIndex]?.sentAtMs ?? NaN;

	let firstResponseIndex = -1;
	let agentReplies = 0;
	let customerMessages = 0;
	let sawStatus = false;
	let isSolved = false;
	let lastSolvedAtMs = NaN;
	let reopens = 0;
	let firstSolvedAtMs = NaN;
	for (let i = createdIndex; i < thread.length; i++) {
		const entry = thread[i];
		if (entry === undefined) continue;
		if (entry.event === 'solved') {
			sawStatus = true;
			isSolved = true;
			lastSolvedAtMs = entry.sentAtMs;
			if (Number.isNaN(firstSolvedAtMs) && entry.isStatedClose !== true)
				firstSolvedAtMs = entry.sentAtMs;
		} else if (entry.event === 'reopened') {
			sawStatus = true;
			if (isSolved) reopens++;
			isSolved = false;
		} else if (entry.role === 'customer') {
			customerMessages++;
			if (isSolved) {
				reopens++;
				isSolved = false;
			}
		}
		if (isHumanPublic(entry)) {
			agentReplies++;
			if (firstResponseIndex < 0) firstResponseIndex = i;
		}
	}
	const firstResponseAtMs = thread[firstResponseIndex]?.sentAtMs;
	const solvedAtMs = isSolved ? lastSolvedAtMs : null;
	return {
		createdIndex,
		createdAtMs,
		firstResponseIndex,
		firstResponseSeconds:
			firstResponseAtMs === undefined ? null : (firstResponseAtMs - createdAtMs) / 1000,
		agentReplies,
		customerMessages,
		status: !sawStatus ? 'unknown' : isSolved ? 'solved' : 'open',
		firstSolvedAtMs: Number.isNaN(firstSolvedAtMs) ? null : firstSolvedAtMs,
		firstResolutionSeconds: Number.isNaN(firstSolvedAtMs)
			? null
			: (firstSolvedAtMs - createdAtMs) / 1000,
		solvedAtMs,
		resolutionSeconds: solvedAtMs === null ? null : (solvedAtMs - createdAtMs) / 1000,
		reopens: sawStatus ? reopens : null
	};
}
