import { gaussianIntervals } from '../shared/intervals';
import { DEFAULT_LEVELS, type Forecast, type Forecaster } from '../types';

export interface SeasonalNaiveConfig {
	/** Season length in steps (24 for hourly data with a daily cycle). */
	period?: number;
}

/**
 * Repeats the last observed season. Intervals as R's `snaive`: σ from the in-sample seasonal
 * differences, widening with the number of whole seasons ahead, √(⌊(h−1)/m⌋ + 1).
 */
export class SeasonalNaive implements Forecaster {
	readonly kind = 'seasonal-naive';
	readonly period: number;
	#lastSeason = new Float64Array(0);
	#sigma = NaN;

	constructor({ period = 24 }: SeasonalNaiveConfig = {}) {
		this.period = period;
	}

	fit(series: Float64Array): void {
		const n = series.length;
		if (n === 0) throw new RangeError('seasonal naive needs at least one observation');
		// Without one whole season plus one value there is no seasonal difference: plain naive.
		const period = n > this.period ? this.period : 1;
		this.#lastSeason = series.slice(n - period);
		let sumSquares = 0;
		for (let t = period; t < n; t++) sumSquares += (series[t]! - series[t - period]!) ** 2;
		this.#sigma = n > period ? Math.sqrt(sumSquares / (n - period)) : NaN;
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		const period = this.#lastSeason.length;
		const mean = new Float64Array(horizon);
		const sd = new Float64Array(horizon);
		for (let h = 0; h < horizon; h++) {
			mean[h] = this.#lastSeason[h % period]!;
			sd[h] = this.#sigma * Math.sqrt(Math.floor(h / period) + 1);
		}
		return { mean, intervals: gaussianIntervals(mean, sd, levels) };
	}

	dispose(): void {
		this.#lastSeason = new Float64Array(0);
	}
}
