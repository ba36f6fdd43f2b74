import { proxy } from 'comlink';
import type { ImportCounts } from '$lib/core/model/records';
import { sumCounts } from '$lib/core/ingest/progress';
import type { ImportProgress, ImportSummary } from '$lib/pipeline/import-tickets';
import { fail, type JobError } from '$lib/pipeline/result';
import { analyzeWorker, ingestWorker } from '$lib/bridge/workers';
import type { ConfirmedMapping } from '$lib/core/ingest/mapping/mapping-kinds';

export type ImportState = 'idle' | 'running' | 'done' | 'error';

export interface FileOutcome {
	fileName: string;
	summary: ImportSummary | null;
	error: JobError | null;
	/** Kept while the file waits on the mapping screen (error code 'needs_mapping'). */
	file?: File;
}

/** Drives imports in the ingest worker and mirrors their progress for the views. */
class ImportManager {
	#state = $state<ImportState>('idle');
	#progress = $state.raw<ImportProgress | null>(null);
	#outcomes = $state.raw<FileOutcome[]>([]);
	#isCancelling = false;
	#listeners = new Set<() => void>();

	get state(): ImportState {
		return this.#state;
	}
	get progress(): ImportProgress | null {
		return this.#progress;
	}
	get outcomes(): FileOutcome[] {
		return this.#outcomes;
	}
	/** Row accounting over every file of the last drop. */
	get counts(): ImportCounts {
		return sumCounts(
			this.#outcomes.flatMap((outcome) => (outcome.summary ? [outcome.summary.counts] : []))
		);
	}
	get errors(): JobError[] {
		return this.#outcomes.flatMap((outcome) => (outcome.error ? [outcome.error] : []));
	}

	/** Called after each import that committed rows (the overview refreshes). */
	onCommitted(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Files the importer did not recognise, waiting for the user's mapping. */
	get needingMapping(): FileOutcome[] {
		return this.#outcomes.filter(
			(outcome) => outcome.error?.code === 'needs_mapping' && outcome.file !== undefined
		);
	}

	/** The user closed the mapping screen of this file without importing it. */
	dismissMapping(outcome: FileOutcome): void {
		this.#outcomes = this.#outcomes.map((o) => (o === outcome ? { ...o, file: undefined } : o));
	}

	/** Imports a file with the mapping the user confirmed (kind, field → source header); it is saved. */
	importWithMapping(file: File, mapping: ConfirmedMapping, timeZone: string): Promise<void> {
		return this.importFiles([file], timeZone, mapping);
	}

	async importFiles(
		files: readonly File[],
		timeZone: string,
		confirmedMapping?: ConfirmedMapping
	): Promise<void> {
		if (this.#state === 'running' || files.length === 0) return;
		this.#state = 'running';
		this.#outcomes = [];
		this.#isCancelling = false;
		const outcomes: FileOutcome[] = [];
		for (const file of files) {
			if (this.#isCancelling) break;
			this.#progress = {
				fileName: file.name,
				rowsRead: 0,
				bytesRead: 0,
				totalBytes: file.size,
				elapsedMs: 0
			};
			const result = await ingestWorker()
				.importFile(
					file,
					{ fileName: file.name, timeZone, ...(confirmedMapping ? { confirmedMapping } : {}) },
					proxy((progress: ImportProgress) => {
						this.#progress = progress;
					})
				)
				.catch((error: unknown) =>
					// Only a crashed worker gets here; the pipeline returns its errors as values.
					fail<ImportSummary>(
						'internal',
						`Import of "${file.name}" failed: ${error instanceof Error ? error.message : String(error)}`
					)
				);
			outcomes.push(
				result.ok
					? { fileName: file.name, summary: result.value, error: null }
					: {
							fileName: file.name,
							summary: null,
							error: result.error,
							...(result.error.code === 'needs_mapping' ? { file } : {})
						}
			);
			this.#outcomes = [...outcomes];
			if (result.ok) for (const listener of this.#listeners) listener();
		}
		// One customer per person across tickets, surveys and orders, after every drop.
		if (outcomes.some((outcome) => outcome.summary !== null)) {
			await ingestWorker()
				.relinkCustomers()
				.catch(() => undefined);
			// The import's last step: the dashboard's table snapshot, so the next opening is fast.
			await analyzeWorker()
				.prepareDashboard(timeZone)
				.catch(() => undefined);
		}
		this.#state = outcomes.some((outcome) => outcome.error !== null) ? 'error' : 'done';
	}

	cancel(): void {
		if (this.#state !== 'running') return;
		this.#isCancelling = true;
		void ingestWorker().cancel();
	}
}

export const imports = new ImportManager();
