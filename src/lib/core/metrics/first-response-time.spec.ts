import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../../../tests/factories/ticket';
import { emptyTicketColumns, toTicketColumns, writeTicketAt } from '../model/ticket-columns';
import { firstResponseSample, firstResponseTime } from './first-response-time';

const withFirstResponse = (seconds: (number | null)[]) =>
	toTicketColumns(seconds.map((firstResponseSeconds) => makeTicket({ firstResponseSeconds })));

describe('firstResponseTime', () => {
	it('gives median and p90 over an odd count', () => {
		const result = firstResponseTime(withFirstResponse([600, 60, 120]));
		expect(result.median).toEqual({ value: 120, n: 3, excluded: 0 });
		// sorted [60, 120, 600]; h = 1.8 → 120 + 0.8·480
		expect(result.p90.value).toBeCloseTo(504, 9);
		expect(result.p90.n).toBe(3);
	});

	it('skips missing values and excludes negative ones', () => {
		const result = firstResponseTime(withFirstResponse([30, null, 210, -5, 150, 90]));
		// valid, sorted: [30, 90, 150, 210]
		expect(result.median).toEqual({ value: 120, n: 4, excluded: 1 });
		expect(result.p90.value).toBeCloseTo(192, 9); // h = 2.7 → 150 + 0.7·60
		expect(result.p90.excluded).toBe(1);
	});

	it('keeps a zero first response (instant reply is valid)', () => {
		const result = firstResponseTime(withFirstResponse([0, 0, 100]));
		expect(result.median).toEqual({ value: 0, n: 3, excluded: 0 });
	});

	it('is null with n 0 when nobody was answered', () => {
		const result = firstResponseTime(withFirstResponse([null, null]));
		expect(result.median).toEqual({ value: null, n: 0, excluded: 0 });
		expect(result.p90).toEqual({ value: null, n: 0, excluded: 0 });
	});

	it('is null with n 0 for an empty table', () => {
		const result = firstResponseTime(toTicketColumns([]));
		expect(result.median).toEqual({ value: null, n: 0, excluded: 0 });
	});

	it('ignores spare capacity beyond size', () => {
		const columns = emptyTicketColumns(10); // zeros past size must not count as replies
		writeTicketAt(columns, columns.size++, makeTicket({ firstResponseSeconds: 300 }));
		writeTicketAt(columns, columns.size++, makeTicket({ firstResponseSeconds: 500 }));
		expect(firstResponseTime(columns).median).toEqual({ value: 400, n: 2, excluded: 0 });
	});
});

describe('firstResponseSample', () => {
	it('returns the valid durations in row order', () => {
		const sample = firstResponseSample(withFirstResponse([5, -1, null, 2]));
		expect(Array.from(sample.seconds)).toEqual([5, 2]);
		expect(sample.excluded).toBe(1);
	});
});
