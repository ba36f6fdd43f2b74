import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { resolutionRate } from './resolution-rate';

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

describe('resolutionRate', () => {
	it('divides solved + closed by all tickets', () => {
		const columns = toTicketColumns([
			ticket({ status: 'solved' }),
			ticket({ status: 'closed' }),
			ticket({ status: 'open' }),
			ticket({ status: 'pending' }),
			ticket({ status: 'unknown' })
		]);
		expect(resolutionRate(columns)).toEqual({ value: 0.4, n: 5, excluded: 0 });
	});

	it('is 1 when every ticket is resolved', () => {
		const columns = toTicketColumns([ticket({ status: 'closed' })]);
		expect(resolutionRate(columns)).toEqual({ value: 1, n: 1, excluded: 0 });
	});

	it('is null with n 0 for an empty table', () => {
		expect(resolutionRate(toTicketColumns([]))).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
