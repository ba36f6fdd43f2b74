import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { oneTouchRate } from './one-touch';

describe('oneTouchRate', () => {
	it('counts solved tickets with at most one agent reply among those with a known count', () => {
		const columns = makeColumns(
			{ status: 'solved', agentReplies: 0 }, // closed without a reply: one-touch (Zendesk < 2)
			{ status: 'solved', agentReplies: 1 },
			{ status: 'closed', agentReplies: 2 },
			// A "thank you" reopen without a new reply stays one-touch.
			{ status: 'solved', agentReplies: 1, reopens: 1 },
			{ status: 'solved', agentReplies: null }, // unknown: out of scope
			{ status: 'open', agentReplies: 1 }, // not solved: out of scope
			{ status: 'solved', agentReplies: 3 }
		);
		expect(oneTouchRate(columns)).toEqual({ value: 3 / 5, n: 5, excluded: 0 });
	});

	it('is null when no solved ticket states its replies', () => {
		expect(
			oneTouchRate(makeColumns({ status: 'open', agentReplies: 1 }, { status: 'solved' }))
		).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
