import { robustLocationScale } from './stats/robust-scale';
import { createSortedWindow, pushValue, type SortedWindow } from './stats/sorted-window';
import { calibrate, createTailCalibrator, type TailCalibrator } from './stats/tail-calibrator';
import type { DetectorOutput, LevelShiftConfig } from './types';

export const LEVEL_SHIFT_DEFAULTS: LevelShiftConfig = {
	window: 1500,
	slack: 2,
	clip: 4,
	alarm: 30,
	minEffect: 10,
	probation: 300,
	calibrationWindow: 5000,
	decades: 4
};

export interface LevelShiftState {
	readonly config: LevelShiftConfig;
	seen: number;
	readonly reference: SortedWindow;
	/** One-sided CUSUMs of standardised values, upwards and downwards (in σ). */
	up: number;
	down: number;
	readonly calibrator: TailCalibrator;
}

export function initLevelShift(config: LevelShiftConfig): LevelShiftState {
	return {
		config,
		seen: 0,
		reference: createSortedWindow(config.window),
		up: 0,
		down: 0,
		calibrator: createTailCalibrator(config.calibrationWindow, config.decades)
	};
}

/**
 * Two-sided CUSUM (Page 1954) on values standardised by the trailing window's median and
 * robust σ. Each point adds its excess over the slack; clipping keeps a lone spike from
 * looking like a shift; after an alarm the sums restart, so one shift is one alarm.
 */
export function stepLevelShift(
	state: LevelShiftState,
	_timestampMs: number,
	value: number
): DetectorOutput {
	const { config, reference } = state;
	let output: DetectorOutput = { score: 0 };
	if (reference.sorted.length >= 2) {
		const { median, sigma } = robustLocationScale(reference);
		const z = Math.max(-config.clip, Math.min(config.clip, (value - median) / sigma));
		state.up = Math.max(0, state.up + z - config.slack);
		state.down = Math.max(0, state.down - z - config.slack);
		const raw = Math.max(state.up, state.down);
		const gate = config.minEffect > 0 ? Math.min(1, (raw / config.minEffect) ** 2) : 1;
		// Calibrators learn only after probation: warm-up statistics are not the stream's.
		const learning = state.seen >= config.probation;
		const score = learning ? calibrate(state.calibrator, raw) * gate : 0;
		if (raw >= config.alarm) {
			state.up = 0;
			state.down = 0;
		}
		output = { score, expected: median, lower: median - 3 * sigma, upper: median + 3 * sigma };
	}
	pushValue(reference, value);
	state.seen++;
	return output;
}
