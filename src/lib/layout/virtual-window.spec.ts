import { describe, expect, it } from 'vitest';
import { virtualWindow } from './virtual-window';

describe('virtualWindow', () => {
	it('renders the visible rows plus overscan in a short list', () => {
		// 100 rows of 40 px, 400 px viewport scrolled to row 10.
		expect(virtualWindow(400, 400, 100, 40, 2)).toEqual({
			first: 8,
			count: 14,
			offsetPx: 320,
			totalHeightPx: 4000
		});
		expect(virtualWindow(0, 400, 100, 40, 2)).toEqual({
			first: 0,
			count: 12,
			offsetPx: 0,
			totalHeightPx: 4000
		});
	});
	it('clamps at the end and handles an empty list', () => {
		const end = virtualWindow(1e9, 400, 100, 40, 2);
		expect(end.first + end.count).toBe(100);
		expect(end.totalHeightPx).toBe(4000);
		expect(virtualWindow(0, 400, 0, 40)).toEqual({
			first: 0,
			count: 0,
			offsetPx: 0,
			totalHeightPx: 0
		});
	});
	it('compresses a million rows into the height cap and still reaches the last row', () => {
		const total = 1_000_000;
		const top = virtualWindow(0, 400, total, 40, 0, 10_000_000);
		expect(top).toEqual({ first: 0, count: 10, offsetPx: 0, totalHeightPx: 10_000_000 });
		const bottom = virtualWindow(10_000_000, 400, total, 40, 0, 10_000_000);
		expect(bottom.first + bottom.count).toBe(total);
		// The last row's bottom edge meets the viewport's bottom edge.
		expect(bottom.offsetPx + bottom.count * 40).toBeCloseTo(10_000_000, 6);
		const middle = virtualWindow(4_999_800, 400, total, 40, 0, 10_000_000);
		expect(middle.first).toBe(Math.floor((4_999_800 / 9_999_600) * (total - 10)));
		// Rendering stays small wherever the list is scrolled.
		expect(middle.count).toBeLessThanOrEqual(11);
	});
});
