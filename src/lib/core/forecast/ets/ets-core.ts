import { nelderMead } from '../shared/nelder-mead';

/**
 * Additive-error exponential smoothing on an already transformed series: level, optional
 * (damped) additive trend, optional additive season. Smoothing parameters are fitted by
 * Nelder-Mead on the sum of squared one-step errors, which for additive errors and fixed
 * initial states is the Gaussian likelihood up to constants.
 */
export interface EtsSpec {
	trend: 'none' | 'damped';
	/** Season length in steps, 0 for none. */
	period: number;
}

export interface EtsParameters {
	alpha: number;
	beta: number;
	gamma: number;
	phi: number;
}

export interface EtsFit {
	spec: EtsSpec;
	parameters: EtsParameters;
	/** Final states after the last observation. */
	level: number;
	trend: number;
	/** Seasonal states, `season[k]` for the step k + 1 after the last observation (cyclic). */
	season: Float64Array;
	sumSquaredErrors: number;
	/** Residual variance with the degrees of freedom of the smoothing parameters removed. */
	variance: number;
	aic: number;
	observations: number;
}

const logistic = (value: number): number => 1 / (1 + Math.exp(-value));
const logit = (value: number): number => Math.log(value / (1 - value));
/** Damping bounds as in R's ets(). */
const PHI_MIN = 0.8;
const PHI_RANGE = 0.18;

function parametersFrom(point: Float64Array, spec: EtsSpec): EtsParameters {
	const alpha = 0.0001 + 0.9998 * logistic(point[0]!);
	let index = 1;
	let beta = 0;
	let phi = 1;
	let gamma = 0;
	if (spec.trend === 'damped') {
		beta = alpha * 0.999 * logistic(point[index++]!);
		phi = PHI_MIN + PHI_RANGE * logistic(point[index++]!);
	}
	if (spec.period > 1) gamma = (1 - alpha) * 0.999 * logistic(point[index++]!);
	return { alpha, beta, gamma, phi };
}

function startPoint(spec: EtsSpec): Float64Array {
	const start = [logit(0.2)];
	if (spec.trend === 'damped') start.push(logit(0.05), logit(0.5));
	if (spec.period > 1) start.push(logit(0.05));
	return Float64Array.from(start);
}

interface InitialStates {
	level: number;
	trend: number;
	season: Float64Array;
}

/** Classical start: first-season mean, slope between the first two seasons, first season. */
function initialStates(series: Float64Array, spec: EtsSpec): InitialStates {
	const span = Math.max(spec.period, 1);
	const first = Math.min(span > 1 ? span : 12, series.length);
	let firstMean = 0;
	for (let t = 0; t < first; t++) firstMean += series[t]! / first;
	let trend = 0;
	if (spec.trend === 'damped' && series.length >= 2 * first) {
		let secondMean = 0;
		for (let t = first; t < 2 * first; t++) secondMean += series[t]! / first;
		trend = (secondMean - firstMean) / first;
	}
	const season = new Float64Array(span);
	if (spec.period > 1) for (let k = 0; k < span; k++) season[k] = series[k]! - firstMean;
	return { level: firstMean - (trend * (first - 1)) / 2, trend, season };
}

/** Runs the recursions; returns the fit (states after the last observation) for `parameters`. */
function filter(
	series: Float64Array,
	spec: EtsSpec,
	parameters: EtsParameters,
	initial: InitialStates
): { sse: number; level: number; trend: number; season: Float64Array } {
	const { alpha, beta, gamma, phi } = parameters;
	const period = Math.max(spec.period, 1);
	const season = Float64Array.from(initial.season);
	let level = initial.level;
	let trend = initial.trend;
	let sse = 0;
	for (let t = 0; t < series.length; t++) {
		const slot = t % period;
		const seasonal = spec.period > 1 ? season[slot]! : 0;
		const predicted = level + phi * trend + seasonal;
		const error = series[t]! - predicted;
		sse += error * error;
		level = level + phi * trend + alpha * error;
		trend = phi * trend + beta * error;
		if (spec.period > 1) season[slot] = seasonal + gamma * error;
	}
	// Rotate so that season[0] is the state for the step right after the series.
	const start = series.length % period;
	const rotated = new Float64Array(period);
	for (let k = 0; k < period; k++) rotated[k] = season[(start + k) % period]!;
	return { sse, level, trend, season: rotated };
}

export function fitEts(series: Float64Array, spec: EtsSpec): EtsFit {
	const initial = initialStates(series, spec);
	const objective = (point: Float64Array): number => {
		const { sse } = filter(series, spec, parametersFrom(point, spec), initial);
		return Number.isFinite(sse) ? sse : Number.MAX_VALUE;
	};
	const { point } = nelderMead(objective, startPoint(spec), { maxIterations: 250, step: 1 });
	const parameters = parametersFrom(point, spec);
	const result = filter(series, spec, parameters, initial);
	const n = series.length;
	const parameterCount = 1 + (spec.trend === 'damped' ? 2 : 0) + (spec.period > 1 ? 1 : 0);
	const stateCount =
		1 + (spec.trend === 'damped' ? 1 : 0) + (spec.period > 1 ? spec.period - 1 : 0);
	const k = parameterCount + stateCount;
	return {
		spec,
		parameters,
		level: result.level,
		trend: result.trend,
		season: result.season,
		sumSquaredErrors: result.sse,
		variance: result.sse / Math.max(n - parameterCount, 1),
		aic: n * Math.log(Math.max(result.sse, 1e-300) / n) + 2 * (k + 1),
		observations: n
	};
}

/** Point forecasts and forecast standard deviations on the working scale (class-1 formulas). */
export function forecastEts(
	fit: EtsFit,
	horizon: number
): { mean: Float64Array; sd: Float64Array } {
	const { alpha, beta, gamma, phi } = fit.parameters;
	const period = Math.max(fit.spec.period, 1);
	const seasonal = fit.spec.period > 1;
	const mean = new Float64Array(horizon);
	const sd = new Float64Array(horizon);
	let dampedSum = 0;
	let phiPower = 1;
	let varianceFactor = 1;
	for (let h = 0; h < horizon; h++) {
		phiPower *= phi;
		dampedSum += phiPower;
		mean[h] = fit.level + dampedSum * fit.trend + (seasonal ? fit.season[h % period]! : 0);
		sd[h] = Math.sqrt(fit.variance * varianceFactor);
		// c_j for j = h + 1: α + β·(φ + … + φ^j) + γ·[j ≡ 0 mod m]
		const c = alpha + beta * dampedSum + (seasonal && (h + 1) % period === 0 ? gamma : 0);
		varianceFactor += c * c;
	}
	return { mean, sd };
}

/** Picks the lowest-AIC fit among the given specifications. */
export function fitBestEts(series: Float64Array, specs: EtsSpec[]): EtsFit {
	let best: EtsFit | undefined;
	for (const spec of specs) {
		const fit = fitEts(series, spec);
		if (!best || fit.aic < best.aic) best = fit;
	}
	if (!best) throw new RangeError('no ETS specification to fit');
	return best;
}
