import type { QuarantineChunkRecord, QuarantinedRow } from '$lib/core/model/records';
import type { ServiceLensDb } from '../database';

export async function addQuarantineChunk(
	db: ServiceLensDb,
	importId: number,
	header: string[],
	rows: QuarantinedRow[]
): Promise<void> {
	if (rows.length === 0) return;
	await db.quarantine.add({ importId, header, rows });
}

export async function listQuarantinedRows(
	db: ServiceLensDb,
	importId: number
): Promise<{ header: string[]; rows: QuarantinedRow[] }> {
	const chunks: QuarantineChunkRecord[] = await db.quarantine
		.where('importId')
		.equals(importId)
		.sortBy('id');
	return { header: chunks[0]?.header ?? [], rows: chunks.flatMap((chunk) => chunk.rows) };
}
