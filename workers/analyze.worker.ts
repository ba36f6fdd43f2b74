/// <reference lib="webworker" />
/**
 * Analysis worker: reads committed data from IndexedDB and computes what the views show.
 * Wiring only; the numbers come from $lib/core/metrics.
 */
import { expose } from 'comlink';
import { openDatabase } from '$lib/db/database';
import { compactOverview, computeOverview, prepareDashboard } from '$lib/pipeline/overview';
import type { TicketFilter } from '$lib/core/table/ticket-filter';
import { ticketCsv, ticketDetail, ticketPage, type TicketQuery } from '$lib/pipeline/ticket-list';
import { computeSourcesSummary, surveyAnswersCsv } from '$lib/pipeline/sources-summary';
import type { ForecastOptions, ForecastProgress } from '$lib/pipeline/forecast';
import type { AlertsProgress } from '$lib/pipeline/alerts';
import type { AlertStateRecord, CustomerVerdictRecord } from '$lib/core/model/records';
import { runRisk, saveCustomerVerdict } from '$lib/pipeline/risk';
import {
	computeAgentScorecard,
	computeExtraBreakdowns,
	trackOverview
} from '$lib/pipeline/agent-views';

const db = openDatabase();
// Loaded on first use: forecasting brings tfjs (megabytes of script) that opening the
// dashboard does not need; the ticket detail and alerts reach it through the forecast module.
const forecasting = () => import('$lib/pipeline/forecast');
const alerting = () => import('$lib/pipeline/alerts');
const tfRuntime = () => import('$lib/ml/tf-runtime');
const ticketContext = () => import('$lib/pipeline/ticket-detail');
let currentForecast: AbortController | null = null;
let currentAlerts: AbortController | null = null;

/** Alerts (cached scores, new points scored); a newer call cancels the running one. */
async function alertsRun(timeZone: string, onProgress?: (progress: AlertsProgress) => void) {
	currentAlerts?.abort();
	const controller = new AbortController();
	currentAlerts = controller;
	try {
		const { runAlerts } = await alerting();
		// The multivariate autoencoder fits on tfjs: wasm when it starts, else cpu.
		const { initTfRuntime } = await tfRuntime();
		await initTfRuntime().catch(() => undefined);
		return await runAlerts(db, { timeZone, signal: controller.signal, onProgress });
	} finally {
		if (currentAlerts === controller) currentAlerts = null;
	}
}

const analyzeApi = {
	/** The dashboard under a filter (default: all tickets), from the in-memory ticket table. */
	overview(timeZone: string, filter?: TicketFilter, shownDailyKey?: string) {
		// The page asks for the extra tables again after every overview request; they wait
		// until no overview has run for a moment (trackOverview).
		return trackOverview(() =>
			computeOverview(db, timeZone, filter).then((overview) =>
				compactOverview(overview, shownDailyKey)
			)
		);
	},
	/** An import's last step: the dashboard's table built and stored as its snapshot. */
	prepareDashboard(timeZone: string) {
		return prepareDashboard(db, timeZone);
	},
	/** Breakdowns by group, tag, priority and customer segment under a filter. */
	extraBreakdowns(timeZone: string, filter: TicketFilter) {
		return computeExtraBreakdowns(db, timeZone, filter);
	},
	/** One agent's scorecard beside the team, under the dashboard's filter. */
	agentScorecard(timeZone: string, filter: TicketFilter, agent: string) {
		return computeAgentScorecard(db, timeZone, filter, agent);
	},
	/** A window of the tickets behind the dashboard (the virtualised ticket list). */
	tickets(query: TicketQuery, offset: number, limit: number) {
		return ticketPage(db, query, offset, limit);
	},
	ticket(key: string) {
		return ticketDetail(db, key);
	},
	/** One ticket with its timings, conversation and customer (the ticket detail). */
	async ticketDetail(key: string, timeZone: string) {
		return (await ticketContext()).ticketDetail(db, key, timeZone);
	},
	/** Every matching ticket with its timings, as CSV. */
	ticketCsv(query: TicketQuery) {
		return ticketCsv(db, query);
	},
	/** Survey CSAT/NPS and order counts over the committed surveys and orders. */
	sourcesSummary() {
		return computeSourcesSummary(db);
	},
	/** The survey answers a survey tile counted or excluded, as CSV ("how is this computed?"). */
	surveyAnswersCsv(
		kpi: Parameters<typeof surveyAnswersCsv>[1],
		part: Parameters<typeof surveyAnswersCsv>[2],
		timeZone: string
	) {
		return surveyAnswersCsv(db, kpi, part, timeZone);
	},
	async runtimeInfo() {
		return (await tfRuntime()).initTfRuntime();
	},
	/** Hourly contact forecast with its backtest; a newer call cancels the running one. */
	async forecast(options: ForecastOptions, onProgress: (progress: ForecastProgress) => void) {
		currentForecast?.abort();
		const controller = new AbortController();
		currentForecast = controller;
		try {
			// The neural candidate trains on tfjs: wasm when it starts, else cpu.
			const [{ runForecast }, { initTfRuntime }] = await Promise.all([forecasting(), tfRuntime()]);
			await initTfRuntime().catch(() => undefined);
			return await runForecast(db, { ...options, signal: controller.signal, onProgress });
		} finally {
			if (currentForecast === controller) currentForecast = null;
		}
	},
	cancelForecast(): void {
		currentForecast?.abort();
	},
	/** The stored forecast for these options when the data has not changed, else null. */
	async cachedForecast(options: ForecastOptions) {
		return (await forecasting()).cachedForecast(db, options);
	},
	alerts(timeZone: string, onProgress: (progress: AlertsProgress) => void) {
		return alertsRun(timeZone, onProgress);
	},
	cancelAlerts(): void {
		currentAlerts?.abort();
	},
	/** Stores an acknowledge / dismiss / note, then regroups (a dismissal raises thresholds). */
	async setAlertState(timeZone: string, record: Omit<AlertStateRecord, 'updatedAtMs'>) {
		await (await alerting()).saveAlertState(db, record);
		return alertsRun(timeZone);
	},
	/** Customers to review (Isolation Forest and rules), verdicts applied. */
	riskyCustomers() {
		return runRisk(db);
	},
	async setCustomerVerdict(customerKey: string, verdict: CustomerVerdictRecord['verdict'] | null) {
		await saveCustomerVerdict(db, customerKey, verdict);
		return runRisk(db);
	}
};

export type AnalyzeApi = typeof analyzeApi;
expose(analyzeApi);
