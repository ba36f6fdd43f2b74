import type { ImportCounts, QuarantinedRow } from '../model/records';
import { KeyIndex } from './key-index';

export const RECORD_CHUNK_SIZE = 10_000;

/** A columnar chunk of any record kind, as `surveyChunks`/`orderChunks`/`orderLineChunks` store it. */
export interface PackedChunk {
	size: number;
	keys: string[];
	columns: Record<string, unknown>;
}

export type RecordResult<T> = { ok: true; record: T } | { ok: false; row: QuarantinedRow };

/** Keys already stored by earlier imports. */
export interface KeyLookup {
	has(key: string): boolean;
}

/**
 * Row accounting and chunking for keyed records (survey answers, orders, order lines): each
 * row is imported, a duplicate of a key seen before (in this file or stored), or quarantined.
 * A duplicate within the chunk being filled updates it through `merge`; a duplicate of an
 * earlier chunk or of a stored record is counted and the stored copy kept.
 */
export class RecordImportSession<T extends { key: string }> {
	readonly counts: ImportCounts = { rowsRead: 0, imported: 0, duplicates: 0, quarantined: 0 };
	readonly #existing: KeyLookup;
	readonly #pack: (records: T[]) => PackedChunk;
	readonly #merge: (earlier: T, later: T) => T;
	readonly #chunkSize: number;
	readonly #seen = new KeyIndex();
	#buffer: T[] = [];
	#bufferIndex = new Map<string, number>();
	#full: PackedChunk[] = [];
	#quarantined: QuarantinedRow[] = [];

	constructor(
		existing: KeyLookup,
		pack: (records: T[]) => PackedChunk,
		merge: (earlier: T, later: T) => T = (earlier) => earlier,
		chunkSize = RECORD_CHUNK_SIZE
	) {
		this.#existing = existing;
		this.#pack = pack;
		this.#merge = merge;
		this.#chunkSize = chunkSize;
	}

	add(result: RecordResult<T>): void {
		this.counts.rowsRead++;
		if (!result.ok) {
			this.counts.quarantined++;
			this.#quarantined.push(result.row);
			return;
		}
		const record = result.record;
		if (this.#seen.get(record.key) !== undefined || this.#existing.has(record.key)) {
			this.counts.duplicates++;
			const at = this.#bufferIndex.get(record.key);
			const earlier = at === undefined ? undefined : this.#buffer[at];
			if (at !== undefined && earlier !== undefined)
				this.#buffer[at] = this.#merge(earlier, record);
			return;
		}
		this.counts.imported++;
		this.#seen.set(record.key, 1);
		this.#bufferIndex.set(record.key, this.#buffer.length);
		this.#buffer.push(record);
		if (this.#buffer.length === this.#chunkSize) this.#roll();
	}

	reject(row: QuarantinedRow): void {
		this.add({ ok: false, row });
	}

	#roll(): void {
		this.#full.push(this.#pack(this.#buffer));
		this.#buffer = [];
		this.#bufferIndex = new Map();
	}

	takeFullChunks(): PackedChunk[] {
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

	finish(): void {
		if (this.#buffer.length > 0) this.#roll();
	}
}

/** Packs records in chunks of `size` (for records assembled in memory, such as orders from lines). */
export function packInChunks<T>(
	records: readonly T[],
	pack: (records: T[]) => PackedChunk,
	size = RECORD_CHUNK_SIZE
): PackedChunk[] {
	const chunks: PackedChunk[] = [];
	for (let i = 0; i < records.length; i += size) chunks.push(pack(records.slice(i, i + size)));
	return chunks;
}
