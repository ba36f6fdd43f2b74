import { seededUniform } from '../core/forecast/shared/random';
import { fitAutoencoder, reconstructionResiduals, type Weights } from './autoencoder-detector';

/**
 * The autoencoder as a streaming detector of one long series (NAB's 5-minute streams), for
 * the benchmark (scripts/bench-autoencoder.mjs). Each point becomes a robust z against the
 * trailing values; the network sees lag windows of the last `lags` z's (the shape of the recent
 * stretch) and is refitted every `refitEvery` points on the last `window` windows, all before
 * the point scored. The statistic is the robust z of the window's reconstruction error against
 * earlier errors; score = 1 − 0.15^(z / alertZ), damped like the ensemble (×0.5 for
 * `quietPoints` after a score ≥ 0.85: one event, one alarm). Past-only throughout.
 */
export interface StreamAutoencoderConfig {
	lags: number;
	hidden: number;
	/** Lag windows kept for training (the most recent). */
	window: number;
	refitEvery: number;
	/** Lag windows needed before the first fit. */
	firstFit: number;
	epochs: number;
	learningRate: number;
	/** Trailing values whose median and MAD give the z of a point. */
	zWindow: number;
	/** Points between recomputations of the trailing statistics (a sort of `zWindow` values). */
	statsEvery: number;
	/** Past reconstruction errors that set the error's yardstick, and how many before a score. */
	errorWindow: number;
	minErrors: number;
	alertZ: number;
	quietPoints: number;
	seed: number;
}

export const STREAM_AUTOENCODER_DEFAULTS: StreamAutoencoderConfig = {
	lags: 8,
	hidden: 3,
	window: 1000,
	refitEvery: 1500,
	firstFit: 600,
	epochs: 30,
	learningRate: 0.02,
	zWindow: 1000,
	statsEvery: 25,
	errorWindow: 1000,
	minErrors: 100,
	alertZ: 5,
	quietPoints: 200,
	seed: 1
};

const CLIP = 6;

function medianOf(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median and a robust σ (1.4826·MAD, else the mean absolute deviation, else a floor). */
function robustStats(values: number[]): { centre: number; sigma: number } {
	const centre = medianOf(values);
	const deviations = values.map((value) => Math.abs(value - centre));
	const mad = 1.4826 * medianOf(deviations);
	const meanAbs = deviations.reduce((sum, d) => sum + d, 0) / Math.max(1, deviations.length);
	const sigma = mad > 0 ? mad : meanAbs > 0 ? 1.2533 * meanAbs : 1e-6 + 1e-3 * Math.abs(centre);
	return { centre, sigma };
}

/** Scores every point of `values` in [0, 1]; 0 during warm-up and for non-finite values. */
export async function scoreStreamWithAutoencoder(
	values: readonly number[],
	overrides: Partial<StreamAutoencoderConfig> = {}
): Promise<Float64Array> {
	const config = { ...STREAM_AUTOENCODER_DEFAULTS, ...overrides };
	const { lags, hidden } = config;
	const scores = new Float64Array(values.length);
	const recent: number[] = [];
	const zs: number[] = [];
	const windows: Float32Array[] = [];
	const errors: number[] = [];
	let valueStats: { centre: number; sigma: number } | null = null;
	let errorStats: { centre: number; sigma: number } | null = null;
	let weights: Weights | undefined;
	let fittedAt = -Infinity;
	let quietUntil = -1;
	const seeds = seededUniform(config.seed);
	for (let t = 0; t < values.length; t++) {
		const value = values[t]!;
		if (recent.length >= 30 && (valueStats === null || t % config.statsEvery === 0))
			valueStats = robustStats(recent);
		if (!Number.isFinite(value)) {
			zs.push(0);
			continue;
		}
		const z = valueStats
			? Math.max(-CLIP, Math.min(CLIP, (value - valueStats.centre) / valueStats.sigma))
			: 0;
		recent.push(value);
		if (recent.length > config.zWindow) recent.shift();
		zs.push(z);
		if (!valueStats || zs.length < lags) continue;
		const vector = Float32Array.from(zs.slice(-lags));
		if (windows.length >= config.firstFit && t - fittedAt >= config.refitEvery) {
			const data = new Float32Array(windows.length * lags);
			windows.forEach((row, index) => data.set(row, index * lags));
			weights = await fitAutoencoder(
				data,
				windows.length,
				lags,
				hidden,
				config.epochs,
				config.learningRate,
				Math.floor(seeds() * 2 ** 31)
			);
			fittedAt = t;
		}
		windows.push(vector);
		if (windows.length > config.window) windows.shift();
		if (!weights) continue;
		const residuals = reconstructionResiduals(weights, vector, hidden);
		const error = residuals.reduce((sum, r) => sum + r * r, 0) / lags;
		if (errors.length >= config.minErrors) {
			if (errorStats === null || t % config.statsEvery === 0) errorStats = robustStats(errors);
			const robustZ = (error - errorStats.centre) / errorStats.sigma;
			let score = robustZ > 0 ? 1 - 0.15 ** (robustZ / config.alertZ) : 0;
			const raw = score;
			if (t < quietUntil) score *= 0.5;
			if (raw >= 0.85 && t >= quietUntil) quietUntil = t + config.quietPoints;
			scores[t] = score;
			// Learnt clipped: an event must not widen the yardstick.
			errors.push(Math.min(error, errorStats.centre + 4 * errorStats.sigma));
		} else errors.push(error);
		if (errors.length > config.errorWindow) errors.shift();
	}
	return scores;
}
