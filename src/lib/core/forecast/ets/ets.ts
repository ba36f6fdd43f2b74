import { gaussianIntervals } from '../shared/intervals';
import { applyTransform, chooseTransform, type Transform } from '../shared/transform';
import { DEFAULT_LEVELS, type Forecast, type Forecaster } from '../types';
import { fitBestEts, forecastEts, type EtsFit, type EtsSpec } from './ets-core';

export interface EtsConfig {
	/** Season length in steps; 0 disables the seasonal component. */
	period?: number;
}

/**
 * Exponential smoothing with one additive season on the log scale (multiplicative season and
 * errors on the original scale), choosing by AIC between no trend and a damped trend.
 */
export class EtsForecaster implements Forecaster {
	readonly kind = 'ets';
	readonly period: number;
	#fit: EtsFit | undefined;
	#transform: Transform | undefined;

	constructor({ period = 24 }: EtsConfig = {}) {
		this.period = period;
	}

	get fitted(): EtsFit | undefined {
		return this.#fit;
	}

	fit(series: Float64Array): void {
		this.#transform = chooseTransform(series);
		const working = applyTransform(series, this.#transform);
		const period = working.length >= 2 * this.period ? this.period : 0;
		const specs: EtsSpec[] = [
			{ trend: 'none', period },
			{ trend: 'damped', period }
		];
		this.#fit = fitBestEts(working, specs);
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		if (!this.#fit || !this.#transform) throw new Error('fit() before predict()');
		const { inverse } = this.#transform;
		const { mean, sd } = forecastEts(this.#fit, horizon);
		return { mean: mean.map(inverse), intervals: gaussianIntervals(mean, sd, levels, inverse) };
	}

	dispose(): void {
		this.#fit = undefined;
	}
}
