import type { ImportCounts, QuarantinedRow } from '../../model/records';
import type { Ticket } from '../../model/ticket';
import {
	TICKET_CHUNK_SIZE,
	emptyTicketColumns,
	ticketAt,
	trimTicketColumns,
	writeTicketAt,
	type TicketColumns
} from '../../model/ticket-columns';
import { KeyIndex } from '../key-index';
import { mergeTickets } from './merge-tickets';
import type { NormalizedRow } from './normalize-ticket';

/** Where a stored ticket lives: a chunk record and a row in it. */
export interface TicketLocation {
	chunkId: number;
	row: number;
}

/** Where stored tickets are, by key (a Map in tests, a compact index for real imports). */
export interface TicketLocationLookup {
	get(key: string): TicketLocation | undefined;
}

/** A later row for a ticket already written (by this import or an earlier one). */
export interface PendingMerge {
	/** Chunk id, or a negative placeholder -(n+1) for this import's n-th chunk not yet numbered. */
	location: TicketLocation;
	ticket: Ticket;
}

/**
 * The pure heart of a ticket import: takes normalised rows, drops them into columnar
 * chunks, merges duplicates and keeps the row accounting. It does no I/O: the caller
 * writes `takeFullChunks()` and, at the end, applies `pendingMerges()`.
 */
export class TicketImportSession {
	readonly #existing: TicketLocationLookup;
	readonly #chunkSize: number;
	/** Tickets of this import: key → local chunk index × chunkSize + row. */
	readonly #seen = new KeyIndex();
	readonly #merges = new Map<string, PendingMerge>();
	#current: TicketColumns;
	#currentIndex = 0;
	#full: TicketColumns[] = [];
	#quarantined: QuarantinedRow[] = [];
	readonly counts: ImportCounts = { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 };

	constructor(existing: TicketLocationLookup, chunkSize = TICKET_CHUNK_SIZE) {
		this.#existing = existing;
		this.#chunkSize = chunkSize;
		this.#current = emptyTicketColumns(chunkSize);
	}

	add(result: NormalizedRow): void {
		this.counts.rowsRead++;
		if (!result.ok) {
			this.counts.quarantined++;
			this.#quarantined.push(result.row);
			return;
		}
		const ticket = result.ticket;
		const packed = this.#seen.get(ticket.key);
		if (packed !== undefined) {
			this.counts.duplicates++;
			const chunk = Math.floor(packed / this.#chunkSize);
			const row = packed - chunk * this.#chunkSize;
			if (chunk === this.#currentIndex) {
				const merged = mergeTickets(ticketAt(this.#current, row, ticket.importId), ticket);
				writeTicketAt(this.#current, row, merged);
			} else {
				this.#queueMerge(ticket, { chunkId: -(chunk + 1), row });
			}
			return;
		}
		const stored = this.#existing.get(ticket.key);
		if (stored !== undefined) {
			this.counts.duplicates++;
			this.#queueMerge(ticket, stored);
			return;
		}
		this.counts.imported++;
		const row = this.#current.size++;
		writeTicketAt(this.#current, row, ticket);
		this.#seen.set(ticket.key, this.#currentIndex * this.#chunkSize + row);
		if (this.#current.size === this.#chunkSize) this.#rollChunk();
	}

	/** Call with a quarantined row that never got as far as normalising (a broken CSV row). */
	reject(row: QuarantinedRow): void {
		this.add({ ok: false, row });
	}

	#queueMerge(ticket: Ticket, location: TicketLocation): void {
		const queued = this.#merges.get(ticket.key);
		this.#merges.set(ticket.key, {
			location,
			ticket: queued === undefined ? ticket : mergeTickets(queued.ticket, ticket)
		});
	}

	#rollChunk(): void {
		this.#full.push(trimTicketColumns(this.#current));
		this.#current = emptyTicketColumns(this.#chunkSize);
		this.#currentIndex++;
	}

	/** Chunks ready to store, in order: the n-th chunk ever taken is local chunk n. */
	takeFullChunks(): TicketColumns[] {
		const full = this.#full;
		this.#full = [];
		return full;
	}

	takeQuarantined(): QuarantinedRow[] {
		const rows = this.#quarantined;
		this.#quarantined = [];
		return rows;
	}

	get pendingQuarantined(): number {
		return this.#quarantined.length;
	}

	/** Ends the session: the last partial chunk joins the full ones. */
	finish(): void {
		if (this.#current.size > 0) this.#rollChunk();
	}

	/** Merges into stored chunks; `resolveLocalChunk(n)` gives the id this import's n-th chunk got. */
	pendingMerges(resolveLocalChunk: (localIndex: number) => number): PendingMerge[] {
		return [...this.#merges.values()].map(({ location, ticket }) => ({
			ticket,
			location:
				location.chunkId < 0
					? { chunkId: resolveLocalChunk(-location.chunkId - 1), row: location.row }
					: location
		}));
	}
}
