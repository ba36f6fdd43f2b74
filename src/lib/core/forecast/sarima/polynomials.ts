/**
 * Lag polynomials as sparse term lists: `1 − Σ c·B^lag` for AR-type operators, `1 + Σ c·B^lag`
 * for MA-type ones (the sign convention is the caller's; the terms only hold lags and values).
 */
export interface LagTerm {
	lag: number;
	coefficient: number;
}

/**
 * Partial autocorrelations → AR coefficients (Durbin-Levinson), the map R's arima uses to keep
 * an AR polynomial stationary: any values in (−1, 1) give a stationary φ.
 */
export function coefficientsFromPartials(partials: ArrayLike<number>): Float64Array {
	const order = partials.length;
	let phi = new Float64Array(0);
	for (let k = 0; k < order; k++) {
		const reflection = partials[k]!;
		const next = new Float64Array(k + 1);
		for (let j = 0; j < k; j++) next[j] = phi[j]! - reflection * phi[k - 1 - j]!;
		next[k] = reflection;
		phi = next;
	}
	return phi;
}

/**
 * Terms of a regular × seasonal lag polynomial product. Written `1 ∓ Σ c·B^lag`, the cross
 * terms carry `crossSign`: −1 for the AR side (1 − Σ a_i B^i)(1 − Σ A_j B^{s·j}), where
 * −a_i·B^i · −A_j·B^{sj} = −(−a_i·A_j)·B^{i+sj}; +1 for the MA side (1 + …)(1 + …).
 */
function multiplySeasonal(
	regular: ArrayLike<number>,
	seasonal: ArrayLike<number>,
	period: number,
	crossSign: 1 | -1
): LagTerm[] {
	const terms = new Map<number, number>();
	const add = (lag: number, value: number) => terms.set(lag, (terms.get(lag) ?? 0) + value);
	for (let i = 0; i < regular.length; i++) add(i + 1, regular[i]!);
	for (let j = 0; j < seasonal.length; j++) {
		const seasonalCoefficient = seasonal[j]!;
		add((j + 1) * period, seasonalCoefficient);
		for (let i = 0; i < regular.length; i++)
			add(i + 1 + (j + 1) * period, crossSign * regular[i]! * seasonalCoefficient);
	}
	return [...terms]
		.filter(([, value]) => value !== 0)
		.map(([lag, coefficient]) => ({ lag, coefficient }));
}

/** Terms of (1 − Σ a_i B^i)(1 − Σ A_j B^{s·j}) as `1 − Σ c·B^lag` (AR side). */
export function multiplyAr(
	regular: ArrayLike<number>,
	seasonal: ArrayLike<number>,
	period: number
): LagTerm[] {
	return multiplySeasonal(regular, seasonal, period, -1);
}

/** Terms of (1 + Σ b_i B^i)(1 + Σ B_j B^{s·j}) as `1 + Σ c·B^lag` (MA side). */
export function multiplyMa(
	regular: ArrayLike<number>,
	seasonal: ArrayLike<number>,
	period: number
): LagTerm[] {
	return multiplySeasonal(regular, seasonal, period, 1);
}

/** (1 − B)^d (1 − B^s)^D written as `1 − Σ c·B^lag`: x_t = w_t + Σ c·x_{t−lag}. */
export function differencingTerms(d: number, seasonalD: number, period: number): LagTerm[] {
	// Dense product, then read off as 1 − Σ c·B^lag.
	let poly = [1];
	const times = (factor: number[]) => {
		const out = new Array<number>(poly.length + factor.length - 1).fill(0);
		poly.forEach((a, i) => factor.forEach((b, j) => (out[i + j] = out[i + j]! + a * b)));
		poly = out;
	};
	for (let i = 0; i < d; i++) times([1, -1]);
	const seasonalFactor = [1, ...new Array<number>(period - 1).fill(0), -1];
	for (let i = 0; i < seasonalD; i++) times(seasonalFactor);
	const terms: LagTerm[] = [];
	for (let lag = 1; lag < poly.length; lag++) {
		if (poly[lag] !== 0) terms.push({ lag, coefficient: -poly[lag]! });
	}
	return terms;
}

/** Applies the differencing: w_t = x_t − Σ c·x_{t−lag} for t ≥ the largest lag. */
export function difference(series: Float64Array, terms: LagTerm[]): Float64Array {
	const start = terms.reduce((max, { lag }) => Math.max(max, lag), 0);
	const result = new Float64Array(Math.max(series.length - start, 0));
	for (let t = start; t < series.length; t++) {
		let value = series[t]!;
		for (const { lag, coefficient } of terms) value -= coefficient * series[t - lag]!;
		result[t - start] = value;
	}
	return result;
}
