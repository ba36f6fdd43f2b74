import type { Overview, OverviewAnswer } from '$lib/pipeline/overview';
import { analyzeWorker } from '$lib/bridge/workers';
import { emptyFilter, type TicketFilter } from '$lib/core/table/ticket-filter';
import { writeFilterQuery } from '$lib/core/table/filter-query';

/**
 * The answer with what it shares with the overview on screen taken from that overview: the
 * daily series and backlog the worker left out (same dailyKey), and equal facets. The same
 * objects mean the charts and the filter lists see no change and are not drawn again.
 */
function withShownParts(answer: OverviewAnswer, shown: Overview | null): Overview | null {
	const sameSeries = shown !== null && shown.dailyKey === answer.dailyKey;
	const daily = answer.daily ?? (sameSeries ? shown.daily : null);
	const backlog = answer.backlog ?? (sameSeries ? shown.backlog : null);
	if (daily === null || backlog === null) return null;
	const facets =
		shown !== null && JSON.stringify(shown.facets) === JSON.stringify(answer.facets)
			? shown.facets
			: answer.facets;
	return { ...answer, daily, backlog, facets };
}

/** The dashboard under the current filter, recomputed in the analysis worker on demand. */
class OverviewManager {
	#overview = $state.raw<Overview | null>(null);
	#isLoading = $state(false);
	#error = $state<string | null>(null);
	#roundTripMs = $state<number | null>(null);
	#workerMs = $state<number | null>(null);
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
	/** Worker time of the last answer's request (the rest of the round trip: queue, messages). */
	get workerMs(): number | null {
		return this.#workerMs;
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
			const shown = this.#overview;
			const answer = await analyzeWorker().overview(timeZone, plain, shown?.dailyKey);
			// A newer request supersedes this one.
			if (requestId !== this.#requestId) return;
			let shownAnswer = answer;
			let overview = withShownParts(answer, this.#overview);
			if (overview === null) {
				// The series left out are no longer on screen: ask again with them.
				shownAnswer = await analyzeWorker().overview(timeZone, plain);
				overview = withShownParts(shownAnswer, null) as Overview;
			}
			if (requestId !== this.#requestId) return;
			this.#overview = overview;
			this.#roundTripMs = performance.now() - started;
			this.#workerMs = shownAnswer.answerMs ?? null;
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
