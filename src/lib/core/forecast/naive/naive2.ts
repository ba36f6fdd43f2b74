import { isSeasonal, multiplicativeSeasonalIndices } from '../shared/decompose';
import { gaussianIntervals, scaleIntervals } from '../shared/intervals';
import { DEFAULT_LEVELS, type Forecast, type Forecaster } from '../types';

export interface Naive2Config {
	period?: number;
}

/**
 * M4's Naive2 benchmark: when the 90 % seasonality test passes, divide by the classical
 * multiplicative seasonal indices, carry the last adjusted value forward and re-seasonalise;
 * otherwise (or when a value is ≤ 0) plain naive. Intervals: random walk on the adjusted
 * series (σ√h), re-seasonalised.
 */
export class Naive2 implements Forecaster {
	readonly kind = 'naive2';
	readonly period: number;
	#indices: Float64Array = new Float64Array(0);
	#length = 0;
	#lastAdjusted = NaN;
	#sigma = NaN;

	constructor({ period = 24 }: Naive2Config = {}) {
		this.period = period;
	}

	/** Seasonal indices in use (all 1 when the series failed the seasonality test). */
	get seasonalIndices(): Float64Array {
		return this.#indices;
	}

	fit(series: Float64Array): void {
		const n = series.length;
		if (n === 0) throw new RangeError('naive2 needs at least one observation');
		// Multiplicative indices need positive data (M4's are ≥ 10); zeros get plain naive.
		const positive = series.every((value) => value > 0);
		this.#indices =
			positive && isSeasonal(series, this.period)
				? multiplicativeSeasonalIndices(series, this.period)
				: new Float64Array(Math.max(this.period, 1)).fill(1);
		const m = this.#indices.length;
		this.#length = n;
		const adjusted = series.map((value, t) => value / this.#indices[t % m]!);
		this.#lastAdjusted = adjusted[n - 1]!;
		let sumSquares = 0;
		for (let t = 1; t < n; t++) sumSquares += (adjusted[t]! - adjusted[t - 1]!) ** 2;
		this.#sigma = n > 1 ? Math.sqrt(sumSquares / (n - 1)) : NaN;
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		const m = this.#indices.length;
		const factors = new Float64Array(horizon);
		const adjustedMean = new Float64Array(horizon).fill(this.#lastAdjusted);
		const sd = new Float64Array(horizon);
		for (let h = 0; h < horizon; h++) {
			factors[h] = this.#indices[(this.#length + h) % m]!;
			sd[h] = this.#sigma * Math.sqrt(h + 1);
		}
		const mean = adjustedMean.map((value, h) => value * factors[h]!);
		return {
			mean,
			intervals: scaleIntervals(gaussianIntervals(adjustedMean, sd, levels), factors)
		};
	}

	dispose(): void {
		this.#indices = new Float64Array(0);
	}
}
