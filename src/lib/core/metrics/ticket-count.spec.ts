import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { emptyTicketColumns, toTicketColumns, writeTicketAt } from '../model/ticket-columns';
import { ticketCount } from './ticket-count';

function ticket(overrides: Partial<Ticket> = {}): Ticket {
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

describe('ticketCount', () => {
	it('counts every row, whatever is missing', () => {
		const columns = toTicketColumns([ticket(), ticket({ createdAtMs: NaN }), ticket()]);
		expect(ticketCount(columns)).toEqual({ value: 3, n: 3, excluded: 0 });
	});

	it('counts only rows up to size, not spare capacity', () => {
		const columns = emptyTicketColumns(8);
		writeTicketAt(columns, columns.size++, ticket());
		expect(ticketCount(columns)).toEqual({ value: 1, n: 1, excluded: 0 });
	});

	it('is zero (not null) for an empty table', () => {
		expect(ticketCount(toTicketColumns([]))).toEqual({ value: 0, n: 0, excluded: 0 });
	});
});
