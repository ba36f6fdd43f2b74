import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_FORMAT_ENCODED } from '$lib/core/model/chunk-format';
import type { TicketChunkRecord } from '$lib/core/model/records';
import type { Ticket } from '$lib/core/model/ticket';
import { toTicketColumns } from '$lib/core/model/ticket-columns';
import { emptyMessageColumns, writeMessageAt } from '$lib/core/model/message';
import { ServiceLensDb } from '../database';
import { createImport, markImportDone } from './imports';
import {
	addMessageChunk,
	loadCommittedMessageChunks,
	loadStoredMessageKeys,
	setMessageConversationIds
} from './messages';
import {
	addTicketChunk,
	applyTicketMerges,
	findTicketByKey,
	loadCommittedTickets,
	loadTicketLocations
} from './tickets';

let db: ServiceLensDb;
afterEach(async () => {
	await db.delete();
});

const ticket = (id: string, overrides: Partial<Ticket> = {}): Ticket => ({
	key: `zendesk:${id}`,
	externalId: id,
	importId: 0,
	createdAtMs: Date.UTC(2024, 2, 4, 9),
	firstResponseSeconds: 600,
	solvedAtMs: null,
	resolutionSeconds: null,
	status: 'open',
	channel: 'email',
	priority: 'normal',
	agent: 'Ann',
	group: 'Tier 1',
	subject: `Ticket ${id}`,
	tags: ['a', 'b'],
	customerKey: `${id}@example.com`,
	csatScore: null,
	csatScale: 'none',
	agentReplies: 1,
	reopens: 0,
	...overrides
});

async function doneImport(): Promise<number> {
	const id = await createImport(db, {
		fileName: 'a.csv',
		sizeBytes: 1,
		sourceKind: 'tickets',
		vendor: 'zendesk',
		format: 'csv',
		encoding: 'utf-8',
		timeZone: 'UTC',
		startedAtMs: 1,
		columnMapping: {}
	});
	await markImportDone(
		db,
		id,
		{ rowsRead: 2, imported: 2, duplicates: 0, quarantined: 0 },
		{ columnFill: [], warnings: [] },
		2
	);
	return id;
}

/** The record as IndexedDB holds it, bypassing the reading hook that decodes it. */
function rawGet(table: string, id: number): Promise<Record<string, unknown>> {
	return new Promise((resolve, reject) => {
		const request = db.backendDB().transaction(table).objectStore(table).get(id);
		request.onsuccess = () => resolve(request.result as Record<string, unknown>);
		request.onerror = () => reject(request.error);
	});
}

describe('ticket chunks in format 1 (before encoding) and format 2 side by side', () => {
	it('stores new chunks encoded and reads old and new chunks alike through every path', async () => {
		db = new ServiceLensDb(`chunk-format-${Date.now()}-1`);
		await db.open();
		const importId = await doneImport();
		// A chunk as written before format 2: plain columns, straight into the table.
		const old: TicketChunkRecord = {
			...toTicketColumns([ticket('1'), ticket('2', { agent: 'Bo', tags: [] })]),
			importId
		};
		const oldId = (await db.ticketChunks.add(old)) as number;
		const newId = await addTicketChunk(
			db,
			importId,
			toTicketColumns([ticket('3', { subject: '退款 ✓' }), ticket('4')])
		);
		expect((await rawGet('ticketChunks', oldId)).format).toBeUndefined();
		const stored = await rawGet('ticketChunks', newId);
		expect(stored.format).toBe(CHUNK_FORMAT_ENCODED);
		expect(stored.keys).toBeUndefined();

		const table = await loadCommittedTickets(db);
		expect(table.keys).toEqual(['zendesk:1', 'zendesk:2', 'zendesk:3', 'zendesk:4']);
		expect(table.agents).toEqual(['Ann', 'Bo', 'Ann', 'Ann']);
		expect(table.tags).toEqual(['a|b', '', 'a|b', 'a|b']);
		expect(table.subjects[2]).toBe('退款 ✓');
		expect((await db.ticketChunks.get(newId))?.customerKeys).toEqual([
			'3@example.com',
			'4@example.com'
		]);
		const each: string[] = [];
		await db.ticketChunks
			.where('importId')
			.equals(importId)
			.each((chunk) => each.push(...chunk.externalIds));
		expect(each).toEqual(['1', '2', '3', '4']);
		expect((await db.ticketChunks.bulkGet([oldId, newId])).map((c) => c?.keys.length)).toEqual([
			2, 2
		]);
		expect(await findTicketByKey(db, 'zendesk:4')).toMatchObject({ externalId: '4', importId });
		const locations = await loadTicketLocations(db);
		expect(locations.get('zendesk:2')).toEqual({ chunkId: oldId, row: 1 });
		expect(locations.get('zendesk:3')).toEqual({ chunkId: newId, row: 0 });
	});

	it('a merge into an old chunk rewrites it encoded, with every other row unchanged', async () => {
		db = new ServiceLensDb(`chunk-format-${Date.now()}-2`);
		await db.open();
		const importId = await doneImport();
		const oldId = (await db.ticketChunks.add({
			...toTicketColumns([ticket('1'), ticket('2')]),
			importId
		})) as number;
		await applyTicketMerges(db, [
			{
				location: { chunkId: oldId, row: 1 },
				ticket: ticket('2', { status: 'solved', solvedAtMs: Date.UTC(2024, 2, 5), agent: 'Cy' })
			}
		]);
		expect((await rawGet('ticketChunks', oldId)).format).toBe(CHUNK_FORMAT_ENCODED);
		const chunk = await db.ticketChunks.get(oldId);
		expect(chunk?.agents).toEqual(['Ann', 'Cy']);
		expect(chunk?.keys).toEqual(['zendesk:1', 'zendesk:2']);
		expect(chunk?.solvedAtMs[1]).toBe(Date.UTC(2024, 2, 5));
	});
});

describe('message chunks in both formats', () => {
	it('reads an old chunk as it is and a new one decoded; a conversation rewrite keeps the rest', async () => {
		db = new ServiceLensDb(`chunk-format-${Date.now()}-3`);
		await db.open();
		const importId = await doneImport();
		const columns = emptyMessageColumns(2);
		for (const [i, role] of (['customer', 'agent'] as const).entries())
			writeMessageAt(
				columns,
				columns.size++,
				{
					conversationId: 'c1',
					messageId: `m${i}`,
					role,
					isPublic: true,
					isAutomated: false,
					event: 'message',
					sentAtMs: 1000 + i,
					text: i === 0 ? 'Where is my order? 😀' : 'On its way',
					authorId: i === 0 ? 'ann@example.com' : 'shop',
					channel: 'email',
					subject: i === 0 ? 'Order' : ''
				},
				`gmail:m${i}`
			);
		const { size, keys, ...rest } = columns;
		const oldId = (await db.messageChunks.add({ importId, size, keys, columns: rest })) as number;
		const newId = await addMessageChunk(db, importId, columns);
		expect((await rawGet('messageChunks', newId)).format).toBe(CHUNK_FORMAT_ENCODED);
		const [a, b] = await loadCommittedMessageChunks(db);
		expect(a?.id).toBe(oldId);
		expect(b).toEqual({ ...a, id: newId });
		expect((await loadStoredMessageKeys(db)).has('gmail:m1')).toBe(true);
		await setMessageConversationIds(db, oldId, ['c9', 'c9']);
		const rewritten = await db.messageChunks.get(oldId);
		expect(rewritten?.columns.conversationIds).toEqual(['c9', 'c9']);
		expect(rewritten?.columns.texts).toEqual(['Where is my order? 😀', 'On its way']);
		expect(rewritten?.keys).toEqual(['gmail:m0', 'gmail:m1']);
	});
});
