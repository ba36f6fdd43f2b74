import type { AlertStateRecord } from '$lib/core/model/records';
import { monitoredSeries, stepMsOf, DAY_MS } from '$lib/core/alerts/monitored-series';
import { scoreMonitoredSeries, type ScoredSeries } from '$lib/core/alerts/score-series';
import { groupAlerts, type SeriesAlert } from '$lib/core/alerts/group-alerts';
import { groupIncidents, type Incident } from '$lib/core/alerts/incidents';
import {
	groupMultivariateAlerts,
	multivariateInput,
	type MetricDriver
} from '$lib/core/alerts/multivariate';
import { scoreMultivariate, type ScoredMultivariate } from './multivariate-alerts';
import { loadTicketProducts } from './ticket-products';
import { loadFirstMessageSentiment } from './first-message-sentiment';
import { negativeTickets } from '$lib/core/text/ticket-sentiment';
import {
	contributionBreakdown,
	ticketWallTimes,
	type ContributionBreakdown
} from '$lib/core/alerts/contributions';
import type { ServiceLensDb } from '$lib/db/database';
import { loadCommittedTickets } from '$lib/db/repositories/tickets';
import { forecastDataVersion } from './forecast';
import { fail, ok, type Result } from './result';

export interface AlertChart {
	/** Wall-clock ms of the first point; one point per `stepMs`. */
	startWallMs: number;
	stepMs: number;
	observed: number[];
	expected: number[];
	lower: number[];
	upper: number[];
}

export interface AlertView extends SeriesAlert {
	/** `series`: one metric's own detector; `autoencoder`: the daily metrics judged together. */
	detector: 'series' | 'autoencoder';
	/** Autoencoder alerts: the metrics that drove the reconstruction miss (else empty). */
	drivers: MetricDriver[];
	state: AlertStateRecord['state'];
	note: string;
	causes: ContributionBreakdown;
	chart: AlertChart;
}

/** An incident as the page gets it: its members by id (the alerts are in `alerts`). */
export interface IncidentView extends Omit<Incident, 'members'> {
	/** Member alert ids, the lead first. */
	alertIds: string[];
}

export interface AlertsResult {
	timeZone: string;
	alerts: AlertView[];
	/** Alerts on related series overlapping in time, grouped; every alert is in exactly one. */
	incidents: IncidentView[];
	/** Series watched, and points scored in this run (0 when every series came from the cache). */
	seriesCount: number;
	pointsScored: number;
	/**
	 * The autoencoder over the daily metric vector: metrics watched (0 when the shop has too
	 * few metrics or days), days scored in this run, and why it could not run (else null).
	 */
	multivariate: { metrics: number; daysScored: number; error: string | null };
	/**
	 * Products as a cause (order lines imported): tickets with a customer, and how many of them
	 * were linked to an order in the 30 days before; null without order lines.
	 */
	productLink: { withCustomer: number; linked: number } | null;
	computedAtMs: number;
}

export interface AlertsProgress {
	fraction: number;
}

// 2: the hourly ensemble's members changed (spread statistic): old detector states cannot resume.
// 3: the ensemble gained a first-difference member (different scores, new state fields).
// 4: the autoencoder's scores over the daily metric vector are cached beside the series (a v3
// entry has none, and would show no multivariate alert until the data changed).
const CACHE_VERSION = 4;
export const alertsCacheKey = (timeZone: string) => `alerts:v${CACHE_VERSION}:${timeZone}`;

interface CachedScores {
	series: ScoredSeries[];
	multivariate?: ScoredMultivariate | null;
}

/** Points of context drawn before and after an alert: four weeks of days, a week of hours. */
const CHART_CONTEXT = { day: { before: 28, after: 7 }, hour: { before: 168, after: 48 } } as const;

/**
 * Scores every monitored series, reusing the cached scores of the last run: when the data
 * version is unchanged nothing is scored; after a new import each series resumes from its
 * checkpoint (see score-series.ts), so only new points are scored. Then groups the scores
 * into alerts under the merchant's feedback and explains each one.
 */
export async function runAlerts(
	db: ServiceLensDb,
	options: { timeZone: string; signal?: AbortSignal; onProgress?: (p: AlertsProgress) => void }
): Promise<Result<AlertsResult>> {
	const { timeZone, signal, onProgress } = options;
	try {
		const dataVersion = await forecastDataVersion(db);
		const key = alertsCacheKey(timeZone);
		const cached = await db.results.get(key);
		const cachedValue = cached?.value as CachedScores | undefined;
		const previous = cachedValue?.series ?? [];
		const tickets = await loadCommittedTickets(db);
		signal?.throwIfAborted();
		// Sentiment reads the first customer message too where messages are imported.
		const firstMessages = await loadFirstMessageSentiment(db, tickets);
		const negative = firstMessages ? negativeTickets(tickets, firstMessages) : undefined;
		let scored: ScoredSeries[];
		let multivariate: ScoredMultivariate | null = null;
		let multivariateError: string | null = null;
		let pointsScored = 0;
		let daysScored = 0;
		if (cached && cached.dataVersion === dataVersion) {
			scored = previous.map((series) => ({ ...series, newlyScored: 0 }));
			multivariate = cachedValue?.multivariate ?? null;
		} else {
			const byId = new Map(previous.map((series) => [series.id, series]));
			const all = monitoredSeries(tickets, timeZone, negative);
			scored = [];
			// Progress: the series take the first half, the autoencoder the rest.
			for (const [index, series] of all.entries()) {
				signal?.throwIfAborted();
				const result = scoreMonitoredSeries(series, byId.get(series.id));
				pointsScored += result.newlyScored;
				scored.push(result);
				onProgress?.({ fraction: (0.5 * (index + 1)) / all.length });
				if (index % 8 === 7) await new Promise((resolve) => setTimeout(resolve, 0));
			}
			const input = multivariateInput(all);
			if (input) {
				try {
					const run = await scoreMultivariate(input, cachedValue?.multivariate ?? undefined, {
						signal,
						onProgress: (fraction) => onProgress?.({ fraction: 0.5 + 0.45 * fraction })
					});
					multivariate = run.scored;
					daysScored = run.newlyScored;
				} catch (error) {
					if (signal?.aborted) throw error;
					// The per-metric alerts stand on their own: the page says why this part is missing.
					multivariateError = error instanceof Error ? error.message : String(error);
				}
			}
			await db.results.put({
				key,
				dataVersion,
				computedAtMs: Date.now(),
				value: { series: scored, multivariate } satisfies CachedScores
			});
		}
		const states = new Map(
			(await db.alertStates.toArray()).map((record) => [record.alertId, record])
		);
		const dismissed = new Set(
			[...states.values()].filter((record) => record.state === 'dismissed').map((r) => r.alertId)
		);
		const times = ticketWallTimes(tickets, timeZone);
		const linked = await loadTicketProducts(db, tickets);
		const products = linked?.products;
		/** An alert's likely causes and chart, read against the series it was raised on. */
		const explained = (alert: SeriesAlert, series: ChartedSeries) => ({
			causes: contributionBreakdown(
				tickets,
				times,
				{
					...alert,
					// The backlog is read at the window's end: its expectation there.
					expectedEvents: alert.kind === 'backlog' ? series.expected[alert.endIndex] : undefined,
					// "Slower than usual" against the ticket's own day's expectation.
					expectedAt: (wallMs: number) =>
						series.expected[Math.floor((wallMs - series.startWallMs) / stepMsOf(series))] ?? NaN
				},
				{ products, negative }
			),
			chart: chartOf(series, alert)
		});
		const alerts: AlertView[] = [];
		for (const series of scored) {
			for (const alert of groupAlerts(series, dismissed)) {
				signal?.throwIfAborted();
				const state = states.get(alert.id);
				alerts.push({
					...alert,
					detector: 'series',
					drivers: [],
					state: state?.state ?? 'open',
					note: state?.note ?? '',
					...explained(alert, series)
				});
			}
		}
		if (multivariate) {
			for (const alert of groupMultivariateAlerts(multivariate, dismissed)) {
				signal?.throwIfAborted();
				const state = states.get(alert.id);
				// The alert reads as its leading driver: that metric's values and the network's
				// expectation for it (given the other metrics) on the chart and in the causes.
				const driver = driverSeries(multivariate, alert.drivers[0]!.id);
				alerts.push({
					...alert,
					detector: 'autoencoder',
					state: state?.state ?? 'open',
					note: state?.note ?? '',
					...explained(alert, driver)
				});
			}
		}
		alerts.sort(compareAlerts);
		const incidents = groupIncidents(alerts, compareAlerts).map(
			({ members, ...incident }): IncidentView => ({
				...incident,
				alertIds: members.map((member) => member.id)
			})
		);
		onProgress?.({ fraction: 1 });
		return ok({
			timeZone,
			alerts,
			incidents,
			seriesCount: scored.length,
			pointsScored,
			multivariate: {
				metrics: multivariate?.metrics.length ?? 0,
				daysScored,
				error: multivariateError
			},
			productLink: linked ? { withCustomer: linked.withCustomer, linked: linked.linked } : null,
			computedAtMs: Date.now()
		});
	} catch (error) {
		if (signal?.aborted) return fail('cancelled', 'Alerts cancelled.');
		return fail('internal', error instanceof Error ? error.message : String(error));
	}
}

const SEVERITY_RANK = { high: 2, medium: 1, low: 0 } as const;

/** The most severe first, then the newest (by start day), then the whole-shop series first. */
export function compareAlerts(a: SeriesAlert, b: SeriesAlert): number {
	const dayA = Math.floor(a.startWallMs / DAY_MS);
	const dayB = Math.floor(b.startWallMs / DAY_MS);
	return (
		SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
		dayB - dayA ||
		Number(a.segment !== null) - Number(b.segment !== null) ||
		b.peakScore - a.peakScore ||
		(a.id < b.id ? -1 : 1)
	);
}

/** What an alert's chart and causes read: a series' values and expectation over time. */
type ChartedSeries = Pick<
	ScoredSeries,
	'granularity' | 'startWallMs' | 'values' | 'expected' | 'lower' | 'upper'
>;

/** One metric of the autoencoder's vector as a chartable series (the network's expectation). */
function driverSeries(scores: ScoredMultivariate, metricId: string): ChartedSeries {
	const m = scores.metrics.findIndex((metric) => metric.id === metricId);
	return {
		granularity: 'day',
		startWallMs: scores.startWallMs,
		values: scores.values.map((day) => day[m]!),
		expected: scores.expected.map((day) => day[m]!),
		lower: scores.lower.map((day) => day[m]!),
		upper: scores.upper.map((day) => day[m]!)
	};
}

function chartOf(series: ChartedSeries, alert: SeriesAlert): AlertChart {
	const context = CHART_CONTEXT[series.granularity];
	const from = Math.max(0, alert.startIndex - context.before);
	const to = Math.min(series.values.length, alert.endIndex + 1 + context.after);
	const stepMs = stepMsOf(series);
	return {
		startWallMs: series.startWallMs + from * stepMs,
		stepMs,
		observed: series.values.slice(from, to),
		expected: series.expected.slice(from, to),
		lower: series.lower.slice(from, to),
		upper: series.upper.slice(from, to)
	};
}

/** Stores the merchant's decision on an alert (acknowledge, dismiss, note). */
export async function saveAlertState(
	db: ServiceLensDb,
	record: Omit<AlertStateRecord, 'updatedAtMs'>
): Promise<void> {
	await db.alertStates.put({ ...record, updatedAtMs: Date.now() });
}
