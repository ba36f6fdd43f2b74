import type { ImportQuality } from '../ingest/quality';
import type { TicketColumns } from './ticket-columns';

/** What kind of business data an import carried. Later sources extend this union. */
export type SourceKind = 'tickets' | 'messages' | 'surveys' | 'orders' | 'customers';
export type ImportStatus = 'running' | 'done';
export type FileFormat = 'csv' | 'json' | 'ndjson' | 'mbox' | 'eml';

/** Provenance of one imported file, with the row accounting the summary shows. */
export interface ImportRecord {
	id?: number;
	fileName: string;
	sizeBytes: number;
	sourceKind: SourceKind;
	/** Detected product that wrote the file ('zendesk', 'freshdesk', 'generic', …). */
	vendor: string;
	format: FileFormat;
	/** Text encoding the file was read in (detected). */
	encoding: string;
	/** Zone used for timestamps without an offset. */
	timeZone: string;
	status: ImportStatus;
	startedAtMs: number;
	finishedAtMs: number | null;
	/**
	 * When rows of this import were rewritten after it finished (its tickets derived again
	 * when another file of the same conversations was removed). Part of the data version, so
	 * caches built in between are not reused.
	 */
	revisedAtMs?: number;
	/** Source columns → canonical fields, as applied. */
	columnMapping: Record<string, string>;
	counts: ImportCounts;
	/** Fill rates and warnings, known once the import is done. */
	quality: ImportQuality | null;
	/** Message imports only: the tickets derived from the file's conversations. */
	derived?: DerivedTicketSummary;
}

/** What a message file implied: conversations found and the tickets derived from them. */
export interface DerivedTicketSummary {
	conversations: number;
	/** Conversations with a customer message; each became a ticket. */
	tickets: number;
	/** Of those, tickets that updated a ticket stored before (same source and conversation id). */
	ticketsMerged: number;
	/** Outbound-only conversations (no customer message): no ticket. */
	withoutCustomerMessage: number;
}

/** rowsRead = imported + duplicates + quarantined, always. */
export interface ImportCounts {
	rowsRead: number;
	imported: number;
	duplicates: number;
	quarantined: number;
}

export interface TicketChunkRecord extends TicketColumns {
	id?: number;
	importId: number;
}

export type QuarantineReason =
	| 'missing_created_at'
	| 'invalid_created_at'
	| 'malformed_row'
	| 'invalid_json'
	| 'not_an_object'
	| 'missing_id'
	| 'missing_score'
	| 'missing_conversation_id'
	| 'missing_sent_at'
	| 'invalid_sent_at'
	| 'unreadable_email';

export interface QuarantinedRow {
	/** 1-based line/record number in the source file, header excluded. */
	rowNumber: number;
	reason: QuarantineReason;
	/** The source column at fault, when one is. */
	column: string | null;
	/** The row as read, so nothing is lost and it can be fixed and re-imported. */
	raw: string[];
}

/** Quarantined rows are stored in chunks too: a bad file may have a million of them. */
export interface QuarantineChunkRecord {
	id?: number;
	importId: number;
	header: string[];
	rows: QuarantinedRow[];
}

/** Columnar chunks for the data of later issues; declared now so the v1 schema fits the mission. */
export interface GenericChunkRecord {
	id?: number;
	importId: number;
	size: number;
	keys: string[];
	columns: Record<string, unknown>;
}

export interface CustomerRecord {
	key: string;
	emails: string[];
	phones: string[];
	name: string;
	firstSeenAtMs: number;
	/** Customer ids as `<system>:<id>`, order numbers, and what was linked (added with linking). */
	customerIds?: string[];
	orderNumbers?: string[];
	counts?: { tickets: number; surveys: number; orders: number; listed?: number };
	/** Tags from the shop's customer lists (schema v3 imports), sorted. */
	tags?: string[];
	importIds?: number[];
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

/** A column mapping the user confirmed, reused for files with the same headers. */
export interface ColumnMappingRecord {
	headerSignature: string;
	sourceKind: SourceKind;
	mapping: Record<string, string>;
	savedAtMs: number;
}

/** Cached results of long computations (forecasts, anomaly scores), keyed by what they depend on. */
export interface ResultRecord {
	key: string;
	dataVersion: number;
	computedAtMs: number;
	value: unknown;
}

/** What the merchant decided about one alert; kept across re-detection by a stable alert id. */
export interface AlertStateRecord {
	alertId: string;
	state: 'open' | 'acknowledged' | 'dismissed';
	note: string;
	updatedAtMs: number;
}

/** The merchant's verdict on a customer flagged for review. */
export interface CustomerVerdictRecord {
	customerKey: string;
	verdict: 'fraud' | 'fine';
	note: string;
	decidedAtMs: number;
}

/** A promotion, holiday or launch the merchant marked; used as a forecast regressor. */
export interface CalendarEventRecord {
	id?: number;
	name: string;
	kind: 'promotion' | 'holiday' | 'launch' | 'other';
	/** Inclusive start and exclusive end, epoch ms (whole days in the shop's zone). */
	startMs: number;
	endMs: number;
}
