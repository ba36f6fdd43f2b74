/**
 * Schema v1: the whole mission's tables. Bulk data is stored in columnar chunks
 * (one record per ≤10k rows) indexed only by import: a multi-entry index on the row
 * keys cut chunk writes from ~410k to ~55k rows/s (docs/decisions/0001-columnar-chunks.md),
 * so per-row lookups go through in-memory indexes built from the key columns.
 * Never edit after release: add 0002-*.ts with the next version instead.
 */
export const SCHEMA_V1 = {
	imports: '++id, status, sourceKind, startedAtMs',
	ticketChunks: '++id, importId',
	messageChunks: '++id, importId',
	surveyChunks: '++id, importId',
	orderChunks: '++id, importId',
	orderLineChunks: '++id, importId',
	customers: 'key, *emails, *phones',
	quarantine: '++id, importId',
	settings: 'key',
	columnMappings: 'headerSignature',
	results: 'key'
} as const;
