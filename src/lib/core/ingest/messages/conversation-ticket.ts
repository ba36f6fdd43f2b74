import type { Message } from '../../model/message';
import type { Ticket } from '../../model/ticket';
import { deriveThread } from './derive-thread';
import { customerKeyOf } from './message-import-session';

/** What a conversation's ticket needs of one stored message (its text is not needed). */
export type ConversationMessage = Omit<Message, 'key' | 'text' | 'messageId'>;

/**
 * The ticket a whole conversation implies, whatever files its messages came from: the same
 * rules as a single file's derivation (core/ingest/messages/derive-thread.ts) over every
 * message, sorted by time (ties in the order given). Null when no customer wrote.
 */
export function deriveConversationTicket(
	vendor: string,
	conversationId: string,
	importId: number,
	messages: readonly ConversationMessage[]
): Ticket | null {
	const order = messages.map((_, i) => i);
	order.sort((a, b) => (messages[a]?.sentAtMs ?? 0) - (messages[b]?.sentAtMs ?? 0) || a - b);
	const sorted = order.map((i) => messages[i]!);
	const derived = deriveThread(sorted);
	if (derived === null) return null;
	const created = sorted[derived.createdIndex];
	const responder = sorted[derived.firstResponseIndex];
	return {
		key: `${vendor}:${conversationId}`,
		externalId: conversationId,
		importId,
		createdAtMs: derived.createdAtMs,
		firstResponseSeconds: derived.firstResponseSeconds,
		solvedAtMs: derived.solvedAtMs,
		resolutionSeconds: derived.resolutionSeconds,
		firstResolutionSeconds: derived.firstResolutionSeconds,
		status: derived.status,
		channel: created?.channel ?? 'unknown',
		priority: 'unknown',
		agent: responder?.authorId ?? '',
		group: '',
		subject: created?.subject ?? '',
		tags: [],
		customerKey: customerKeyOf(created?.authorId ?? ''),
		csatScore: null,
		csatScale: 'none',
		agentReplies: derived.agentReplies,
		reopens: derived.reopens
	};
}

/**
 * A file's own ticket for a conversation knows a close time the export stated per row (not
 * kept with the messages). When the whole conversation shows no status, keep that close.
 */
export function withStatedClose(whole: Ticket, fileOnly: Ticket | undefined): Ticket {
	if (fileOnly === undefined || whole.status !== 'unknown' || fileOnly.solvedAtMs === null)
		return whole;
	return {
		...whole,
		status: fileOnly.status,
		solvedAtMs: fileOnly.solvedAtMs,
		resolutionSeconds: (fileOnly.solvedAtMs - whole.createdAtMs) / 1000
	};
}

/**
 * The derived fields of a stored ticket replaced by a fresh derivation, keeping what only a
 * ticket export could have added under the same key (priority, group, tags, rating).
 */
export function replaceDerivedFields(stored: Ticket, derived: Ticket): Ticket {
	return {
		...stored,
		createdAtMs: derived.createdAtMs,
		firstResponseSeconds: derived.firstResponseSeconds,
		solvedAtMs: derived.solvedAtMs,
		resolutionSeconds: derived.resolutionSeconds,
		firstResolutionSeconds: derived.firstResolutionSeconds ?? null,
		status: derived.status,
		channel: derived.channel,
		agent: derived.agent,
		subject: derived.subject,
		customerKey: derived.customerKey,
		agentReplies: derived.agentReplies,
		reopens: derived.reopens
	};
}
