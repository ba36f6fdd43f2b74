import * as tf from '@tensorflow/tfjs';
import { gaussianIntervals } from '../core/forecast/shared/intervals';
import { seededNormal, seededUniform } from '../core/forecast/shared/random';
import { applyTransform, chooseTransform, type Transform } from '../core/forecast/shared/transform';
import { DEFAULT_LEVELS, type Forecast, type Forecaster } from '../core/forecast/types';

export interface MlpConfig {
	/** Steps per day (24 for hourly data); the week is 7 days and the output one day. */
	period?: number;
	hidden?: number;
	epochs?: number;
	batchSize?: number;
	learningRate?: number;
	/** L2 penalty on the weights (per weight, added to the mean squared error). */
	l2?: number;
	/** Most recent training windows used (older ones are dropped to bound the fit time). */
	maxSamples?: number;
	seed?: number;
}

const DEFAULTS: Required<MlpConfig> = {
	period: 24,
	hidden: 32,
	epochs: 30,
	batchSize: 256,
	learningRate: 0.01,
	l2: 1e-4,
	maxSamples: 2000,
	seed: 1
};

/** Dense weights as plain arrays: after `fit` no tensor is kept, `predict` runs in plain JS. */
interface Weights {
	w1: Float32Array;
	b1: Float32Array;
	w2: Float32Array;
	b2: Float32Array;
}

/**
 * A small N-BEATS-flavoured network in tfjs: from the last day and the same day a week
 * earlier (plus the hour and weekday of the origin) it predicts the next day as a correction
 * to last week's values, on the log scale, standardised. One hidden ReLU layer, Adam, a seeded
 * initialisation and batch order (repeatable on one backend), trained in the worker. The day
 * forecast is iterated for longer horizons. Every tensor is disposed when `fit` returns.
 * Intervals: Gaussian on the working scale with the in-sample error spread of each output hour,
 * widening with √(days ahead).
 */
export class MlpForecaster implements Forecaster {
	readonly kind = 'mlp';
	readonly config: Required<MlpConfig>;
	#transform: Transform | undefined;
	#centre = 0;
	#spread = 1;
	#history = new Float64Array(0);
	#weights: Weights | undefined;
	#sigma = new Float64Array(0);
	#bounds = { low: -Infinity, high: Infinity };

	constructor(config: MlpConfig = {}) {
		this.config = { ...DEFAULTS, ...config };
	}

	/** Fewest values the model trains on: two weeks of inputs and a week of windows. */
	get minLength(): number {
		return 7 * this.config.period * 3;
	}

	async fit(series: Float64Array): Promise<void> {
		const { period } = this.config;
		if (series.length < this.minLength)
			throw new RangeError(`mlp needs at least ${this.minLength} values`);
		this.#transform = chooseTransform(series);
		const logged = applyTransform(series, this.#transform);
		let sum = 0;
		for (const value of logged) sum += value;
		this.#centre = sum / logged.length;
		let squares = 0;
		for (const value of logged) squares += (value - this.#centre) ** 2;
		this.#spread = Math.sqrt(squares / logged.length) || 1;
		const z = logged.map((value) => (value - this.#centre) / this.#spread);
		let low = Infinity;
		let high = -Infinity;
		for (const value of z) {
			low = Math.min(low, value);
			high = Math.max(high, value);
		}
		this.#bounds = { low: low - (high - low), high: high + (high - low) };
		this.#history = z;

		const week = 7 * period;
		const first = Math.max(week, z.length - period - this.config.maxSamples + 1);
		const origins: number[] = [];
		for (let origin = first; origin + period <= z.length; origin++) origins.push(origin);
		const inputSize = this.#inputSize();
		const inputs = new Float32Array(origins.length * inputSize);
		const targets = new Float32Array(origins.length * period);
		origins.forEach((origin, row) => {
			this.#features(z, origin, inputs.subarray(row * inputSize, (row + 1) * inputSize));
			for (let h = 0; h < period; h++)
				targets[row * period + h] = z[origin + h]! - z[origin + h - week]!;
		});
		this.#weights = await this.#train(inputs, targets, origins.length);
		// In-sample error spread per output hour (working scale).
		const sigma = new Float64Array(period);
		const output = new Float64Array(period);
		for (let row = 0; row < origins.length; row++) {
			this.#forward(inputs.subarray(row * inputSize, (row + 1) * inputSize), output);
			for (let h = 0; h < period; h++) sigma[h]! += (targets[row * period + h]! - output[h]!) ** 2;
		}
		this.#sigma = sigma.map((value) => Math.sqrt(value / origins.length));
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		if (!this.#weights || !this.#transform) throw new Error('fit() before predict()');
		const { period } = this.config;
		const week = 7 * period;
		const days = Math.ceil(horizon / period);
		const n = this.#history.length;
		const z = new Float64Array(n + days * period);
		z.set(this.#history);
		const input = new Float32Array(this.#inputSize());
		const output = new Float64Array(period);
		for (let day = 0; day < days; day++) {
			const origin = n + day * period;
			this.#features(z, origin, input);
			this.#forward(input, output);
			for (let h = 0; h < period; h++) {
				const value = z[origin + h - week]! + output[h]!;
				z[origin + h] = Math.min(this.#bounds.high, Math.max(this.#bounds.low, value));
			}
		}
		const workingMean = new Float64Array(horizon);
		const workingSd = new Float64Array(horizon);
		for (let h = 0; h < horizon; h++) {
			workingMean[h] = z[n + h]! * this.#spread + this.#centre;
			workingSd[h] =
				this.#sigma[h % period]! * this.#spread * Math.sqrt(Math.floor(h / period) + 1);
		}
		const inverse = this.#transform.inverse;
		return {
			mean: workingMean.map(inverse),
			intervals: gaussianIntervals(workingMean, workingSd, levels, inverse)
		};
	}

	dispose(): void {
		this.#weights = undefined;
		this.#history = new Float64Array(0);
	}

	/** Last day (24), the same day a week before the target day (24), hour (2), weekday (7). */
	#inputSize(): number {
		return 2 * this.config.period + 2 + 7;
	}

	#features(z: ArrayLike<number>, origin: number, into: Float32Array): void {
		const { period } = this.config;
		const week = 7 * period;
		for (let i = 0; i < period; i++) {
			into[i] = z[origin - period + i]!;
			into[period + i] = z[origin - week + i]!;
		}
		const hour = origin % period;
		into[2 * period] = Math.sin((2 * Math.PI * hour) / period);
		into[2 * period + 1] = Math.cos((2 * Math.PI * hour) / period);
		const weekday = Math.floor(origin / period) % 7;
		for (let d = 0; d < 7; d++) into[2 * period + 2 + d] = d === weekday ? 1 : 0;
	}

	#forward(input: Float32Array, output: Float64Array): void {
		const { w1, b1, w2, b2 } = this.#weights!;
		const hidden = this.config.hidden;
		const inputSize = input.length;
		const activation = new Float64Array(hidden);
		for (let j = 0; j < hidden; j++) {
			let value = b1[j]!;
			for (let i = 0; i < inputSize; i++) value += input[i]! * w1[i * hidden + j]!;
			activation[j] = value > 0 ? value : 0;
		}
		for (let k = 0; k < output.length; k++) {
			let value = b2[k]!;
			for (let j = 0; j < hidden; j++) value += activation[j]! * w2[j * output.length + k]!;
			output[k] = value;
		}
	}

	async #train(inputs: Float32Array, targets: Float32Array, rows: number): Promise<Weights> {
		const { hidden, period, epochs, batchSize, learningRate, l2, seed } = this.config;
		const inputSize = this.#inputSize();
		const normal = seededNormal(seed);
		const uniform = seededUniform(seed + 1);
		// He initialisation for the ReLU layer, small weights for the output (start near "last week").
		const init = (size: number, scale: number) =>
			Float32Array.from({ length: size }, () => normal() * scale);
		const initial = [
			tf.tensor2d(init(inputSize * hidden, Math.sqrt(2 / inputSize)), [inputSize, hidden]),
			tf.zeros([hidden]),
			tf.tensor2d(init(hidden * period, 0.1 / Math.sqrt(hidden)), [hidden, period]),
			tf.zeros([period])
		];
		const variables = initial.map((tensor) => tf.variable(tensor));
		// The variables hold their own reference to the data.
		for (const tensor of initial) tensor.dispose();
		const [w1, b1, w2, b2] = variables as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
		const optimizer = tf.train.adam(learningRate);
		const order = Array.from({ length: rows }, (_, i) => i);
		try {
			for (let epoch = 0; epoch < epochs; epoch++) {
				// Seeded Fisher-Yates: the same batches on every run.
				for (let i = rows - 1; i > 0; i--) {
					const j = Math.floor(uniform() * (i + 1));
					[order[i], order[j]] = [order[j]!, order[i]!];
				}
				for (let start = 0; start < rows; start += batchSize) {
					const size = Math.min(batchSize, rows - start);
					const x = new Float32Array(size * inputSize);
					const y = new Float32Array(size * period);
					for (let r = 0; r < size; r++) {
						const row = order[start + r]!;
						x.set(inputs.subarray(row * inputSize, (row + 1) * inputSize), r * inputSize);
						y.set(targets.subarray(row * period, (row + 1) * period), r * period);
					}
					tf.tidy(() => {
						const xs = tf.tensor2d(x, [size, inputSize]);
						const ys = tf.tensor2d(y, [size, period]);
						optimizer.minimize(
							() => {
								const hiddenLayer = tf.relu(tf.add(tf.matMul(xs, w1), b1));
								const prediction = tf.add(tf.matMul(hiddenLayer, w2), b2);
								const error = tf.mean(tf.square(tf.sub(prediction, ys)));
								const penalty = tf.mul(l2, tf.add(tf.sum(tf.square(w1)), tf.sum(tf.square(w2))));
								return tf.add(error, penalty) as tf.Scalar;
							},
							false,
							variables
						);
					});
				}
				// Let progress and cancel messages through between epochs.
				await new Promise<void>((resolve) => setTimeout(resolve, 0));
			}
			return {
				w1: (await w1.data()) as Float32Array,
				b1: (await b1.data()) as Float32Array,
				w2: (await w2.data()) as Float32Array,
				b2: (await b2.data()) as Float32Array
			};
		} finally {
			optimizer.dispose();
			for (const variable of variables) variable.dispose();
		}
	}
}
