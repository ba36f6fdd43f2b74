import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { loadCommittedTickets } from '$lib/db/repositories/tickets';
import { ticketAt } from '$lib/core/model/ticket-columns';
import type { Ticket } from '$lib/core/model/ticket';
import { importFile } from './import-file';
import { removeImport } from './remove-import';
import { forecastDataVersion } from './forecast';
import { ticketTableNumbers } from './ticket-table-cache';

const fixture = (name: string) =>
	new Blob([readFileSync(new URL(`../../../tests/fixtures/exports/${name}`, import.meta.url))]);

let db: ServiceLensDb;
let dbCounter = 0;
const freshDb = () => (db = new ServiceLensDb(`conversation-history-test-${++dbCounter}`));
afterEach(async () => {
	await db.delete();
});

async function run(name: string) {
	const result = await importFile(db, fixture(name), { fileName: name, timeZone: 'UTC' });
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

/** Every committed ticket by conversation: [created, first response s, agent replies, agent]. */
async function tickets(): Promise<Record<string, [number, number | null, number | null, string]>> {
	const columns = await loadCommittedTickets(db);
	const rows: Ticket[] = Array.from({ length: columns.size }, (_, row) =>
		ticketAt(columns, row, 0)
	);
	return Object.fromEntries(
		rows
			.sort((a, b) => (a.key < b.key ? -1 : 1))
			.map((t) => [t.externalId, [t.createdAtMs, t.firstResponseSeconds, t.agentReplies, t.agent]])
	);
}

const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 6, day, hour, minute);
const aug = (hour: number, minute = 0) => Date.UTC(2026, 7, 1, hour, minute);

describe('a conversation split across two exports', () => {
	it('derives first response and replies over both files, without doubling on re-import', async () => {
		freshDb();
		const july = await run('chat-july.csv');
		expect(july.counts).toEqual({ rowsRead: 5, imported: 5, duplicates: 0, quarantined: 0 });
		// July alone: c-10 has only a bot answer, c-12 no answer yet.
		expect(await tickets()).toEqual({
			'c-10': [at(30, 9), null, 0, ''],
			'c-11': [at(30, 10), 300, 1, 'Lena'],
			'c-12': [at(31, 23, 50), null, 0, '']
		});

		const august = await run('chat-august.csv');
		// m4 was in July's export too.
		expect(august.counts).toEqual({ rowsRead: 6, imported: 5, duplicates: 1, quarantined: 0 });
		// c-10, c-11, c-12 continue July's conversations (updated), c-13 is new; c-12 and c-11
		// have no customer message in August but are tickets through July's messages.
		expect(august.derived).toEqual({
			conversations: 4,
			tickets: 4,
			ticketsMerged: 3,
			withoutCustomerMessage: 0
		});
		expect(await tickets()).toEqual({
			// Created 30 Jul 09:00 (July), first human reply 1 Aug 08:00 (August): 47 h.
			'c-10': [at(30, 9), 47 * 3600, 1, 'Lena'],
			'c-11': [at(30, 10), 300, 1, 'Lena'],
			// 31 Jul 23:50 → 1 Aug 09:00: 9 h 10 min.
			'c-12': [at(31, 23, 50), 9 * 3600 + 10 * 60, 1, 'Omar'],
			'c-13': [aug(11), 1800, 1, 'Lena']
		});

		// August again (an overlapping re-export): nothing doubles, nothing changes.
		const again = await run('chat-august.csv');
		expect(again.counts).toEqual({ rowsRead: 6, imported: 0, duplicates: 6, quarantined: 0 });
		const before = await tickets();
		expect(Object.keys(before)).toHaveLength(4);
		expect(before['c-10']).toEqual([at(30, 9), 47 * 3600, 1, 'Lena']);

		// Removing August brings every ticket back to what July alone implies (the re-export's
		// import holds no messages of its own).
		await removeImport(db, august.importId);
		expect(await tickets()).toEqual({
			'c-10': [at(30, 9), null, 0, ''],
			'c-11': [at(30, 10), 300, 1, 'Lena'],
			'c-12': [at(31, 23, 50), null, 0, '']
		});
	});

	it('a view read between the deletion and the re-derivation is not reused afterwards', async () => {
		freshDb();
		const july = await run('chat-july.csv');
		const august = await run('chat-august.csv');
		await removeImport(db, august.importId);
		const after = await forecastDataVersion(db);
		// The state a dashboard refresh could read between the deletion and the rewrite of
		// July's tickets: August gone, July not yet revised. Its version must differ, or the
		// worker would keep the two-file timings it built then.
		const revisedAtMs = (await db.imports.get(july.importId))?.revisedAtMs;
		expect(revisedAtMs).toBeTypeOf('number');
		await db.imports.update(july.importId, { revisedAtMs: undefined });
		const midway = await forecastDataVersion(db);
		await db.imports.update(july.importId, { revisedAtMs });
		expect(after).not.toBe(midway);
		const { table } = await ticketTableNumbers(db);
		const answered = Array.from(table.columns.firstResponseSeconds).filter(Number.isFinite);
		expect(answered).toEqual([300]); // July alone: only c-11 was answered
	});

	it('removing the first file leaves what the second file alone implies', async () => {
		freshDb();
		const july = await run('chat-july.csv');
		await run('chat-august.csv');
		await removeImport(db, july.importId);
		// August alone: c-10 starts with Ann's thank-you at 08:10 (Lena's 08:00 message came
		// before it, so it is no response); c-12 and c-11 have no customer message; c-13 stays.
		expect(await tickets()).toEqual({
			'c-10': [aug(8, 10), null, 0, ''],
			'c-13': [aug(11), 1800, 1, 'Lena']
		});
	});

	it('two mailboxes: the reply in the second joins the thread of the first', async () => {
		freshDb();
		// The support mailbox cut in two: Ann's question and the auto-reply, then Kim's reply
		// (In-Reply-To the question, which the second file does not have) and Ann's answer.
		const text = readFileSync(
			new URL('../../../tests/fixtures/exports/support-mailbox.mbox', import.meta.url),
			'utf8'
		);
		const mails = text.split(/^(?=From 178\d+@xxx )/m);
		const mbox = (parts: string[]) => new Blob([parts.join('')], { type: 'application/mbox' });
		const first = await importFile(db, mbox(mails.slice(0, 2)), {
			fileName: 'march-1.mbox',
			timeZone: 'UTC'
		});
		if (!first.ok) throw new Error(first.error.message);
		const before = Object.values(await tickets());
		expect(before).toEqual([[Date.UTC(2026, 2, 2, 8), null, 0, '']]);
		const second = await importFile(db, mbox(mails.slice(2, 4)), {
			fileName: 'march-2.mbox',
			timeZone: 'UTC'
		});
		if (!second.ok) throw new Error(second.error.message);
		const after = Object.values(await tickets());
		// 08:00 question → 09:30 Kim: 90 min; the auto-reply at 08:00:05 does not count.
		expect(after).toHaveLength(1);
		expect(after[0]?.slice(0, 3)).toEqual([Date.UTC(2026, 2, 2, 8), 5400, 1]);
	});
});
