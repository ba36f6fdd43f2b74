import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createForecaster } from '$lib/core/forecast/create-forecaster';
import { mase } from '$lib/core/forecast/metrics';
import { seededNormal } from '$lib/core/forecast/shared/random';
import { MlpForecaster } from './mlp-forecaster';

beforeAll(async () => {
	// Node has no wasm files served: the cpu backend, as the worker falls back to.
	await tf.setBackend('cpu');
	await tf.ready();
});

/** Six weeks of hourly counts: daily and weekly cycles, a quiet weekend, Poisson-like noise. */
function hourlySeries(weeks: number, seed: number): Float64Array {
	const noise = seededNormal(seed);
	const weekday = [1, 1.1, 1, 0.95, 1.05, 0.6, 0.4];
	return Float64Array.from({ length: weeks * 168 }, (_, t) => {
		const level =
			20 *
			Math.exp(0.8 * Math.sin((2 * Math.PI * ((t % 24) - 7)) / 24)) *
			weekday[Math.floor(t / 24) % 7]!;
		return Math.max(0, Math.round(level + Math.sqrt(level) * noise()));
	});
}

describe('MlpForecaster (tfjs)', () => {
	const series = hourlySeries(7, 3);
	const training = series.subarray(0, 6 * 168);
	const actual = series.subarray(6 * 168);

	it('leaves no tensor behind after fit, predict and dispose', async () => {
		const before = tf.memory().numTensors;
		const model = new MlpForecaster({ epochs: 3 });
		await model.fit(training);
		expect(tf.memory().numTensors).toBe(before);
		model.predict(168, [80, 95]);
		model.dispose();
		expect(tf.memory().numTensors).toBe(before);
		// A failed fit (too short) leaves nothing either.
		await expect(new MlpForecaster().fit(training.subarray(0, 200))).rejects.toThrow(RangeError);
		expect(tf.memory().numTensors).toBe(before);
	});

	it('learns the weekly shape: beats seasonal naive on a held-out week', async () => {
		const model = new MlpForecaster();
		await model.fit(training);
		const forecast = model.predict(168, [80, 95]);
		model.dispose();
		const naive = createForecaster('seasonal-naive');
		await naive.fit(training);
		const naiveMase = mase(actual, naive.predict(168, []).mean, training, 24);
		const mlpMase = mase(actual, forecast.mean, training, 24);
		expect(mlpMase).toBeLessThan(naiveMase);
		expect(mlpMase).toBeLessThan(0.9);
		// Intervals bracket the forecast and cover most of the held-out hours.
		const [i80, i95] = forecast.intervals;
		let inside95 = 0;
		for (let h = 0; h < 168; h++) {
			expect(i95!.lower[h]!).toBeLessThanOrEqual(i80!.lower[h]! + 1e-9);
			expect(i80!.lower[h]!).toBeLessThanOrEqual(forecast.mean[h]! + 1e-9);
			expect(forecast.mean[h]!).toBeLessThanOrEqual(i80!.upper[h]! + 1e-9);
			if (actual[h]! >= i95!.lower[h]! && actual[h]! <= i95!.upper[h]!) inside95++;
		}
		expect(inside95 / 168).toBeGreaterThan(0.8);
	}, 60_000);

	it('is repeatable with the same seed', async () => {
		const run = async (seed: number) => {
			const model = new MlpForecaster({ epochs: 5, seed });
			await model.fit(training);
			const mean = model.predict(48, []).mean;
			model.dispose();
			return [...mean];
		};
		const first = await run(7);
		expect(await run(7)).toEqual(first);
		expect(await run(8)).not.toEqual(first);
	}, 60_000);
});
