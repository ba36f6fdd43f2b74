/// <reference lib="webworker" />
/**
 * Analysis worker: reads committed data from IndexedDB and computes what the views show.
 * Wiring only; the numbers come from $lib/core/metrics.
 */
import { expose } from 'comlink';
import { openDatabase } from '$lib/db/database';
import { computeOverview } from '$lib/pipeline/overview';
import { initTfRuntime } from '$lib/ml/tf-runtime';

const db = openDatabase();

const analyzeApi = {
	overview(timeZone: string) {
		return computeOverview(db, timeZone);
	},
	runtimeInfo() {
		return initTfRuntime();
	}
};

export type AnalyzeApi = typeof analyzeApi;
expose(analyzeApi);
