import {
	initLevelShift,
	LEVEL_SHIFT_DEFAULTS,
	stepLevelShift,
	type LevelShiftState
} from './level-shift';
import {
	initSeasonalResidual,
	SEASONAL_RESIDUAL_DEFAULTS,
	stepSeasonalResidual,
	type SeasonalResidualState
} from './seasonal-residual';
import type { DetectorOutput, EnsembleConfig } from './types';

/** The configuration measured best on NAB (docs/anomaly-detection.md). */
export const ENSEMBLE_DEFAULTS: EnsembleConfig = {
	seasonal: [
		{ scales: [6, 96], spreadScales: [96] },
		{ transform: 'log', scales: [6, 96] },
		// How fast the series moves: a ramp or a turn (6-point mean step), a jumpier series
		// (96-point mean |step|), judged against the usual steps at that time of day or week.
		{ transform: 'log', difference: true, point: false, scales: [6], spreadScales: [96] }
	],
	levelShift: null,
	combine: 'max',
	alarmScore: 0.85,
	quietPoints: 200,
	quietFactor: 0.5
};

export interface EnsembleState {
	readonly config: EnsembleConfig;
	readonly seasonal: SeasonalResidualState[];
	readonly levelShift: LevelShiftState | null;
	/** Points since the last alarm (a large number: none yet). */
	sinceAlarm: number;
}

export function initEnsemble(config: EnsembleConfig): EnsembleState {
	return {
		config,
		seasonal: config.seasonal.map((member) =>
			initSeasonalResidual({ ...SEASONAL_RESIDUAL_DEFAULTS, ...member })
		),
		levelShift:
			config.levelShift && initLevelShift({ ...LEVEL_SHIFT_DEFAULTS, ...config.levelShift }),
		sinceAlarm: Number.MAX_SAFE_INTEGER
	};
}

/**
 * Several detectors on one stream: by default the seasonal residual test on the raw values
 * (bursts in busy series), on the log scale (changes in quiet or multiplicative series) and
 * on the log scale's first differences (ramps, turns, a series that becomes jumpier).
 * Their calibrated scores combine (max: any member may raise the alarm), then one alarm
 * silences the next few points. Expectation and band come from the first seasonal member.
 */
export function stepEnsemble(
	state: EnsembleState,
	timestampMs: number,
	value: number
): DetectorOutput {
	const { config } = state;
	const members = state.seasonal.map((member) => stepSeasonalResidual(member, timestampMs, value));
	const scores = members.map((member) => member.score);
	if (state.levelShift) scores.push(stepLevelShift(state.levelShift, timestampMs, value).score);
	const combined =
		config.combine === 'max'
			? Math.max(...scores)
			: scores.reduce((sum, score) => sum + score, 0) / scores.length;
	state.sinceAlarm++;
	let score = combined;
	if (state.sinceAlarm <= config.quietPoints) score = combined * config.quietFactor;
	else if (combined >= config.alarmScore) state.sinceAlarm = 0;
	return { ...members[0], score };
}
