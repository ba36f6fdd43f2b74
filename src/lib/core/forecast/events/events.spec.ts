import { describe, expect, it } from 'vitest';
import { createAutoForecaster, createForecaster } from '../create-forecaster';
import { seededNormal } from '../shared/random';
import { EventAdjustedForecaster } from './event-adjusted';
import {
	estimateEventEffects,
	eventFactors,
	kindsPerStep,
	removeEventEffects,
	type EventWindow
} from './event-effects';

const sum = (values: ArrayLike<number>, from = 0, to = values.length) => {
	let total = 0;
	for (let i = from; i < to; i++) total += values[i]!;
	return total;
};

describe('event effects by hand (period 1: one step a day, a week of 7 steps)', () => {
	it('learns a factor from the same weekday a week before and after', () => {
		// Flat 10 a day; a promotion on day 10 with 15. Baseline: days 3 and 17 → 10.
		const series = new Float64Array(21).fill(10);
		series[10] = 15;
		const windows: EventWindow[] = [{ kind: 'promotion', start: 10, end: 11 }];
		const [effect] = estimateEventEffects(series, windows, { period: 1 });
		expect(effect).toEqual({
			kind: 'promotion',
			factor: 1.5,
			learntFromSteps: 1,
			source: 'learnt'
		});
		// The history is cleaned, and a future promotion gets the factor.
		expect([...removeEventEffects(series, windows, [effect!], 1)]).toEqual(new Array(21).fill(10));
		const future = [...windows, { kind: 'promotion', start: 22, end: 24 }];
		expect([...eventFactors(series, future, [effect!], 21, 25, 1)]).toEqual([1, 1.5, 1.5, 1]);
	});

	it('excludes other event days from a baseline and skips steps without one', () => {
		const series = Float64Array.from([10, 10, 10, 10, 10, 10, 10, 30, 10, 10]);
		// Day 0 is a launch (20 → baseline day 7 is itself an event, so no baseline).
		series[0] = 20;
		const windows: EventWindow[] = [
			{ kind: 'launch', start: 0, end: 1 },
			{ kind: 'promotion', start: 7, end: 8 }
		];
		const effects = estimateEventEffects(series, windows, { period: 1 });
		expect(effects.map((e) => [e.kind, e.factor, e.source])).toEqual([
			['launch', 1, 'none'],
			['promotion', 1, 'none']
		]);
		expect(kindsPerStep(windows, 3)).toEqual([['launch'], [], []]);
	});

	it('a holiday with no past occurrence is as busy as the quietest weekday', () => {
		// Weekday classes 0..6: 10, 10, 10, 10, 10, 5, 2 (a quiet Sunday), three weeks.
		const week = [10, 10, 10, 10, 10, 5, 2];
		const series = Float64Array.from({ length: 21 }, (_, t) => week[t % 7]!);
		const windows: EventWindow[] = [{ kind: 'holiday', start: 21, end: 23 }];
		const effects = estimateEventEffects(series, windows, { period: 1 });
		expect(effects[0]!.source).toBe('quietest-day');
		// Day 21 is class 0 (10 → 2: ×0.2), day 22 class 1 (×0.2), day 23 no holiday.
		const factors = eventFactors(series, windows, effects, 21, 24, 1);
		expect([...factors].map((f) => +f.toFixed(10))).toEqual([0.2, 0.2, 1]);
	});

	it('a holiday learnt from a past one overrides the prior', () => {
		const series = new Float64Array(28).fill(10);
		series[8] = 3; // a past holiday on day 8: 3 vs the baseline 10
		const windows: EventWindow[] = [
			{ kind: 'holiday', start: 8, end: 9 },
			{ kind: 'holiday', start: 29, end: 30 }
		];
		const effects = estimateEventEffects(series, windows, { period: 1 });
		expect(effects[0]).toMatchObject({ factor: 0.3, source: 'learnt' });
		expect([...eventFactors(series, windows, effects, 28, 31, 1)]).toEqual([1, 0.3, 1]);
	});
});

/**
 * Ten weeks of hourly counts (daily and weekly cycles, Poisson-like noise) with a planted +40 %
 * on two past three-day promotions.
 */
function promoSeries(effect: number) {
	const noise = seededNormal(11);
	const weekday = [1, 1.05, 1, 0.95, 1.1, 0.7, 0.5];
	const promoDays = new Set([15, 16, 17, 43, 44, 45]);
	const n = 70 * 24;
	const series = Float64Array.from({ length: n }, (_, t) => {
		const day = Math.floor(t / 24);
		const level =
			30 *
			Math.exp(0.7 * Math.sin((2 * Math.PI * ((t % 24) - 6)) / 24)) *
			weekday[day % 7]! *
			(promoDays.has(day) ? 1 + effect : 1);
		return Math.max(0, Math.round(level + Math.sqrt(level) * noise()));
	});
	const past: EventWindow[] = [
		{ kind: 'promotion', start: 15 * 24, end: 18 * 24 },
		{ kind: 'promotion', start: 43 * 24, end: 46 * 24 }
	];
	// A future promotion on forecast days 2–4.
	const future: EventWindow = { kind: 'promotion', start: n + 2 * 24, end: n + 5 * 24 };
	return { series, past, future, n };
}

describe('events shift the forecast', () => {
	it('events shift the forecast on a series with a known promotion effect', async () => {
		const planted = 0.4;
		const { series, past, future } = promoSeries(planted);
		const horizon = 168;
		const window = { from: 2 * 24, to: 5 * 24 };
		const forecastWith = async (windows: EventWindow[]) => {
			const model = new EventAdjustedForecaster(createAutoForecaster(), windows);
			await model.fit(series, { horizon });
			const forecast = model.predict(horizon, [80]);
			model.dispose();
			return { forecast, effects: model.effects };
		};
		const withPromo = await forecastWith([...past, future]);
		const withoutPromo = await forecastWith(past);
		// The learnt factor is the planted one.
		expect(withPromo.effects[0]!.factor).toBeCloseTo(1 + planted, 1);
		const ratio =
			sum(withPromo.forecast.mean, window.from, window.to) /
			sum(withoutPromo.forecast.mean, window.from, window.to);
		expect(ratio).toBeGreaterThan(1 + planted - 0.05);
		expect(ratio).toBeLessThan(1 + planted + 0.05);
		// Outside the promotion nothing changes; the interval moves with the point forecast.
		expect(withPromo.forecast.mean[0]).toBeCloseTo(withoutPromo.forecast.mean[0]!, 9);
		expect(withPromo.forecast.intervals[0]!.upper[60]!).toBeCloseTo(
			withoutPromo.forecast.intervals[0]!.upper[60]! * withPromo.effects[0]!.factor,
			9
		);
	});

	it('marking past promotions keeps them out of the baseline forecast', async () => {
		// The second promotion ends 24 days before the end: a weekly model would still see it in
		// a 4-week lag; with it marked, the no-event forecast is closer to the promo-free truth.
		const { series, past } = promoSeries(0.4);
		const { series: clean } = promoSeries(0);
		const fit = async (values: Float64Array, windows: EventWindow[]) => {
			const model = new EventAdjustedForecaster(createForecaster('ar'), windows);
			await model.fit(values, { horizon: 168 });
			const mean = model.predict(168, []).mean;
			model.dispose();
			return sum(mean);
		};
		const truth = await fit(clean, []);
		const marked = await fit(series, past);
		const unmarked = await fit(series, []);
		expect(Math.abs(marked - truth)).toBeLessThan(Math.abs(unmarked - truth));
		expect(Math.abs(marked / truth - 1)).toBeLessThan(0.05);
	});

	it('without events the wrapper is the inner model', async () => {
		const { series } = promoSeries(0);
		const inner = createForecaster('seasonal-naive');
		await inner.fit(series);
		const wrapped = new EventAdjustedForecaster(createForecaster('seasonal-naive'), []);
		await wrapped.fit(series);
		expect([...wrapped.predict(48).mean]).toEqual([...inner.predict(48).mean]);
	});
});
