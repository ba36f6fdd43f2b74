import type { SourcesSummary } from '$lib/core/metrics/sources-summary';
import { analyzeWorker } from '$lib/bridge/workers';

/** Survey and order figures, recomputed in the analysis worker when the data changes. */
class SourcesSummaryManager {
	#summary = $state.raw<SourcesSummary | null>(null);
	#request = 0;

	get summary(): SourcesSummary | null {
		return this.#summary;
	}

	async refresh(): Promise<void> {
		const request = ++this.#request;
		const summary = await analyzeWorker()
			.sourcesSummary()
			.catch(() => null);
		// A newer refresh may have finished first.
		if (request === this.#request) this.#summary = summary;
	}
}

export const sourcesSummary = new SourcesSummaryManager();
