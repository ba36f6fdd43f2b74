import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { resolutionTimeMedian } from './resolution-time';

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

describe('resolutionTimeMedian', () => {
	it('takes solved and closed tickets only, excluding negative durations', () => {
		const columns = toTicketColumns([
			ticket({ status: 'solved', resolutionSeconds: 3600 }),
			ticket({ status: 'closed', resolutionSeconds: 10_800 }),
			ticket({ status: 'closed', resolutionSeconds: 7200 }),
			// not resolved: out of scope even with a duration
			ticket({ status: 'open', resolutionSeconds: 100 }),
			ticket({ status: 'pending', resolutionSeconds: 50 }),
			// resolved without a duration: out of scope, not excluded
			ticket({ status: 'solved', resolutionSeconds: null }),
			// solved before created: impossible
			ticket({ status: 'solved', resolutionSeconds: -10 })
		]);
		expect(resolutionTimeMedian(columns)).toEqual({ value: 7200, n: 3, excluded: 1 });
	});

	it('averages the middle pair on an even count', () => {
		const columns = toTicketColumns([
			ticket({ status: 'solved', resolutionSeconds: 300 }),
			ticket({ status: 'solved', resolutionSeconds: 100 })
		]);
		expect(resolutionTimeMedian(columns)).toEqual({ value: 200, n: 2, excluded: 0 });
	});

	it('is null with n 0 when nothing is resolved', () => {
		const columns = toTicketColumns([ticket({ status: 'open' }), ticket({ status: 'new' })]);
		expect(resolutionTimeMedian(columns)).toEqual({ value: null, n: 0, excluded: 0 });
	});

	it('is null with n 0 for an empty table', () => {
		expect(resolutionTimeMedian(toTicketColumns([]))).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
