import type { MetricKind, MetricSeries } from './monitored-series';
import { DAY_MS } from './monitored-series';
import {
	alertIdOf,
	isMaterial,
	raisedThreshold,
	severityOf,
	type SeriesAlert
} from './group-alerts';

/**
 * The daily metrics the multivariate (autoencoder) detector watches together, and how its
 * per-day scores become alerts. Pure: the tfjs model lives in src/lib/ml and is called by the
 * pipeline; this module only chooses the metrics, prepares the rows and groups the scores.
 */

/** Metric id of the autoencoder's alerts: `multivariate:2026-08-17`. */
export const MULTIVARIATE_METRIC = 'multivariate';

/** Fewer metrics than this: nothing for an autoencoder to relate. */
export const MIN_MULTIVARIATE_METRICS = 3;
export const MAX_MULTIVARIATE_METRICS = 12;
/** Days before a first score: 28 days of z-vectors after 4 weeks of weekday history, plus 14 misses. */
export const MIN_MULTIVARIATE_DAYS = 70;

/** One watched metric of the vector (a daily monitored series). */
export interface VectorMetric {
	id: string;
	kind: MetricKind;
	segment: MetricSeries['segment'];
	transform: MetricSeries['transform'];
}

export interface MultivariateInput {
	metrics: VectorMetric[];
	startWallMs: number;
	/** Days × metrics in the metrics' own units (NaN where undefined). */
	values: number[][];
	/** The same on the detector's scale: log1p for counts and durations. */
	rows: number[][];
}

const vectorRank = (series: MetricSeries): number =>
	series.kind === 'volume' ? 0 : series.kind === 'first_response_median' ? 1 : 2;

/**
 * The shop's daily operating vector: volume and first-response median per channel (or for the
 * whole shop when it has one channel), the backlog, the resolution median and the satisfied
 * share, from the monitored series. Tag and complaint series are left out: they are parts of
 * the volume, not separate forces. Null when fewer than three metrics or too few days.
 */
export function multivariateInput(series: readonly MetricSeries[]): MultivariateInput | null {
	const daily = series.filter((s) => s.granularity === 'day');
	const perChannel = daily.filter(
		(s) =>
			s.segment?.dimension === 'channel' &&
			(s.kind === 'volume' || s.kind === 'first_response_median')
	);
	const channelKinds = new Set(perChannel.map((s) => s.kind));
	const chosen = daily
		.filter(
			(s) =>
				perChannel.includes(s) ||
				(s.segment === null &&
					(((s.kind === 'volume' || s.kind === 'first_response_median') &&
						!channelKinds.has(s.kind)) ||
						s.kind === 'backlog' ||
						s.kind === 'resolution_median' ||
						s.kind === 'csat_satisfied_rate'))
		)
		.sort((a, b) => vectorRank(a) - vectorRank(b))
		.slice(0, MAX_MULTIVARIATE_METRICS);
	if (chosen.length < MIN_MULTIVARIATE_METRICS) return null;
	const days = chosen[0]!.values.length;
	if (days < MIN_MULTIVARIATE_DAYS || chosen.some((s) => s.values.length !== days)) return null;
	const values = Array.from({ length: days }, (_, day) => chosen.map((s) => s.values[day]!));
	const rows = values.map((day) =>
		day.map((value, m) => (chosen[m]!.transform === 'log' ? Math.log1p(Math.max(0, value)) : value))
	);
	return {
		metrics: chosen.map(({ id, kind, segment, transform }) => ({ id, kind, segment, transform })),
		startWallMs: chosen[0]!.startWallMs,
		values,
		rows
	};
}

/** Back from the detector's scale to the metric's units. */
export function fromDetectorScale(metric: VectorMetric, value: number): number {
	return metric.transform === 'log' ? Math.expm1(value) : value;
}

/** Per day the autoencoder's outputs, in the metrics' units (see src/lib/ml/autoencoder-detector). */
export interface MultivariateScores {
	metrics: VectorMetric[];
	startWallMs: number;
	values: number[][];
	scores: number[];
	expected: number[][];
	lower: number[][];
	upper: number[][];
	/** Signed robust z of each metric's reconstruction miss (NaN when not judged). */
	missZ: number[][];
}

/** One metric's part in a multivariate alert. */
export interface MetricDriver {
	id: string;
	kind: MetricKind;
	segment: MetricSeries['segment'];
	/** Over the alert's days: the sum for counts, the mean otherwise. */
	observed: number;
	/** What the network expected given the other metrics, aggregated the same way. */
	expected: number;
	/** Share of the alert's squared misses (robust z²) that falls on this metric; all sum to 1. */
	share: number;
	/** The metric's largest |robust z| of a miss on the alert's days, signed. */
	peakZ: number;
}

export interface MultivariateAlert extends SeriesAlert {
	/** Metrics by their share of the reconstruction miss, largest first (at most 4, ≥ 10% each). */
	drivers: MetricDriver[];
}

const isCount = (kind: MetricKind) => kind === 'volume' || kind === 'complaints';
const MERGE_GAP_DAYS = 3;
const MAX_DRIVERS = 4;
const MIN_DRIVER_SHARE = 0.1;

/** The metric with the largest |miss z| on a day, or −1. */
function worstOf(scores: MultivariateScores, day: number): number {
	let worst = -1;
	let largest = 0;
	scores.missZ[day]!.forEach((z, m) => {
		if (Number.isFinite(z) && Math.abs(z) > largest) {
			largest = Math.abs(z);
			worst = m;
		}
	});
	return worst;
}

/**
 * Days whose autoencoder score reaches the threshold, and whose worst-missed metric moved by a
 * material amount (the same bar as the per-metric alerts), grouped with gaps up to 3 days into
 * alerts. The alert reads as its leading driver (the metric with the largest share of the
 * squared misses over its days): kind, segment, direction, observed and expected are that
 * metric's, so the Alerts page explains it like the others. Dismissals raise the threshold of
 * later multivariate alerts as they do per metric.
 */
export function groupMultivariateAlerts(
	scores: MultivariateScores,
	dismissedIds: ReadonlySet<string> = new Set()
): MultivariateAlert[] {
	const alerts: MultivariateAlert[] = [];
	let dismissed = 0;
	let open: { start: number; end: number; days: number[]; threshold: number } | null = null;
	const close = () => {
		if (!open) return;
		const alert = alertOf(scores, open.days, open.threshold);
		if (alert) {
			alerts.push(alert);
			if (dismissedIds.has(alert.id)) dismissed++;
		}
		open = null;
	};
	for (let day = 0; day < scores.scores.length; day++) {
		if (open && day - open.end > MERGE_GAP_DAYS) close();
		const threshold: number = open ? open.threshold : raisedThreshold(dismissed);
		if (!(scores.scores[day]! >= threshold)) continue;
		const worst = worstOf(scores, day);
		if (worst < 0) continue;
		const metric = scores.metrics[worst]!;
		if (!isMaterial(metric.kind, scores.values[day]![worst]!, scores.expected[day]![worst]!))
			continue;
		if (open) {
			open.end = day;
			open.days.push(day);
		} else open = { start: day, end: day, days: [day], threshold };
	}
	close();
	return alerts;
}

function alertOf(
	scores: MultivariateScores,
	days: number[],
	threshold: number
): MultivariateAlert | null {
	const drivers: MetricDriver[] = scores.metrics.map((metric, m) => {
		let squared = 0;
		let peakZ = 0;
		let observed = 0;
		let expected = 0;
		let counted = 0;
		for (const day of days) {
			const z = scores.missZ[day]![m]!;
			if (!Number.isFinite(z)) continue;
			squared += z * z;
			if (Math.abs(z) > Math.abs(peakZ)) peakZ = z;
			const value = scores.values[day]![m]!;
			const expectation = scores.expected[day]![m]!;
			if (!Number.isFinite(value) || !Number.isFinite(expectation)) continue;
			observed += value;
			expected += expectation;
			counted++;
		}
		const divide = isCount(metric.kind) ? 1 : Math.max(1, counted);
		return {
			id: metric.id,
			kind: metric.kind,
			segment: metric.segment,
			observed: observed / divide,
			expected: expected / divide,
			share: squared,
			peakZ
		};
	});
	const total = drivers.reduce((sum, driver) => sum + driver.share, 0);
	if (!(total > 0)) return null;
	for (const driver of drivers) driver.share /= total;
	drivers.sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : 1));
	const lead = drivers[0]!;
	const start = days[0]!;
	const end = days[days.length - 1]!;
	const peakScore = Math.max(...days.map((day) => scores.scores[day]!));
	const startWallMs = scores.startWallMs + start * DAY_MS;
	return {
		id: alertIdOf(MULTIVARIATE_METRIC, 'day', startWallMs),
		metric: MULTIVARIATE_METRIC,
		kind: lead.kind,
		segment: lead.segment,
		granularity: 'day',
		startWallMs,
		endWallMs: scores.startWallMs + end * DAY_MS,
		startIndex: start,
		endIndex: end,
		severity: severityOf(peakScore),
		peakScore,
		direction: lead.peakZ >= 0 ? 'up' : 'down',
		observed: lead.observed,
		expected: lead.expected,
		threshold,
		drivers: drivers
			.filter((driver, rank) => rank === 0 || driver.share >= MIN_DRIVER_SHARE)
			.slice(0, MAX_DRIVERS)
	};
}
