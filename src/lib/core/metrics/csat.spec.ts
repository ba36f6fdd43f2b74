import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { csatMean, csatSatisfiedRate } from './csat';

const mixed = makeColumns(
	{ csatScale: 'good_bad', csatScore: 1 },
	{ csatScale: 'good_bad', csatScore: 0 },
	{ csatScale: 'five_point', csatScore: 5 },
	{ csatScale: 'five_point', csatScore: 4 },
	{ csatScale: 'five_point', csatScore: 3 },
	{ csatScale: 'five_point', csatScore: 1 },
	// not rated: no score, or no scale
	{ csatScale: 'five_point', csatScore: null },
	{ csatScale: 'none', csatScore: 5 },
	{},
	// impossible on their scale
	{ csatScale: 'good_bad', csatScore: 0.5 },
	{ csatScale: 'five_point', csatScore: 7 }
);

describe('csatSatisfiedRate', () => {
	it('pools good/bad and top-2-box five-point answers', () => {
		// rated: 2 good/bad + 4 five-point; satisfied: Good, 5, 4
		expect(csatSatisfiedRate(mixed)).toEqual({ value: 0.5, n: 6, excluded: 2 });
	});

	it('is null with n 0 when nobody rated', () => {
		const columns = makeColumns({}, { csatScale: 'good_bad' });
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
		const columns = makeColumns(
			{ csatScale: 'good_bad', csatScore: 1 },
			{ csatScale: 'good_bad', csatScore: 0 }
		);
		expect(csatMean(columns)).toEqual({ value: null, n: 0, excluded: 0 });
	});

	it('is null with n 0 for an empty table', () => {
		expect(csatMean(toTicketColumns([]))).toEqual({ value: null, n: 0, excluded: 0 });
	});
});
