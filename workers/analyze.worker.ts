/// <reference lib="webworker" />
/**
 * Analysis worker: reads committed data from IndexedDB and computes what the views show.
 * Wiring only; the numbers come from $lib/core/metrics.
 */
import { expose } from 'comlink';
import { openDatabase } from '$lib/db/database';
import { computeOverview } from '$lib/pipeline/overview';
import { initTfRuntime } from '$lib/ml/tf-runtime';
import { computeSourcesSummary } from '$lib/pipeline/sources-summary';
import {
	cachedForecast,
	runForecast,
	type ForecastOptions,
	type ForecastProgress
} from '$lib/pipeline/forecast';

const db = openDatabase();
let currentForecast: AbortController | null = null;

const analyzeApi = {
	overview(timeZone: string) {
		return computeOverview(db, timeZone);
	},
	/** Survey CSAT/NPS and order counts over the committed surveys and orders. */
	sourcesSummary() {
		return computeSourcesSummary(db);
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
