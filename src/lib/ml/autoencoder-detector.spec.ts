import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededNormal } from '$lib/core/forecast/shared/random';
import { ALERT_SCORE } from '$lib/core/anomaly/types';
import { createDetector, scoreSeries } from '$lib/core/anomaly/create-detector';
import { robustZVectors, scoreWithAutoencoder } from './autoencoder-detector';

beforeAll(async () => {
	// Node has no wasm files served: the cpu backend, as the worker falls back to.
	await tf.setBackend('cpu');
	await tf.ready();
});

const DAYS = 150;
const DAY_MS = 86_400_000;
const WEEKDAY = [1.1, 1, 1, 0.95, 1.05, 0.7, 0.6];

/**
 * A shop's daily metrics driven by one demand factor: e-mail and chat volume, their first
 * response medians (slower on busy days) and the satisfied share (lower on busy days).
 */
function shopDays(seed: number): number[][] {
	const noise = seededNormal(seed);
	return Array.from({ length: DAYS }, (_, day) => {
		const demand = noise();
		const week = WEEKDAY[day % 7]!;
		return [
			60 * week * (1 + 0.15 * demand) + 3 * noise(),
			40 * week * (1 + 0.15 * demand) + 2.5 * noise(),
			3600 * (1 + 0.2 * demand) + 150 * noise(),
			120 * (1 + 0.2 * demand) + 6 * noise(),
			0.85 - 0.04 * demand + 0.01 * noise()
		];
	});
}

const alerts = (scores: Float64Array, from = 0) =>
	Array.from(scores.subarray(from)).filter((score) => score >= ALERT_SCORE).length;

describe('scoreWithAutoencoder (tfjs)', () => {
	it('leaves no tensor behind, also after a failed call', async () => {
		const before = tf.memory().numTensors;
		await scoreWithAutoencoder(shopDays(1).slice(0, 60), { epochs: 5 });
		expect(tf.memory().numTensors).toBe(before);
		await expect(scoreWithAutoencoder([[]])).rejects.toThrow(RangeError);
		expect(tf.memory().numTensors).toBe(before);
	});

	it('builds z-vectors from the past only', () => {
		const rows = shopDays(2);
		const changed = rows.map((row, day) => (day >= 100 ? row.map((v) => v * 3) : row));
		const a = robustZVectors(rows);
		const b = robustZVectors(changed);
		expect(a.z.slice(0, 100)).toEqual(b.z.slice(0, 100));
		// No expectation before two weeks of same-weekday values and 14 residuals.
		expect(a.ready.slice(0, 28).every((ready) => !ready)).toBe(true);
		expect(a.ready[DAYS - 1]).toBe(true);
	});

	it.each([1, 2, 3, 4, 5])(
		'stays quiet on clean linked metrics (seed %i)',
		async (seed) => {
			const { scores } = await scoreWithAutoencoder(shopDays(seed));
			expect(alerts(scores)).toBeLessThanOrEqual(1);
		},
		60_000
	);

	it.each([1, 2, 3])(
		'finds first response doubling on one channel while volume is normal (seed %i)',
		async (seed) => {
			const rows = shopDays(seed);
			for (let day = 120; day < 124; day++) rows[day]![3] = rows[day]![3]! * 2;
			const { scores, worstMetric, expected, upper, missZ } = await scoreWithAutoencoder(rows);
			expect(scores[120]).toBeGreaterThanOrEqual(ALERT_SCORE);
			// The miss spreads through the bottleneck: the largest one is not always chat's.
			expect(worstMetric[120]).toBeGreaterThanOrEqual(0);
			// Chat's own miss points up, above its band, and the expectation (given the other
			// metrics) stays near chat's usual 120 s, far from the doubled value.
			expect(missZ[120]![3]).toBeGreaterThan(0);
			expect(rows[120]![3]).toBeGreaterThan(upper[120]![3]!);
			expect(expected[120]![3]).toBeGreaterThan(80);
			expect(expected[120]![3]).toBeLessThan(170);
		},
		60_000
	);

	it.each([1, 2, 3])(
		'finds a correlation break each metric alone would pass (seed %i)',
		async (seed) => {
			const rows = shopDays(seed);
			// Busy e-mail, quiet chat on the same day: each 3.5 demand-σ off its norm (under 3 of
			// its own residual σ), but the two always moved together.
			rows[125]![0] = rows[125]![0]! + 3.5 * 0.15 * 60 * WEEKDAY[125 % 7]!;
			rows[125]![1] = rows[125]![1]! - 3.5 * 0.15 * 40 * WEEKDAY[125 % 7]!;
			// The per-metric detector of the daily series does not alert on either metric.
			for (const metric of [0, 1]) {
				const detector = createDetector('robust-z', { transform: 'none' });
				const single = scoreSeries(
					detector,
					rows.map((_, day) => day * DAY_MS),
					rows.map((row) => row[metric]!)
				);
				expect(single[125]).toBeLessThan(ALERT_SCORE);
			}
			const { scores } = await scoreWithAutoencoder(rows);
			expect(scores[125]).toBeGreaterThanOrEqual(ALERT_SCORE);
		},
		60_000
	);

	it('resumes from a checkpoint exactly like one run, scoring only the later days', async () => {
		const rows = shopDays(5).slice(0, 90);
		for (let day = 80; day < 83; day++) rows[day]![2] = rows[day]![2]! * 2.5;
		const config = { epochs: 30 };
		const whole = await scoreWithAutoencoder(rows, config);
		const head = await scoreWithAutoencoder(rows.slice(0, 70), config, { checkpointAt: 66 });
		expect(head.checkpoint.length).toBe(66);
		// Through JSON, as it is stored between imports.
		const saved = JSON.parse(JSON.stringify(head.checkpoint));
		const tail = await scoreWithAutoencoder(rows, config, { resumeFrom: saved });
		expect(tail.from).toBe(66);
		expect(Array.from(tail.scores.subarray(0, 66)).every((score) => score === 0)).toBe(true);
		expect(Array.from(tail.scores.subarray(66))).toEqual(Array.from(whole.scores.subarray(66)));
		expect(tail.expected.slice(66)).toEqual(whole.expected.slice(66));
		expect(Math.max(...whole.scores.subarray(80, 83))).toBeGreaterThanOrEqual(ALERT_SCORE);
		await expect(
			scoreWithAutoencoder(
				rows.map((row) => row.slice(0, 4)),
				config,
				{ resumeFrom: saved }
			)
		).rejects.toThrow(RangeError);
	}, 60_000);

	it('stops when cancelled and leaves no tensor behind', async () => {
		const before = tf.memory().numTensors;
		const controller = new AbortController();
		const running = scoreWithAutoencoder(
			shopDays(3),
			{},
			{
				signal: controller.signal,
				onProgress: (fraction) => {
					if (fraction > 0.3) controller.abort();
				}
			}
		);
		await expect(running).rejects.toThrow();
		expect(tf.memory().numTensors).toBe(before);
	}, 60_000);

	it('is repeatable with the same seed', async () => {
		const rows = shopDays(4).slice(0, 80);
		const first = await scoreWithAutoencoder(rows, { epochs: 20, seed: 3 });
		const second = await scoreWithAutoencoder(rows, { epochs: 20, seed: 3 });
		expect(Array.from(second.scores)).toEqual(Array.from(first.scores));
	}, 60_000);
});
