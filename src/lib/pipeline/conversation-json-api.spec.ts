import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { findTicketByKey } from '$lib/db/repositories/tickets';
import { importFile } from './import-file';

/*
 * Conversation JSON in the shapes the vendors' APIs document (fixtures written by hand from
 * the Intercom conversation model and the Help Scout Mailbox API 2.0; see the fixtures README).
 * Expected values worked out by hand from the timestamps.
 */
const fixture = (name: string) =>
	new Blob([readFileSync(new URL(`../../../tests/fixtures/exports/${name}`, import.meta.url))]);

let db: ServiceLensDb;
let dbCounter = 0;
afterEach(async () => {
	await db.delete();
});

async function run(name: string) {
	db = new ServiceLensDb(`conversation-json-api-test-${++dbCounter}`);
	const result = await importFile(db, fixture(name), { fileName: name, timeZone: 'UTC' });
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

describe('vendor-documented conversation JSON', () => {
	it('Intercom API conversation: nested parts, bot and note skipped, close / reopen / close', async () => {
		const summary = await run('intercom-conversations-api.json');
		expect(summary.vendor).toBe('intercom');
		// The source message and 7 parts.
		expect(summary.counts).toEqual({ rowsRead: 8, imported: 8, duplicates: 0, quarantined: 0 });
		// Created 2 Mar 2026 08:00 UTC (1772438400); Kim's comment at +1800 s (the Operator's
		// greeting at +10 s and the note at +600 s do not count); closed at +7200 s, Ann wrote
		// at +10800 s (a reopen), closed again at +14400 s.
		expect(await findTicketByKey(db, 'intercom:1911149811')).toMatchObject({
			createdAtMs: Date.UTC(2026, 2, 2, 8),
			firstResponseSeconds: 1800,
			status: 'solved',
			solvedAtMs: Date.UTC(2026, 2, 2, 12),
			resolutionSeconds: 4 * 3600,
			// The first close part, as statistics.time_to_first_close states.
			firstResolutionSeconds: 7200,
			reopens: 1,
			agentReplies: 1,
			agent: 'kim@lumen-shop.example',
			customerKey: 'ann@example.com',
			channel: 'chat'
		});
	});

	it('Help Scout API conversations: threads newest first, thread types and statuses', async () => {
		const summary = await run('helpscout-conversations-api.json');
		expect(summary.vendor).toBe('helpscout');
		// 4 threads + 9 threads, one message (row) each.
		expect(summary.counts).toEqual({ rowsRead: 13, imported: 13, duplicates: 0, quarantined: 0 });
		// Ann wrote at 08:00, the note (08:40) does not stop the clock, Kim replied at 09:30
		// (5400 s); Kim's line item set "closed" at 11:00: the one solve, first = full = 3 h.
		expect(await findTicketByKey(db, 'helpscout:2391938111')).toMatchObject({
			createdAtMs: Date.UTC(2026, 2, 2, 8),
			firstResponseSeconds: 5400,
			status: 'solved',
			solvedAtMs: Date.UTC(2026, 2, 2, 11),
			resolutionSeconds: 3 * 3600,
			firstResolutionSeconds: 3 * 3600,
			reopens: 0,
			agentReplies: 1,
			customerKey: 'ann@example.com',
			channel: 'email'
		});
		// 3 Mar: Kim's outbound `message` at 09:50 comes before Bob's first message (10:00), so
		// it answers nothing; the workflow line item (10:05) and the note (10:10) do not stop
		// the clock; Kim's `message` thread at 10:20 is a public agent reply (1200 s). Her
		// `reply` at 10:30 carries status closed: a reply and the first solve (1800 s). Bob
		// writes at 12:00 (a reopen), Kim answers on `chat` at 13:00 (createdBy a user: the
		// agent) and her line item closes at 13:10: full resolution 3 h 10 min = 11,400 s.
		// Agent replies after creation: 10:20, 10:30, 13:00.
		expect(await findTicketByKey(db, 'helpscout:2391938112')).toMatchObject({
			createdAtMs: Date.UTC(2026, 2, 3, 10),
			firstResponseSeconds: 1200,
			status: 'solved',
			solvedAtMs: Date.UTC(2026, 2, 3, 13, 10),
			resolutionSeconds: 11_400,
			firstResolutionSeconds: 1800,
			reopens: 1,
			agentReplies: 3,
			agent: 'kim@lumen-shop.example',
			customerKey: 'bob@example.com',
			channel: 'email'
		});
	});
});
