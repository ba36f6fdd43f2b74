import { describe, expect, it } from 'vitest';
import { createDetector, scoreSeries } from './create-detector';
import { mulberry32 } from '../demo/random';
import { robustZFromScore, robustZScore } from './robust-z';
import { ALERT_SCORE } from './types';

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 5, 1); // a Monday
const WEEKLY = [1.25, 1.1, 1.05, 1, 0.95, 0.5, 0.45]; // Monday first

/** ~120 days of tickets: weekly pattern around 60 a day, Gaussian noise σ 5. */
function dailySeries(seed: number, days = 120): { times: number[]; values: number[] } {
	const rng = mulberry32(seed);
	const gaussian = () =>
		Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
	const times = Array.from({ length: days }, (_, day) => START + day * DAY_MS);
	const values = times.map((_, day) => 60 * WEEKLY[day % 7]! + 5 * gaussian());
	return { times, values };
}

const run = (values: number[], times: number[]) =>
	scoreSeries(createDetector('robust-z'), times, values);
const firstAlert = (scores: Float64Array, from = 0) =>
	scores.findIndex((score, index) => index >= from && score >= ALERT_SCORE);

describe('robust-z detector (short daily series)', () => {
	it('maps the alert z onto ALERT_SCORE and back', () => {
		expect(robustZScore(4, 4)).toBeCloseTo(ALERT_SCORE, 12);
		expect(robustZScore(0, 4)).toBe(0);
		expect(robustZScore(8, 4)).toBeCloseTo(1 - 0.15 ** 2, 12);
		expect(robustZFromScore(robustZScore(5.5, 4), 4)).toBeCloseTo(5.5, 9);
	});

	it.each([1, 2, 3, 4, 5])('stays quiet on a clean weekly series (seed %i)', (seed) => {
		const { times, values } = dailySeries(seed);
		expect(Math.max(...run(values, times))).toBeLessThan(ALERT_SCORE);
	});

	it.each([1, 2, 3])('finds a planted 8σ spike and dip on the day (seed %i)', (seed) => {
		const { times, values } = dailySeries(seed);
		const spiked = values.map((v, i) => (i === 70 ? v + 40 : v));
		expect(firstAlert(run(spiked, times))).toBe(70);
		const dipped = values.map((v, i) => (i === 72 ? v - 40 : v));
		expect(firstAlert(run(dipped, times))).toBe(72);
	});

	it.each([1, 2, 3])('finds a 4σ level shift within four days (seed %i)', (seed) => {
		const { times, values } = dailySeries(seed);
		const shifted = values.map((v, i) => (i >= 80 && i < 94 ? v + 20 : v));
		const alert = firstAlert(run(shifted, times));
		expect(alert).toBeGreaterThanOrEqual(80);
		expect(alert).toBeLessThanOrEqual(83);
	});

	it('expects a Monday to be like the last Mondays (weekly profile)', () => {
		const times = Array.from({ length: 42 }, (_, day) => START + day * DAY_MS);
		const values = times.map((_, day) => (day % 7 === 0 ? 100 : 40 + (day % 3)));
		const detector = createDetector('robust-z');
		const outputs = times.map((time, index) => detector.update(time, values[index]!));
		// Day 35 is a Monday: the last four Mondays were all 100.
		expect(outputs[35]!.expected).toBe(100);
		expect(outputs[35]!.score).toBe(0);
	});

	it('resumes from a JSON round-tripped state exactly', () => {
		const { times, values } = dailySeries(9);
		const whole = run(values, times);
		const first = createDetector('robust-z');
		scoreSeries(first, times.slice(0, 60), values.slice(0, 60));
		const resumed = createDetector('robust-z', {}, JSON.parse(JSON.stringify(first.state)));
		const tail = scoreSeries(resumed, times.slice(60), values.slice(60));
		expect([...tail]).toEqual([...whole.subarray(60)]);
	});
});
