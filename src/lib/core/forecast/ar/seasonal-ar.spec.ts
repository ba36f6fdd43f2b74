import { describe, expect, it } from 'vitest';
import { seededNormal } from '../shared/random';
import { SeasonalArForecaster } from './seasonal-ar';

/** log y_t = 3 + u_t, u_t = 0.5·u_{t−1} + 0.3·u_{t−24} + 0.1·ε_t (stationary), seeded. */
function simulate(length: number, seed: number): Float64Array {
	const noise = seededNormal(seed);
	const u = new Float64Array(length + 200);
	for (let t = 24; t < u.length; t++) u[t] = 0.5 * u[t - 1]! + 0.3 * u[t - 24]! + 0.1 * noise();
	return u.subarray(200).map((value) => Math.exp(3 + value));
}

describe('SeasonalArForecaster', () => {
	it('recovers AR coefficients of a simulated log-scale series within ±0.05', () => {
		const model = new SeasonalArForecaster({ lags: [1, 2, 24], ridge: 0 });
		model.fit(simulate(3000, 7));
		const coefficients = model.coefficients;
		expect(coefficients.get(1)).toBeCloseTo(0.5, 1);
		expect(Math.abs(coefficients.get(1)! - 0.5)).toBeLessThan(0.05);
		expect(Math.abs(coefficients.get(2)!)).toBeLessThan(0.05);
		expect(Math.abs(coefficients.get(24)! - 0.3)).toBeLessThan(0.05);
	});

	it('forecasts towards the mean with widening, ordered intervals', () => {
		const model = new SeasonalArForecaster({ lags: [1, 24], ridge: 0 });
		model.fit(simulate(2000, 11));
		const { mean, intervals } = model.predict(200, [80, 95]);
		// Far ahead the forecast is the unconditional median, e^3 ≈ 20.09 (within 5 %).
		expect(Math.abs(mean[199]! / Math.exp(3) - 1)).toBeLessThan(0.05);
		const [band80, band95] = intervals;
		for (let h = 0; h < 200; h++) {
			expect(band95!.lower[h]!).toBeLessThan(band80!.lower[h]!);
			expect(band80!.lower[h]!).toBeLessThan(mean[h]!);
			expect(band80!.upper[h]!).toBeGreaterThan(mean[h]!);
			expect(band95!.upper[h]!).toBeGreaterThan(band80!.upper[h]!);
		}
		const width = (h: number) => band95!.upper[h]! - band95!.lower[h]!;
		expect(width(47)).toBeGreaterThan(width(0));
	});

	it('with a seasonal difference, forecasts a pure daily cycle exactly', () => {
		const series = Float64Array.from(
			{ length: 24 * 30 },
			(_, t) => 50 + 20 * Math.sin((2 * Math.PI * t) / 24)
		);
		const model = new SeasonalArForecaster({ difference: 24, ridge: 0.1 });
		model.fit(series);
		const { mean } = model.predict(48, []);
		for (let h = 0; h < 48; h++)
			expect(mean[h]).toBeCloseTo(series[series.length - 24 + (h % 24)]!, 6);
	});
});
