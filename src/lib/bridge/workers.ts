import { wrap, type Remote } from 'comlink';
import type { AnalyzeApi } from '../../../workers/analyze.worker';
import type { IngestApi } from '../../../workers/ingest.worker';

/**
 * The main-thread side of the workers: one lazily started instance of each. The worker
 * type comes from the implementation (`typeof api`), so the message shapes exist once.
 */
let ingest: Remote<IngestApi> | null = null;
let analyze: Remote<AnalyzeApi> | null = null;

export function ingestWorker(): Remote<IngestApi> {
	ingest ??= wrap<IngestApi>(
		new Worker(new URL('../../../workers/ingest.worker.ts', import.meta.url), {
			type: 'module',
			name: 'ingest'
		})
	);
	return ingest;
}

export function analyzeWorker(): Remote<AnalyzeApi> {
	analyze ??= wrap<AnalyzeApi>(
		new Worker(new URL('../../../workers/analyze.worker.ts', import.meta.url), {
			type: 'module',
			name: 'analyze'
		})
	);
	return analyze;
}
