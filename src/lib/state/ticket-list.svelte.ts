import { SvelteMap } from 'svelte/reactivity';
import { analyzeWorker } from '$lib/bridge/workers';
import type { TicketQuery } from '$lib/pipeline/ticket-list';
import type { TicketView } from '$lib/core/table/ticket-export';

/** Rows fetched per request; the list asks for the pages its visible window touches. */
export const TICKET_PAGE_SIZE = 200;

/**
 * The ticket list behind the dashboard: the total for the current query and the rows fetched
 * so far, page by page, from the analysis worker (which keeps the ordered selection).
 */
class TicketListManager {
	#total = $state<number | null>(null);
	#error = $state<string | null>(null);
	#pages = new SvelteMap<number, TicketView[]>();
	#pending = new Set<number>();
	#queryKey = '';
	#query: TicketQuery | null = null;
	#generation = 0;

	get total(): number | null {
		return this.#total;
	}
	get error(): string | null {
		return this.#error;
	}
	get queryKey(): string {
		return this.#queryKey;
	}

	/**
	 * Switches to a new query (no-op when unchanged unless `force`, e.g. after the data
	 * changed): forgets the rows and fetches the first page.
	 */
	async setQuery(query: TicketQuery, force = false): Promise<void> {
		const key = JSON.stringify(query);
		if (key === this.#queryKey && !force) return;
		this.#queryKey = key;
		this.#query = JSON.parse(key) as TicketQuery;
		this.#generation++;
		this.#pages.clear();
		this.#pending.clear();
		this.#total = null;
		await this.#fetchPage(0);
	}

	/** The row at `index`, or null while its page is loading (the call requests it). */
	rowAt(index: number): TicketView | null {
		const pageIndex = Math.floor(index / TICKET_PAGE_SIZE);
		const page = this.#pages.get(pageIndex);
		if (page === undefined) {
			void this.#fetchPage(pageIndex);
			return null;
		}
		return page[index - pageIndex * TICKET_PAGE_SIZE] ?? null;
	}

	async #fetchPage(pageIndex: number): Promise<void> {
		const query = this.#query;
		if (query === null || this.#pending.has(pageIndex)) return;
		this.#pending.add(pageIndex);
		const generation = this.#generation;
		try {
			const page = await analyzeWorker().tickets(
				query,
				pageIndex * TICKET_PAGE_SIZE,
				TICKET_PAGE_SIZE
			);
			if (generation !== this.#generation) return;
			this.#pages.set(pageIndex, page.rows);
			this.#total = page.total;
			this.#error = null;
		} catch (error) {
			if (generation === this.#generation)
				this.#error = error instanceof Error ? error.message : String(error);
		} finally {
			if (generation === this.#generation) this.#pending.delete(pageIndex);
		}
	}

	/** The per-ticket CSV of the current query. */
	csv(): Promise<Blob> | null {
		return this.#query === null ? null : analyzeWorker().ticketCsv(this.#query);
	}
}

export const ticketList = new TicketListManager();
