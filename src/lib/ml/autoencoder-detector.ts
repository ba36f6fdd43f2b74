import * as tf from '@tensorflow/tfjs';
import { seededNormal, seededUniform } from '../core/forecast/shared/random';

/**
 * A multivariate anomaly score for daily business metrics (volume per channel, first-response
 * medians, CSAT …) from a small dense autoencoder in tfjs. Each day becomes a vector of robust
 * z-scores (residual from the same weekday's median over the last 4 weeks, over the robust σ of
 * past residuals), so the network learns how the metrics' deviations move together, not their
 * levels or weekly shape. Streaming: day t is scored by a model fitted on days before t only
 * (refitted every `refitEvery` days). Each metric's reconstruction miss is judged against its
 * own misses on earlier days scored the same way (out of sample): median/MAD robust z; the
 * day's statistic is the largest over metrics, score = 1 − 0.15^(z / alertZ), so z = alertZ
 * scores 0.85 like `robust-z` (alertZ 5: the largest of several metrics needs a margin).
 */
export interface AutoencoderConfig {
	/** Hidden units (the bottleneck); default: a third of the metrics, at least one. */
	hidden?: number;
	epochs?: number;
	learningRate?: number;
	/** Days between refits. */
	refitEvery?: number;
	/** Days of z-vectors before the first fit. */
	minTrainingDays?: number;
	/** Out-of-sample errors needed before any score. */
	minErrors?: number;
	/** Robust z of a metric's reconstruction miss that scores 0.85 (several metrics: above 4). */
	alertZ?: number;
	/** Weekly cycle in steps (7 for days), and past cycles in the expectation. */
	period?: number;
	seasonCycles?: number;
	seed?: number;
}

const DEFAULTS: Required<Omit<AutoencoderConfig, 'hidden'>> = {
	epochs: 200,
	learningRate: 0.02,
	refitEvery: 7,
	minTrainingDays: 28,
	minErrors: 14,
	alertZ: 5,
	period: 7,
	seasonCycles: 4,
	seed: 1
};

/** Past out-of-sample misses per metric that set its yardstick (eight weeks of days). */
const RESIDUAL_WINDOW = 56;

/** Values clipped here in the z-vectors: one wild day must not dominate a fit. */
const CLIP = 6;

export interface AutoencoderScores {
	/** Per day, in [0, 1]; 0 while the model or the error history is not ready. */
	scores: Float64Array;
	/** Per day: the metric whose reconstruction missed most (robust z), −1 when not scored. */
	worstMetric: Int32Array;
	/** Out-of-sample reconstruction error (mean squared, z units), NaN when not scored. */
	errors: Float64Array;
	/**
	 * Per day and metric (days × metrics), in the input's units, NaN when not scored: the value
	 * the network expects given the other metrics that day, and the band beyond which that
	 * metric's miss alone reaches the alert score.
	 */
	expected: Float64Array[];
	lower: Float64Array[];
	upper: Float64Array[];
	/** Per day and metric: signed robust z of the miss (observed above expected: positive). */
	missZ: Float64Array[];
	/** First day scored in this call (the checkpoint's length when resumed, else 0). */
	from: number;
	/** State after the first `checkpoint.length` days, to resume from on the next import. */
	checkpoint: AutoencoderCheckpoint;
}

/**
 * Everything the stream carries from one day to the next, as plain data (JSON, IndexedDB and
 * postMessage safe). The z-vectors are not stored: they are recomputed from the rows (cheap,
 * past-only), and a caller resumes only when the rows before `length` are unchanged.
 */
export interface AutoencoderCheckpoint {
	length: number;
	metrics: number;
	/** Network weights of the last fit (float32 values), null before the first fit. */
	weights: { w1: number[]; b1: number[]; w2: number[]; b2: number[] } | null;
	fittedAt: number;
	/** Refit seeds drawn so far from the seeded stream (redrawn on resume). */
	refits: number;
	/** Per metric: the out-of-sample misses that set its yardstick. */
	pastResiduals: number[][];
}

export interface AutoencoderRunOptions {
	/** Resume from this checkpoint (the rows before its length must be the same as then). */
	resumeFrom?: AutoencoderCheckpoint;
	/** Day whose starting state is returned as the checkpoint (default: the end). */
	checkpointAt?: number;
	signal?: AbortSignal;
	/** Called after each day scored with the share of days done. */
	onProgress?: (fraction: number) => void;
}

function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median and MAD-based σ (1.4826·MAD), with a floor so a flat history keeps a finite σ. */
function robust(values: number[], floor: number): { centre: number; sigma: number } {
	const centre = median(values);
	const sigma = 1.4826 * median(values.map((value) => Math.abs(value - centre)));
	return { centre, sigma: Math.max(sigma, floor) };
}

/**
 * Robust z-vectors from the past only: z[t][m] uses days before t for metric m's expectation
 * (same weekday, last `seasonCycles` weeks) and scale (all earlier residuals). NaN values
 * (a day without ratings) become 0 (no evidence) and are not learnt; such a metric does not keep
 * the day from being ready. `base` and `scale` turn
 * a z back into the metric's units: value = base + scale · z (NaN where z is not defined).
 */
export function robustZVectors(
	rows: readonly (readonly number[])[],
	period = DEFAULTS.period,
	seasonCycles = DEFAULTS.seasonCycles
): { z: Float32Array[]; ready: boolean[]; base: Float64Array[]; scale: Float64Array[] } {
	const metrics = rows[0]?.length ?? 0;
	const residuals: number[][] = Array.from({ length: metrics }, () => []);
	const z: Float32Array[] = [];
	const ready: boolean[] = [];
	const base: Float64Array[] = [];
	const scale: Float64Array[] = [];
	for (let t = 0; t < rows.length; t++) {
		const vector = new Float32Array(metrics);
		const dayBase = new Float64Array(metrics).fill(NaN);
		const dayScale = new Float64Array(metrics).fill(NaN);
		let isReady = true;
		for (let m = 0; m < metrics; m++) {
			const value = rows[t]![m]!;
			const past: number[] = [];
			for (let k = 1; k <= seasonCycles; k++) {
				const previous = rows[t - k * period]?.[m];
				if (previous !== undefined && Number.isFinite(previous)) past.push(previous);
			}
			// A metric without a value that day (no ratings on Sundays) does not hold the day back.
			if ((past.length < 2 || residuals[m]!.length < 14) && Number.isFinite(value)) isReady = false;
			if (past.length < 2) continue;
			const seasonal = median(past);
			if (residuals[m]!.length >= 14) {
				const { centre, sigma } = robust(residuals[m]!, 1e-6 + 1e-3 * Math.abs(seasonal));
				dayBase[m] = seasonal + centre;
				dayScale[m] = sigma;
				if (Number.isFinite(value))
					vector[m] = Math.max(-CLIP, Math.min(CLIP, (value - seasonal - centre) / sigma));
			}
			if (Number.isFinite(value)) residuals[m]!.push(value - seasonal);
		}
		z.push(vector);
		ready.push(isReady);
		base.push(dayBase);
		scale.push(dayScale);
	}
	return { z, ready, base, scale };
}

export interface Weights {
	w1: Float32Array;
	b1: Float32Array;
	w2: Float32Array;
	b2: Float32Array;
}

/** Dense d → h (tanh) → d, full-batch Adam with a seeded start; no tensor outlives the call. */
export async function fitAutoencoder(
	data: Float32Array,
	rows: number,
	metrics: number,
	hidden: number,
	epochs: number,
	learningRate: number,
	seed: number,
	signal?: AbortSignal
): Promise<Weights> {
	const normal = seededNormal(seed);
	const init = (size: number, scale: number) =>
		Float32Array.from({ length: size }, () => normal() * scale);
	const initial = [
		tf.tensor2d(init(metrics * hidden, Math.sqrt(1 / metrics)), [metrics, hidden]),
		tf.zeros([hidden]),
		tf.tensor2d(init(hidden * metrics, Math.sqrt(1 / hidden)), [hidden, metrics]),
		tf.zeros([metrics])
	];
	const variables = initial.map((tensor) => tf.variable(tensor));
	for (const tensor of initial) tensor.dispose();
	const [w1, b1, w2, b2] = variables as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
	const optimizer = tf.train.adam(learningRate);
	const xs = tf.tensor2d(data, [rows, metrics]);
	try {
		for (let epoch = 0; epoch < epochs; epoch++) {
			tf.tidy(() => {
				optimizer.minimize(
					() => {
						const code = tf.tanh(tf.add(tf.matMul(xs, w1), b1));
						const output = tf.add(tf.matMul(code, w2), b2);
						return tf.mean(tf.square(tf.sub(output, xs))) as tf.Scalar;
					},
					false,
					variables
				);
			});
			// Let progress and cancel messages through now and then.
			if (epoch % 50 === 49) {
				await new Promise<void>((resolve) => setTimeout(resolve, 0));
				signal?.throwIfAborted();
			}
		}
		return {
			w1: (await w1.data()) as Float32Array,
			b1: (await b1.data()) as Float32Array,
			w2: (await w2.data()) as Float32Array,
			b2: (await b2.data()) as Float32Array
		};
	} finally {
		xs.dispose();
		optimizer.dispose();
		for (const variable of variables) variable.dispose();
	}
}

/** Plain-JS forward pass (no tensors): reconstruction − input per metric. */
export function reconstructionResiduals(
	weights: Weights,
	input: Float32Array,
	hidden: number
): number[] {
	const metrics = input.length;
	const code = new Float64Array(hidden);
	for (let j = 0; j < hidden; j++) {
		let value = weights.b1[j]!;
		for (let i = 0; i < metrics; i++) value += input[i]! * weights.w1[i * hidden + j]!;
		code[j] = Math.tanh(value);
	}
	const residuals: number[] = [];
	for (let k = 0; k < metrics; k++) {
		let value = weights.b2[k]!;
		for (let j = 0; j < hidden; j++) value += code[j]! * weights.w2[j * metrics + k]!;
		residuals.push(value - input[k]!);
	}
	return residuals;
}

const nanRows = (days: number, metrics: number) =>
	Array.from({ length: days }, () => new Float64Array(metrics).fill(NaN));

/**
 * Scores the days of `rows` (days × metrics) as a stream, from the start or from a checkpoint
 * (then only the days after it are scored; the result equals one run over all days). A metric
 * whose value is NaN that day is neither judged nor learnt. Throws RangeError when there are
 * no metrics, or when the checkpoint has another number of metrics. Seeded: the same input and
 * seed give the same scores on one backend. Cancellable between days and epochs (`signal`).
 */
export async function scoreWithAutoencoder(
	rows: readonly (readonly number[])[],
	config: AutoencoderConfig = {},
	run: AutoencoderRunOptions = {}
): Promise<AutoencoderScores> {
	const metrics = rows[0]?.length ?? 0;
	if (metrics === 0) throw new RangeError('the autoencoder needs at least one metric');
	const resume = run.resumeFrom;
	if (resume && (resume.metrics !== metrics || resume.length > rows.length))
		throw new RangeError('the checkpoint belongs to other rows');
	const options = { ...DEFAULTS, ...config };
	const hidden = config.hidden ?? Math.max(1, Math.floor(metrics / 3));
	const { z, ready, base, scale } = robustZVectors(rows, options.period, options.seasonCycles);
	const days = rows.length;
	const scores = new Float64Array(days);
	const worstMetric = new Int32Array(days).fill(-1);
	const errors = new Float64Array(days).fill(NaN);
	const expected = nanRows(days, metrics);
	const lower = nanRows(days, metrics);
	const upper = nanRows(days, metrics);
	const missZ = nanRows(days, metrics);
	const pastResiduals: number[][] = resume
		? resume.pastResiduals.map((history) => [...history])
		: Array.from({ length: metrics }, () => []);
	let weights: Weights | undefined = resume?.weights
		? {
				w1: Float32Array.from(resume.weights.w1),
				b1: Float32Array.from(resume.weights.b1),
				w2: Float32Array.from(resume.weights.w2),
				b2: Float32Array.from(resume.weights.b2)
			}
		: undefined;
	let fittedAt = resume?.fittedAt ?? -Infinity;
	let refits = resume?.refits ?? 0;
	const shuffle = seededUniform(options.seed);
	for (let draw = 0; draw < refits; draw++) shuffle();
	const from = resume?.length ?? 0;
	const checkpointAt = Math.max(from, Math.min(days, run.checkpointAt ?? days));
	let checkpoint: AutoencoderCheckpoint | undefined;
	const snapshot = (length: number): AutoencoderCheckpoint => ({
		length,
		metrics,
		weights: weights
			? {
					w1: Array.from(weights.w1),
					b1: Array.from(weights.b1),
					w2: Array.from(weights.w2),
					b2: Array.from(weights.b2)
				}
			: null,
		fittedAt,
		refits,
		pastResiduals: pastResiduals.map((history) => [...history])
	});
	for (let t = from; t < days; t++) {
		run.signal?.throwIfAborted();
		if (t === checkpointAt) checkpoint = snapshot(t);
		const training = z.filter((_, index) => index < t && ready[index]);
		if (training.length >= options.minTrainingDays && t - fittedAt >= options.refitEvery) {
			const data = new Float32Array(training.length * metrics);
			training.forEach((vector, row) => data.set(vector, row * metrics));
			// A new seed per refit from one seeded stream: repeatable, not the same start each time.
			const seed = Math.floor(shuffle() * 2 ** 31);
			refits++;
			weights = await fitAutoencoder(
				data,
				training.length,
				metrics,
				hidden,
				options.epochs,
				options.learningRate,
				seed,
				run.signal
			);
			fittedAt = t;
		}
		run.onProgress?.((t + 1 - from) / Math.max(1, days - from));
		if (!weights || !ready[t]) continue;
		const residuals = reconstructionResiduals(weights, z[t]!, hidden);
		errors[t] = residuals.reduce((sum, r) => sum + r * r, 0) / metrics;
		// Each metric's miss against its own past out-of-sample misses: metrics that the others
		// predict well (volume on two channels moving together) get a tight yardstick.
		let statistic = 0;
		residuals.forEach((residual, m) => {
			if (!Number.isFinite(rows[t]![m]!) || !Number.isFinite(base[t]![m]!)) return;
			const history = pastResiduals[m]!;
			if (history.length >= options.minErrors) {
				const { centre, sigma } = robust(history, 0.05);
				const robustZ = (residual - centre) / sigma;
				// residual = reconstruction − input: the input sits at reconstruction − centre
				// when the miss is ordinary; the band is where |robust z| stays under alertZ.
				const expectedZ = z[t]![m]! + residual - centre;
				const toValue = (zValue: number) => base[t]![m]! + scale[t]![m]! * zValue;
				expected[t]![m] = toValue(expectedZ);
				lower[t]![m] = toValue(expectedZ - options.alertZ * sigma);
				upper[t]![m] = toValue(expectedZ + options.alertZ * sigma);
				missZ[t]![m] = -robustZ;
				if (Math.abs(robustZ) > statistic) {
					statistic = Math.abs(robustZ);
					worstMetric[t] = m;
				}
				// Learnt clipped, as robust-z does: an event must not widen the yardstick.
				history.push(Math.max(centre - 4 * sigma, Math.min(centre + 4 * sigma, residual)));
			} else history.push(residual);
			// A trailing window: misses of the first, small fits must not set the yardstick.
			if (history.length > RESIDUAL_WINDOW) history.shift();
		});
		scores[t] = statistic > 0 ? 1 - 0.15 ** (statistic / options.alertZ) : 0;
	}
	return {
		scores,
		worstMetric,
		errors,
		expected,
		lower,
		upper,
		missZ,
		from,
		checkpoint: checkpoint ?? snapshot(days)
	};
}
