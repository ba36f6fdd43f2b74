import {
	fromDetectorScale,
	type MultivariateInput,
	type MultivariateScores
} from '$lib/core/alerts/multivariate';
import {
	scoreWithAutoencoder,
	type AutoencoderCheckpoint,
	type AutoencoderConfig
} from '$lib/ml/autoencoder-detector';
import { HOLD_BACK } from '$lib/core/alerts/score-series';

/** The autoencoder's scores as cached between runs, with the state to resume from. */
export interface ScoredMultivariate extends MultivariateScores {
	checkpoint: AutoencoderCheckpoint;
}

const sameValue = (a: number | undefined, b: number | undefined) =>
	a === b || (Number.isNaN(a) && Number.isNaN(b));

/** Days of `previous` that still hold in `input` (0 when the metrics or the start changed). */
export function reusableDays(input: MultivariateInput, previous?: ScoredMultivariate): number {
	if (!previous || previous.startWallMs !== input.startWallMs) return 0;
	if (previous.metrics.map((m) => m.id).join('\n') !== input.metrics.map((m) => m.id).join('\n'))
		return 0;
	const length = previous.checkpoint.length;
	if (length > input.values.length) return 0;
	for (let day = 0; day < length; day++)
		for (let m = 0; m < input.metrics.length; m++)
			if (!sameValue(previous.values[day]![m], input.values[day]![m])) return 0;
	return length;
}

/**
 * Scores the daily vector with the autoencoder, resuming from the last run's checkpoint when
 * the days before it are unchanged (a new import then scores only the new days, and the result
 * is the same as one run). The checkpoint is held back two days, as for the other series: an
 * export's last day is often partial. Otherwise (the metric set changed, or an older day did)
 * every day is scored again, which refits the network every 7 days from the start.
 */
export async function scoreMultivariate(
	input: MultivariateInput,
	previous: ScoredMultivariate | undefined,
	options: {
		signal?: AbortSignal;
		onProgress?: (fraction: number) => void;
		config?: AutoencoderConfig;
	}
): Promise<{ scored: ScoredMultivariate; newlyScored: number }> {
	const reuse = reusableDays(input, previous);
	const days = input.rows.length;
	const result = await scoreWithAutoencoder(input.rows, options.config, {
		resumeFrom: reuse > 0 ? previous!.checkpoint : undefined,
		checkpointAt: Math.max(reuse, days - HOLD_BACK.day),
		signal: options.signal,
		onProgress: options.onProgress
	});
	const inUnits = (rows: Float64Array[], clampAtZero: boolean) =>
		rows.map((row) =>
			Array.from(row, (value, m) => {
				const metric = input.metrics[m]!;
				const converted = fromDetectorScale(metric, value);
				return clampAtZero && metric.transform === 'log' ? Math.max(0, converted) : converted;
			})
		);
	const fresh = {
		scores: Array.from(result.scores),
		expected: inUnits(result.expected, false),
		lower: inUnits(result.lower, true),
		upper: inUnits(result.upper, false),
		missZ: result.missZ.map((row) => Array.from(row))
	};
	const keep = <T>(old: T[] | undefined, now: T[]): T[] =>
		reuse > 0 ? [...old!.slice(0, reuse), ...now.slice(reuse)] : now;
	return {
		scored: {
			metrics: input.metrics,
			startWallMs: input.startWallMs,
			values: input.values,
			scores: keep(previous?.scores, fresh.scores),
			expected: keep(previous?.expected, fresh.expected),
			lower: keep(previous?.lower, fresh.lower),
			upper: keep(previous?.upper, fresh.upper),
			missZ: keep(previous?.missZ, fresh.missZ),
			checkpoint: result.checkpoint
		},
		newlyScored: days - reuse
	};
}
