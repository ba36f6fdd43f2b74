/**
 * The in-page half of `npm run bench` (scripts/bench.mjs drives it in headless Chromium):
 * builds a generated ticket CSV as a Blob in the page, then hands it to the ingest worker,
 * either for the full import (parse, normalise, store in IndexedDB) or for papaparse alone.
 */
import { proxy } from 'comlink';
import { analyzeWorker, ingestWorker } from '$lib/bridge/workers';
import { timeZone } from '$lib/state/time-zone.svelte';
import { bulkTicketCsvPieces } from '$lib/core/demo/bulk-tickets';
import { bulkMessageCsvPieces } from '$lib/core/demo/bulk-messages';
import { bulkMailboxPieces, type BulkMailboxStats } from '$lib/core/demo/bulk-mailbox';

export type BenchMode = 'import' | 'parse';
/**
 * What the generated export holds: tickets (Zendesk CSV), messages (TWCS threads) or a
 * mailbox (Gmail Takeout .mbox of `megabytes` MB; its rows are mails).
 */
export type BenchKind = 'tickets' | 'messages' | 'mbox';

export interface BenchRequest {
	rows: number;
	mode: BenchMode;
	seed?: number;
	kind?: BenchKind;
	/** Mailbox size in MB (10⁶ bytes) for kind 'mbox'; `rows` is then ignored. */
	megabytes?: number;
	/** `&prepare=1`: after the import, the import manager's last step (dashboard snapshot). */
	prepare?: boolean;
}

export interface BenchResult {
	mode: BenchMode;
	kind: BenchKind;
	/** Rows asked for; for a mailbox, the mails the generator wrote. */
	requestedRows: number;
	/** Rows the worker reports it read (data rows, header excluded). */
	rows: number;
	bytes: number;
	/** Building the CSV Blob in the page; not part of the throughput. */
	generationMs: number;
	/** As measured inside the worker. */
	elapsedMs: number;
	/** From the page's call to the worker's answer (includes the message round trip). */
	wallMs: number;
	rowsPerSecond: number;
	mbPerSecond: number;
	/** Import only: imported / duplicates / quarantined. */
	counts: { rowsRead: number; imported: number; duplicates: number; quarantined: number } | null;
	/** Import only: bytes of the key indexes at the end (ImportSummary.indexBytes). */
	indexBytes?: number;
	error: string | null;
	/** With `prepare`: ms to build and store the dashboard's table snapshot after the import. */
	dashboardPrepareMs?: number;
}

export type BenchPhase = 'idle' | 'generating' | 'running' | 'done' | 'error';

const MAX_ROWS = 20_000_000;
const MAX_MEGABYTES = 4_000;
const BYTES_PER_MB = 1_000_000;

/** `?rows=N&mode=import|parse[&seed=S][&kind=messages]` or `?kind=mbox&mb=M&mode=…`; null without a run. */
export function benchRequestFromSearch(search: string): BenchRequest | null {
	const params = new URLSearchParams(search);
	const kindParam = params.get('kind');
	const kind: BenchKind =
		kindParam === 'messages' ? 'messages' : kindParam === 'mbox' ? 'mbox' : 'tickets';
	const megabytes = Number(params.get('mb'));
	if (kind === 'mbox' && !(megabytes > 0 && megabytes <= MAX_MEGABYTES)) return null;
	const rows = kind === 'mbox' ? 1 : Number(params.get('rows'));
	if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ROWS) return null;
	const mode = params.get('mode') === 'parse' ? 'parse' : 'import';
	const seed = params.has('seed') ? Number(params.get('seed')) : undefined;
	const sized = kind === 'mbox' ? { megabytes } : {};
	const prepared = params.get('prepare') === '1' ? { prepare: true } : {};
	return seed === undefined || Number.isInteger(seed)
		? { rows, mode, seed, kind, ...sized, ...prepared }
		: { rows, mode, kind, ...sized, ...prepared };
}

/**
 * Builds the CSV piece by piece: each piece becomes a Blob at once, so the text leaves the
 * JS heap and no single giant string ever exists. Yields to the event loop between pieces.
 */
export async function buildBenchBlob(
	rows: number,
	seed?: number,
	kind: BenchKind = 'tickets',
	megabytes = 0
): Promise<{ blob: Blob; generationMs: number; mails: number }> {
	const startedAt = performance.now();
	const parts: Blob[] = [];
	const seeded = seed === undefined ? {} : { seed };
	const stats: BulkMailboxStats = {
		bytes: 0,
		messages: 0,
		threads: 0,
		shopMessages: 0,
		withAttachment: 0
	};
	const pieces =
		kind === 'mbox'
			? bulkMailboxPieces(megabytes * BYTES_PER_MB, { ...seeded, stats })
			: kind === 'messages'
				? bulkMessageCsvPieces(rows, seeded)
				: bulkTicketCsvPieces(rows, seeded);
	const type = kind === 'mbox' ? 'application/mbox' : 'text/csv';
	for (const piece of pieces) {
		parts.push(new Blob([piece], { type }));
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	const blob = new Blob(parts, { type });
	return { blob, generationMs: performance.now() - startedAt, mails: stats.messages };
}

/** Runs one measurement; `onPhase` tells the caller (and through it the driver) where it is. */
export async function runIngestBench(
	request: BenchRequest,
	onPhase: (phase: BenchPhase) => void = () => undefined
): Promise<BenchResult> {
	onPhase('generating');
	const kind = request.kind ?? 'tickets';
	const { blob, generationMs, mails } = await buildBenchBlob(
		request.rows,
		request.seed,
		kind,
		request.megabytes
	);
	const base = {
		mode: request.mode,
		kind,
		requestedRows: kind === 'mbox' ? mails : request.rows,
		bytes: blob.size,
		generationMs: round(generationMs)
	};
	const worker = ingestWorker();
	onPhase('running');
	const startedAt = performance.now();
	if (request.mode === 'parse') {
		const parsed =
			kind === 'mbox' ? await worker.parseMailboxOnly(blob) : await worker.parseOnly(blob);
		return finish(base, parsed.rows, parsed.elapsedMs, performance.now() - startedAt, null, null);
	}
	const result = await worker.importFile(
		blob,
		{ fileName: kind === 'mbox' ? 'bench.mbox' : 'bench.csv', timeZone: 'UTC' },
		proxy(() => undefined)
	);
	const wallMs = performance.now() - startedAt;
	if (!result.ok)
		return finish(base, 0, wallMs, wallMs, null, `${result.error.code}: ${result.error.message}`);
	const counts = result.value.counts;
	const measured = {
		...finish(base, counts.rowsRead, result.value.elapsedMs, wallMs, { ...counts }, null),
		...(result.value.indexBytes === undefined ? {} : { indexBytes: result.value.indexBytes })
	};
	if (request.prepare !== true) return measured;
	// Timed apart from the import: what the import manager does after it (bench-dashboard).
	const preparedAt = performance.now();
	await timeZone.load();
	await analyzeWorker().prepareDashboard(timeZone.zone);
	return { ...measured, dashboardPrepareMs: round(performance.now() - preparedAt) };
}

function finish(
	base: Pick<BenchResult, 'mode' | 'kind' | 'requestedRows' | 'bytes' | 'generationMs'>,
	rows: number,
	elapsedMs: number,
	wallMs: number,
	counts: BenchResult['counts'],
	error: string | null
): BenchResult {
	const seconds = elapsedMs / 1000;
	return {
		...base,
		rows,
		elapsedMs: round(elapsedMs),
		wallMs: round(wallMs),
		rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0,
		mbPerSecond: seconds > 0 ? round(base.bytes / BYTES_PER_MB / seconds) : 0,
		counts,
		error
	};
}

const round = (value: number): number => Math.round(value * 100) / 100;
