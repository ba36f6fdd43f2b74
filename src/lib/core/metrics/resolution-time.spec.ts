import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { resolutionTimeMedian } from './resolution-time';

describe('resolutionTimeMedian', () => {
	it('takes solved and closed tickets only, excluding negative durations', () => {
		const columns = makeColumns(
			{ status: 'solved', resolutionSeconds: 3600 },
			{ status: 'closed', resolutionSeconds: 10_800 },
			{ status: 'closed', resolutionSeconds: 7200 },
			// not resolved: out of scope even with a duration
			{ status: 'open', resolutionSeconds: 100 },
			{ status: 'pending', resolutionSeconds: 50 },
			// resolved without a duration: out of scope, not excluded
			{ status: 'solved', resolutionSeconds: null },
			// solved before created: impossible
			{ status: 'solved', resolutionSeconds: -10 }
		);
		expect(resolutionTimeMedian(columns)).toEqual({ value: 7200, n: 3, excluded: 1 });
	});

	it('averages the middle pair on an even count', () => {
		const columns = makeColumns(
			{ status: 'solved', resolutionSeconds: 300 },
			{ status: 'solved', resolutionSeconds: 100 }
		);
		expect(resolutionTimeMedian(columns)).toEqual({ value: 200, n: 2, excluded: 0 });
	});

	it('is null with n 0 when nothing is resolved', () => {
		const columns = makeColumns({ status: 'open' }, { status: 'new' });
		expect(resolutionTimeMedian(columns)).toEqual({ value: null, n: 0, excluded: 0 });
	});

	it('is null with n 0 for an empty table', () => {
		expect(resolutionTimeMedian(toTicketColumns([]))).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
