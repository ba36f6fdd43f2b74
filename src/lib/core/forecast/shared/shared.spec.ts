import { describe, expect, it } from 'vitest';
import { normalQuantile } from './intervals';
import { ridgeLeastSquares } from './least-squares';
import { nelderMead } from './nelder-mead';
import { isSeasonal } from './decompose';

describe('shared numerics', () => {
	it('normal quantiles to 1e-6', () => {
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 6);
		expect(normalQuantile(0.9)).toBeCloseTo(1.281551566, 6);
		expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
		expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 6);
	});

	it('least squares recovers an exact linear relation', () => {
		// y = 1 + 2·x1 − 3·x2 over six rows
		const rows = [
			[0, 1],
			[1, 0],
			[2, 3],
			[3, 1],
			[4, 4],
			[5, 2]
		];
		const design = Float64Array.from(rows.flatMap(([a, b]) => [1, a!, b!]));
		const target = Float64Array.from(rows.map(([a, b]) => 1 + 2 * a! - 3 * b!));
		const beta = ridgeLeastSquares(design, target, 3, 0);
		expect(beta[0]).toBeCloseTo(1, 8);
		expect(beta[1]).toBeCloseTo(2, 8);
		expect(beta[2]).toBeCloseTo(-3, 8);
	});

	it('Nelder-Mead finds the minimum of the Rosenbrock function', () => {
		const { point } = nelderMead(
			(p) => (1 - p[0]!) ** 2 + 100 * (p[1]! - p[0]! ** 2) ** 2,
			Float64Array.of(-1.2, 1),
			{ maxIterations: 2000, tolerance: 1e-14 }
		);
		expect(point[0]).toBeCloseTo(1, 3);
		expect(point[1]).toBeCloseTo(1, 3);
	});

	it('seasonality test: a daily cycle passes, white noise and short series do not', () => {
		const cycle = Float64Array.from(
			{ length: 240 },
			(_, t) => 10 + Math.sin((2 * Math.PI * t) / 24)
		);
		expect(isSeasonal(cycle, 24)).toBe(true);
		expect(isSeasonal(cycle.subarray(0, 71), 24)).toBe(false);
		const flat = Float64Array.from({ length: 240 }, (_, t) => (t * 7919) % 13);
		expect(isSeasonal(flat, 24)).toBe(false);
	});
});
