import type { PredictionInterval } from '../types';

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9),
 * enough for interval multipliers.
 */
export function normalQuantile(probability: number): number {
	if (probability <= 0) return -Infinity;
	if (probability >= 1) return Infinity;
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269];
	const a4 = -30.66479806614716;
	const a5 = 2.506628277459239;
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
	const b4 = -13.28068155288572;
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
	const c4 = 4.374664141464968;
	const c5 = 2.938163982698783;
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const low = 0.02425;
	if (probability < low || probability > 1 - low) {
		const q = Math.sqrt(-2 * Math.log(probability < low ? probability : 1 - probability));
		const value =
			(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c4) * q + c5) /
			((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
		return probability < low ? value : -value;
	}
	const q = probability - 0.5;
	const r = q * q;
	return (
		((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a4) * r + a5) * q) /
		(((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b4) * r + 1)
	);
}

/**
 * Gaussian intervals built where the errors are additive (the model's working scale), then
 * mapped back through `inverse`, which must be increasing (identity, exp, ...).
 */
export function gaussianIntervals(
	workingMean: Float64Array,
	workingSd: Float64Array,
	levels: readonly number[],
	inverse: (value: number) => number = (value) => value
): PredictionInterval[] {
	return levels.map((level) => {
		const z = normalQuantile(0.5 + level / 200);
		const lower = new Float64Array(workingMean.length);
		const upper = new Float64Array(workingMean.length);
		for (let h = 0; h < workingMean.length; h++) {
			lower[h] = inverse(workingMean[h]! - z * workingSd[h]!);
			upper[h] = inverse(workingMean[h]! + z * workingSd[h]!);
		}
		return { level, lower, upper };
	});
}

/** Multiplies every bound by a per-step factor (re-seasonalising intervals). */
export function scaleIntervals(
	intervals: PredictionInterval[],
	factors: Float64Array
): PredictionInterval[] {
	return intervals.map(({ level, lower, upper }) => ({
		level,
		lower: lower.map((value, h) => value * factors[h]!),
		upper: upper.map((value, h) => value * factors[h]!)
	}));
}
