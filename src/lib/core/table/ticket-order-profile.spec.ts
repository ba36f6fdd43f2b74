// Node timings of the ticket list's sort and search on PROFILE_ROWS synthetic tickets (skipped
// otherwise): PROFILE_ROWS=1000000 npx vitest run src/lib/core/table/ticket-order-profile.spec.ts
import { describe, it } from 'vitest';
import { syntheticChunks } from '../../../../tests/factories/synthetic-chunks';
import { buildTicketTable } from './ticket-table';
import {
	orderRows,
	searchTest,
	sortPermutation,
	sortValuePresent,
	type TicketSortKey
} from './ticket-order';

const ROWS = Number(process.env.PROFILE_ROWS ?? 0);

function time<T>(label: string, run: () => T): T {
	const started = performance.now();
	const cpu = process.cpuUsage();
	const result = run();
	const used = process.cpuUsage(cpu);
	console.log(
		`${label.padEnd(36)} ${(performance.now() - started).toFixed(1).padStart(8)} ms wall ${((used.user + used.system) / 1000).toFixed(1).padStart(8)} ms cpu`
	);
	return result;
}

describe.skipIf(ROWS === 0)('ticket list profile', () => {
	it('sorts and searches', () => {
		const table = buildTicketTable(syntheticChunks(ROWS, { wholeMinutes: 1 }), 1);
		for (const key of [
			'created',
			'first_response',
			'subject',
			'agent',
			'status',
			'created',
			'first_response'
		] as TicketSortKey[])
			time(`sortPermutation ${key}`, () => sortPermutation(table, key));
		const permutation = sortPermutation(table, 'created');
		time('orderRows all', () =>
			orderRows(table, permutation, null, null, true, sortValuePresent(table, 'created'))
		);
		for (const text of ['subject 42', 'subject 42', 'refund', '#4711'])
			time(`orderRows search ${text}`, () =>
				orderRows(
					table,
					permutation,
					null,
					searchTest(table, text),
					true,
					sortValuePresent(table, 'created')
				)
			);
	}, 600_000);
});
