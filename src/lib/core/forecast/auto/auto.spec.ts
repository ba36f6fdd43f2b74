import { describe, expect, it } from 'vitest';
import { createAutoForecaster } from '../create-forecaster';
import { seededNormal } from '../shared/random';
import { combine, combinePoints } from './auto';

describe('combinations', () => {
	it('mean and median point-wise', () => {
		const forecasts = [
			Float64Array.from([1, 10]),
			Float64Array.from([2, 40]),
			Float64Array.from([6, 20])
		];
		expect([...combinePoints(forecasts, 'mean')]).toEqual([3, 70 / 3]);
		expect([...combinePoints(forecasts, 'median')]).toEqual([2, 20]);
		expect([...combinePoints(forecasts.slice(0, 2), 'median')]).toEqual([1.5, 25]);
	});

	it('combines interval bounds level by level', () => {
		const band = (lower: number, upper: number) => [
			{ level: 95, lower: Float64Array.of(lower), upper: Float64Array.of(upper) }
		];
		const combined = combine(
			[
				{ mean: Float64Array.of(10), intervals: band(8, 12) },
				{ mean: Float64Array.of(20), intervals: band(14, 30) }
			],
			'mean'
		);
		expect(combined.mean[0]).toBe(15);
		expect(combined.intervals[0]!.lower[0]).toBe(11);
		expect(combined.intervals[0]!.upper[0]).toBe(21);
	});
});

describe('AutoForecaster', () => {
	it('picks seasonal naive for an exactly repeating day (zero backtest error)', async () => {
		const series = Float64Array.from({ length: 24 * 20 }, (_, t) => 30 + ((t % 24) - 12) ** 2);
		const auto = createAutoForecaster({ candidates: ['seasonal-naive', 'ets'] });
		await auto.fit(series, { horizon: 48 });
		expect(auto.selection?.backtest['seasonal-naive']).toBe(0);
		expect(auto.selection?.members).toEqual(['seasonal-naive']);
		const { mean } = auto.predict(48);
		for (let h = 0; h < 48; h++) expect(mean[h]).toBe(series[series.length - 24 + (h % 24)]);
	});

	it('prefers the seasonal AR over seasonal naive on a noisy autoregressive series', async () => {
		const noise = seededNormal(21);
		const u = new Float64Array(24 * 40);
		for (let t = 24; t < u.length; t++) u[t] = 0.8 * u[t - 1]! + 0.15 * u[t - 24]! + 0.1 * noise();
		const series = u.map((value, t) =>
			Math.exp(3 + 0.3 * Math.sin((2 * Math.PI * t) / 24) + value)
		);
		const auto = createAutoForecaster({ candidates: ['seasonal-naive', 'ar'], origins: 3 });
		await auto.fit(series);
		const { backtest } = auto.selection!;
		expect(backtest['ar']!).toBeLessThan(backtest['seasonal-naive']!);
		expect(auto.selection!.members).toContain('ar');
	});

	it('uses the first candidate when the history is too short to backtest', async () => {
		const auto = createAutoForecaster();
		await auto.fit(
			Float64Array.from({ length: 60 }, (_, t) => 10 + (t % 24)),
			{ horizon: 48 }
		);
		expect(auto.selection?.members).toEqual(['seasonal-naive']);
		expect(auto.selection?.combiner).toBe('single');
		expect(auto.predict(48).mean).toHaveLength(48);
	});
});
