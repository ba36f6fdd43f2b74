import { analyzeWorker } from '$lib/bridge/workers';
import type { TicketDetail } from '$lib/pipeline/ticket-detail';

/** The ticket open in the detail (`?ticket=<key>` on the Tickets page), fetched from the worker. */
class TicketDetailManager {
	#detail = $state<TicketDetail | null>(null);
	#status = $state<'closed' | 'loading' | 'ready' | 'missing' | 'error'>('closed');
	#error = $state<string | null>(null);
	#generation = 0;

	get detail(): TicketDetail | null {
		return this.#detail;
	}
	get status() {
		return this.#status;
	}
	get error(): string | null {
		return this.#error;
	}

	/** Loads `key` (a newer call wins); keeps the shown ticket while its update loads. */
	async open(key: string, timeZone: string): Promise<void> {
		const generation = ++this.#generation;
		if (this.#detail?.ticket.key !== key) {
			this.#detail = null;
			this.#status = 'loading';
		}
		try {
			const found = await analyzeWorker().ticketDetail(key, timeZone);
			if (generation !== this.#generation) return;
			this.#detail = found;
			this.#status = found === null ? 'missing' : 'ready';
			this.#error = null;
		} catch (error) {
			if (generation !== this.#generation) return;
			this.#status = 'error';
			this.#error = error instanceof Error ? error.message : String(error);
		}
	}

	close(): void {
		this.#generation++;
		this.#detail = null;
		this.#status = 'closed';
	}
}

export const ticketDetail = new TicketDetailManager();
