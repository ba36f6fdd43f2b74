import { Dexie, type EntityTable } from 'dexie';
import type {
	AlertStateRecord,
	CalendarEventRecord,
	ColumnMappingRecord,
	CustomerRecord,
	CustomerVerdictRecord,
	GenericChunkRecord,
	ImportRecord,
	QuarantineChunkRecord,
	ResultRecord,
	SettingRecord,
	TicketChunkRecord
} from '$lib/core/model/records';
import { decodeMessageChunk, decodeTicketChunk } from '$lib/core/model/chunk-format';
import { SCHEMA_V1 } from './migrations/0001-initial';
import { SCHEMA_V2 } from './migrations/0002-feedback-and-events';
import { SCHEMA_V3 } from './migrations/0003-customer-lists';

export const DATABASE_NAME = 'service-lens';

/**
 * The one Dexie database. Every `version(n)` lives here, each with its schema from
 * migrations/NNNN-*.ts (append-only). Data tables are written by workers only.
 */
export class ServiceLensDb extends Dexie {
	imports!: EntityTable<ImportRecord, 'id'>;
	ticketChunks!: EntityTable<TicketChunkRecord, 'id'>;
	messageChunks!: EntityTable<GenericChunkRecord, 'id'>;
	surveyChunks!: EntityTable<GenericChunkRecord, 'id'>;
	orderChunks!: EntityTable<GenericChunkRecord, 'id'>;
	orderLineChunks!: EntityTable<GenericChunkRecord, 'id'>;
	customers!: EntityTable<CustomerRecord, 'key'>;
	quarantine!: EntityTable<QuarantineChunkRecord, 'id'>;
	settings!: EntityTable<SettingRecord, 'key'>;
	columnMappings!: EntityTable<ColumnMappingRecord, 'headerSignature'>;
	results!: EntityTable<ResultRecord, 'key'>;
	alertStates!: EntityTable<AlertStateRecord, 'alertId'>;
	customerVerdicts!: EntityTable<CustomerVerdictRecord, 'customerKey'>;
	calendarEvents!: EntityTable<CalendarEventRecord, 'id'>;
	customerListChunks!: EntityTable<GenericChunkRecord, 'id'>;

	constructor(name: string = DATABASE_NAME) {
		super(name);
		this.version(1).stores(SCHEMA_V1);
		this.version(2).stores(SCHEMA_V2);
		this.version(3).stores(SCHEMA_V3);
		// Chunks may be stored encoded (core/model/chunk-format.ts): every read decodes, so
		// readers see the same records whatever format a chunk was written in.
		this.ticketChunks.hook('reading', decodeTicketChunk);
		this.messageChunks.hook('reading', decodeMessageChunk);
	}
}

let shared: ServiceLensDb | null = null;

/** One connection per JS realm (page or worker). */
export function openDatabase(): ServiceLensDb {
	shared ??= new ServiceLensDb();
	return shared;
}
