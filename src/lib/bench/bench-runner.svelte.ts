import {
	benchRequestFromSearch,
	runIngestBench,
	type BenchKind,
	type BenchMode,
	type BenchPhase
} from './ingest-bench';

/** State of the /bench diagnostics page: one run at a time, its result as JSON text. */
class BenchRunner {
	phase = $state<BenchPhase>('idle');
	json = $state('');
	rows = $state(100_000);
	mode = $state<BenchMode>('import');
	/** Generated export: tickets, messages with `&kind=messages`, a mailbox with `&kind=mbox&mb=M`. */
	kind = $state<BenchKind>('tickets');
	/** Mailbox size in MB for `kind=mbox`. */
	megabytes = $state(100);

	/** Runs at once when the page was opened as /bench?rows=N&mode=import|parse. */
	startFromSearch(search: string): void {
		const request = benchRequestFromSearch(search);
		if (request === null) return;
		this.rows = request.rows;
		this.mode = request.mode;
		this.kind = request.kind ?? 'tickets';
		if (request.megabytes !== undefined) this.megabytes = request.megabytes;
		void this.run(request.seed, request.prepare === true);
	}

	/** `prepare`: the import manager's last step after the import (bench-dashboard). */
	async run(seed?: number, prepare = false): Promise<void> {
		if (this.phase === 'generating' || this.phase === 'running') return;
		this.json = '';
		try {
			const request = {
				rows: Math.max(1, Math.floor(this.rows)),
				mode: this.mode,
				kind: this.kind,
				megabytes: this.megabytes,
				seed,
				prepare
			};
			const result = await runIngestBench(request, (phase) => (this.phase = phase));
			this.json = JSON.stringify(result, null, 2);
			this.phase = result.error === null ? 'done' : 'error';
		} catch (error) {
			this.json = JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
			this.phase = 'error';
		}
	}
}

export const bench = new BenchRunner();
