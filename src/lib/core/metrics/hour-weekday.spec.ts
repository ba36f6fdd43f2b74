import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { hourWeekdayGrid } from './hour-weekday';

const cell = (grid: ReturnType<typeof hourWeekdayGrid>, weekday: number, hour: number) =>
	grid[weekday * 24 + hour];

describe('hourWeekdayGrid', () => {
	it('puts tickets in their local weekday and hour, with the cell median', () => {
		// Monday 2026-07-13 08:30 UTC = 10:30 in Berlin (CEST).
		const monday = Date.UTC(2026, 6, 13, 8, 30);
		const grid = hourWeekdayGrid(
			makeColumns(
				{ createdAtMs: monday, firstResponseSeconds: 60 },
				{ createdAtMs: monday + 10 * 60_000, firstResponseSeconds: 180 },
				{ createdAtMs: monday + 20 * 60_000, firstResponseSeconds: null },
				// Sunday 2026-07-19 22:30 UTC = Monday 00:30 in Berlin.
				{ createdAtMs: Date.UTC(2026, 6, 19, 22, 30), firstResponseSeconds: -5 }
			),
			'Europe/Berlin'
		);
		expect(grid).toHaveLength(168);
		expect(cell(grid, 0, 10)).toEqual({
			weekday: 0,
			hour: 10,
			tickets: 3,
			firstResponseMedianSeconds: 120,
			firstResponseN: 2
		});
		expect(cell(grid, 0, 0)?.tickets).toBe(1);
		expect(cell(grid, 0, 0)?.firstResponseMedianSeconds).toBeNull();
		expect(cell(grid, 6, 22)?.tickets).toBe(0);
		expect(grid.reduce((sum, c) => sum + c.tickets, 0)).toBe(4);
	});

	it('uses the given zone: the same instant is Sunday 22h in UTC', () => {
		const grid = hourWeekdayGrid(
			makeColumns({ createdAtMs: Date.UTC(2026, 6, 19, 22, 30) }),
			'UTC'
		);
		expect(cell(grid, 6, 22)?.tickets).toBe(1);
	});

	it('gives 168 empty cells for no tickets', () => {
		const grid = hourWeekdayGrid(makeColumns(), 'UTC');
		expect(grid.every((c) => c.tickets === 0 && c.firstResponseMedianSeconds === null)).toBe(true);
	});
});
