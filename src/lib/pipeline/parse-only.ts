import Papa from 'papaparse';

export interface ParseOnlyResult {
	rows: number;
	bytes: number;
	elapsedMs: number;
}

/**
 * papaparse alone, streaming the same File in chunks with nothing else done: the baseline
 * the benchmark compares the full import with, so the ratio shows what storage costs.
 */
export function parseOnly(file: Blob): Promise<ParseOnlyResult> {
	const startedAt = performance.now();
	let rows = 0;
	return new Promise((resolve, reject) => {
		Papa.parse<string[]>(file as File, {
			chunkSize: 4 * 1024 * 1024,
			skipEmptyLines: 'greedy',
			chunk: (results) => {
				rows += results.data.length;
			},
			complete: () =>
				resolve({ rows: rows - 1, bytes: file.size, elapsedMs: performance.now() - startedAt }),
			error: (error) => reject(error)
		});
	});
}
