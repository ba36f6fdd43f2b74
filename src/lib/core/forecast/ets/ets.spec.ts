import { describe, expect, it } from 'vitest';
import { seededNormal } from '../shared/random';
import { EtsForecaster } from './ets';
import { fitEts, forecastEts } from './ets-core';

/** ETS(A,N,A): y = ℓ + s + ε; ℓ += α·ε; s += γ·ε, seeded. */
function simulateSeasonal(
	length: number,
	period: number,
	alpha: number,
	gamma: number,
	seed: number
): Float64Array {
	const noise = seededNormal(seed);
	const season = Float64Array.from({ length: period }, (_, k) =>
		Math.sin((2 * Math.PI * k) / period)
	);
	let level = 10;
	const series = new Float64Array(length);
	for (let t = 0; t < length; t++) {
		const error = 0.2 * noise();
		series[t] = level + season[t % period]! + error;
		level += alpha * error;
		season[t % period] = season[t % period]! + gamma * error;
	}
	return series;
}

describe('ETS', () => {
	it('recovers α and γ of a simulated ETS(A,N,A) within ±0.05', () => {
		const fit = fitEts(simulateSeasonal(4000, 12, 0.3, 0.1, 3), { trend: 'none', period: 12 });
		expect(Math.abs(fit.parameters.alpha - 0.3)).toBeLessThan(0.05);
		expect(Math.abs(fit.parameters.gamma - 0.1)).toBeLessThan(0.05);
		// σ = 0.2 → residual variance 0.04 within 10 %
		expect(Math.abs(fit.variance / 0.04 - 1)).toBeLessThan(0.1);
	});

	it('recovers α of simple exponential smoothing within ±0.05', () => {
		const fit = fitEts(simulateSeasonal(3000, 1, 0.6, 0, 5), { trend: 'none', period: 0 });
		expect(Math.abs(fit.parameters.alpha - 0.6)).toBeLessThan(0.05);
	});

	it('variance grows as σ²(1 + Σ c_j²) with c_j = α (+γ every season) without trend', () => {
		const fit = fitEts(simulateSeasonal(600, 4, 0.3, 0.1, 9), { trend: 'none', period: 4 });
		const { sd } = forecastEts(fit, 6);
		const { alpha, gamma } = fit.parameters;
		let factor = 1;
		for (let h = 0; h < 6; h++) {
			expect(sd[h]).toBeCloseTo(Math.sqrt(fit.variance * factor), 10);
			const j = h + 1;
			factor += (alpha + (j % 4 === 0 ? gamma : 0)) ** 2;
		}
	});

	it('the forecaster works on the log scale of a positive series and returns positive bounds', () => {
		const series = simulateSeasonal(24 * 20, 24, 0.2, 0.05, 1).map((value) => Math.exp(value / 5));
		const model = new EtsForecaster({ period: 24 });
		model.fit(series);
		const { mean, intervals } = model.predict(48, [95]);
		expect(mean.every((value) => value > 0)).toBe(true);
		expect(intervals[0]!.lower.every((value, h) => value > 0 && value < mean[h]!)).toBe(true);
	});
});
