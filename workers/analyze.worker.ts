/// <reference lib="webworker" />
/**
 * Analysis worker: reads committed data from IndexedDB and computes what the views show.
 * Wiring only; the numbers come from $lib/core/metrics.
 */
import { expose } from 'comlink';
import { openDatabase } from '$lib/db/database';
import { computeOverview } from '$lib/pipeline/overview';
import type { TicketFilter } from '$lib/core/table/ticket-filter';
import { ticketCsv, ticketDetail, ticketPage, type TicketQuery } from '$lib/pipeline/ticket-list';
import { initTfRuntime } from '$lib/ml/tf-runtime';
import {
	cachedForecast,
	runForecast,
	type ForecastOptions,
	type ForecastProgress
} from '$lib/pipeline/forecast';

const db = openDatabase();
let currentForecast: AbortController | null = null;

const analyzeApi = {
	/** The dashboard under a filter (default: all tickets), from the in-memory ticket table. */
	overview(timeZone: string, filter?: TicketFilter) {
		return computeOverview(db, timeZone, filter);
	},
	/** A window of the tickets behind the dashboard (the virtualised ticket list). */
	tickets(query: TicketQuery, offset: number, limit: number) {
		return ticketPage(db, query, offset, limit);
	},
	ticket(key: string) {
		return ticketDetail(db, key);
	},
	/** Every matching ticket with its timings, as CSV. */
	ticketCsv(query: TicketQuery) {
		return ticketCsv(db, query);
	},
	runtimeInfo() {
		return initTfRuntime();
	},
	/** Hourly contact forecast with its backtest; a newer call cancels the running one. */
	async forecast(options: ForecastOptions, onProgress: (progress: ForecastProgress) => void) {
		currentForecast?.abort();
		const controller = new AbortController();
		currentForecast = controller;
		try {
			return await runForecast(db, { ...options, signal: controller.signal, onProgress });
		} finally {
			if (currentForecast === controller) currentForecast = null;
		}
	},
	cancelForecast(): void {
		currentForecast?.abort();
	},
	/** The stored forecast for these options when the data has not changed, else null. */
	cachedForecast(options: ForecastOptions) {
		return cachedForecast(db, options);
	}
};

export type AnalyzeApi = typeof analyzeApi;
expose(analyzeApi);
