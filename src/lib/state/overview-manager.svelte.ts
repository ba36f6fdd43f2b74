import type { Overview } from '$lib/pipeline/overview';
import { analyzeWorker } from '$lib/bridge/workers';

/** The overview (KPI tiles + daily series), recomputed in the analysis worker on demand. */
class OverviewManager {
	#overview = $state.raw<Overview | null>(null);
	#isLoading = $state(false);
	#error = $state<string | null>(null);
	#requestId = 0;

	get overview(): Overview | null {
		return this.#overview;
	}
	get isLoading(): boolean {
		return this.#isLoading;
	}
	/** Why the last computation failed (e.g. storage unavailable in a private window). */
	get error(): string | null {
		return this.#error;
	}

	async refresh(timeZone: string): Promise<void> {
		const requestId = ++this.#requestId;
		this.#isLoading = true;
		try {
			const overview = await analyzeWorker().overview(timeZone);
			// A newer request supersedes this one.
			if (requestId !== this.#requestId) return;
			this.#overview = overview;
			this.#error = null;
		} catch (error) {
			if (requestId !== this.#requestId) return;
			this.#error = error instanceof Error ? error.message : String(error);
		} finally {
			if (requestId === this.#requestId) this.#isLoading = false;
		}
	}
}

export const overview = new OverviewManager();
