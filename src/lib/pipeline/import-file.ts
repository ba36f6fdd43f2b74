import { sniffFile } from '$lib/core/ingest/sniff';
import type { ServiceLensDb } from '$lib/db/database';
import { emailSource } from './email-source';
import { importMessageSource } from './import-messages';
import { importTicketFile, type ImportOptions, type ImportSummary } from './import-tickets';
import { detectMessageRoute, messageSource } from './message-sources';
import { readHead } from './read-text';
import type { Result } from './result';

/**
 * Routes a dropped file to its importer: mailboxes (.mbox, .eml) and message exports (rows
 * are messages, or JSON conversations with their messages) go to the message importer, which derives tickets;
 * everything else to the ticket importer (which reports what it cannot read).
 * Other sources add their detection here, before the ticket fallback.
 */
export async function importFile(
	db: ServiceLensDb,
	file: Blob,
	options: ImportOptions
): Promise<Result<ImportSummary>> {
	const sniff = sniffFile(await readHead(file), options.fileName, file.size);
	if (sniff.ok && (sniff.format === 'mbox' || sniff.format === 'eml'))
		return importMessageSource(db, file, emailSource(file, sniff), options);
	if (sniff.ok) {
		const route = await detectMessageRoute(file, sniff);
		if (route !== null)
			return importMessageSource(
				db,
				file,
				messageSource(file, sniff, route, options.timeZone),
				options
			);
	}
	return importTicketFile(db, file, options);
}
