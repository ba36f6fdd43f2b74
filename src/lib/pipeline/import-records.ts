import type { FileFormat, ImportCounts, QuarantinedRow, SourceKind } from '$lib/core/model/records';
import { QualityCollector } from '$lib/core/ingest/quality';
import type { PackedChunk } from '$lib/core/ingest/record-import-session';
import { RecordImportSession, type RecordResult } from '$lib/core/ingest/record-import-session';
import type { OrderVendor, SurveyVendor } from '$lib/core/ingest/sources/detect-source';
import {
	ORDER_LAYOUTS,
	createOrderNormalizer,
	type VendorLayout
} from '$lib/core/ingest/orders/normalize-order';
import { OrderImportSession } from '$lib/core/ingest/orders/order-import-session';
import {
	mapSurveyHeaders,
	SURVEY_FIELDS,
	type SurveyColumnMapping
} from '$lib/core/ingest/surveys/survey-fields';
import {
	CUSTOMER_FIELDS,
	customerMappingProblem,
	mapCustomerHeaders,
	type CustomerColumnMapping
} from '$lib/core/ingest/customers/customer-fields';
import {
	createCustomerNormalizer,
	type CustomerListVendor
} from '$lib/core/ingest/customers/normalize-customer';
import { packListedCustomers, type ListedCustomer } from '$lib/core/model/customer-list';
import { createSurveyNormalizer } from '$lib/core/ingest/surveys/normalize-survey';
import { packSurveys } from '$lib/core/model/record-columns';
import type { SurveyAnswer } from '$lib/core/model/survey';
import type { ServiceLensDb } from '$lib/db/database';
import { createImport, deleteImportWithData, markImportDone } from '$lib/db/repositories/imports';
import { abandonImport, createImportCheckpoint } from './import-failure';
import { addQuarantineChunk } from '$lib/db/repositories/quarantine';
import {
	addRecordChunk,
	loadStoredKeys,
	type RecordChunkTable
} from '$lib/db/repositories/record-chunks';
import { hasExtraText, malformed, type ImportOptions, type ImportSummary } from './import-tickets';
import { fail, ok, type Result } from './result';
import type { RowBatch } from './row-sources';

/** The row sink of one record kind: normalises rows, keeps the accounting, hands out chunks. */
interface RecordSink {
	readonly counts: ImportCounts;
	readonly pendingQuarantined: number;
	addRow(cells: readonly string[], rowNumber: number): void;
	reject(row: QuarantinedRow): void;
	takeChunks(): { table: RecordChunkTable; chunk: PackedChunk }[];
	takeQuarantined(): QuarantinedRow[];
	finish(): void;
}

/** What the router (or a mapping the user confirmed: vendor 'mapped' with its columns) decided. */
export type RecordRoute =
	| { kind: 'surveys'; vendor: SurveyVendor; mapping?: SurveyColumnMapping }
	| { kind: 'orders'; vendor: OrderVendor | 'mapped'; layout?: VendorLayout }
	| { kind: 'customers'; vendor: CustomerListVendor; mapping?: CustomerColumnMapping };

export interface RecordImportInput {
	format: FileFormat;
	encoding: string;
	header: string[];
	first: RowBatch;
	rest: AsyncGenerator<RowBatch>;
}

const QUARANTINE_CHUNK_ROWS = 5_000;

function mappedHeadersOf(
	fields: readonly string[],
	header: readonly string[],
	mapping: Readonly<Record<string, number | undefined>>
): Record<string, string> {
	const mappedHeaders: Record<string, string> = {};
	for (const field of fields) {
		const column = mapping[field];
		if (column !== undefined) mappedHeaders[field] = header[column] ?? '';
	}
	return mappedHeaders;
}

/**
 * The sink of a kind stored as one chunk table: each row normalised by `normalize`, then
 * counted by the session (imported, duplicate or quarantined).
 */
function sessionSink<T extends { key: string }>(
	session: RecordImportSession<T>,
	table: RecordChunkTable,
	normalize: (cells: readonly string[], rowNumber: number) => RecordResult<T>
): RecordSink {
	return {
		counts: session.counts,
		get pendingQuarantined() {
			return session.pendingQuarantined;
		},
		addRow(cells, rowNumber) {
			session.add(normalize(cells, rowNumber));
		},
		reject: (row) => session.reject(row),
		takeChunks: () => session.takeFullChunks().map((chunk) => ({ table, chunk })),
		takeQuarantined: () => session.takeQuarantined(),
		finish: () => session.finish()
	};
}

async function customerSink(
	db: ServiceLensDb,
	header: string[],
	vendor: CustomerListVendor,
	timeZone: string,
	preset: CustomerColumnMapping | undefined
): Promise<{ sink: RecordSink; mappedHeaders: Record<string, string> } | string> {
	const mapping = preset ?? mapCustomerHeaders(header);
	const problem = customerMappingProblem(mapping);
	if (problem !== null) return problem;
	const normalize = createCustomerNormalizer({ headers: header, mapping, vendor, timeZone });
	const session = new RecordImportSession<ListedCustomer>(
		await loadStoredKeys(db, 'customerListChunks'),
		packListedCustomers
	);
	const sink = sessionSink(session, 'customerListChunks', (cells, rowNumber) => {
		const result = normalize(cells, rowNumber);
		return result.ok ? { ok: true, record: result.customer } : result;
	});
	return { sink, mappedHeaders: mappedHeadersOf(CUSTOMER_FIELDS, header, mapping) };
}

async function surveySink(
	db: ServiceLensDb,
	header: string[],
	vendor: SurveyVendor,
	timeZone: string,
	preset?: SurveyColumnMapping
): Promise<{ sink: RecordSink; mappedHeaders: Record<string, string> } | string> {
	const mapping = preset ?? mapSurveyHeaders(header);
	if (mapping.score === undefined && mapping.npsScore === undefined)
		return 'No score or rating column found in this survey file.';
	if (mapping.respondedAt === undefined && mapping.sentAt === undefined)
		return 'No answer date column found in this survey file.';
	const mappedHeaders = mappedHeadersOf(SURVEY_FIELDS, header, mapping);
	const normalize = createSurveyNormalizer({ headers: header, mapping, vendor, timeZone });
	const session = new RecordImportSession<SurveyAnswer>(
		await loadStoredKeys(db, 'surveyChunks'),
		packSurveys
	);
	const sink = sessionSink(session, 'surveyChunks', (cells, rowNumber) => {
		const result = normalize(cells, rowNumber);
		return result.ok ? { ok: true, record: result.answer } : result;
	});
	return { sink, mappedHeaders };
}

async function orderSink(
	db: ServiceLensDb,
	header: string[],
	vendor: OrderVendor | 'mapped',
	timeZone: string,
	preset?: VendorLayout
): Promise<{ sink: RecordSink; mappedHeaders: Record<string, string> }> {
	const layout = preset ?? (vendor === 'mapped' ? null : ORDER_LAYOUTS[vendor]);
	if (layout === null) throw new Error('A mapped order import needs its layout');
	const normalize = createOrderNormalizer({ headers: header, vendor, timeZone, layout });
	const session = new OrderImportSession(
		layout.level,
		await loadStoredKeys(db, 'orderChunks'),
		await loadStoredKeys(db, 'orderLineChunks')
	);
	const mappedHeaders = Object.fromEntries(
		Object.entries(layout.fields).map(([field, names]) => [field, (names ?? []).join(' / ')])
	);
	const sink: RecordSink = {
		get counts() {
			return session.counts;
		},
		get pendingQuarantined() {
			return session.pendingQuarantined;
		},
		addRow: (cells, rowNumber) => session.add(normalize(cells, rowNumber)),
		reject: (row) => session.reject(row),
		takeChunks() {
			const { orders, lines } = session.takeFullChunks();
			return [
				...orders.map((chunk) => ({ table: 'orderChunks' as const, chunk })),
				...lines.map((chunk) => ({ table: 'orderLineChunks' as const, chunk }))
			];
		},
		takeQuarantined: () => session.takeQuarantined(),
		finish: () => session.finish()
	};
	return { sink, mappedHeaders };
}

/**
 * Imports a survey or order export whose header the router already read. Same guarantees as
 * ticket imports: rows become visible only when the import is marked done; cancel or
 * failure deletes everything it wrote; rows read = imported + duplicates + quarantined.
 */
export async function importRecordFile(
	db: ServiceLensDb,
	file: Blob,
	route: RecordRoute,
	input: RecordImportInput,
	options: ImportOptions
): Promise<Result<ImportSummary>> {
	const now = options.now ?? (() => performance.now());
	const startedAt = now();
	const { fileName } = options;
	const { header } = input;
	const sourceKind: SourceKind = route.kind;
	const built =
		route.kind === 'surveys'
			? await surveySink(db, header, route.vendor, options.timeZone, route.mapping)
			: route.kind === 'customers'
				? await customerSink(db, header, route.vendor, options.timeZone, route.mapping)
				: await orderSink(db, header, route.vendor, options.timeZone, route.layout);
	if (typeof built === 'string') return fail('no_ticket_columns', `"${fileName}": ${built}`);
	const { sink, mappedHeaders } = built;

	const importId = await createImport(db, {
		fileName,
		sizeBytes: file.size,
		sourceKind,
		vendor: route.vendor,
		format: input.format,
		encoding: input.encoding,
		timeZone: options.timeZone,
		startedAtMs: Date.now(),
		columnMapping: mappedHeaders
	});
	let writes: Promise<void> = Promise.resolve();
	try {
		const quality = new QualityCollector();
		const checkpoint = createImportCheckpoint({
			fileName,
			totalBytes: file.size,
			now,
			startedAt,
			onProgress: options.onProgress,
			signal: options.signal
		});
		const store = async (drain: boolean) => {
			for (const { table, chunk } of sink.takeChunks())
				writes = writes.then(async () => {
					await addRecordChunk(db, table, importId, chunk);
				});
			await writes;
			if (drain || sink.pendingQuarantined >= QUARANTINE_CHUNK_ROWS)
				await addQuarantineChunk(db, importId, header, sink.takeQuarantined());
		};
		const consume = async (batch: RowBatch) => {
			for (let i = 0; i < batch.rows.length; i++) {
				const cells = batch.rows[i] ?? [];
				const rowNumber = batch.firstRowNumber + i;
				const brokenReason = batch.broken.get(i);
				if (brokenReason !== undefined)
					sink.reject({ rowNumber, reason: brokenReason, column: null, raw: cells });
				else if (cells.length > header.length && hasExtraText(cells, header.length))
					sink.reject(malformed(rowNumber, cells));
				else {
					quality.countRow(cells);
					sink.addRow(cells, rowNumber);
				}
			}
			await store(false);
			checkpoint(sink.counts.rowsRead, batch.bytesRead);
		};
		await consume(input.first);
		for await (const batch of input.rest) await consume(batch);
		sink.finish();
		await store(true);
		if (sink.counts.rowsRead === 0) {
			await deleteImportWithData(db, importId);
			return fail('no_rows', `"${fileName}" has a header but no rows.`);
		}
		const counts = { ...sink.counts };
		await markImportDone(db, importId, counts, quality.result(header), Date.now());
		const elapsedMs = now() - startedAt;
		options.onProgress?.({
			fileName,
			rowsRead: counts.rowsRead,
			bytesRead: file.size,
			totalBytes: file.size,
			elapsedMs
		});
		return ok({
			importId,
			fileName,
			vendor: route.vendor,
			sourceKind,
			format: input.format,
			encoding: input.encoding,
			counts,
			elapsedMs
		});
	} catch (error) {
		return abandonImport(db, importId, fileName, writes, error);
	}
}
