import { mulberry32, type Rng } from '../demo/random';

/** A seeded synthetic series with a daily cycle, for tests and examples. */
export interface SyntheticSeries {
	readonly timesMs: Float64Array;
	readonly values: Float64Array;
}

export interface SyntheticOptions {
	readonly seed: number;
	readonly points: number;
	readonly stepMs: number;
	readonly level: number;
	/** Amplitude of the daily sine. */
	readonly amplitude: number;
	/** σ of the Gaussian noise. */
	readonly noise: number;
}

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2025, 0, 6);

export const SYNTHETIC_DEFAULTS: SyntheticOptions = {
	seed: 1,
	points: 1920,
	stepMs: 30 * 60_000,
	level: 100,
	amplitude: 30,
	noise: 3
};

/** Box–Muller: one standard normal draw. */
function gaussian(rng: Rng): number {
	const u = Math.max(rng(), 1e-12);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** level + amplitude·sin(time of day) + noise, every `stepMs` from a Monday. */
export function seasonalSeries(options: Partial<SyntheticOptions> = {}): SyntheticSeries {
	const { seed, points, stepMs, level, amplitude, noise } = { ...SYNTHETIC_DEFAULTS, ...options };
	const rng = mulberry32(seed);
	const timesMs = new Float64Array(points);
	const values = new Float64Array(points);
	for (let index = 0; index < points; index++) {
		const time = START_MS + index * stepMs;
		timesMs[index] = time;
		values[index] =
			level +
			amplitude * Math.sin((2 * Math.PI * (time % DAY_MS)) / DAY_MS) +
			noise * gaussian(rng);
	}
	return { timesMs, values };
}

/** A copy of `series` with `delta` added from `at` for `length` points (Infinity: to the end). */
export function plant(
	series: SyntheticSeries,
	at: number,
	delta: number,
	length = 1
): SyntheticSeries {
	const values = Float64Array.from(series.values);
	for (let index = at; index < Math.min(values.length, at + length); index++)
		values[index]! += delta;
	return { timesMs: series.timesMs, values };
}
