import { describe, expect, it } from 'vitest';
import { seededNormal } from '../shared/random';
import { fitSarima, forecastSarima, type SarimaOrder } from './fit';
import { coefficientsFromPartials, differencingTerms, multiplyAr, multiplyMa } from './polynomials';
import { kpssStatistic } from './stepwise';
import { SarimaForecaster } from './sarima';

const order = (partial: Partial<SarimaOrder>): SarimaOrder => ({
	p: 0,
	d: 0,
	q: 0,
	seasonalP: 0,
	seasonalD: 0,
	seasonalQ: 0,
	period: 12,
	constant: false,
	...partial
});

/** x_t = φ x_{t−1} + Φ x_{t−12} − φΦ x_{t−13} + ε_t + θ ε_{t−1}, seeded, after a burn-in. */
function simulate(length: number, phi: number, seasonalPhi: number, theta: number, seed: number) {
	const noise = seededNormal(seed);
	const burn = 500;
	const x = new Float64Array(length + burn);
	let previousShock = 0;
	for (let t = 13; t < x.length; t++) {
		const shock = noise();
		x[t] =
			phi * x[t - 1]! +
			seasonalPhi * x[t - 12]! -
			phi * seasonalPhi * x[t - 13]! +
			shock +
			theta * previousShock;
		previousShock = shock;
	}
	return x.subarray(burn);
}

describe('SARIMA polynomials', () => {
	it('partials → AR coefficients (Durbin-Levinson)', () => {
		// r = (0.5, 0.2): φ2 = 0.2, φ1 = 0.5 − 0.2·0.5 = 0.4
		const phi = coefficientsFromPartials([0.5, 0.2]);
		expect(phi[0]).toBeCloseTo(0.4, 12);
		expect(phi[1]).toBeCloseTo(0.2, 12);
	});

	it('multiplies regular and seasonal operators', () => {
		// (1 − 0.5B)(1 − 0.3B^4) = 1 − 0.5B − 0.3B^4 + 0.15B^5
		const ar = multiplyAr([0.5], [0.3], 4);
		expect(ar).toEqual([
			{ lag: 1, coefficient: 0.5 },
			{ lag: 4, coefficient: 0.3 },
			{ lag: 5, coefficient: expect.closeTo(-0.15, 12) as number }
		]);
		// (1 + 0.5B)(1 + 0.3B^4) = 1 + 0.5B + 0.3B^4 + 0.15B^5
		expect(multiplyMa([0.5], [0.3], 4).map((term) => term.coefficient)).toEqual([
			0.5,
			0.3,
			expect.closeTo(0.15, 12)
		]);
		// (1 − B)(1 − B^4) = 1 − B − B^4 + B^5 → x_t = w_t + x_{t−1} + x_{t−4} − x_{t−5}
		expect(differencingTerms(1, 1, 4)).toEqual([
			{ lag: 1, coefficient: 1 },
			{ lag: 4, coefficient: 1 },
			{ lag: 5, coefficient: -1 }
		]);
	});
});

describe('SARIMA fit', () => {
	it('recovers φ = 0.6, Φ = 0.4, θ = 0.3 of a simulated SARIMA(1,0,1)(1,0,0)_12 within ±0.05', () => {
		const series = simulate(3000, 0.6, 0.4, 0.3, 17);
		const fit = fitSarima(series, order({ p: 1, q: 1, seasonalP: 1 }));
		expect(Math.abs(fit.ar[0]! - 0.6)).toBeLessThan(0.05);
		expect(Math.abs(fit.seasonalAr[0]! - 0.4)).toBeLessThan(0.05);
		expect(Math.abs(fit.ma[0]! - 0.3)).toBeLessThan(0.05);
		// unit-variance shocks: σ² within 10 %
		expect(Math.abs(fit.variance - 1)).toBeLessThan(0.1);
	});

	it('prefers the true order to a misspecified one by AICc', () => {
		const series = simulate(2000, 0.6, 0.4, 0, 5);
		const truth = fitSarima(series, order({ p: 1, seasonalP: 1 }));
		const wrong = fitSarima(series, order({ p: 1 }));
		expect(truth.aicc).toBeLessThan(wrong.aicc);
	});

	it('random walk: forecast is the last value, sd grows as σ√h', () => {
		const noise = seededNormal(8);
		const walk = new Float64Array(500);
		for (let t = 1; t < 500; t++) walk[t] = walk[t - 1]! + noise();
		const fit = fitSarima(walk, order({ d: 1 }));
		const { mean, sd } = forecastSarima(fit, 4);
		for (let h = 0; h < 4; h++) {
			expect(mean[h]).toBeCloseTo(walk[499]!, 10);
			expect(sd[h]).toBeCloseTo(Math.sqrt(fit.variance * (h + 1)), 10);
		}
	});

	it('KPSS rejects level stationarity for a random walk, not for white noise', () => {
		const noise = seededNormal(12);
		const white = Float64Array.from({ length: 500 }, () => noise());
		const walk = new Float64Array(500);
		for (let t = 1; t < 500; t++) walk[t] = walk[t - 1]! + noise();
		expect(kpssStatistic(white)).toBeLessThan(0.463);
		expect(kpssStatistic(walk)).toBeGreaterThan(0.463);
	});

	it('stepwise search finds the seasonal AR structure and forecasts a seasonal series', () => {
		// Positive hourly-like series: exp of a SARIMA(1,0,0)(1,0,0)_24 around a daily cycle.
		const noise = seededNormal(30);
		const n = 24 * 30;
		const u = new Float64Array(n);
		for (let t = 25; t < n; t++)
			u[t] = 0.7 * u[t - 1]! + 0.5 * u[t - 24]! - 0.35 * u[t - 25]! + 0.05 * noise();
		const series = u.map((value, t) =>
			Math.exp(3 + 0.5 * Math.sin((2 * Math.PI * t) / 24) + value)
		);
		const model = new SarimaForecaster({ period: 24 });
		model.fit(series);
		const chosen = model.fitted!.order;
		expect(chosen.p + chosen.q).toBeGreaterThan(0);
		expect(chosen.seasonalP + chosen.seasonalQ + chosen.seasonalD).toBeGreaterThan(0);
		const { mean, intervals } = model.predict(48, [95]);
		expect(mean.every((value) => Number.isFinite(value) && value > 0)).toBe(true);
		expect(intervals[0]!.upper[47]! - intervals[0]!.lower[47]!).toBeGreaterThan(
			intervals[0]!.upper[0]! - intervals[0]!.lower[0]!
		);
	}, 30_000); // a full order search: CPU-bound, seconds on a shared 2-core machine
});
