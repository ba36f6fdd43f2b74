import PostalMime from 'postal-mime';
import type { SniffResult } from '$lib/core/ingest/sniff';
import { MboxSplitter } from '$lib/core/ingest/messages/mbox-splitter';
import {
	emailFacts,
	emailMessageRow,
	mailboxOwner,
	type EmailFacts
} from '$lib/core/ingest/messages/email';
import type { ParsedMessageRow } from '$lib/core/ingest/messages/message-import-session';
import { readTextPieces } from './read-text';
import type { MessageBatch, MessageSource } from './import-messages';

type TextSniff = Extract<SniffResult, { ok: true }>;

/** Mails read before the shop's address is decided (and before any is emitted). */
const OWNER_SAMPLE = 200;
/** Parsed mails per batch handed to the importer (progress, cancel checks). */
const BATCH_MESSAGES = 250;

interface ReadMail {
	rowNumber: number;
	raw: string;
	facts: EmailFacts | null;
}

/**
 * An .mbox (a Gmail Takeout of the support mailbox) or a single .eml as message rows.
 * The mbox is cut in the decoded text stream, one message held at a time, each parsed
 * by postal-mime. The shop side is decided from the first OWNER_SAMPLE mails.
 */
export function emailSource(file: Blob, sniff: TextSniff): MessageSource {
	let owner = '';
	async function* mails(): AsyncGenerator<{ raw: string; bytesRead: number }> {
		const splitter = sniff.format === 'mbox' ? new MboxSplitter() : null;
		let whole = '';
		let bytesRead = 0;
		for await (const piece of readTextPieces(file, sniff.encoding)) {
			bytesRead = piece.bytesRead;
			if (splitter === null) whole += piece.text;
			else for (const raw of splitter.push(piece.text)) yield { raw, bytesRead };
		}
		if (splitter === null) yield { raw: whole.replace(/^\uFEFF/, ''), bytesRead };
		else for (const raw of splitter.end()) yield { raw, bytesRead };
	}

	async function* batches(): AsyncGenerator<MessageBatch> {
		let rowNumber = 0;
		let waiting: ReadMail[] = [];
		let decided = false;
		const toRows = (items: ReadMail[]): ParsedMessageRow[] =>
			items.map((item) =>
				item.facts === null
					? {
							ok: false,
							row: {
								rowNumber: item.rowNumber,
								reason: 'unreadable_email',
								column: null,
								raw: [item.raw.slice(0, 2000)]
							}
						}
					: emailMessageRow(item.facts, owner, item.rowNumber, item.raw)
			);
		let bytesRead = 0;
		for await (const mail of mails()) {
			bytesRead = mail.bytesRead;
			let facts: EmailFacts | null;
			try {
				facts = emailFacts(await PostalMime.parse(mail.raw, { attachmentEncoding: 'arraybuffer' }));
			} catch {
				facts = null;
			}
			// The raw text is kept only for what gets quarantined.
			const keepRaw = facts === null || facts.sentAtMs === null;
			waiting.push({ rowNumber: ++rowNumber, raw: keepRaw ? mail.raw : '', facts });
			if (!decided && waiting.length >= OWNER_SAMPLE) {
				owner = mailboxOwner(waiting.flatMap((item) => (item.facts === null ? [] : [item.facts])));
				decided = true;
			}
			if (decided && waiting.length >= BATCH_MESSAGES) {
				yield { rows: toRows(waiting), bytesRead };
				waiting = [];
			}
		}
		if (!decided)
			owner = mailboxOwner(waiting.flatMap((item) => (item.facts === null ? [] : [item.facts])));
		if (waiting.length > 0) yield { rows: toRows(waiting), bytesRead };
	}

	return {
		vendor: 'email',
		format: sniff.format,
		encoding: sniff.encoding,
		columnMapping: {
			messageId: 'Message-ID',
			thread: 'References / In-Reply-To (else subject)',
			sentAt: 'Date',
			authorId: 'From',
			role: 'shop address (Delivered-To or most frequent)'
		},
		quarantineHeader: () => ['message'],
		batches: batches()
	};
}
