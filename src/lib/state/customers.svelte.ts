import { liveQuery } from 'dexie';
import { openDatabase } from '$lib/db/database';
import { countCustomers } from '$lib/db/repositories/customers';

/** How many customers are linked across sources, live (the ingest worker rebuilds them). */
class CustomerCount {
	#count = $state<number | null>(null);

	get count(): number | null {
		return this.#count;
	}

	start(): () => void {
		const subscription = liveQuery(() => countCustomers(openDatabase())).subscribe({
			next: (count) => {
				this.#count = count;
			},
			error: () => {
				this.#count = null;
			}
		});
		return () => subscription.unsubscribe();
	}
}

export const customers = new CustomerCount();
