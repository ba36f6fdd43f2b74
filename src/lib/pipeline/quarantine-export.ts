import { csvLine } from '$lib/core/ingest/quality';
import type { ServiceLensDb } from '$lib/db/database';

/**
 * The quarantined rows of one import as a CSV the merchant can open in a spreadsheet, fix
 * and import again: the reason columns first, then the row exactly as it was read.
 */
export async function quarantineCsv(db: ServiceLensDb, importId: number): Promise<Blob> {
	const parts: string[] = [];
	let header: string[] | null = null;
	await db.quarantine
		.where('importId')
		.equals(importId)
		.each((chunk) => {
			if (header === null) {
				header = chunk.header;
				parts.push(csvLine(['row_number', 'reason', 'column', ...chunk.header]));
			}
			for (const row of chunk.rows)
				parts.push(csvLine([String(row.rowNumber), row.reason, row.column ?? '', ...row.raw]));
		});
	if (header === null) parts.push(csvLine(['row_number', 'reason', 'column']));
	// A BOM so that Excel opens the UTF-8 (e.g. Chinese) text correctly.
	return new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' });
}
