import { ENSEMBLE_DEFAULTS, initEnsemble, stepEnsemble } from './ensemble';
import { initLevelShift, LEVEL_SHIFT_DEFAULTS, stepLevelShift } from './level-shift';
import {
	initSeasonalResidual,
	SEASONAL_RESIDUAL_DEFAULTS,
	stepSeasonalResidual
} from './seasonal-residual';
import { initRobustZ, ROBUST_Z_DEFAULTS, stepRobustZ } from './robust-z';
import type { Detector, DetectorConfigs, DetectorKind, DetectorOutput } from './types';

/** Per kind: defaults, a fresh state, one streaming step. The union is closed: add here. */
interface Implementation<C, S> {
	readonly defaults: C;
	init(config: C): S;
	step(state: S, timestampMs: number, value: number): DetectorOutput;
}

type Implementations = {
	readonly [K in DetectorKind]: Implementation<
		DetectorConfigs[K],
		{ readonly config: DetectorConfigs[K] }
	>;
};

const IMPLEMENTATIONS: Implementations = {
	'seasonal-residual': {
		defaults: SEASONAL_RESIDUAL_DEFAULTS,
		init: initSeasonalResidual,
		step: stepSeasonalResidual
	},
	'level-shift': { defaults: LEVEL_SHIFT_DEFAULTS, init: initLevelShift, step: stepLevelShift },
	ensemble: { defaults: ENSEMBLE_DEFAULTS, init: initEnsemble, step: stepEnsemble },
	'robust-z': { defaults: ROBUST_Z_DEFAULTS, init: initRobustZ, step: stepRobustZ }
};

/**
 * A streaming detector of `kind`. Pass a `state` taken from an earlier detector's `state`
 * to resume where it stopped (its config wins over `config`): new points are then the only
 * ones scored.
 */
export function createDetector<K extends DetectorKind>(
	kind: K,
	config: Partial<DetectorConfigs[K]> = {},
	state?: unknown
): Detector<K> {
	const implementation = IMPLEMENTATIONS[kind] as Implementation<
		DetectorConfigs[K],
		{ readonly config: DetectorConfigs[K] }
	>;
	const fullConfig = { ...implementation.defaults, ...config };
	const fresh = () => implementation.init(fullConfig);
	let current =
		state === undefined ? fresh() : (structuredClone(state) as ReturnType<typeof fresh>);
	return {
		kind,
		// A missing value is neither scored nor learnt: it would poison the sorted windows.
		update: (timestampMs, value) =>
			Number.isFinite(value) && Number.isFinite(timestampMs)
				? implementation.step(current, timestampMs, value)
				: { score: 0 },
		get state() {
			return structuredClone(current);
		},
		reset() {
			current = fresh();
		}
	};
}

/** Runs a detector over a whole series (or the new tail of one) and returns the scores. */
export function scoreSeries(
	detector: Detector,
	timesMs: ArrayLike<number>,
	values: ArrayLike<number>
): Float64Array {
	const scores = new Float64Array(values.length);
	for (let index = 0; index < values.length; index++) {
		scores[index] = detector.update(timesMs[index]!, values[index]!).score;
	}
	return scores;
}
