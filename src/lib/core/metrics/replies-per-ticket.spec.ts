import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { repliesPerTicket } from './replies-per-ticket';

describe('repliesPerTicket', () => {
	it('gives median and mean over solved tickets with a known count', () => {
		const columns = makeColumns(
			{ status: 'solved', agentReplies: 0 },
			{ status: 'solved', agentReplies: 1 },
			{ status: 'closed', agentReplies: 1 },
			{ status: 'solved', agentReplies: 4 },
			{ status: 'open', agentReplies: 7 }, // not final yet
			{ status: 'solved', agentReplies: null }
		);
		const { median, mean } = repliesPerTicket(columns);
		// [0, 1, 1, 4]: the tie in the middle gives 1; mean 6 / 4.
		expect(median).toEqual({ value: 1, n: 4, excluded: 0 });
		expect(mean).toEqual({ value: 1.5, n: 4, excluded: 0 });
	});

	it('interpolates an even count and is null for none', () => {
		const two = makeColumns(
			{ status: 'solved', agentReplies: 1 },
			{ status: 'solved', agentReplies: 2 }
		);
		expect(repliesPerTicket(two).median.value).toBe(1.5);
		const none = repliesPerTicket(makeColumns({ status: 'open', agentReplies: 2 }));
		expect(none.median).toEqual({ value: null, n: 0, excluded: 0 });
		expect(none.mean).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
