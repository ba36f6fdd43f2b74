import { describe, expect, it } from 'vitest';
import { kpiDelta } from '$lib/core/table/kpi-delta';
import { formatKpiChange } from './delta';

const change = (current: number, previous: number, unit: Parameters<typeof formatKpiChange>[1]) =>
	formatKpiChange(kpiDelta(current, previous, 'neutral')!, unit, 'en');

describe('formatKpiChange', () => {
	it('writes durations in their unit, signed', () => {
		expect(change(1800, 2520, 'seconds')).toBe('-12 min');
		expect(change(7200, 3600, 'seconds')).toBe('+60 min');
		expect(change(3 * 86_400, 86_400, 'seconds')).toBe('+2 d');
	});
	it('writes fractions as percentage points', () => {
		expect(change(0.9, 0.865, 'fraction')).toBe('+3.5 pp');
		expect(change(0.5, 0.5, 'fraction')).toBe('0 pp');
	});
	it('writes counts with the relative change', () => {
		expect(change(1120, 1000, 'count')).toBe('+120 (+12%)');
		expect(change(5, 0, 'count')).toBe('+5');
	});
	it('writes scores with two decimals', () => {
		expect(change(4.21, 4, 'score')).toBe('+0.21');
	});
});
