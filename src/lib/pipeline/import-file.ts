import type { ServiceLensDb } from '$lib/db/database';
import { importMessagesIfRecognised } from './import-messages-if-recognised';
import { importTicketFile, type ImportOptions, type ImportSummary } from './import-tickets';
import type { Result } from './result';

/**
 * Routes a dropped file to its importer: message exports first (mailboxes, chat and social
 * threads, conversation JSON; tickets are derived from them), everything else to the ticket
 * importer (which reports what it cannot read).
 */
export async function importFile(
	db: ServiceLensDb,
	file: Blob,
	options: ImportOptions
): Promise<Result<ImportSummary>> {
	const messages = await importMessagesIfRecognised(db, file, options);
	if (messages !== null) return messages;
	return importTicketFile(db, file, options);
}
