import { liveQuery } from 'dexie';
import type { ImportRecord } from '$lib/core/model/records';
import { openDatabase } from '$lib/db/database';
import { importVersionTag, listImports } from '$lib/db/repositories/imports';
import { analyzeWorker, ingestWorker } from '$lib/bridge/workers';
import { timeZone } from './time-zone.svelte';

/**
 * The committed imports, live: IndexedDB changes made by the ingest worker (or another tab)
 * reach the page through Dexie's liveQuery.
 */
class ImportHistory {
	#records = $state.raw<ImportRecord[]>([]);
	#isLoaded = $state(false);

	get records(): ImportRecord[] {
		return this.#records;
	}
	get isLoaded(): boolean {
		return this.#isLoaded;
	}
	/** Changes whenever the committed data changes: what the overview recomputes on. */
	get dataVersion(): string {
		return this.#records.map((record) => importVersionTag(record)).join(',');
	}

	/** Starts following the database; returns the stop function. */
	start(): () => void {
		const subscription = liveQuery(async () =>
			(await listImports(openDatabase())).filter((record) => record.status === 'done')
		).subscribe({
			next: (records) => {
				this.#records = records;
				this.#isLoaded = true;
			},
			error: () => {
				this.#isLoaded = true;
			}
		});
		return () => subscription.unsubscribe();
	}

	async remove(importId: number): Promise<void> {
		await ingestWorker().removeImport(importId);
		// The snapshot of the data before the removal no longer matches: store the new one.
		await analyzeWorker()
			.prepareDashboard(timeZone.zone)
			.catch(() => undefined);
	}

	async downloadQuarantine(record: ImportRecord): Promise<void> {
		if (record.id === undefined) return;
		const blob = await ingestWorker().quarantineCsv(record.id);
		const url = URL.createObjectURL(blob);
		const link = document.createElement('a');
		link.href = url;
		link.download = `${record.fileName.replace(/\.[^.]+$/, '')}-quarantined.csv`;
		link.click();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}
}

export const history = new ImportHistory();
