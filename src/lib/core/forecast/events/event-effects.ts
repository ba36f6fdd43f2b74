/**
 * Calendar events (promotions, holidays, launches) as multiplicative regressors: the effect of
 * an event kind is learnt from its past occurrences against a same-hour-of-week baseline, the
 * history is divided by it before a model is fitted (so a past sale is not taken for the new
 * normal), and the forecast is multiplied by it over future occurrences.
 */

/** An event on the series' own step scale: steps [start, end), relative to the first value. */
export interface EventWindow {
	kind: string;
	start: number;
	end: number;
}

export interface EventEffect {
	kind: string;
	/** Contacts during the kind's past event hours ÷ their baseline; 1 = no effect. */
	factor: number;
	/** Past event steps that had a baseline (0: nothing learnt, the prior applies). */
	learntFromSteps: number;
	/** 'learnt' from past events, 'quietest-day' (holiday prior) or 'none'. */
	source: 'learnt' | 'quietest-day' | 'none';
}

export interface EventEffectOptions {
	/** Steps per day (24 for hourly data); the week is 7 days. */
	period?: number;
	/** Weeks before and after an event step whose same hour forms its baseline. */
	baselineWeeks?: number;
}

/** Learnt factors are kept within these bounds (a typo in a date cannot zero a forecast). */
const MIN_FACTOR = 0.05;
const MAX_FACTOR = 20;

/** Kinds of event per step for steps [0, length): a list per step (usually empty). */
export function kindsPerStep(windows: readonly EventWindow[], length: number): string[][] {
	const kinds: string[][] = Array.from({ length }, () => []);
	for (const window of windows) {
		const from = Math.max(0, Math.floor(window.start));
		const to = Math.min(length, Math.ceil(window.end));
		for (let t = from; t < to; t++)
			if (!kinds[t]!.includes(window.kind)) kinds[t]!.push(window.kind);
	}
	return kinds;
}

/**
 * The effect of every event kind present in `windows`. For each past event step t the
 * baseline is the mean of the same hour of the week, `baselineWeeks` weeks before and after,
 * at steps free of any event; the kind's factor is Σ actual ÷ Σ baseline over those steps.
 * A holiday kind with no past occurrence gets the prior "as busy as the quietest weekday"
 * (returned per step by `eventFactors`); other kinds without a past occurrence get 1.
 */
export function estimateEventEffects(
	series: ArrayLike<number>,
	windows: readonly EventWindow[],
	options: EventEffectOptions = {}
): EventEffect[] {
	const period = options.period ?? 24;
	const week = 7 * period;
	const baselineWeeks = options.baselineWeeks ?? 4;
	const n = series.length;
	const kinds = kindsPerStep(windows, n);
	const effects: EventEffect[] = [];
	for (const kind of [...new Set(windows.map((window) => window.kind))]) {
		let actual = 0;
		let baseline = 0;
		let steps = 0;
		for (let t = 0; t < n; t++) {
			if (!kinds[t]!.includes(kind)) continue;
			let sum = 0;
			let count = 0;
			for (let k = -baselineWeeks; k <= baselineWeeks; k++) {
				const s = t + k * week;
				if (k === 0 || s < 0 || s >= n || kinds[s]!.length > 0) continue;
				sum += series[s]!;
				count++;
			}
			if (count === 0) continue;
			actual += series[t]!;
			baseline += sum / count;
			steps++;
		}
		if (steps > 0 && baseline > 0)
			effects.push({
				kind,
				factor: Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, actual / baseline)),
				learntFromSteps: steps,
				source: 'learnt'
			});
		else
			effects.push({
				kind,
				factor: 1,
				learntFromSteps: 0,
				source: kind === 'holiday' ? 'quietest-day' : 'none'
			});
	}
	return effects;
}

/**
 * Multiplier per step for steps [from, to) (may lie beyond the series): the product of the
 * factors of the kinds covering each step. A 'quietest-day' holiday scales a day to the
 * quietest weekday's volume (daily means over event-free days of `series`).
 */
export function eventFactors(
	series: ArrayLike<number>,
	windows: readonly EventWindow[],
	effects: readonly EventEffect[],
	from: number,
	to: number,
	period = 24
): Float64Array {
	const factors = new Float64Array(Math.max(0, to - from)).fill(1);
	if (windows.length === 0) return factors;
	const dayFactor = quietestDayFactors(series, windows, period);
	const kinds = kindsPerStep(
		windows.map((window) => ({ ...window, start: window.start - from, end: window.end - from })),
		factors.length
	);
	const byKind = new Map(effects.map((effect) => [effect.kind, effect]));
	for (let i = 0; i < factors.length; i++) {
		for (const kind of kinds[i]!) {
			const effect = byKind.get(kind);
			if (!effect) continue;
			if (effect.source === 'quietest-day') {
				const dayClass = Math.floor((from + i) / period) % 7;
				factors[i]! *= dayFactor[dayClass] ?? 1;
			} else factors[i]! *= effect.factor;
		}
	}
	return factors;
}

/** Per weekday class (step 0 is class 0): quietest class's mean day ÷ this class's mean day. */
function quietestDayFactors(
	series: ArrayLike<number>,
	windows: readonly EventWindow[],
	period: number
): number[] {
	const n = series.length;
	const kinds = kindsPerStep(windows, n);
	const totals = new Array<number>(7).fill(0);
	const counts = new Array<number>(7).fill(0);
	for (let t = 0; t < n; t++) {
		if (kinds[t]!.length > 0) continue;
		const dayClass = Math.floor(t / period) % 7;
		totals[dayClass]! += series[t]!;
		counts[dayClass]!++;
	}
	const means = totals.map((total, d) => (counts[d]! > 0 ? total / counts[d]! : NaN));
	const known = means.filter((mean) => Number.isFinite(mean));
	if (known.length === 0) return new Array<number>(7).fill(1);
	const quietest = Math.min(...known);
	return means.map((mean) => (Number.isFinite(mean) && mean > 0 ? quietest / mean : 1));
}

/** The series with each past event step divided by its factor (the event taken out). */
export function removeEventEffects(
	series: Float64Array,
	windows: readonly EventWindow[],
	effects: readonly EventEffect[],
	period = 24
): Float64Array {
	const factors = eventFactors(series, windows, effects, 0, series.length, period);
	return series.map((value, t) => value / Math.max(MIN_FACTOR, factors[t]!));
}
