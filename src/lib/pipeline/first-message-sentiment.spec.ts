import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { loadCommittedTickets } from '$lib/db/repositories/tickets';
import { isNegative } from '$lib/core/text/sentiment';
import { importFile } from './import-file';
import { loadFirstMessageSentiment } from './first-message-sentiment';

let db: ServiceLensDb;
afterEach(async () => {
	await db.delete();
});

// A generic message table: c-1's subject-less chat opens angry after a bot line; c-2's first
// customer line is neutral and its angry follow-up comes later; c-3 is friendly.
const CHAT = `conversation_id,message_id,author_role,author,sent_at,text
c-1,m1,bot,shopbot,2026-07-30 08:59:00,Hi! How can we help?
c-1,m2,customer,ann@example.com,2026-07-30 09:00:00,Still waiting for my refund. Terrible.
c-2,m3,customer,bob@example.com,2026-07-30 10:00:00,Can I change my address?
c-2,m4,agent,Lena,2026-07-30 10:05:00,"Yes, done."
c-2,m5,customer,bob@example.com,2026-07-30 10:06:00,This is the worst shop ever
c-3,m7,customer,cem@example.com,2026-07-31 11:00:00,Thanks for the great help
c-3,m6,customer,cem@example.com,2026-07-31 10:50:00,Do you ship to Austria?
`;

describe('loadFirstMessageSentiment', () => {
	it('judges each derived ticket by its first public customer message', async () => {
		db = new ServiceLensDb(`first-message-${Math.random()}`);
		const tickets0 = await loadCommittedTickets(db);
		expect(await loadFirstMessageSentiment(db, tickets0)).toBeNull();
		const result = await importFile(db, new Blob([CHAT]), {
			fileName: 'chat.csv',
			timeZone: 'UTC'
		});
		if (!result.ok) throw new Error(result.error.message);
		const tickets = await loadCommittedTickets(db);
		const sentiment = (await loadFirstMessageSentiment(db, tickets))!;
		const byConversation = Object.fromEntries(
			Array.from({ length: tickets.size }, (_, row) => [
				tickets.keys[row]!.split(':').pop(),
				sentiment.negative[row]
			])
		);
		// By hand: c-1's first customer line is angry; c-2's first is a question; c-3's first (by
		// time, m6, although listed second) is a question.
		expect(byConversation).toEqual({ 'c-1': 1, 'c-2': 0, 'c-3': 0 });
		expect(sentiment.scored).toBe(3);
		expect(isNegative('Still waiting for my refund. Terrible.')).toBe(true);
	});
});
