import { ALERT_SCORE } from '../anomaly/types';
import type { MetricKind, MetricSeries } from './monitored-series';
import { stepMsOf } from './monitored-series';
import type { ScoredSeries } from './score-series';

export type Severity = 'low' | 'medium' | 'high';

export interface SeriesAlert {
	/** `${metric}:${start}`: start day (YYYY-MM-DD) or hour (YYYY-MM-DDTHH); survives recomputation. */
	id: string;
	metric: string;
	kind: MetricKind;
	segment: MetricSeries['segment'];
	granularity: MetricSeries['granularity'];
	/** Wall-clock ms of the first and last anomalous points (the last one's start). */
	startWallMs: number;
	endWallMs: number;
	/** Index of the first and last points in the series. */
	startIndex: number;
	endIndex: number;
	severity: Severity;
	peakScore: number;
	direction: 'up' | 'down';
	/**
	 * Over the alert's points: the sum for counts (volume, complaints), the mean otherwise
	 * (medians in seconds, satisfied share, backlog).
	 */
	observed: number;
	expected: number;
	/** The score a point needed to count (ALERT_SCORE, raised by dismissals). */
	threshold: number;
}

/**
 * Feedback from dismissals ("not an issue"): each dismissed alert of a metric halves the
 * distance between that metric's threshold and 1 for its later points: 0.85 → 0.925 →
 * 0.9625 … (for the daily detector: robust z 4 → 5.5 → 6.9). The dismissed alert itself
 * keeps the threshold it was found with, so it stays listed as dismissed.
 */
export function raisedThreshold(dismissedBefore: number): number {
	return 1 - (1 - ALERT_SCORE) * 0.5 ** dismissedBefore;
}

/**
 * The smallest change worth a merchant's attention, per metric kind: statistically unusual
 * but tiny moves (1 → 2 minutes in a chat reply, 0 → 3 tickets on a quiet tag) are not alerts.
 * Counts: 5 tickets and 30% of the expectation; durations: 2 minutes and 50%; satisfied
 * share: 10 points; negative share: 5 points and 50%; backlog: 5 tickets and 20%.
 */
export function isMaterial(kind: MetricKind, observed: number, expected: number): boolean {
	const change = Math.abs(observed - expected);
	const base = Math.abs(expected);
	switch (kind) {
		case 'volume':
		case 'complaints':
			return change >= Math.max(5, 0.3 * base);
		case 'first_response_median':
		case 'resolution_median':
			return change >= Math.max(120, 0.5 * base);
		case 'csat_satisfied_rate':
			return change >= 0.1;
		case 'negative_share':
			return change >= Math.max(0.05, 0.5 * base);
		case 'backlog':
			return change >= Math.max(5, 0.2 * base);
	}
}

/** Anomalous points at most this far apart belong to one alert (a weekend inside a slump). */
const MERGE_GAP = { day: 3, hour: 6 } as const;

export function severityOf(peakScore: number): Severity {
	return peakScore >= 0.95 ? 'high' : peakScore >= 0.9 ? 'medium' : 'low';
}

const isCount = (kind: MetricKind) => kind === 'volume' || kind === 'complaints';

export function alertIdOf(
	metric: string,
	granularity: 'day' | 'hour',
	startWallMs: number
): string {
	const iso = new Date(startWallMs).toISOString();
	return `${metric}:${granularity === 'day' ? iso.slice(0, 10) : iso.slice(0, 13)}`;
}

/**
 * Groups consecutive anomalous points (score ≥ threshold, same direction, gaps up to
 * MERGE_GAP) into alerts with their observed and expected values.
 */
export function groupAlerts(
	series: ScoredSeries,
	dismissedIds: ReadonlySet<string> = new Set()
): SeriesAlert[] {
	let dismissed = 0;
	const step = stepMsOf(series);
	const alerts: SeriesAlert[] = [];
	let open: { start: number; end: number; direction: 'up' | 'down'; threshold: number } | null =
		null;
	const close = () => {
		if (!open) return;
		const { start, end, direction, threshold } = open;
		let observed = 0;
		let expected = 0;
		let counted = 0;
		let peak = 0;
		for (let index = start; index <= end; index++) {
			peak = Math.max(peak, series.scores[index]!);
			const value = series.values[index]!;
			const expectation = series.expected[index]!;
			if (!Number.isFinite(value) || !Number.isFinite(expectation)) continue;
			observed += value;
			expected += expectation;
			counted++;
		}
		const divide = isCount(series.kind) ? 1 : Math.max(1, counted);
		const startWallMs = series.startWallMs + start * step;
		alerts.push({
			id: alertIdOf(series.id, series.granularity, startWallMs),
			metric: series.id,
			kind: series.kind,
			segment: series.segment,
			granularity: series.granularity,
			startWallMs,
			endWallMs: series.startWallMs + end * step,
			startIndex: start,
			endIndex: end,
			severity: severityOf(peak),
			peakScore: peak,
			direction,
			observed: observed / divide,
			expected: expected / divide,
			threshold
		});
		if (dismissedIds.has(alerts[alerts.length - 1]!.id)) dismissed++;
		open = null;
	};
	for (let index = 0; index < series.values.length; index++) {
		if (open && index - open.end > MERGE_GAP[series.granularity]) close();
		const threshold: number = open ? open.threshold : raisedThreshold(dismissed);
		const score = series.scores[index]!;
		const value = series.values[index]!;
		const expectation = series.expected[index]!;
		if (!(score >= threshold) || !Number.isFinite(expectation)) continue;
		if (!isMaterial(series.kind, value, expectation)) continue;
		const direction = value >= expectation ? 'up' : 'down';
		if (open && open.direction !== direction) close();
		if (open) open.end = index;
		else open = { start: index, end: index, direction, threshold };
	}
	close();
	return alerts;
}
