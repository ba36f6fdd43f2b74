import type { Overview } from '$lib/pipeline/overview';
import { analyzeWorker } from '$lib/bridge/workers';

/** The overview (KPI tiles + daily series), recomputed in the analysis worker on demand. */
class OverviewManager {
	#overview = $state.raw<Overview | null>(null);
	#isLoading = $state(false);
	#requestId = 0;

	get overview(): Overview | null {
		return this.#overview;
	}
	get isLoading(): boolean {
		return this.#isLoading;
	}

	async refresh(timeZone: string): Promise<void> {
		const requestId = ++this.#requestId;
		this.#isLoading = true;
		const overview = await analyzeWorker().overview(timeZone);
		// A newer request supersedes this one.
		if (requestId !== this.#requestId) return;
		this.#overview = overview;
		this.#isLoading = false;
	}
}

export const overview = new OverviewManager();
