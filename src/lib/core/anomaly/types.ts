/**
 * Streaming series detectors: each point is scored with only the past, so a detector can run
 * live, or resume from a saved `state` when an import adds new points (only those are scored).
 */

/** What a detector says about one point. */
export interface DetectorOutput {
	/** Anomaly score in [0, 1]; comparable across series (a calibrated tail probability). */
	readonly score: number;
	/** The value the detector expected here, when it models one. */
	readonly expected?: number;
	/** A band of ordinary values around `expected` (about ±3 robust σ). */
	readonly lower?: number;
	readonly upper?: number;
}

/**
 * The score from which a point is worth an alert: the corpus threshold NAB's optimisation
 * picks for the default ensemble (0.868 on all three profiles), rounded down.
 */
export const ALERT_SCORE = 0.85;

export type DetectorKind = 'seasonal-residual' | 'level-shift' | 'ensemble' | 'robust-z';

/** How the seasonal profile is chosen: `auto` picks daily (sub-daily data) or weekly (daily data). */
export type SeasonSetting = 'auto' | 'none' | { readonly periodMs: number };

export interface SeasonalResidualConfig {
	readonly season: SeasonSetting;
	/**
	 * `log`: model sign(x)·log(1 + |x|) instead of x, so that counts (tickets, mentions)
	 * whose noise grows with their level get one yardstick for quiet and busy hours.
	 */
	readonly transform: 'none' | 'log';
	/**
	 * Model the first differences of the (transformed) values instead of the values: how fast
	 * the series moves. A ramp, a turn or a series that becomes jumpier shows here before the
	 * level has moved far from its usual range.
	 */
	readonly difference: boolean;
	/** Score the point's own |z| (off for a member that only watches runs of points). */
	readonly point: boolean;
	/** Past cycles whose median forms each time-of-cycle's seasonal value. */
	readonly seasonCycles: number;
	/** Points in the trailing level (median) and residual-scale windows. */
	readonly window: number;
	/**
	 * Window lengths (points) of the sustained-deviation statistics, |mean z| over the last
	 * n points: short ones catch plateaus, long ones shifted or missing daily patterns.
	 */
	readonly scales: readonly number[];
	/**
	 * Window lengths of the spread statistic, mean |z| over the last n points: noise that
	 * grows without moving the mean (a stuck key, a flapping sensor). Empty: none.
	 */
	readonly spreadScales: readonly number[];
	/** z-scores are clipped here inside those means, so one spike cannot pose as a plateau. */
	readonly clip: number;
	/** Points scored 0 while the statistics fill up. */
	readonly probation: number;
	/** Past statistics kept to turn a statistic into a tail probability. */
	readonly calibrationWindow: number;
	/** Upper bound on log10(1/p) that maps to score 1 (4 → p = 1e-4 scores 1). */
	readonly decades: number;
	/**
	 * Effect size (robust σ; a k-point mean counts k^¼ times) below which scores are damped
	 * by (effect / minEffect)²: the calibration is relative, so on a clean series its
	 * largest wobble would otherwise score like an anomaly. 0 turns the gate off.
	 */
	readonly minEffect: number;
}

export interface LevelShiftConfig {
	/** Points in the reference window the CUSUM standardises against. */
	readonly window: number;
	/** CUSUM slack per point in robust σ: drifts below it never accumulate. */
	readonly slack: number;
	/** Standardised values are clipped here so that one spike alone cannot raise an alarm. */
	readonly clip: number;
	/** CUSUM level (in σ) at which a shift is declared and the sums restart. */
	readonly alarm: number;
	/** CUSUM level (in σ) below which scores are damped by (cusum / minEffect)². */
	readonly minEffect: number;
	readonly probation: number;
	readonly calibrationWindow: number;
	readonly decades: number;
}

export interface EnsembleConfig {
	/** One seasonal-residual member per entry (e.g. on the raw and on the log scale). */
	readonly seasonal: readonly Partial<SeasonalResidualConfig>[];
	/** A level-shift (CUSUM) member, or null for none (the default: see docs). */
	readonly levelShift: Partial<LevelShiftConfig> | null;
	/** How member scores combine: `max` flags what any member flags. */
	readonly combine: 'max' | 'mean';
	/**
	 * After a score of at least `alarmScore`, the next `quietPoints` scores are multiplied by
	 * `quietFactor`: one event, one alert (repeated alerts on one event are noise to a
	 * reader, and count as false positives once the event is over).
	 */
	readonly alarmScore: number;
	readonly quietPoints: number;
	readonly quietFactor: number;
}

/** Short business series (days of a few months): fixed robust-z yardstick, no calibration. */
export interface RobustZConfig {
	/** Sampling step (a day) and cycle length in steps (7: weekly; 1: no season). */
	readonly stepMs: number;
	readonly period: number;
	/** `log`: model sign(x)·log(1 + |x|), for counts and durations whose noise grows with level. */
	readonly transform: 'none' | 'log';
	/** Past cycles whose median forms each time-of-cycle's seasonal value. */
	readonly seasonCycles: number;
	/** Points in the residual-scale window. */
	readonly window: number;
	/** Points whose residuals are not learnt while the weekly profile fills (two weeks of days). */
	readonly probation: number;
	/** Robust z at which the score reaches ALERT_SCORE. */
	readonly alertZ: number;
	/** Points in the sustained-deviation mean (a slump of a few days). */
	readonly sustain: number;
}

export interface DetectorConfigs {
	readonly 'robust-z': RobustZConfig;
	readonly 'seasonal-residual': SeasonalResidualConfig;
	readonly 'level-shift': LevelShiftConfig;
	readonly ensemble: EnsembleConfig;
}

/** A streaming detector. `state` is plain data (structured-clone and JSON safe). */
export interface Detector<K extends DetectorKind = DetectorKind> {
	readonly kind: K;
	update(timestampMs: number, value: number): DetectorOutput;
	/** A deep copy of everything needed to resume: `createDetector(kind, config, state)`. */
	readonly state: unknown;
	/** Forgets everything seen (same config). */
	reset(): void;
}
