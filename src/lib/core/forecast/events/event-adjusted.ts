import { DEFAULT_LEVELS, type FitOptions, type Forecast, type Forecaster } from '../types';
import {
	estimateEventEffects,
	eventFactors,
	removeEventEffects,
	type EventEffect,
	type EventWindow
} from './event-effects';

/**
 * Any forecaster with calendar events as multiplicative regressors: the effects are learnt on
 * the series it is fitted on (so in a backtest only from events before the origin), taken out
 * of the history, and put back over the forecast steps. Windows are on the step scale of the
 * series (step 0 = its first value) and may reach into the future.
 */
export class EventAdjustedForecaster implements Forecaster {
	readonly #inner: Forecaster;
	readonly #windows: readonly EventWindow[];
	readonly #period: number;
	#series: Float64Array = new Float64Array(0);
	#effects: EventEffect[] = [];

	constructor(inner: Forecaster, windows: readonly EventWindow[], period = 24) {
		this.#inner = inner;
		this.#windows = windows;
		this.#period = period;
	}

	get kind() {
		return this.#inner.kind;
	}

	/** Effects learnt by the last fit. */
	get effects(): readonly EventEffect[] {
		return this.#effects;
	}

	async fit(series: Float64Array, options?: FitOptions): Promise<void> {
		this.#series = series;
		this.#effects = estimateEventEffects(series, this.#windows, { period: this.#period });
		const adjusted =
			this.#windows.length > 0
				? removeEventEffects(series, this.#windows, this.#effects, this.#period)
				: series;
		await this.#inner.fit(adjusted, options);
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		const forecast = this.#inner.predict(horizon, [...levels]);
		if (this.#windows.length === 0) return forecast;
		const n = this.#series.length;
		const factors = eventFactors(
			this.#series,
			this.#windows,
			this.#effects,
			n,
			n + horizon,
			this.#period
		);
		const scale = (values: Float64Array) => values.map((value, h) => value * factors[h]!);
		return {
			mean: scale(forecast.mean),
			intervals: forecast.intervals.map((interval) => ({
				level: interval.level,
				lower: scale(interval.lower),
				upper: scale(interval.upper)
			}))
		};
	}

	dispose(): void {
		this.#inner.dispose();
	}
}
