/** What the progress bar shows, from the worker's raw progress. */
export interface ProgressFigures {
	/** 0..1 share of the file's bytes read. */
	fractionOfBytes: number;
	rowsPerSecond: number | null;
}

export function progressFigures(progress: {
	rowsRead: number;
	bytesRead: number;
	totalBytes: number;
	elapsedMs: number;
}): ProgressFigures {
	const fractionOfBytes =
		progress.totalBytes > 0
			? Math.min(1, Math.max(0, progress.bytesRead / progress.totalBytes))
			: 0;
	const rowsPerSecond =
		progress.elapsedMs > 0 ? (progress.rowsRead * 1000) / progress.elapsedMs : null;
	return { fractionOfBytes, rowsPerSecond };
}

/** Adds up the row accounting of several files dropped together. */
export function sumCounts<
	T extends { rowsRead: number; imported: number; duplicates: number; quarantined: number }
>(
	counts: readonly T[]
): { rowsRead: number; imported: number; duplicates: number; quarantined: number } {
	const total = { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 };
	for (const count of counts) {
		total.rowsRead += count.rowsRead;
		total.imported += count.imported;
		total.duplicates += count.duplicates;
		total.quarantined += count.quarantined;
	}
	return total;
}
