import { routeSource } from '$lib/core/ingest/sources/detect-source';
import { headerSignature, proposeMapping } from '$lib/core/ingest/mapping/propose-mapping';
import type { ConfirmedMapping } from '$lib/core/ingest/mapping/mapping-kinds';
import { mapTicketHeaders } from '$lib/core/ingest/tickets/map-ticket-headers';
import type { ServiceLensDb } from '$lib/db/database';
import { findColumnMapping, saveColumnMapping } from '$lib/db/repositories/column-mappings';
import { importRecordFile, type RecordImportInput } from './import-records';
import { importWithMapping } from './import-mapped';
import { importMessagesIfRecognised } from './import-messages-if-recognised';
import {
	importTicketFile,
	openRowBatches,
	type ImportOptions,
	type ImportSummary
} from './import-tickets';
import { fail, type Result } from './result';

export interface ImportFileOptions extends ImportOptions {
	/** A mapping confirmed on the mapping screen: what the file holds, field → source header. */
	confirmedMapping?: ConfirmedMapping;
}

const SAMPLE_ROWS = 500;

/**
 * Routes one dropped file: message exports first (mailboxes, chat and social threads,
 * conversation JSON; tickets are derived from them), then sniff the bytes, read the header
 * and send it to the importer of what it holds (orders, surveys, tickets; see
 * core/ingest/sources/detect-source.ts). A file
 * no importer recognises comes back as 'needs_mapping' with a preview and a proposed mapping;
 * a mapping the user confirmed is saved by header signature and applied to later files.
 */
export async function importFile(
	db: ServiceLensDb,
	file: Blob,
	options: ImportFileOptions
): Promise<Result<ImportSummary>> {
	const { fileName } = options;
	if (options.confirmedMapping === undefined) {
		const messages = await importMessagesIfRecognised(db, file, options);
		if (messages !== null) return messages;
	}
	const opened = await openRowBatches(file, fileName);
	if (!opened.ok) return opened;
	const { sniff, first, rest: batches } = opened.value;
	const header = first.header;
	const samples = first.rows.slice(0, SAMPLE_ROWS);
	const signature = headerSignature(header);
	const input: RecordImportInput = {
		format: sniff.format,
		encoding: sniff.encoding,
		header,
		first,
		rest: batches
	};

	if (options.confirmedMapping !== undefined) {
		const { confirmedMapping, ...rest } = options;
		await saveColumnMapping(db, {
			headerSignature: signature,
			sourceKind: confirmedMapping.kind,
			mapping: confirmedMapping.mapping,
			savedAtMs: Date.now()
		});
		return importWithMapping(db, file, sniff, confirmedMapping, input, rest);
	}

	const route = routeSource(header);
	if (route.kind === 'orders' || route.kind === 'surveys' || route.kind === 'customers')
		return importRecordFile(db, file, route, input, options);
	if (route.kind === 'report') {
		await batches.return(undefined);
		return fail('unsupported_report', `"${fileName}": ${route.message}`);
	}

	const saved = await findColumnMapping(db, signature);
	if (saved !== undefined) {
		const confirmed = { kind: saved.sourceKind, mapping: saved.mapping };
		const result = await importWithMapping(db, file, sniff, confirmed, input, options);
		return result.ok
			? { ok: true, value: { ...result.value, savedMappingAtMs: saved.savedAtMs } }
			: result;
	}
	await batches.return(undefined);
	const match = mapTicketHeaders(header, samples);
	if (match.problem !== null)
		return {
			ok: false,
			error: {
				code: 'needs_mapping',
				message: `"${fileName}": ${match.problem.message}`,
				mappingPreview: proposeMapping(header, samples)
			}
		};
	const result = await importTicketFile(db, file, options);
	return result.ok ? { ok: true, value: { ...result.value, sourceKind: 'tickets' } } : result;
}
