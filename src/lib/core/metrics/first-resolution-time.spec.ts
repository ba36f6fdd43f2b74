import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { concatTicketColumns, toTicketColumns } from '../model/ticket-columns';
import { firstResolutionTimeMedian } from './first-resolution-time';
import { resolutionTimeMedian } from './resolution-time';

describe('firstResolutionTimeMedian', () => {
	it('is the median of first solves, reopened tickets at their first solve', () => {
		const columns = makeColumns(
			// Solved once: first = full.
			{ status: 'solved', resolutionSeconds: 600, firstResolutionSeconds: 600, reopens: 0 },
			// Reopened and solved again: first 1200, full 86400.
			{ status: 'solved', resolutionSeconds: 86_400, firstResolutionSeconds: 1200, reopens: 1 },
			// Reopened, open now: in first resolution (it was solved once), not in full.
			{ status: 'open', resolutionSeconds: null, firstResolutionSeconds: 3000, reopens: 1 },
			// Never solved.
			{ status: 'open' },
			// Impossible: excluded.
			{ status: 'solved', resolutionSeconds: 100, firstResolutionSeconds: -5 }
		);
		// First: [600, 1200, 3000] → 1200. Full: [600, 86400, 100] → 600.
		expect(firstResolutionTimeMedian(columns)).toEqual({ value: 1200, n: 3, excluded: 1 });
		expect(resolutionTimeMedian(columns)).toEqual({ value: 600, n: 3, excluded: 0 });
	});

	it('ties and even counts interpolate as numpy', () => {
		const columns = makeColumns(
			{ firstResolutionSeconds: 60 },
			{ firstResolutionSeconds: 60 },
			{ firstResolutionSeconds: 120 },
			{ firstResolutionSeconds: 300 }
		);
		expect(firstResolutionTimeMedian(columns).value).toBe(90);
	});

	it('is null with nothing in scope, and reads chunks stored before the column existed', () => {
		expect(firstResolutionTimeMedian(makeColumns())).toEqual({ value: null, n: 0, excluded: 0 });
		const old = toTicketColumns([]);
		delete old.firstResolutionSeconds;
		const stored = makeColumns({ status: 'solved', resolutionSeconds: 50 });
		delete stored.firstResolutionSeconds;
		const joined = concatTicketColumns([stored, makeColumns({ firstResolutionSeconds: 70 })]);
		expect(firstResolutionTimeMedian(joined)).toEqual({ value: 70, n: 1, excluded: 0 });
		expect(firstResolutionTimeMedian(old)).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
