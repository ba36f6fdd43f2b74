import { gaussianIntervals } from '../shared/intervals';
import { applyTransform, chooseTransform, type Transform } from '../shared/transform';
import { DEFAULT_LEVELS, type Forecast, type Forecaster } from '../types';
import { fitSarima, forecastSarima, type SarimaFit, type SarimaOrder } from './fit';
import { autoSarima, type StepwiseOptions } from './stepwise';

export interface SarimaConfig extends Partial<StepwiseOptions> {
	/** A fixed order; without it the stepwise search picks one. */
	order?: SarimaOrder;
	/** Fit on the log scale when the data allow it (default true). */
	logTransform?: boolean;
	/** Told the order after each fit (lets a backtest search once and reuse the order). */
	onFitted?: (order: SarimaOrder) => void;
}

/** SARIMA by CSS, order fixed or chosen by the Hyndman-Khandakar stepwise search on AICc. */
export class SarimaForecaster implements Forecaster {
	readonly kind = 'sarima';
	readonly config: SarimaConfig;
	#fit: SarimaFit | undefined;
	#transform: Transform | undefined;

	constructor(config: SarimaConfig = {}) {
		this.config = config;
	}

	get fitted(): SarimaFit | undefined {
		return this.#fit;
	}

	fit(series: Float64Array): void {
		this.#transform =
			this.config.logTransform === false ? chooseTransform([-1]) : chooseTransform(series);
		const working = applyTransform(series, this.#transform);
		this.#fit = this.config.order
			? fitSarima(working, this.config.order)
			: autoSarima(working, { period: 24, ...this.config });
		this.config.onFitted?.(this.#fit.order);
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		if (!this.#fit || !this.#transform) throw new Error('fit() before predict()');
		const { mean, sd } = forecastSarima(this.#fit, horizon);
		const { inverse } = this.#transform;
		return { mean: mean.map(inverse), intervals: gaussianIntervals(mean, sd, levels, inverse) };
	}

	dispose(): void {
		this.#fit = undefined;
	}
}
