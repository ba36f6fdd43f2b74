import { describe, expect, it } from 'vitest';
import { makeColumns, makeTicket } from '../../../../tests/factories/ticket';
import { emptyTicketColumns, toTicketColumns, writeTicketAt } from '../model/ticket-columns';
import { ticketCount } from './ticket-count';

describe('ticketCount', () => {
	it('counts every row, whatever is missing', () => {
		const columns = makeColumns({}, { createdAtMs: NaN }, {});
		expect(ticketCount(columns)).toEqual({ value: 3, n: 3, excluded: 0 });
	});

	it('counts only rows up to size, not spare capacity', () => {
		const columns = emptyTicketColumns(8);
		writeTicketAt(columns, columns.size++, makeTicket());
		expect(ticketCount(columns)).toEqual({ value: 1, n: 1, excluded: 0 });
	});

	it('is zero (not null) for an empty table', () => {
		expect(ticketCount(toTicketColumns([]))).toEqual({ value: 0, n: 0, excluded: 0 });
	});
});
