import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { toTicketColumns } from '../model/ticket-columns';
import { dailyBacklog, dataAsOfMs, netBacklogChange, openBacklogAt, solvedCount } from './backlog';

const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 0, day, hour, minute);

// Seven tickets over Mon 5 - Wed 7 January 2026 (UTC).
const columns = makeColumns(
	{ createdAtMs: at(5, 9), status: 'solved', solvedAtMs: at(5, 12), resolutionSeconds: 3 * 3600 },
	{ createdAtMs: at(5, 10), status: 'open' },
	{ createdAtMs: at(6, 9), status: 'closed', solvedAtMs: at(7, 9), resolutionSeconds: 86_400 },
	// Solve time only as a duration: solved 6 Jan 11:00.
	{ createdAtMs: at(6, 10), status: 'solved', resolutionSeconds: 3600 },
	{ createdAtMs: at(7, 8), status: 'pending' },
	// Solved, but the export says neither when nor how long: cannot be placed in time.
	{ createdAtMs: at(7, 8, 30), status: 'solved' },
	// Reopened: open again, with the stale solve time of its first solve.
	{ createdAtMs: at(5, 11), status: 'open', solvedAtMs: at(5, 12), reopens: 1 }
);

describe('dataAsOfMs', () => {
	it('is the latest creation, first reply or solve, and null for no tickets', () => {
		expect(dataAsOfMs(columns)).toBe(at(7, 9));
		expect(dataAsOfMs(makeColumns({ createdAtMs: at(5, 9), firstResponseSeconds: 7200 }))).toBe(
			at(5, 11)
		);
		expect(dataAsOfMs(toTicketColumns([]))).toBeNull();
	});
});

describe('solvedCount', () => {
	it('counts solved and closed tickets, not reopened ones', () => {
		expect(solvedCount(columns)).toEqual({ value: 4, n: 7, excluded: 0 });
		expect(solvedCount(toTicketColumns([]))).toEqual({ value: 0, n: 0, excluded: 0 });
	});
});

describe('openBacklogAt', () => {
	it('at the data moment: every ticket not solved now (reopened included)', () => {
		expect(openBacklogAt(columns)).toEqual({ value: 3, n: 7, excluded: 0 });
	});

	it('at an earlier moment: created by then and not yet solved then', () => {
		// 6 Jan 10:30: #1 solved; #2, #3 (solved 7 Jan), #4 (solved 11:00), #7 open; #5, #6 later.
		expect(openBacklogAt(columns, at(6, 10, 30))).toEqual({ value: 4, n: 5, excluded: 0 });
		// 7 Jan 08:45: #6 cannot be placed; #1 and #4 are solved; #2, #3, #5, #7 open.
		expect(openBacklogAt(columns, at(7, 8, 45))).toEqual({ value: 4, n: 6, excluded: 1 });
		// Before the first ticket: nothing open, nothing created.
		expect(openBacklogAt(columns, at(4, 0))).toEqual({ value: 0, n: 0, excluded: 0 });
	});

	it('is null for an empty table', () => {
		expect(openBacklogAt(toTicketColumns([]))).toEqual({ value: null, n: 0, excluded: 0 });
	});
});

describe('netBacklogChange', () => {
	it('is created in the period minus solved in the period, each by its own event', () => {
		// 6 Jan: created #3, #4; solved #4 → +1 (and #6 cannot be placed).
		expect(netBacklogChange(columns, at(6, 0), at(7, 0))).toEqual({ value: 1, n: 3, excluded: 1 });
		// 7 Jan: created #5, #6; solved #3 → +1.
		expect(netBacklogChange(columns, at(7, 0), at(8, 0))).toEqual({ value: 1, n: 3, excluded: 1 });
		// An empty period.
		expect(netBacklogChange(columns, at(1, 0), at(2, 0))).toEqual({ value: 0, n: 0, excluded: 1 });
	});
});

describe('dailyBacklog', () => {
	it('gives created, solved and open at the end of each local day', () => {
		const { points, excluded } = dailyBacklog(columns, 'UTC');
		expect(excluded).toBe(1);
		expect(
			points.map(({ day, created, solved, openAtEnd }) => [day, created, solved, openAtEnd])
		).toEqual([
			['2026-01-05', 3, 1, 2],
			['2026-01-06', 2, 1, 3],
			['2026-01-07', 1, 1, 3]
		]);
		expect(points[0]?.dayStartMs).toBe(at(5, 0));
		// The last day's open count equals the backlog at the data moment.
		expect(points.at(-1)?.openAtEnd).toBe(openBacklogAt(columns).value);
	});

	it('buckets by the local day of the shop (a late UTC solve is the next day in Shanghai)', () => {
		const late = makeColumns({
			createdAtMs: at(5, 10),
			status: 'solved',
			solvedAtMs: at(5, 17)
		});
		const { points } = dailyBacklog(late, 'Asia/Shanghai');
		expect(
			points.map(({ day, created, solved, openAtEnd }) => [day, created, solved, openAtEnd])
		).toEqual([
			['2026-01-05', 1, 0, 1],
			['2026-01-06', 0, 1, 0]
		]);
	});

	it('is empty for no tickets', () => {
		expect(dailyBacklog(toTicketColumns([]), 'UTC')).toEqual({ points: [], excluded: 0 });
	});
});
