import { describe, expect, it } from 'vitest';
import { kpiDelta, kpiPolarity } from './kpi-delta';

describe('kpiDelta', () => {
	it('calls a faster first response better and a lower CSAT worse', () => {
		expect(kpiDelta(1800, 3600, 'lower_is_better')).toEqual({
			change: -1800,
			relative: -0.5,
			direction: 'down',
			verdict: 'better'
		});
		expect(kpiDelta(0.8, 0.9, 'higher_is_better')).toMatchObject({
			direction: 'down',
			verdict: 'worse'
		});
		expect(kpiDelta(0.8, 0.9, 'higher_is_better')?.relative).toBeCloseTo(-0.1 / 0.9, 12);
	});
	it('never colours neutral KPIs and reads rounding noise as flat', () => {
		expect(kpiDelta(120, 100, 'neutral')).toEqual({
			change: 20,
			relative: 0.2,
			direction: 'up',
			verdict: 'neutral'
		});
		expect(kpiDelta(0.1 + 0.2, 0.3, 'higher_is_better')).toEqual({
			change: 0,
			relative: 0,
			direction: 'flat',
			verdict: 'neutral'
		});
	});
	it('has no relative change from zero and no delta without both values', () => {
		expect(kpiDelta(5, 0, 'neutral')).toEqual({
			change: 5,
			relative: null,
			direction: 'up',
			verdict: 'neutral'
		});
		expect(kpiDelta(null, 3, 'neutral')).toBeNull();
		expect(kpiDelta(3, null, 'neutral')).toBeNull();
	});
});

describe('kpiPolarity', () => {
	it('knows which way each overview KPI improves', () => {
		expect(kpiPolarity('tickets')).toBe('neutral');
		expect(kpiPolarity('first_response_median_s')).toBe('lower_is_better');
		expect(kpiPolarity('resolution_median_s')).toBe('lower_is_better');
		expect(kpiPolarity('resolution_rate')).toBe('higher_is_better');
		expect(kpiPolarity('csat_satisfied_rate')).toBe('higher_is_better');
		expect(kpiPolarity('reopen_rate')).toBe('lower_is_better');
		expect(kpiPolarity('something_new')).toBe('neutral');
	});
});
