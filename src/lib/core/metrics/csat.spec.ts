import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { csatMean, csatSatisfiedRate } from './csat';

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

const mixed = toTicketColumns([
	ticket({ csatScale: 'good_bad', csatScore: 1 }),
	ticket({ csatScale: 'good_bad', csatScore: 0 }),
	ticket({ csatScale: 'five_point', csatScore: 5 }),
	ticket({ csatScale: 'five_point', csatScore: 4 }),
	ticket({ csatScale: 'five_point', csatScore: 3 }),
	ticket({ csatScale: 'five_point', csatScore: 1 }),
	// not rated: no score, or no scale
	ticket({ csatScale: 'five_point', csatScore: null }),
	ticket({ csatScale: 'none', csatScore: 5 }),
	ticket(),
	// impossible on their scale
	ticket({ csatScale: 'good_bad', csatScore: 0.5 }),
	ticket({ csatScale: 'five_point', csatScore: 7 })
]);

describe('csatSatisfiedRate', () => {
	it('pools good/bad and top-2-box five-point answers', () => {
		// rated: 2 good/bad + 4 five-point; satisfied: Good, 5, 4
		expect(csatSatisfiedRate(mixed)).toEqual({ value: 0.5, n: 6, excluded: 2 });
	});

	it('is null with n 0 when nobody rated', () => {
		const columns = toTicketColumns([ticket(), ticket({ csatScale: 'good_bad' })]);
		expect(csatSatisfiedRate(columns)).toEqual({ value: null, n: 0, excluded: 0 });
	});

	it('is null with n 0 for an empty table', () => {
		expect(csatSatisfiedRate(toTicketColumns([]))).toEqual({ value: null, n: 0, excluded: 0 });
	});
});

describe('csatMean', () => {
	it('averages five-point scores only', () => {
		// (5 + 4 + 3 + 1) / 4; the score of 7 is excluded, good/bad is out of scope
		expect(csatMean(mixed)).toEqual({ value: 3.25, n: 4, excluded: 1 });
	});

	it('is null when only good/bad answers exist', () => {
		const columns = toTicketColumns([
			ticket({ csatScale: 'good_bad', csatScore: 1 }),
			ticket({ csatScale: 'good_bad', csatScore: 0 })
		]);
		expect(csatMean(columns)).toEqual({ value: null, n: 0, excluded: 0 });
	});

	it('is null with n 0 for an empty table', () => {
		expect(csatMean(toTicketColumns([]))).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
