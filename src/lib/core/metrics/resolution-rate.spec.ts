import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { resolutionRate } from './resolution-rate';

describe('resolutionRate', () => {
	it('divides solved + closed by all tickets', () => {
		const columns = makeColumns(
			{ status: 'solved' },
			{ status: 'closed' },
			{ status: 'open' },
			{ status: 'pending' },
			{ status: 'unknown' }
		);
		expect(resolutionRate(columns)).toEqual({ value: 0.4, n: 5, excluded: 0 });
	});

	it('is 1 when every ticket is resolved', () => {
		const columns = makeColumns({ status: 'closed' });
		expect(resolutionRate(columns)).toEqual({ value: 1, n: 1, excluded: 0 });
	});

	it('is null with n 0 for an empty table', () => {
		expect(resolutionRate(toTicketColumns([]))).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
