import { createSeasonalModel, expectValue, learnValue, type SeasonalModel } from './seasonal-model';
import { robustLocationScale } from './stats/robust-scale';
import { createSortedWindow, pushValue, type SortedWindow } from './stats/sorted-window';
import { calibrate, createTailCalibrator, type TailCalibrator } from './stats/tail-calibrator';
import type { DetectorOutput, SeasonalResidualConfig } from './types';

export const SEASONAL_RESIDUAL_DEFAULTS: SeasonalResidualConfig = {
	season: 'auto',
	transform: 'none',
	difference: false,
	point: true,
	seasonCycles: 7,
	window: 1000,
	scales: [6, 24, 96],
	spreadScales: [],
	clip: 10,
	probation: 300,
	calibrationWindow: 5000,
	decades: 4,
	minEffect: 5
};

export interface SeasonalResidualState {
	readonly config: SeasonalResidualConfig;
	seen: number;
	/** The previous (transformed) value, for `difference`; null before the first. */
	previous: number | null;
	readonly model: SeasonalModel;
	readonly residuals: SortedWindow;
	/** The last max(scales) clipped z-scores, oldest first. */
	readonly recentZ: number[];
	readonly point: TailCalibrator;
	/** One calibrator per entry of `scales`. */
	readonly sustained: TailCalibrator[];
	/** One calibrator per entry of `spreadScales`. */
	readonly spread: TailCalibrator[];
}

export function initSeasonalResidual(config: SeasonalResidualConfig): SeasonalResidualState {
	return {
		config,
		seen: 0,
		previous: null,
		model: createSeasonalModel(config.season, config.seasonCycles, config.window),
		residuals: createSortedWindow(config.window),
		recentZ: [],
		point: createTailCalibrator(config.calibrationWindow, config.decades),
		sustained: config.scales.map(() =>
			createTailCalibrator(config.calibrationWindow, config.decades)
		),
		spread: config.spreadScales.map(() =>
			createTailCalibrator(config.calibrationWindow, config.decades)
		)
	};
}

function symlog(x: number): number {
	return Math.sign(x) * Math.log1p(Math.abs(x));
}

function symexp(y: number): number {
	return Math.sign(y) * Math.expm1(Math.abs(y));
}

/**
 * Residual from the seasonal expectation, robust-z'd against recent residuals (median and
 * IQR, so past anomalies barely move the yardstick). Two statistics, each calibrated into a
 * tail probability: the point's |z| (spikes, dips) and the |mean z| of the last few points
 * (plateaus, level shifts, a missing daily peak). The score is the larger.
 */
export function stepSeasonalResidual(
	state: SeasonalResidualState,
	timestampMs: number,
	rawValue: number
): DetectorOutput {
	const { config, model, residuals, recentZ } = state;
	const transformed = config.transform === 'log' ? symlog(rawValue) : rawValue;
	// With `difference` the model sees the step from the previous value; the first point has
	// none, so it counts as a step of 0.
	const base = config.difference ? (state.previous ?? transformed) : 0;
	state.previous = transformed;
	const value = transformed - base;
	const expectedRaw = expectValue(model, timestampMs);
	const expected = Number.isFinite(expectedRaw) ? expectedRaw : value;
	const residual = value - expected;
	let output: DetectorOutput = { score: 0, expected: rawValue };
	if (residuals.sorted.length >= 2) {
		const { median, sigma } = robustLocationScale(residuals);
		const z = (residual - median) / sigma;
		recentZ.push(Math.max(-config.clip, Math.min(config.clip, z)));
		if (recentZ.length > Math.max(...config.scales, ...config.spreadScales)) recentZ.shift();
		// Warm-up statistics (seasonal profile still empty) would teach the calibrators that
		// huge residuals are normal: they learn only after probation.
		const learning = state.seen >= config.probation;
		const gate = (effect: number) =>
			config.minEffect > 0 ? Math.min(1, (effect / config.minEffect) ** 2) : 1;
		const scoreOf = (calibrator: TailCalibrator, raw: number, effect: number) =>
			learning ? calibrate(calibrator, raw) * gate(effect) : 0;
		let score = config.point ? scoreOf(state.point, Math.abs(z), Math.abs(z)) : 0;
		config.scales.forEach((scale, index) => {
			const calibrator = state.sustained[index]!;
			const recent = recentZ.slice(-scale);
			const meanZ = Math.abs(recent.reduce((sum, x) => sum + x, 0) / recent.length);
			// √k would assume independent residuals; estimated level and season make them
			// autocorrelated, so a k-point mean is credited k^¼ times its size.
			const effect = meanZ * Math.sqrt(Math.sqrt(recent.length));
			score = Math.max(score, scoreOf(calibrator, meanZ, effect));
		});
		// Mean |z|: a change of variance (noise that grows without moving the mean).
		config.spreadScales.forEach((scale, index) => {
			const calibrator = state.spread[index]!;
			const recent = recentZ.slice(-scale);
			const meanAbs = recent.reduce((sum, x) => sum + Math.abs(x), 0) / recent.length;
			const effect = meanAbs * Math.sqrt(Math.sqrt(recent.length));
			score = Math.max(score, scoreOf(calibrator, meanAbs, effect));
		});
		const back = config.transform === 'log' ? symexp : (x: number) => x;
		// In value units: the expected step is added to the previous value.
		const centre = base + expected + median;
		output = {
			score,
			expected: back(centre),
			lower: back(centre - 3 * sigma),
			upper: back(centre + 3 * sigma)
		};
	}
	pushValue(residuals, residual);
	learnValue(model, timestampMs, value);
	state.seen++;
	return output;
}
