import { fitBestEts, forecastEts, type EtsFit } from '../ets/ets-core';
import { gaussianIntervals } from '../shared/intervals';
import { applyTransform, chooseTransform, type Transform } from '../shared/transform';
import { DEFAULT_LEVELS, type Forecast, type Forecaster } from '../types';
import { mstl } from './stl';

export interface MstlEtsConfig {
	/** Seasonal periods in steps; for hourly data the day (24) and the week (168). */
	periods?: number[];
}

/**
 * MSTL on the log scale, then non-seasonal ETS (no trend or damped trend, by AIC) on the
 * seasonally adjusted series; the forecast adds back each seasonal's last cycle. Intervals come
 * from the ETS variance only (the seasonal is treated as known).
 */
export class MstlEtsForecaster implements Forecaster {
	readonly kind = 'mstl-ets';
	readonly periods: number[];
	#fit: EtsFit | undefined;
	#transform: Transform | undefined;
	#lastCycles: { period: number; values: Float64Array }[] = [];

	constructor({ periods = [24, 168] }: MstlEtsConfig = {}) {
		this.periods = periods;
	}

	fit(series: Float64Array): void {
		this.#transform = chooseTransform(series);
		const working = applyTransform(series, this.#transform);
		const decomposition = mstl(working, this.periods);
		const n = working.length;
		this.#lastCycles = decomposition.periods.map((period, i) => ({
			period,
			values: decomposition.seasonals[i]!.slice(n - period)
		}));
		this.#fit = fitBestEts(decomposition.adjusted, [
			{ trend: 'none', period: 0 },
			{ trend: 'damped', period: 0 }
		]);
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		if (!this.#fit || !this.#transform) throw new Error('fit() before predict()');
		const { mean, sd } = forecastEts(this.#fit, horizon);
		for (const { period, values } of this.#lastCycles) {
			for (let h = 0; h < horizon; h++) mean[h] = mean[h]! + values[h % period]!;
		}
		const { inverse } = this.#transform;
		return { mean: mean.map(inverse), intervals: gaussianIntervals(mean, sd, levels, inverse) };
	}

	dispose(): void {
		this.#fit = undefined;
		this.#lastCycles = [];
	}
}
