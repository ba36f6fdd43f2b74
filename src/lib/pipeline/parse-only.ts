import Papa from 'papaparse';
import PostalMime from 'postal-mime';
import { MboxSplitter } from '$lib/core/ingest/messages/mbox-splitter';
import { readTextPieces } from './read-text';

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

/**
 * The mailbox baseline: the same streamed read, mbox splitting and postal-mime parse of
 * every mail as the import does, with no threading or storage. Rows are mails.
 */
export async function parseMailboxOnly(file: Blob): Promise<ParseOnlyResult> {
	const startedAt = performance.now();
	const splitter = new MboxSplitter();
	let rows = 0;
	const parse = async (raw: string) => {
		try {
			await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
		} catch {
			// Counted like the import counts an unreadable mail: read, not parsed.
		}
		rows++;
	};
	for await (const piece of readTextPieces(file, 'utf-8'))
		for (const raw of splitter.push(piece.text)) await parse(raw);
	for (const raw of splitter.end()) await parse(raw);
	return { rows, bytes: file.size, elapsedMs: performance.now() - startedAt };
}
