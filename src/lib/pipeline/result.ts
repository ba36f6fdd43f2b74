import type { MappingPreview } from '$lib/core/ingest/mapping/propose-mapping';

/** Errors cross worker boundaries as values: the UI branches on `code`, never on instanceof. */
export type ErrorCode =
	| 'empty_file'
	| 'binary_file'
	| 'spreadsheet_file'
	| 'no_ticket_columns'
	| 'needs_mapping'
	| 'unsupported_report'
	| 'no_created_column'
	| 'no_rows'
	| 'invalid_json'
	| 'cancelled'
	| 'storage_full'
	| 'internal';

export interface JobError {
	code: ErrorCode;
	message: string;
	/** With 'needs_mapping': the preview and proposed mapping for the mapping screen. */
	mappingPreview?: MappingPreview;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: JobError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(code: ErrorCode, message: string): Result<T> => ({
	ok: false,
	error: { code, message }
});
