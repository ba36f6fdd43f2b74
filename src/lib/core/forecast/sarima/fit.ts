import { nelderMead } from '../shared/nelder-mead';
import { mean } from '../shared/stats';
import {
	coefficientsFromPartials,
	difference,
	differencingTerms,
	multiplyAr,
	multiplyMa,
	type LagTerm
} from './polynomials';

/** SARIMA(p,d,q)(P,D,Q)_s with an optional constant (mean of the differenced series). */
export interface SarimaOrder {
	p: number;
	d: number;
	q: number;
	seasonalP: number;
	seasonalD: number;
	seasonalQ: number;
	period: number;
	constant: boolean;
}

export interface SarimaFit {
	order: SarimaOrder;
	ar: Float64Array;
	ma: Float64Array;
	seasonalAr: Float64Array;
	seasonalMa: Float64Array;
	constant: number;
	/** Residual variance of the conditional sum of squares. */
	variance: number;
	aicc: number;
	/** The fitted (working-scale) series and the residuals of its differenced part. */
	history: Float64Array;
	residuals: Float64Array;
	arTerms: LagTerm[];
	maTerms: LagTerm[];
	differencing: LagTerm[];
}

interface Unpacked {
	ar: Float64Array;
	ma: Float64Array;
	seasonalAr: Float64Array;
	seasonalMa: Float64Array;
	constant: number;
}

/** Unconstrained → stationary AR and invertible MA parts via tanh → partials → coefficients. */
function unpack(point: Float64Array, order: SarimaOrder): Unpacked {
	let index = 0;
	const take = (count: number) => {
		const slice = point.subarray(index, index + count).map(Math.tanh);
		index += count;
		return coefficientsFromPartials(slice);
	};
	const ar = take(order.p);
	// MA polynomial 1 + Σθ B^i is invertible iff 1 − Σ(−θ) B^i is stationary.
	const ma = take(order.q).map((value) => -value);
	const seasonalAr = take(order.seasonalP);
	const seasonalMa = take(order.seasonalQ).map((value) => -value);
	const constant = order.constant ? point[index]! : 0;
	return { ar, ma, seasonalAr, seasonalMa, constant };
}

/** One pass of the CSS recursion: residuals (zeros before the first full AR lag) and their SSE. */
function cssResiduals(
	differenced: Float64Array,
	constant: number,
	arTerms: LagTerm[],
	maTerms: LagTerm[],
	residuals: Float64Array
): { sse: number; start: number } {
	const start = arTerms.reduce((max, { lag }) => Math.max(max, lag), 0);
	residuals.fill(0);
	let sse = 0;
	for (let t = start; t < differenced.length; t++) {
		let error = differenced[t]! - constant;
		for (const { lag, coefficient } of arTerms)
			error -= coefficient * (differenced[t - lag]! - constant);
		for (const { lag, coefficient } of maTerms)
			if (t >= lag) error -= coefficient * residuals[t - lag]!;
		residuals[t] = error;
		sse += error * error;
	}
	return { sse, start };
}

/**
 * Fits one SARIMA order by conditional sum of squares (Nelder-Mead over the unconstrained
 * parameters). AICc uses the CSS Gaussian log-likelihood, as auto.arima does while searching
 * long seasonal series (approximation = TRUE).
 */
export function fitSarima(series: Float64Array, order: SarimaOrder): SarimaFit {
	const differencing = differencingTerms(order.d, order.seasonalD, order.period);
	const differenced = difference(series, differencing);
	const residuals = new Float64Array(differenced.length);
	const dims = order.p + order.q + order.seasonalP + order.seasonalQ + (order.constant ? 1 : 0);
	const start = new Float64Array(dims);
	if (order.constant) start[dims - 1] = mean(differenced);
	const terms = (point: Float64Array) => {
		const parts = unpack(point, order);
		return {
			parts,
			arTerms: multiplyAr(parts.ar, parts.seasonalAr, order.period),
			maTerms: multiplyMa(parts.ma, parts.seasonalMa, order.period)
		};
	};
	const objective = (point: Float64Array) => {
		const { parts, arTerms, maTerms } = terms(point);
		const { sse } = cssResiduals(differenced, parts.constant, arTerms, maTerms, residuals);
		return Number.isFinite(sse) ? sse : Number.MAX_VALUE;
	};
	const best =
		dims > 0
			? nelderMead(objective, start, { maxIterations: 150 * dims, step: 0.2, tolerance: 1e-9 })
					.point
			: start;
	const { parts, arTerms, maTerms } = terms(best);
	const { sse, start: first } = cssResiduals(
		differenced,
		parts.constant,
		arTerms,
		maTerms,
		residuals
	);
	const effective = differenced.length - first;
	const variance = sse / Math.max(effective, 1);
	const k = dims + 1;
	const logLikelihood = -0.5 * effective * (Math.log(2 * Math.PI * Math.max(variance, 1e-300)) + 1);
	const aicc = -2 * logLikelihood + 2 * k + (2 * k * (k + 1)) / Math.max(effective - k - 1, 1);
	return {
		order,
		...parts,
		variance,
		aicc,
		history: series,
		residuals,
		arTerms,
		maTerms,
		differencing
	};
}

/** Forecasts on the working scale and their standard deviations (ψ-weights incl. differencing). */
export function forecastSarima(
	fit: SarimaFit,
	horizon: number
): { mean: Float64Array; sd: Float64Array } {
	const { history, residuals, arTerms, maTerms, differencing, constant } = fit;
	const differenced = difference(history, differencing);
	const m = differenced.length;
	// Differenced path: past then forecasts; future shocks are zero.
	const path = new Float64Array(m + horizon);
	path.set(differenced);
	const shocks = new Float64Array(m + horizon);
	shocks.set(residuals);
	for (let t = m; t < m + horizon; t++) {
		let value = constant;
		for (const { lag, coefficient } of arTerms)
			if (t >= lag) value += coefficient * (path[t - lag]! - constant);
		for (const { lag, coefficient } of maTerms)
			if (t >= lag) value += coefficient * shocks[t - lag]!;
		path[t] = value;
	}
	// Undo the differencing: x_t = w_t + Σ c·x_{t−lag}.
	const n = history.length;
	const levels = new Float64Array(n + horizon);
	levels.set(history);
	const mean = new Float64Array(horizon);
	for (let h = 0; h < horizon; h++) {
		let value = path[m + h]!;
		for (const { lag, coefficient } of differencing) value += coefficient * levels[n + h - lag]!;
		levels[n + h] = value;
		mean[h] = value;
	}
	// ψ-weights of φ(B)Φ(B^s)(1−B)^d(1−B^s)^D x = θ(B)Θ(B^s) ε.
	const arDense = new Float64Array(horizon);
	const combined = new Map<number, number>();
	const full = [{ lag: 0, coefficient: -1 }, ...arTerms];
	const diff = [{ lag: 0, coefficient: -1 }, ...differencing];
	for (const a of full) {
		for (const b of diff) {
			const lag = a.lag + b.lag;
			if (lag > 0 && lag < horizon)
				combined.set(lag, (combined.get(lag) ?? 0) - a.coefficient * b.coefficient);
		}
	}
	for (const [lag, value] of combined) arDense[lag] = value;
	const maDense = new Float64Array(horizon);
	for (const { lag, coefficient } of maTerms) if (lag < horizon) maDense[lag] = coefficient;
	const psi = new Float64Array(horizon);
	const sd = new Float64Array(horizon);
	let cumulative = 0;
	for (let j = 0; j < horizon; j++) {
		let value = j === 0 ? 1 : maDense[j]!;
		for (let i = 1; i <= j; i++) value += arDense[i]! * psi[j - i]!;
		psi[j] = value;
		cumulative += value * value;
		sd[j] = Math.sqrt(fit.variance * cumulative);
	}
	return { mean, sd };
}
