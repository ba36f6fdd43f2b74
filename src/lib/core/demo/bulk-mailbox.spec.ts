import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { MboxSplitter } from '../ingest/messages/mbox-splitter';
import { bulkMailboxPieces, rfc2822Date, type BulkMailboxStats } from './bulk-mailbox';

const newStats = (): BulkMailboxStats => ({
	bytes: 0,
	messages: 0,
	threads: 0,
	shopMessages: 0,
	withAttachment: 0
});

describe('bulkMailboxPieces', () => {
	it('writes whole threads in pieces until the size is reached, and says what it wrote', () => {
		const stats = newStats();
		const pieces = [...bulkMailboxPieces(400_000, { pieceChars: 50_000, stats })];
		const text = pieces.join('');
		expect(pieces.length).toBeGreaterThan(4);
		expect(text.length).toBe(stats.bytes);
		expect(stats.bytes).toBeGreaterThanOrEqual(400_000);
		// Every mail starts with Gmail's envelope line, the splitter finds each.
		expect(text.match(/^From \d+@xxx /gm)?.length).toBe(stats.messages);
		const splitter = new MboxSplitter();
		const mails = pieces.flatMap((piece) => splitter.push(piece)).concat(splitter.end());
		expect(mails).toHaveLength(stats.messages);
		expect(stats.threads).toBeGreaterThan(3);
		expect(stats.withAttachment).toBeGreaterThan(0);
		// All ASCII: characters are bytes.
		expect([...text].every((char) => char.charCodeAt(0) < 128)).toBe(true);
	});

	it('is seeded: the same seed gives the same mailbox', () => {
		const a = [...bulkMailboxPieces(50_000, { seed: 7 })].join('');
		const b = [...bulkMailboxPieces(50_000, { seed: 7 })].join('');
		expect(a).toBe(b);
	});

	it('every mail parses with postal-mime: threads linked, encodings decoded, attachments found', async () => {
		const stats = newStats();
		const splitter = new MboxSplitter();
		const mails = [...bulkMailboxPieces(300_000, { stats })]
			.flatMap((piece) => splitter.push(piece))
			.concat(splitter.end());
		let withReferences = 0;
		let attachments = 0;
		for (const raw of mails) {
			const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
			expect(email.messageId).toMatch(/^<[cs]\d+\.\d@/);
			expect(Number.isNaN(Date.parse(email.date ?? ''))).toBe(false);
			expect((email.text ?? '').length).toBeGreaterThan(10);
			expect(email.text).not.toMatch(/=C3|^>From /m);
			if (email.references !== undefined) withReferences++;
			attachments += email.attachments.length;
		}
		expect(attachments).toBe(stats.withAttachment);
		// Replies are linked, except the few the generator leaves for the subject join.
		expect(withReferences).toBeGreaterThan((stats.messages - stats.threads) * 0.8);
	});

	it('dates in RFC 2822 with the offset shown', () => {
		expect(rfc2822Date(Date.UTC(2026, 2, 2, 8, 0, 5), 1)).toBe('Mon, 02 Mar 2026 09:00:05 +0100');
		expect(rfc2822Date(Date.UTC(2026, 2, 2, 3, 0, 0), -5)).toBe('Sun, 01 Mar 2026 22:00:00 -0500');
	});
});
