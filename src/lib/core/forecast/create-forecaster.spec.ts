import { describe, expect, it } from 'vitest';
import { createForecaster } from './create-forecaster';
import { seededNormal } from './shared/random';
import { FORECASTER_KINDS } from './types';

describe('createForecaster', () => {
	// Three weeks of positive hourly counts with daily and weekly cycles and noise.
	const noise = seededNormal(2);
	const series = Float64Array.from(
		{ length: 24 * 21 },
		(_, t) =>
			100 *
			Math.exp(0.4 * Math.sin((2 * Math.PI * t) / 24) + 0.2 * Math.sin((2 * Math.PI * t) / 168)) *
			Math.exp(0.05 * noise())
	);

	it.each(FORECASTER_KINDS)(
		'%s fits, forecasts 48 steps and brackets them at 80 and 95 %%',
		async (kind) => {
			const model = createForecaster(kind);
			expect(model.kind).toBe(kind);
			await model.fit(series, { horizon: 48 });
			const { mean, intervals } = model.predict(48, [80, 95]);
			expect(mean).toHaveLength(48);
			expect(intervals.map(({ level }) => level)).toEqual([80, 95]);
			for (let h = 0; h < 48; h++) {
				expect(Number.isFinite(mean[h])).toBe(true);
				expect(intervals[1]!.lower[h]!).toBeLessThanOrEqual(intervals[0]!.lower[h]! + 1e-9);
				expect(intervals[0]!.lower[h]!).toBeLessThanOrEqual(mean[h]! + 1e-9);
				expect(intervals[0]!.upper[h]!).toBeGreaterThanOrEqual(mean[h]! - 1e-9);
				expect(intervals[1]!.upper[h]!).toBeGreaterThanOrEqual(intervals[0]!.upper[h]! - 1e-9);
			}
			model.dispose();
		},
		// sarima's order search takes seconds on a loaded shared machine.
		30_000
	);

	it('predict before fit is an error', () => {
		expect(() => createForecaster('ets').predict(4)).toThrow();
	});
});

describe('awkward series (every kind returns finite forecasts)', () => {
	const cases: [string, Float64Array][] = [
		['constant', new Float64Array(24 * 10).fill(5)],
		// a quiet shop: mostly zero tickets per hour, a few in business hours
		[
			'zeros',
			Float64Array.from({ length: 24 * 14 }, (_, t) =>
				t % 24 >= 9 && t % 24 < 17 ? (t % 3) + 1 : 0
			)
		],
		['short', Float64Array.from({ length: 10 }, (_, t) => 3 + (t % 4))],
		['negative', Float64Array.from({ length: 24 * 8 }, (_, t) => Math.sin(t / 3) - 0.5)]
	];
	for (const [name, series] of cases) {
		it.each(FORECASTER_KINDS)(`${name}: %s`, async (kind) => {
			const model = createForecaster(kind);
			await model.fit(series, { horizon: 24 });
			const { mean, intervals } = model.predict(24, [95]);
			expect(mean.every((value) => Number.isFinite(value))).toBe(true);
			expect(intervals[0]!.lower.every((value) => !Number.isNaN(value))).toBe(true);
		});
	}
});
