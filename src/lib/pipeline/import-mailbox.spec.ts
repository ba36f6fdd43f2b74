import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { loadCommittedMessageChunks } from '$lib/db/repositories/messages';
import { listImports } from '$lib/db/repositories/imports';
import { loadCommittedTickets } from '$lib/db/repositories/tickets';
import { bulkMailboxPieces, type BulkMailboxStats } from '$lib/core/demo/bulk-mailbox';
import { importFile } from './import-file';
import { parseMailboxOnly } from './parse-only';

let db: ServiceLensDb;
afterEach(async () => {
	await db.delete();
});

describe('the generated benchmark mailbox through the real import path', () => {
	it('every mail read and stored, one ticket per generated thread (subject joins included)', async () => {
		db = new ServiceLensDb('mailbox-bench-import');
		const stats: BulkMailboxStats = {
			bytes: 0,
			messages: 0,
			threads: 0,
			shopMessages: 0,
			withAttachment: 0
		};
		const file = new Blob([...bulkMailboxPieces(1_500_000, { stats })]);
		const parsed = await parseMailboxOnly(file);
		expect(parsed.rows).toBe(stats.messages);

		const result = await importFile(db, file, { fileName: 'bench.mbox', timeZone: 'UTC' });
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value).toMatchObject({ vendor: 'email', format: 'mbox' });
		expect(result.value.counts).toEqual({
			rowsRead: stats.messages,
			imported: stats.messages,
			duplicates: 0,
			quarantined: 0
		});
		// Each thread opens with a customer mail; unlinked replies join it by subject.
		expect(result.value.derived).toMatchObject({
			conversations: stats.threads,
			tickets: stats.threads,
			withoutCustomerMessage: 0
		});
		// Every mail has a thread (hint), id, role, date, text, sender and subject.
		const [record] = await listImports(db);
		expect(record?.quality?.columnFill).toEqual(
			['conversationId', 'messageId', 'role', 'sentAt', 'text', 'authorId', 'subject'].map(
				(column) => ({ column, filled: stats.messages })
			)
		);
		const tickets = await loadCommittedTickets(db);
		expect(tickets.size).toBe(stats.threads);
		const chunks = await loadCommittedMessageChunks(db);
		const roles = chunks.flatMap((chunk) => [...chunk.columns.roleCodes]);
		// Agents (2) and auto-replies (3, bots) are the shop's mails.
		expect(roles.filter((code) => code === 2 || code === 3)).toHaveLength(stats.shopMessages);
	});
});
