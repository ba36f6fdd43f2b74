import { gaussianIntervals } from '../shared/intervals';
import { mean as average } from '../shared/stats';
import { ridgeLeastSquares } from '../shared/least-squares';
import { applyTransform, chooseTransform, type Transform } from '../shared/transform';
import { DEFAULT_LEVELS, type Forecast, type Forecaster } from '../types';

export interface SeasonalArConfig {
	/** Lags in steps. Default: the last day hour by hour, the same hour on days 2–7, last week ±1. */
	lags?: number[];
	/**
	 * Ridge penalty per observation on the standardised lag coefficients. Near zero on levels;
	 * on seasonal differences a real penalty (≈0.1) shrinks towards seasonal naive, which helps.
	 */
	ridge?: number;
	/** Seasonal difference lag applied before the AR (e.g. 24), 0 for none. */
	difference?: number;
}

/**
 * Lags for a series with a daily cycle of `period` steps and a weekly one of 7 periods: the
 * last day step by step, the same step on days 2–6, and last week's same step ±1.
 */
export function seasonalLags(period: number): number[] {
	const week = 7 * period;
	const days = Array.from({ length: 5 }, (_, i) => (i + 2) * period);
	return [...Array.from({ length: period }, (_, i) => i + 1), ...days, week - 1, week, week + 1];
}

/** 1..24, 48, 72, …, 144, 167, 168, 169. */
export const HOURLY_LAGS: readonly number[] = seasonalLags(24);

/**
 * Sparse seasonal autoregression on the log scale, fitted by ridge least squares and iterated
 * forward. It is a pure-AR stand-in for SARIMA: cheap (one linear solve), and the daily and
 * weekly lags carry both cycles. Lags that leave fewer than two observations per coefficient
 * are dropped. Intervals use the ψ-weights of the fitted AR.
 */
export class SeasonalArForecaster implements Forecaster {
	readonly kind = 'ar';
	readonly config: Required<SeasonalArConfig>;
	#transform: Transform | undefined;
	#lags: number[] = [];
	#coefficients = new Float64Array(0);
	#intercept = 0;
	#sigma = NaN;
	#history = new Float64Array(0);
	#bounds = { low: -Infinity, high: Infinity };

	#level = new Float64Array(0);

	constructor({ lags = [...HOURLY_LAGS], ridge = 1e-6, difference = 0 }: SeasonalArConfig = {}) {
		this.config = { lags, ridge, difference };
	}

	/** Fitted AR coefficient per lag, on the working (log, differenced) scale. */
	get coefficients(): Map<number, number> {
		return new Map(this.#lags.map((lag, j) => [lag, this.#coefficients[j]!]));
	}

	fit(series: Float64Array): void {
		this.#transform = chooseTransform(series);
		const logged = applyTransform(series, this.#transform);
		const lag = this.config.difference;
		const useDifference = lag > 0 && logged.length > 3 * lag;
		// The AR runs on the seasonal differences; the last season undoes them when forecasting.
		const working = useDifference
			? logged.subarray(lag).map((value, t) => value - logged[t]!)
			: logged;
		this.#level = useDifference ? logged.slice(logged.length - lag) : new Float64Array(0);
		const n = working.length;
		// Centre and scale so that the ridge penalty means the same for every series.
		const centre = average(working);
		const spread = Math.sqrt(average(working.map((value) => (value - centre) ** 2))) || 1;
		const standard = working.map((value) => (value - centre) / spread);
		const lags = this.config.lags.filter((lag) => n - lag >= 2 * (this.config.lags.length + 1));
		if (lags.length === 0) lags.push(1);
		const maxLag = Math.max(...lags);
		const rows = n - maxLag;
		const columns = lags.length + 1;
		const design = new Float64Array(rows * columns);
		const target = new Float64Array(rows);
		for (let r = 0; r < rows; r++) {
			const t = r + maxLag;
			design[r * columns] = 1;
			lags.forEach((lag, j) => (design[r * columns + j + 1] = standard[t - lag]!));
			target[r] = standard[t]!;
		}
		const beta = ridgeLeastSquares(design, target, columns, this.config.ridge);
		let sumSquares = 0;
		for (let r = 0; r < rows; r++) {
			let predicted = 0;
			for (let j = 0; j < columns; j++) predicted += design[r * columns + j]! * beta[j]!;
			sumSquares += (target[r]! - predicted) ** 2;
		}
		this.#lags = lags;
		this.#coefficients = beta.slice(1);
		// Back to the working scale: x = c + s·z, so the intercept absorbs the centre.
		let coefficientSum = 0;
		for (const coefficient of this.#coefficients) coefficientSum += coefficient;
		this.#intercept = spread * beta[0]! + centre * (1 - coefficientSum);
		this.#sigma = spread * Math.sqrt(sumSquares / Math.max(rows - columns, 1));
		this.#history = working.slice(n - maxLag);
		let low = Infinity;
		let high = -Infinity;
		for (const value of logged) {
			low = Math.min(low, value);
			high = Math.max(high, value);
		}
		// An explosive fit must not forecast far outside anything seen: clamp to ± one range.
		this.#bounds = { low: low - (high - low), high: high + (high - low) };
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		if (!this.#transform) throw new Error('fit() before predict()');
		const past = this.#history.length;
		const path = new Float64Array(past + horizon);
		path.set(this.#history);
		const mean = new Float64Array(horizon);
		for (let h = 0; h < horizon; h++) {
			let value = this.#intercept;
			this.#lags.forEach((lag, j) => (value += this.#coefficients[j]! * path[past + h - lag]!));
			path[past + h] = value;
			mean[h] = value;
		}
		this.#integrate(mean);
		for (let h = 0; h < horizon; h++) {
			mean[h] = Math.min(this.#bounds.high, Math.max(this.#bounds.low, mean[h]!));
		}
		// ψ-weights of the AR, integrated like the forecast when differenced.
		const psi = new Float64Array(horizon);
		for (let j = 0; j < horizon; j++) {
			let weight = j === 0 ? 1 : 0;
			this.#lags.forEach((lag, k) => {
				if (lag <= j) weight += this.#coefficients[k]! * psi[j - lag]!;
			});
			psi[j] = weight;
		}
		const lag = this.#level.length;
		if (lag > 0) for (let j = lag; j < horizon; j++) psi[j] = psi[j]! + psi[j - lag]!;
		const sd = new Float64Array(horizon);
		let cumulative = 0;
		for (let j = 0; j < horizon; j++) {
			cumulative += psi[j]! * psi[j]!;
			sd[j] = this.#sigma * Math.sqrt(cumulative);
		}
		const { inverse } = this.#transform;
		return { mean: mean.map(inverse), intervals: gaussianIntervals(mean, sd, levels, inverse) };
	}

	/** Undoes the seasonal difference in place: x̂_{n+h} = ŵ_{n+h} + x̂_{n+h−lag}. */
	#integrate(values: Float64Array): void {
		const lag = this.#level.length;
		for (let h = 0; h < values.length && lag > 0; h++) {
			const previous = h >= lag ? values[h - lag]! : this.#level[h]!;
			values[h] = values[h]! + previous;
		}
	}

	dispose(): void {
		this.#history = new Float64Array(0);
	}
}
