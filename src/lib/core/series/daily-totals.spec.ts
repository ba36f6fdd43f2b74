import { describe, expect, it } from 'vitest';
import { dailyTotals } from './daily-totals';

describe('dailyTotals', () => {
	it('sums hours per wall-clock day, partial days at the ends', () => {
		const start = Date.UTC(2024, 0, 1, 22);
		const hourly = [1, 2, ...Array.from({ length: 24 }, () => 0.5), 4];
		expect(dailyTotals(start, hourly)).toEqual([
			{ dayWallMs: Date.UTC(2024, 0, 1), total: 3, hours: 2 },
			{ dayWallMs: Date.UTC(2024, 0, 2), total: 12, hours: 24 },
			{ dayWallMs: Date.UTC(2024, 0, 3), total: 4, hours: 1 }
		]);
		expect(dailyTotals(0, [])).toEqual([]);
	});
});
