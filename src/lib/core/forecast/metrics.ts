/**
 * Point-forecast accuracy exactly as the M4 competition scores it (organisers'
 * `Benchmarks and Evaluation.R`): sMAPE in percent, MASE scaled by the in-sample MAE of the
 * seasonal naive method, OWA relative to Naive2 from set-level averages.
 */

/** Seasonal period M4 uses for hourly MASE. */
export const M4_HOURLY_PERIOD = 24;

/** sMAPE (percent, 0..200) = mean over h of 200·|y − f| / (|y| + |f|). */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
	const horizon = actual.length;
	let sum = 0;
	for (let h = 0; h < horizon; h++) {
		const y = actual[h]!;
		const f = forecast[h]!;
		const denominator = Math.abs(y) + Math.abs(f);
		// 0/0 when both are zero: a perfect forecast, not an error (M4 has no zeros).
		sum += denominator === 0 ? 0 : (200 * Math.abs(y - f)) / denominator;
	}
	return sum / horizon;
}

/** In-sample MAE of the seasonal naive forecast: (1/(n−m)) Σ_{i>m} |x_i − x_{i−m}|. */
export function seasonalNaiveScale(training: ArrayLike<number>, period: number): number {
	const n = training.length;
	let sum = 0;
	for (let i = period; i < n; i++) sum += Math.abs(training[i]! - training[i - period]!);
	return sum / (n - period);
}

/** MASE = out-of-sample MAE / in-sample seasonal naive MAE (period m). */
export function mase(
	actual: ArrayLike<number>,
	forecast: ArrayLike<number>,
	training: ArrayLike<number>,
	period: number = M4_HOURLY_PERIOD
): number {
	return meanAbsoluteError(actual, forecast) / seasonalNaiveScale(training, period);
}

export function meanAbsoluteError(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
	let sum = 0;
	for (let h = 0; h < actual.length; h++) sum += Math.abs(actual[h]! - forecast[h]!);
	return sum / actual.length;
}

export interface SetScores {
	/** Mean sMAPE over the series, percent. */
	smape: number;
	/** Mean MASE over the series. */
	mase: number;
}

/** OWA = ½·(sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2), from set-level averages. */
export function owa(method: SetScores, naive2: SetScores): number {
	return 0.5 * (method.smape / naive2.smape + method.mase / naive2.mase);
}
