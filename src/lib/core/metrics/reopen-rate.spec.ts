import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { reopenRate } from './reopen-rate';

describe('reopenRate', () => {
	it('counts solved tickets reopened at least once among those with a known count', () => {
		const columns = makeColumns(
			{ status: 'solved', reopens: 0 },
			{ status: 'solved', reopens: 1 },
			{ status: 'closed', reopens: 3 },
			{ status: 'solved', reopens: null }, // unknown
			{ status: 'open', reopens: 2 }, // reopened and not solved again: still open
			{ status: 'closed', reopens: 0 }
		);
		expect(reopenRate(columns)).toEqual({ value: 2 / 4, n: 4, excluded: 0 });
	});

	it('is null with no solved tickets', () => {
		expect(reopenRate(makeColumns({ status: 'pending', reopens: 1 }))).toEqual({
			value: null,
			n: 0,
			excluded: 0
		});
	});
});
