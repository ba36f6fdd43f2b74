import type { SniffResult } from '$lib/core/ingest/sniff';
import { CUSTOMER_FIELDS } from '$lib/core/ingest/customers/customer-fields';
import {
	fieldsToColumns,
	mappingGaps,
	type ConfirmedMapping
} from '$lib/core/ingest/mapping/mapping-kinds';
import { mappingToColumns } from '$lib/core/ingest/mapping/propose-mapping';
import { MESSAGE_FIELDS } from '$lib/core/ingest/messages/message-table';
import { mappedOrderLayout } from '$lib/core/ingest/orders/order-fields';
import { SURVEY_FIELDS } from '$lib/core/ingest/surveys/survey-fields';
import type { ServiceLensDb } from '$lib/db/database';
import { importMessageSource } from './import-messages';
import { importRecordFile, type RecordImportInput } from './import-records';
import { importTicketFile, type ImportOptions, type ImportSummary } from './import-tickets';
import { messageSource } from './message-sources';
import { fail, type Result } from './result';

type TextSniff = Extract<SniffResult, { ok: true }>;

/**
 * Imports a file with a mapping the user confirmed (or saved earlier for the same header),
 * through the same importer a recognised file of that kind takes: tickets, survey answers,
 * orders / order lines, messages (tickets derived from the threads) or a customer list.
 * Cleaning, duplicates, quarantine and the row accounting are therefore the same.
 */
export async function importWithMapping(
	db: ServiceLensDb,
	file: Blob,
	sniff: TextSniff,
	confirmed: ConfirmedMapping,
	input: RecordImportInput,
	options: ImportOptions
): Promise<Result<ImportSummary>> {
	const { kind, mapping } = confirmed;
	const { header } = input;
	const gaps = mappingGaps(kind, mapping);
	if (gaps.length > 0) {
		await input.rest.return(undefined);
		return fail(
			'no_ticket_columns',
			`"${options.fileName}": the mapping lacks ${gaps.join(', ')}.`
		);
	}
	switch (kind) {
		case 'tickets': {
			await input.rest.return(undefined);
			const result = await importTicketFile(db, file, {
				...options,
				presetMapping: mappingToColumns(header, mapping)
			});
			return result.ok ? { ok: true, value: { ...result.value, sourceKind: 'tickets' } } : result;
		}
		case 'surveys':
			return importRecordFile(
				db,
				file,
				{
					kind: 'surveys',
					vendor: 'mapped',
					mapping: fieldsToColumns(SURVEY_FIELDS, header, mapping)
				},
				input,
				options
			);
		case 'orders':
			return importRecordFile(
				db,
				file,
				{ kind: 'orders', vendor: 'mapped', layout: mappedOrderLayout(mapping) },
				input,
				options
			);
		case 'customers':
			return importRecordFile(
				db,
				file,
				{
					kind: 'customers',
					vendor: 'mapped',
					mapping: fieldsToColumns(CUSTOMER_FIELDS, header, mapping)
				},
				input,
				options
			);
		case 'messages': {
			await input.rest.return(undefined);
			const columns = fieldsToColumns(MESSAGE_FIELDS, header, mapping);
			const mappedHeaders: Record<string, string> = {};
			for (const [field, column] of Object.entries(columns))
				mappedHeaders[field] = header[column as number] ?? '';
			const result = await importMessageSource(
				db,
				file,
				messageSource(
					file,
					sniff,
					{ kind: 'table', match: { vendor: 'messages', mapping: columns, mappedHeaders } },
					options.timeZone
				),
				options
			);
			return result.ok ? { ok: true, value: { ...result.value, sourceKind: 'messages' } } : result;
		}
	}
}
