import type { Overview } from '$lib/pipeline/overview';
import { analyzeWorker } from '$lib/bridge/workers';
import { emptyFilter, type TicketFilter } from '$lib/core/table/ticket-filter';
import { writeFilterQuery } from '$lib/core/table/filter-query';

/** The dashboard under the current filter, recomputed in the analysis worker on demand. */
class OverviewManager {
	#overview = $state.raw<Overview | null>(null);
	#isLoading = $state(false);
	#error = $state<string | null>(null);
	#roundTripMs = $state<number | null>(null);
	#shownQuery = $state('');
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
	/** Page → worker → page time of the last answer (what the speed benchmark reads). */
	get roundTripMs(): number | null {
		return this.#roundTripMs;
	}
	/** The filter of the overview on screen, as its query string. */
	get shownQuery(): string {
		return this.#shownQuery;
	}

	async refresh(timeZone: string, filter: TicketFilter = emptyFilter()): Promise<void> {
		const requestId = ++this.#requestId;
		this.#isLoading = true;
		const started = performance.now();
		try {
			// $state proxies cannot be cloned to the worker: send a plain copy.
			const plain = JSON.parse(JSON.stringify(filter)) as TicketFilter;
			const overview = await analyzeWorker().overview(timeZone, plain);
			// A newer request supersedes this one.
			if (requestId !== this.#requestId) return;
			this.#overview = overview;
			this.#roundTripMs = performance.now() - started;
			this.#shownQuery = writeFilterQuery(plain).toString();
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
