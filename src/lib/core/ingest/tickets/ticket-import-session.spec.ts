import { describe, expect, it, vi } from 'vitest';
import type { QuarantinedRow } from '../../model/records';
import type { Ticket } from '../../model/ticket';
import { ticketAt, type TicketColumns } from '../../model/ticket-columns';
import { TicketImportSession, type TicketLocation } from './ticket-import-session';

const IMPORT_ID = 3;

function ticket(id: string, overrides: Partial<Ticket> = {}): Ticket {
	return {
		key: `generic:${id}`,
		externalId: id,
		importId: IMPORT_ID,
		createdAtMs: Date.UTC(2024, 2, 4, 9),
		firstResponseSeconds: null,
		solvedAtMs: null,
		resolutionSeconds: null,
		status: 'open',
		channel: 'email',
		priority: 'unknown',
		agent: '',
		group: '',
		subject: `Ticket ${id}`,
		tags: [],
		customerKey: '',
		csatScore: null,
		csatScale: 'none',
		agentReplies: null,
		reopens: null,
		...overrides
	};
}

const ok = (t: Ticket) => ({ ok: true as const, ticket: t });
const bad = (rowNumber: number): QuarantinedRow => ({
	rowNumber,
	reason: 'invalid_created_at',
	column: 'Created at',
	raw: [String(rowNumber), 'not a date']
});

const noStored = new Map<string, TicketLocation>();
const rowsOf = (chunk: TicketColumns | undefined) =>
	chunk === undefined
		? []
		: Array.from({ length: chunk.size }, (_, row) => ticketAt(chunk, row, IMPORT_ID));

describe('TicketImportSession: accounting', () => {
	it('accounts for every row read as imported, duplicate or quarantined', () => {
		const session = new TicketImportSession(new Map([['generic:old', { chunkId: 9, row: 0 }]]), 3);
		session.add(ok(ticket('a')));
		session.add(ok(ticket('b')));
		session.add({ ok: false, row: bad(3) });
		session.add(ok(ticket('c')));
		session.add(ok(ticket('d')));
		session.add(ok(ticket('b'))); // duplicate in a rolled chunk
		session.add(ok(ticket('d'))); // duplicate in the current chunk
		session.add(ok(ticket('old'))); // duplicate of a stored ticket
		session.reject(bad(9));
		expect(session.counts).toEqual({ rowsRead: 9, imported: 4, duplicates: 3, quarantined: 2 });
		const { rowsRead, imported, duplicates, quarantined } = session.counts;
		expect(imported + duplicates + quarantined).toBe(rowsRead);
	});

	it('counts a row passed to reject() as read and quarantined', () => {
		const session = new TicketImportSession(noStored, 3);
		session.reject(bad(1));
		expect(session.counts).toEqual({ rowsRead: 1, imported: 0, duplicates: 0, quarantined: 1 });
		expect(session.takeQuarantined()).toEqual([bad(1)]);
	});
});

describe('TicketImportSession: chunks', () => {
	it('rolls a chunk every chunkSize new tickets and the partial rest on finish()', () => {
		const session = new TicketImportSession(noStored, 3);
		for (const id of ['1', '2', '3', '4', '5', '6', '7']) session.add(ok(ticket(id)));
		const full = session.takeFullChunks();
		expect(full.map((chunk) => chunk.keys)).toEqual([
			['generic:1', 'generic:2', 'generic:3'],
			['generic:4', 'generic:5', 'generic:6']
		]);
		expect(full.map((chunk) => chunk.size)).toEqual([3, 3]);
		// Taking drains: the caller stores each chunk once.
		expect(session.takeFullChunks()).toEqual([]);

		session.finish();
		const [last, ...more] = session.takeFullChunks();
		expect(more).toEqual([]);
		expect(last?.size).toBe(1);
		expect(last?.keys).toEqual(['generic:7']);
		// Typed columns are trimmed to the rows they hold.
		expect(last?.createdAtMs.length).toBe(1);
		expect(last?.statusCodes.length).toBe(1);
	});

	it('stores the ticket values in the chunk columns', () => {
		const session = new TicketImportSession(noStored, 3);
		const a = ticket('a', { agent: 'Ann', tags: ['x', 'y'], firstResponseSeconds: 60 });
		session.add(ok(a));
		session.finish();
		expect(rowsOf(session.takeFullChunks()[0])).toEqual([a]);
	});

	it('writes no chunk on finish() when the last one was exactly full', () => {
		const session = new TicketImportSession(noStored, 3);
		for (const id of ['1', '2', '3']) session.add(ok(ticket(id)));
		expect(session.takeFullChunks()).toHaveLength(1);
		session.finish();
		expect(session.takeFullChunks()).toEqual([]);
	});

	it('does not let duplicates or quarantined rows take chunk rows', () => {
		const session = new TicketImportSession(noStored, 3);
		session.add(ok(ticket('a')));
		session.add(ok(ticket('a')));
		session.add({ ok: false, row: bad(3) });
		session.add(ok(ticket('b')));
		expect(session.takeFullChunks()).toEqual([]);
		session.finish();
		expect(session.takeFullChunks()[0]?.keys).toEqual(['generic:a', 'generic:b']);
	});
});

describe('TicketImportSession: duplicates', () => {
	it('merges a duplicate in the current chunk in place: later non-empty fields win', () => {
		const session = new TicketImportSession(noStored, 3);
		session.add(ok(ticket('a', { agent: 'Ann', group: 'Tier 1', subject: 'Refund' })));
		session.add(ok(ticket('b')));
		session.add(
			ok(
				ticket('a', {
					agent: '',
					group: 'Tier 2',
					subject: 'Refund, again',
					status: 'solved',
					channel: 'unknown',
					resolutionSeconds: 3600
				})
			)
		);
		expect(session.pendingMerges(() => 0)).toEqual([]);
		session.finish();
		const [a, b, ...rest] = rowsOf(session.takeFullChunks()[0]);
		expect(rest).toEqual([]);
		expect(b?.key).toBe('generic:b');
		expect(a).toEqual(
			ticket('a', {
				agent: 'Ann',
				group: 'Tier 2',
				subject: 'Refund, again',
				status: 'solved',
				channel: 'email',
				resolutionSeconds: 3600
			})
		);
	});

	it('queues a duplicate of an already-rolled chunk with a placeholder resolved later', () => {
		const session = new TicketImportSession(noStored, 3);
		for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) session.add(ok(ticket(id)));
		const laterE = ticket('e', { agent: 'Eve', status: 'pending' });
		session.add(ok(laterE));
		const resolve = vi.fn((localIndex: number) => [501, 502][localIndex] ?? -1);
		expect(session.pendingMerges(resolve)).toEqual([
			{ location: { chunkId: 502, row: 1 }, ticket: laterE }
		]);
		expect(resolve).toHaveBeenCalledWith(1);
	});

	it('gives the first local chunk the placeholder for index 0', () => {
		const session = new TicketImportSession(noStored, 2);
		for (const id of ['a', 'b', 'c']) session.add(ok(ticket(id)));
		session.add(ok(ticket('b', { agent: 'Bo' })));
		const resolve = vi.fn(() => 77);
		const [merge, ...rest] = session.pendingMerges(resolve);
		expect(rest).toEqual([]);
		expect(merge?.location).toEqual({ chunkId: 77, row: 1 });
		expect(resolve).toHaveBeenCalledExactlyOnceWith(0);
	});

	it('queues a duplicate of a stored ticket at its stored location', () => {
		const existing = new Map([['generic:old', { chunkId: 40, row: 7 }]]);
		const session = new TicketImportSession(existing, 3);
		const later = ticket('old', { status: 'closed' });
		session.add(ok(later));
		expect(session.counts).toEqual({ rowsRead: 1, imported: 0, duplicates: 1, quarantined: 0 });
		const resolve = vi.fn(() => 0);
		expect(session.pendingMerges(resolve)).toEqual([
			{ location: { chunkId: 40, row: 7 }, ticket: later }
		]);
		expect(resolve).not.toHaveBeenCalled();
		// A stored ticket is never written again as a new row.
		session.finish();
		expect(session.takeFullChunks()).toEqual([]);
	});

	it('folds two later rows for the same stored ticket into one pending merge', () => {
		const existing = new Map([['generic:old', { chunkId: 40, row: 7 }]]);
		const session = new TicketImportSession(existing, 3);
		session.add(ok(ticket('old', { agent: 'Bo', subject: 'First', reopens: 1 })));
		session.add(
			ok(
				ticket('old', {
					agent: '',
					subject: 'Second',
					reopens: null,
					csatScore: 5,
					csatScale: 'five_point'
				})
			)
		);
		expect(session.counts.duplicates).toBe(2);
		expect(session.pendingMerges(() => 0)).toEqual([
			{
				location: { chunkId: 40, row: 7 },
				ticket: ticket('old', {
					agent: 'Bo',
					subject: 'Second',
					reopens: 1,
					csatScore: 5,
					csatScale: 'five_point'
				})
			}
		]);
	});

	it('folds two later rows for a ticket of a rolled local chunk too', () => {
		const session = new TicketImportSession(noStored, 2);
		for (const id of ['a', 'b', 'c']) session.add(ok(ticket(id)));
		session.add(ok(ticket('a', { agent: 'Ann' })));
		session.add(ok(ticket('a', { group: 'VIP' })));
		const merges = session.pendingMerges((n) => 100 + n);
		expect(merges).toHaveLength(1);
		expect(merges[0]?.location).toEqual({ chunkId: 100, row: 0 });
		expect(merges[0]?.ticket).toMatchObject({ agent: 'Ann', group: 'VIP' });
	});
});

describe('TicketImportSession: quarantine', () => {
	it('hands quarantined rows over in order and drains them', () => {
		const session = new TicketImportSession(noStored, 3);
		session.add({ ok: false, row: bad(2) });
		session.add(ok(ticket('a')));
		session.add({ ok: false, row: bad(5) });
		expect(session.pendingQuarantined).toBe(2);
		expect(session.takeQuarantined()).toEqual([bad(2), bad(5)]);
		expect(session.pendingQuarantined).toBe(0);
		expect(session.takeQuarantined()).toEqual([]);
		session.add({ ok: false, row: bad(8) });
		expect(session.takeQuarantined()).toEqual([bad(8)]);
		expect(session.counts.quarantined).toBe(3);
	});
});

describe('TicketImportSession: duplicate index', () => {
	it('holds an index of this file’s keys, none when the caller vouches keys are unique', () => {
		const checked = new TicketImportSession(noStored, 4);
		const trusted = new TicketImportSession(noStored, 4, { keysUnique: true });
		for (let i = 0; i < 10; i++) {
			checked.add(ok(ticket(String(i))));
			trusted.add(ok(ticket(String(i))));
		}
		expect(checked.indexBytes).toBeGreaterThan(0);
		expect(trusted.indexBytes).toBe(0);
		expect(trusted.counts).toEqual(checked.counts);
		expect(trusted.takeFullChunks().map(rowsOf)).toEqual(checked.takeFullChunks().map(rowsOf));
	});

	it('a key first met as a stored ticket stays a merge into the stored one when it comes again', () => {
		const stored = new Map([['generic:old', { chunkId: 7, row: 2 }]]);
		const session = new TicketImportSession(stored, 2);
		session.add(ok(ticket('old', { agent: 'Ann' })));
		session.add(ok(ticket('a')));
		session.add(ok(ticket('b')));
		session.add(ok(ticket('old', { group: 'Tier 2' })));
		session.finish();
		expect(session.counts).toEqual({ rowsRead: 4, imported: 2, duplicates: 2, quarantined: 0 });
		expect(
			session
				.takeFullChunks()
				.flatMap(rowsOf)
				.map((t) => t.externalId)
		).toEqual(['a', 'b']);
		const merges = session.pendingMerges(() => -1);
		expect(merges).toHaveLength(1);
		expect(merges[0]?.location).toEqual({ chunkId: 7, row: 2 });
		expect(merges[0]?.ticket).toMatchObject({ agent: 'Ann', group: 'Tier 2' });
	});
});
