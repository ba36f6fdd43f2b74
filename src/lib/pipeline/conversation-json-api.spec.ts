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
			reopens: 1,
			agentReplies: 1,
			agent: 'kim@lumen-shop.example',
			customerKey: 'ann@example.com',
			channel: 'chat'
		});
	});

	it('Help Scout API conversation: threads newest first, note skipped, closedAt is the solve', async () => {
		const summary = await run('helpscout-conversations-api.json');
		expect(summary.vendor).toBe('helpscout');
		expect(summary.counts).toEqual({ rowsRead: 4, imported: 4, duplicates: 0, quarantined: 0 });
		expect(await findTicketByKey(db, 'helpscout:2391938111')).toMatchObject({
			createdAtMs: Date.UTC(2026, 2, 2, 8),
			firstResponseSeconds: 5400,
			status: 'solved',
			solvedAtMs: Date.UTC(2026, 2, 2, 11),
			resolutionSeconds: 3 * 3600,
			agentReplies: 1,
			customerKey: 'ann@example.com',
			channel: 'email'
		});
	});
});
