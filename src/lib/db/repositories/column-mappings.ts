import type { ColumnMappingRecord } from '$lib/core/model/records';
import type { ServiceLensDb } from '../database';

export function findColumnMapping(
	db: ServiceLensDb,
	headerSignature: string
): Promise<ColumnMappingRecord | undefined> {
	return db.columnMappings.get(headerSignature);
}

/** Remembers a confirmed mapping (canonical field → source header) for this header layout. */
export async function saveColumnMapping(
	db: ServiceLensDb,
	record: ColumnMappingRecord
): Promise<void> {
	await db.columnMappings.put(record);
}
