import { sniffFile } from '$lib/core/ingest/sniff';
import type { ServiceLensDb } from '$lib/db/database';
import { emailSource } from './email-source';
import { importMessageSource } from './import-messages';
import type { ImportOptions, ImportSummary } from './import-tickets';
import { detectMessageRoute, messageSource } from './message-sources';
import { readHead } from './read-text';
import type { Result } from './result';

/**
 * Imports the file as messages when it is a message export: a mailbox (.mbox, .eml), a
 * message table (rows are messages) or JSON conversations with their messages. Returns null
 * for anything else, so the caller's routing (tickets, surveys, orders) takes it.
 */
export async function importMessagesIfRecognised(
	db: ServiceLensDb,
	file: Blob,
	options: ImportOptions
): Promise<Result<ImportSummary> | null> {
	const sniff = sniffFile(await readHead(file), options.fileName, file.size);
	if (!sniff.ok) return null;
	if (sniff.format === 'mbox' || sniff.format === 'eml')
		return importMessageSource(db, file, emailSource(file, sniff), options);
	const route = await detectMessageRoute(file, sniff);
	if (route === null) return null;
	return importMessageSource(
		db,
		file,
		messageSource(file, sniff, route, options.timeZone),
		options
	);
}
