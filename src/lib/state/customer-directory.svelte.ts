import { liveQuery } from 'dexie';
import type { CustomerRecord } from '$lib/core/model/records';
import { openDatabase } from '$lib/db/database';
import { searchCustomers } from '$lib/db/repositories/customers';

const PAGE = 50;

/** The Customers page: a live search over the linked customers (the ingest worker rebuilds them). */
class CustomerDirectory {
	#query = $state('');
	#limit = $state(PAGE);
	#customers = $state.raw<CustomerRecord[]>([]);
	#matching = $state(0);
	#total = $state<number | null>(null);
	#subscription: { unsubscribe(): void } | null = null;

	get query(): string {
		return this.#query;
	}
	get customers(): CustomerRecord[] {
		return this.#customers;
	}
	get matching(): number {
		return this.#matching;
	}
	/** null until the first answer. */
	get total(): number | null {
		return this.#total;
	}
	get hasMore(): boolean {
		return this.#customers.length < this.#matching;
	}

	search(query: string): void {
		this.#query = query;
		this.#limit = PAGE;
		this.#subscribe();
	}

	showMore(): void {
		this.#limit += PAGE;
		this.#subscribe();
	}

	start(): () => void {
		this.#subscribe();
		return () => {
			this.#subscription?.unsubscribe();
			this.#subscription = null;
		};
	}

	#subscribe(): void {
		this.#subscription?.unsubscribe();
		const query = this.#query;
		const limit = this.#limit;
		this.#subscription = liveQuery(() => searchCustomers(openDatabase(), query, limit)).subscribe({
			next: (result) => {
				this.#customers = result.customers;
				this.#matching = result.matching;
				this.#total = result.total;
			},
			error: () => {
				this.#customers = [];
				this.#total = null;
			}
		});
	}
}

export const customerDirectory = new CustomerDirectory();
