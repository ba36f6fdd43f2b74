import { meanAbsoluteError, seasonalNaiveScale } from '../metrics';
import { DEFAULT_LEVELS, type FitOptions, type Forecast, type Forecaster } from '../types';

/** Names a candidate model; the factory turns it into a fresh, unfitted forecaster. */
export type CandidateFactory<Name extends string> = (name: Name) => Forecaster;

export type Combiner = 'mean' | 'median';

export interface AutoConfig<Name extends string> {
	candidates: readonly Name[];
	/** Rolling origins of the backtest, each one horizon apart, ending at the last observation. */
	origins?: number;
	/** Horizon to backtest when `fit` is not told one. */
	horizon?: number;
	/** Season length for the MASE scale of the backtest. */
	period?: number;
	/** Largest combination tried (the best 2, …, up to this many by backtest). */
	maxCombined?: number;
	/** Also fit the candidates that were not picked (to compare them; costs time). */
	fitAll?: boolean;
}

export interface Selection<Name extends string> {
	/** The models whose forecasts are used: one, or the members of a combination. */
	members: Name[];
	combiner: Combiner | 'single';
	/** Backtest MASE per candidate and per combination tried (NaN when no origin fitted). */
	backtest: Record<string, number>;
	/** Wall time of the final fit per fitted candidate, ms. */
	fitMs: Partial<Record<Name, number>>;
	/** Wall time of the backtest, ms. */
	backtestMs: number;
}

/**
 * Picks, per series, the candidate or the mean/median combination of the best few with the
 * lowest mean MASE over a rolling-origin backtest on the training series, then refits on the
 * whole series. Without enough history for one origin it uses the first candidate.
 */
export class AutoForecaster<Name extends string> implements Forecaster {
	readonly kind = 'auto';
	readonly config: Required<AutoConfig<Name>>;
	readonly #create: CandidateFactory<Name>;
	readonly #onFitStart: () => void;
	#fitted = new Map<Name, Forecaster>();
	#selection: Selection<Name> | undefined;

	/** `onFitStart` lets the factory drop per-series state (e.g. a searched order) before a fit. */
	constructor(
		config: AutoConfig<Name>,
		create: CandidateFactory<Name>,
		onFitStart: () => void = () => {}
	) {
		if (config.candidates.length === 0) throw new RangeError('auto needs at least one candidate');
		this.config = {
			origins: 2,
			horizon: 48,
			period: 24,
			maxCombined: 3,
			fitAll: false,
			...config
		};
		this.#create = create;
		this.#onFitStart = onFitStart;
	}

	get selection(): Selection<Name> | undefined {
		return this.#selection;
	}

	async fit(series: Float64Array, options: FitOptions = {}): Promise<void> {
		const horizon = options.horizon ?? this.config.horizon;
		this.#onFitStart();
		const startedMs = performance.now();
		const backtest = await this.#backtest(series, horizon);
		const backtestMs = performance.now() - startedMs;
		const members: Name[] = backtest ? backtest.members : [this.config.candidates[0]!];
		const toFit = this.config.fitAll ? [...this.config.candidates] : members;
		const fitMs: Partial<Record<Name, number>> = {};
		this.dispose();
		for (const name of toFit) {
			const model = this.#create(name);
			const fitStartMs = performance.now();
			await model.fit(series, { horizon });
			fitMs[name] = performance.now() - fitStartMs;
			this.#fitted.set(name, model);
		}
		this.#selection = {
			members,
			combiner: backtest?.combiner ?? 'single',
			backtest: backtest?.scores ?? {},
			fitMs,
			backtestMs
		};
	}

	predict(horizon: number, levels: readonly number[] = DEFAULT_LEVELS): Forecast {
		if (!this.#selection) throw new Error('fit() before predict()');
		const forecasts = this.#selection.members.map((name) =>
			this.candidateForecast(name, horizon, levels)
		);
		const combiner = this.#selection.combiner;
		return combine(forecasts, combiner === 'single' ? 'mean' : combiner);
	}

	/** Forecast of one fitted candidate (all of them when `fitAll`). */
	candidateForecast(
		name: Name,
		horizon: number,
		levels: readonly number[] = DEFAULT_LEVELS
	): Forecast {
		const model = this.#fitted.get(name);
		if (!model) throw new Error(`candidate ${name} was not fitted`);
		return model.predict(horizon, [...levels]);
	}

	dispose(): void {
		for (const model of this.#fitted.values()) model.dispose();
		this.#fitted.clear();
	}

	async #backtest(
		series: Float64Array,
		horizon: number
	): Promise<
		{ members: Name[]; combiner: Combiner | 'single'; scores: Record<string, number> } | undefined
	> {
		const { candidates, origins, period } = this.config;
		const n = series.length;
		// Per origin: the actuals, the MASE scale, and each candidate's point forecast.
		const runs: { actual: Float64Array; scale: number; forecasts: Map<Name, Float64Array> }[] = [];
		for (let origin = origins; origin >= 1; origin--) {
			const end = n - origin * horizon;
			if (end < 2 * period + horizon) continue;
			const training = series.subarray(0, end);
			const actual = series.subarray(end, end + horizon);
			const forecasts = new Map<Name, Float64Array>();
			for (const name of candidates) {
				const model = this.#create(name);
				try {
					await model.fit(training, { horizon });
					forecasts.set(name, model.predict(horizon, []).mean);
				} catch {
					// A candidate that cannot fit this origin simply loses the backtest.
				} finally {
					model.dispose();
				}
			}
			runs.push({ actual, scale: backtestScale(training, period), forecasts });
		}
		if (runs.length === 0) return undefined;
		const score = (pick: (run: (typeof runs)[number]) => Float64Array | undefined): number => {
			let total = 0;
			for (const run of runs) {
				const forecast = pick(run);
				if (!forecast || forecast.some((value) => !Number.isFinite(value))) return Infinity;
				total += meanAbsoluteError(run.actual, forecast) / run.scale;
			}
			return total / runs.length;
		};
		const scores: Record<string, number> = {};
		for (const name of candidates) scores[name] = score((run) => run.forecasts.get(name));
		const ranked = [...candidates].sort((a, b) => scores[a]! - scores[b]!);
		let best = {
			members: [ranked[0]!],
			combiner: 'single' as Combiner | 'single',
			value: scores[ranked[0]!]!
		};
		for (let size = 2; size <= Math.min(this.config.maxCombined, ranked.length); size++) {
			const members = ranked.slice(0, size);
			if (members.some((name) => !Number.isFinite(scores[name]!))) break;
			for (const combiner of size > 2 ? (['mean', 'median'] as const) : (['mean'] as const)) {
				const key = `${combiner}(${members.join(',')})`;
				scores[key] = score((run) =>
					combinePoints(
						members.map((name) => run.forecasts.get(name)!),
						combiner
					)
				);
				if (scores[key]! < best.value) best = { members, combiner, value: scores[key]! };
			}
		}
		return { members: best.members, combiner: best.combiner, scores };
	}
}

/** MASE scale of a backtest origin; a flat training window falls back to its mean level. */
function backtestScale(training: Float64Array, period: number): number {
	const scale = seasonalNaiveScale(training, Math.min(period, training.length - 1));
	if (Number.isFinite(scale) && scale > 0) return scale;
	let sum = 0;
	for (const value of training) sum += Math.abs(value);
	return sum / training.length || 1;
}

/** Point-wise mean or median of several point forecasts. */
export function combinePoints(forecasts: Float64Array[], combiner: Combiner): Float64Array {
	const horizon = forecasts[0]?.length ?? 0;
	const result = new Float64Array(horizon);
	const column = new Float64Array(forecasts.length);
	for (let h = 0; h < horizon; h++) {
		forecasts.forEach((forecast, i) => (column[i] = forecast[h]!));
		if (combiner === 'mean') {
			let sum = 0;
			for (const value of column) sum += value;
			result[h] = sum / column.length;
		} else {
			column.sort();
			const half = column.length >> 1;
			result[h] = column.length % 2 ? column[half]! : (column[half - 1]! + column[half]!) / 2;
		}
	}
	return result;
}

/** Combines forecasts point-wise; interval bounds are combined the same way, level by level. */
export function combine(forecasts: Forecast[], combiner: Combiner): Forecast {
	if (forecasts.length === 1) return forecasts[0]!;
	const mean = combinePoints(
		forecasts.map((forecast) => forecast.mean),
		combiner
	);
	const intervals = (forecasts[0]?.intervals ?? []).map(({ level }, i) => ({
		level,
		lower: combinePoints(
			forecasts.map((forecast) => forecast.intervals[i]!.lower),
			combiner
		),
		upper: combinePoints(
			forecasts.map((forecast) => forecast.intervals[i]!.upper),
			combiner
		)
	}));
	return { mean, intervals };
}
