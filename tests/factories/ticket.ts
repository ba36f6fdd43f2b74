// Ticket factories for unit tests: one place for the defaults every metrics spec builds on.
import type { Ticket } from '../../src/lib/core/model/ticket';
import { toTicketColumns, type TicketColumns } from '../../src/lib/core/model/ticket-columns';

/**
 * An open e-mail ticket created 2026-01-05 09:00 UTC with every optional field empty (no first
 * response, solve, CSAT …); `overrides` set the fields a test is about.
 */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
	return {
		key: 'zendesk:1',
		externalId: '1',
		importId: 1,
		createdAtMs: Date.UTC(2026, 0, 5, 9),
		firstResponseSeconds: null,
		solvedAtMs: null,
		resolutionSeconds: null,
		status: 'open',
		channel: 'email',
		priority: 'normal',
		agent: '',
		group: '',
		subject: '',
		tags: [],
		customerKey: '',
		csatScore: null,
		csatScale: 'none',
		agentReplies: null,
		reopens: null,
		...overrides
	};
}

/** A column table with one makeTicket row per argument, in order (none: an empty table). */
export function makeColumns(...overrides: Partial<Ticket>[]): TicketColumns {
	return toTicketColumns(overrides.map((fields) => makeTicket(fields)));
}
