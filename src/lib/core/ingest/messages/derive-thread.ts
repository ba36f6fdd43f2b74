import type { MessageEvent, MessageRole } from '../../model/message';
import type { TicketStatus } from '../../model/ticket';

/** What the derivation needs of one message of a thread. */
export interface ThreadEntry {
	role: MessageRole;
	isPublic: boolean;
	isAutomated: boolean;
	event: MessageEvent;
	sentAtMs: number;
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
	/** The last solve, when the thread ends solved. */
	solvedAtMs: number | null;
	resolutionSeconds: number | null;
	/** Times the thread was reopened (explicitly, or by a customer writing after a solve). */
	reopens: number | null;
}

const isHumanPublicReply = (entry: ThreadEntry) =>
	entry.event === 'message' && entry.role === 'agent' && entry.isPublic && !entry.isAutomated;

/**
 * Derives a ticket from a conversation sorted by time (ties in source order).
 * - creation: the first customer message; a thread with none (outbound only) is no ticket.
 * - first response: the first public reply by a human agent after it; bots, auto-replies,
 *   marked templates/macros, internal notes and status events do not stop the clock.
 * - solve and reopen cycles only from solve/reopen events the export shows; a customer
 *   message after a solve reopens. Without any such event status and solve stay unknown.
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
	for (let i = createdIndex; i < thread.length; i++) {
		const entry = thread[i];
		if (entry === undefined) continue;
		if (entry.event === 'solved') {
			sawStatus = true;
			isSolved = true;
			lastSolvedAtMs = entry.sentAtMs;
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
		} else if (isHumanPublicReply(entry)) {
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
		solvedAtMs,
		resolutionSeconds: solvedAtMs === null ? null : (solvedAtMs - createdAtMs) / 1000,
		reopens: sawStatus ? reopens : null
	};
}
