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
	/** How many tickets are stored (0 skips the look-up per row); unknown when absent. */
	readonly size?: number;
}

/** #seen value of a key whose ticket is stored by an earlier import (merged there). */
const STORED = -1;

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
	/**
	 * Tickets of this import: key → local chunk index × chunkSize + row, or STORED. Null when
	 * the caller vouches that keys are unique (tickets derived one per conversation).
	 */
	readonly #seen: KeyIndex | null;
	readonly #merges = new Map<string, PendingMerge>();
	#current: TicketColumns;
	#currentIndex = 0;
	#full: TicketColumns[] = [];
	#quarantined: QuarantinedRow[] = [];
	readonly counts: ImportCounts = { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 };

	constructor(
		existing: TicketLocationLookup,
		chunkSize = TICKET_CHUNK_SIZE,
		options: { keysUnique?: boolean } = {}
	) {
		this.#existing = existing;
		this.#chunkSize = chunkSize;
		this.#current = emptyTicketColumns(chunkSize);
		this.#seen = options.keysUnique === true ? null : new KeyIndex();
	}

	/** Bytes of this import's duplicate index (typed arrays outside the JS heap). */
	get indexBytes(): number {
		return this.#seen?.bytes ?? 0;
	}

	add(result: NormalizedRow): void {
		this.counts.rowsRead++;
		if (!result.ok) {
			this.counts.quarantined++;
			this.#quarantined.push(result.row);
			return;
		}
		const ticket = result.ticket;
		// One hash per row: the key goes in with the row it will get, unless already there.
		const row = this.#current.size;
		const packed = this.#seen?.getOrSet(ticket.key, this.#currentIndex * this.#chunkSize + row);
		if (packed !== undefined && packed !== STORED) {
			this.counts.duplicates++;
			const chunk = Math.floor(packed / this.#chunkSize);
			const at = packed - chunk * this.#chunkSize;
			if (chunk === this.#currentIndex) {
				const merged = mergeTickets(ticketAt(this.#current, at, ticket.importId), ticket);
				writeTicketAt(this.#current, at, merged);
			} else {
				this.#queueMerge(ticket, { chunkId: -(chunk + 1), row: at });
			}
			return;
		}
		const stored = this.#existing.size === 0 ? undefined : this.#existing.get(ticket.key);
		if (stored !== undefined) {
			this.counts.duplicates++;
			this.#seen?.set(ticket.key, STORED);
			this.#queueMerge(ticket, stored);
			return;
		}
		this.counts.imported++;
		this.#current.size++;
		writeTicketAt(this.#current, row, ticket);
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
