import type { ServiceLensDb } from '$lib/db/database';
import { deleteImportWithData } from '$lib/db/repositories/imports';
import { fail, type Result } from './result';

/** Thrown inside an import when its signal is aborted; turned into a 'cancelled' result. */
export class CancelledError extends Error {}

export function isQuotaError(error: unknown): boolean {
	const name = (error as { name?: string } | null)?.name;
	const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
	return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * How every importer (tickets, messages, surveys/orders) ends after cancel or failure: wait
 * for writes still in flight (they would land after the clean-up), delete everything the
 * import wrote, and say why in the user's terms.
 */
export async function abandonImport<T>(
	db: ServiceLensDb,
	importId: number,
	fileName: string,
	writes: Promise<unknown>,
	error: unknown
): Promise<Result<T>> {
	await writes.catch(() => undefined);
	await deleteImportWithData(db, importId);
	if (error instanceof CancelledError)
		return fail('cancelled', `Import of "${fileName}" cancelled; nothing was kept.`);
	if (error instanceof SyntaxError)
		return fail('invalid_json', `"${fileName}" is not valid JSON: ${error.message}`);
	if (isQuotaError(error))
		return fail(
			'storage_full',
			'The browser has no more storage for this site. Free space or remove old imports.'
		);
	return fail('internal', `Import of "${fileName}" failed: ${messageOf(error)}`);
}

const PROGRESS_INTERVAL_MS = 100;

interface CheckpointOptions {
	fileName: string;
	totalBytes: number;
	now: () => number;
	startedAt: number;
	onProgress?: (progress: {
		fileName: string;
		rowsRead: number;
		bytesRead: number;
		totalBytes: number;
		elapsedMs: number;
	}) => void;
	signal?: AbortSignal;
}

/**
 * What every importer does between batches: report progress at most every 100 ms (the page
 * repaints no faster) and stop with CancelledError once the user cancelled.
 */
export function createImportCheckpoint(
	options: CheckpointOptions
): (rowsRead: number, bytesRead: number) => void {
	let lastProgressAt = -Infinity;
	return (rowsRead, bytesRead) => {
		const elapsedMs = options.now() - options.startedAt;
		if (elapsedMs - lastProgressAt >= PROGRESS_INTERVAL_MS) {
			lastProgressAt = elapsedMs;
			options.onProgress?.({
				fileName: options.fileName,
				rowsRead,
				bytesRead,
				totalBytes: options.totalBytes,
				elapsedMs
			});
		}
		if (options.signal?.aborted === true) throw new CancelledError();
	};
}
