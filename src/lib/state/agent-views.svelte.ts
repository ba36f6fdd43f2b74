import { analyzeWorker } from '$lib/bridge/workers';
import type { TicketFilter } from '$lib/core/table/ticket-filter';
import type { AgentScorecard, ExtraBreakdowns } from '$lib/pipeline/agent-views';

/** A worker answer kept for the view; a newer request supersedes an older one. */
class LatestAnswer<T> {
	#value = $state.raw<T | null>(null);
	#error = $state<string | null>(null);
	#isLoading = $state(false);
	#requestId = 0;

	get value(): T | null {
		return this.#value;
	}
	get error(): string | null {
		return this.#error;
	}
	get isLoading(): boolean {
		return this.#isLoading;
	}

	/** `onShown` runs with the answer as it replaces the shown one (same update). */
	async load(compute: () => Promise<T>, onShown?: () => void): Promise<void> {
		const requestId = ++this.#requestId;
		this.#isLoading = true;
		try {
			const value = await compute();
			if (requestId !== this.#requestId) return;
			onShown?.();
			this.#value = value;
			this.#error = null;
		} catch (error) {
			if (requestId !== this.#requestId) return;
			// The worker stopped it for a newer request of the page, which follows.
			if (error instanceof Error && error.name === 'SupersededError') return;
			this.#error = error instanceof Error ? error.message : String(error);
		} finally {
			if (requestId === this.#requestId) this.#isLoading = false;
		}
	}
}

// $state proxies cannot be cloned to the worker: send a plain copy.
const plain = (filter: TicketFilter): TicketFilter =>
	JSON.parse(JSON.stringify(filter)) as TicketFilter;

/** How long the filter must rest before the extra breakdowns are asked for. */
const SETTLE_MS = 250;

class ExtraBreakdownsManager extends LatestAnswer<ExtraBreakdowns> {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#filter = $state.raw<TicketFilter | null>(null);

	/** The filter of the tables on screen: their rows lead to the tickets behind their numbers. */
	get filter(): TicketFilter | null {
		return this.#filter;
	}

	/**
	 * Asks once the filter has rested: the analysis worker answers one call at a time, so
	 * brushing the date range must not queue these four tables ahead of the tiles.
	 */
	refresh(timeZone: string, filter: TicketFilter): void {
		clearTimeout(this.#timer);
		const request = plain(filter);
		this.#timer = setTimeout(
			() =>
				void this.load(
					() => analyzeWorker().extraBreakdowns(timeZone, request),
					() => (this.#filter = request)
				),
			SETTLE_MS
		);
	}
}

class ScorecardManager extends LatestAnswer<AgentScorecard> {
	refresh(timeZone: string, filter: TicketFilter, agent: string): Promise<void> {
		return this.load(() => analyzeWorker().agentScorecard(timeZone, plain(filter), agent));
	}
}

/** Group, tag, priority and segment breakdowns under the dashboard's filter. */
export const extraBreakdowns = new ExtraBreakdownsManager();
/** The scorecard page's agent beside the team. */
export const scorecard = new ScorecardManager();
