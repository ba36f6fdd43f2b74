import {
	buildTicketTableFromStored,
	type StoredTicketChunk,
	type TicketTable
} from '$lib/core/table/ticket-table';
import {
	attachText,
	derivedOfNumbers,
	joinLargeValues,
	narrowArrays,
	SNAPSHOT_FORMAT,
	widenArrays,
	partNames,
	readBlobParts,
	numbersOfTable,
	splitLargeValues,
	textOfTable,
	tableFromNumbers,
	type TableNumbers,
	type TableText
} from '$lib/core/table/table-snapshot';
import {
	adoptRanks,
	businessRanksOf,
	firstResolutionRanks,
	tableRanks
} from '$lib/core/table/table-kpis';
import type { ImportRecord, ResultRecord } from '$lib/core/model/records';
import { localTimeColumns, type LocalTimeColumns } from '$lib/core/table/local-time';
import {
	CHANNELS,
	PRIORITIES,
	TICKET_STATUSES,
	type Channel,
	type Priority,
	type TicketStatus
} from '$lib/core/model/ticket';
import type { ServiceLensDb } from '$lib/db/database';
import { listImports } from '$lib/db/repositories/imports';
import { committedDataVersion } from '$lib/db/repositories/imports';

/** Values the filter bar offers: only what occurs in the data. */
export interface TicketFacets {
	agents: string[];
	tags: string[];
	channels: Channel[];
	priorities: Priority[];
	statuses: TicketStatus[];
	imports: { id: number; fileName: string }[];
}

export interface CachedTicketTable {
	table: TicketTable;
	facets: TicketFacets;
	/** Local creation days and cells in the last zone asked for (one zone at a time). */
	local: LocalTimeColumns | null;
	/**
	 * Puts the table's text columns in (read from the snapshot on first call; at once when the
	 * table was built from the chunks). The dashboard never calls it, so its worker heap holds
	 * no million-string arrays, which every garbage collection would have to walk.
	 */
	loadText: () => Promise<void>;
	/** The text columns as read from the chunks (still encoded) until the snapshot stores them. */
	pendingText: TableText | null;
}

/** The table's local-time columns in `timeZone`, computed once per zone and data version. */
export function localTimeOf(cache: CachedTicketTable, timeZone: string): LocalTimeColumns {
	if (cache.local === null || cache.local.timeZone !== timeZone) {
		cache.local = localTimeColumns(cache.table, timeZone);
	}
	return cache.local;
}

let cached: CachedTicketTable | null = null;
/** Tables being stored as (or read from) the snapshot of their data version. */
const savings = new WeakMap<TicketTable, Promise<void>>();
let loading: Promise<CachedTicketTable> | null = null;

function presentCodes<T extends string>(
	codes: Uint8Array,
	size: number,
	vocabulary: readonly T[]
): T[] {
	const seen = new Uint8Array(vocabulary.length);
	for (let i = 0; i < size; i++) seen[codes[i] ?? 0] = 1;
	return vocabulary.filter((_, code) => seen[code] === 1);
}

function facetsOf(table: TicketTable, imports: ImportRecord[]): TicketFacets {
	const byName = (a: string, b: string) => a.localeCompare(b);
	return {
		agents: [...table.agents].sort(byName),
		tags: [...table.tags].sort(byName),
		channels: presentCodes(table.columns.channelCodes, table.size, CHANNELS),
		priorities: presentCodes(table.columns.priorityCodes, table.size, PRIORITIES),
		statuses: presentCodes(table.columns.statusCodes, table.size, TICKET_STATUSES),
		imports: imports.map((record) => ({ id: record.id ?? 0, fileName: record.fileName }))
	};
}

/** results keys of the table snapshot's two parts (see core/table/table-snapshot.ts). */
export const SNAPSHOT_NUMBERS_KEY = 'ticket-table:numbers';
export const SNAPSHOT_TEXT_KEY = 'ticket-table:text';
/** Every snapshot record's key starts with this (the parts too). */
const SNAPSHOT_PREFIX = 'ticket-table:';

/** What a snapshot part's main record holds: its format and its skeleton. */
interface StoredPart {
	format: number;
	value: unknown;
}

/**
 * One snapshot part for this data version, its large arrays and strings read from their own
 * records in the same transaction; null when absent, stale or unreadable.
 */
async function readSnapshotPart(db: ServiceLensDb, key: string, version: number): Promise<unknown> {
	try {
		const read = await db.transaction('r', db.results, async () => {
			const record = await db.results.get(key);
			if (record === undefined || record.dataVersion !== version) return null;
			// A snapshot of another format (written by an older version of the app): rebuilt.
			const stored = record.value as Partial<StoredPart> | undefined;
			if (stored?.format !== SNAPSHOT_FORMAT) return null;
			const names = partNames(stored.value);
			const parts = await db.results.bulkGet(names);
			const byName = new Map<string, unknown>();
			parts.forEach((part, index) => {
				if (part?.dataVersion === version) byName.set(names[index] as string, part.value);
			});
			return { skeleton: stored.value, byName };
		});
		if (read === null) return null;
		// Blob parts are read after the transaction (a Blob outlives it).
		const blobsStarted = performance.now();
		const parts = await readBlobParts(read.byName);
		measure('read-blobs', blobsStarted);
		const joined = joinLargeValues(read.skeleton, parts);
		const widenStarted = performance.now();
		const widened = joined === null ? null : widenArrays(joined);
		measure('widen', widenStarted);
		return widened;
	} catch {
		return null;
	}
}

async function readSnapshotNumbers(
	db: ServiceLensDb,
	version: number
): Promise<TableNumbers | null> {
	const numbers = (await readSnapshotPart(
		db,
		SNAPSHOT_NUMBERS_KEY,
		version
	)) as TableNumbers | null;
	return numbers?.version === version ? numbers : null;
}

/** A performance measure named `table:${name}` from `startMs` to now (DevTools, benchmarks). */
export function measure(name: string, startMs: number): void {
	performance.measure?.(`table:${name}`, { start: startMs, end: performance.now() });
}

async function load(db: ServiceLensDb, version: number): Promise<CachedTicketTable> {
	const started = performance.now();
	const imports = (await listImports(db)).filter((record) => record.status === 'done');
	measure('imports', started);
	const numbers = await readSnapshotNumbers(db, version);
	measure('read-numbers', started);
	const built = numbers === null ? await buildFromChunks(db, imports, version) : null;
	const table = built?.table ?? tableFromNumbers(numbers as TableNumbers);
	let local: LocalTimeColumns | null = null;
	if (numbers !== null) {
		const derived = derivedOfNumbers(numbers);
		if (derived.ranks !== undefined)
			adoptRanks(table, derived.ranks, derived.business, derived.firstResolution);
		local = derived.local ?? null;
		// Stored already: nothing to save.
		savings.set(table, Promise.resolve());
	}
	let attached: Promise<void> | null = null;
	const cache: CachedTicketTable = {
		table,
		facets: facetsOf(table, imports),
		local,
		// Text read with the chunks, kept encoded until the snapshot holds it.
		pendingText: built?.text ?? null,
		loadText: () =>
			(attached ??= (async () => {
				const text =
					cache.pendingText ??
					((await readSnapshotPart(db, SNAPSHOT_TEXT_KEY, version)) as TableText | null) ??
					(await buildFromChunks(db, imports, version)).text;
				// Chunks of another data version (a removal since): their rows are not this table's.
				if (text.reduce((rows, chunk) => rows + chunk.size, 0) !== table.size)
					throw new Error('The stored tickets changed while they were being read.');
				attachText(table, text);
			})().catch((error: unknown) => {
				attached = null;
				throw error;
			}))
	};
	measure(built === null ? 'from-snapshot' : 'from-chunks', started);
	return cache;
}

/** The committed chunks as stored (text still encoded), as a table and its encoded text. */
async function buildFromChunks(
	db: ServiceLensDb,
	imports: ImportRecord[],
	version: number
): Promise<{ table: TicketTable; text: TableText }> {
	const committed = new Set(imports.map((record) => record.id));
	// raw(): past the reading hook that would turn every chunk's text into 10,000 strings.
	const stored = (await db.ticketChunks.toCollection().raw().toArray()) as StoredTicketChunk[];
	return buildTicketTableFromStored(
		stored.filter((chunk) => committed.has(chunk.importId)),
		version
	);
}

/**
 * Stores the table (and what was derived from it: ranks, local time) as the snapshot the next
 * opening reads instead of every chunk. Runs after the dashboard has its answer; a failure
 * (e.g. storage full) only means the next opening reads the chunks again.
 */
export function saveTableSnapshot(db: ServiceLensDb, cache: CachedTicketTable): Promise<void> {
	let saving = savings.get(cache.table);
	if (saving === undefined) {
		saving = writeSnapshot(db, cache);
		savings.set(cache.table, saving);
	}
	return saving;
}

async function writeSnapshot(db: ServiceLensDb, cache: CachedTicketTable): Promise<void> {
	const { table } = cache;
	let started = performance.now();
	let tableText = cache.pendingText;
	if (tableText === null) {
		await cache.loadText();
		tableText = textOfTable(table);
	}
	measure('write:text', started);
	started = performance.now();
	const tableNumbers = numbersOfTable(table, {
		ranks: tableRanks(table),
		business: businessRanksOf(table),
		firstResolution: firstResolutionRanks(table),
		local: cache.local ?? undefined
	});
	measure('write:numbers-of-table', started);
	started = performance.now();
	const computedAtMs = Date.now();
	const record = (key: string, value: unknown): ResultRecord => ({
		key,
		dataVersion: table.version,
		computedAtMs,
		value
	});
	const stored = (value: unknown): StoredPart => ({ format: SNAPSHOT_FORMAT, value });
	const text = splitLargeValues(stored(tableText), `${SNAPSHOT_TEXT_KEY}:`);
	const numbers = splitLargeValues(stored(narrowArrays(tableNumbers)), `${SNAPSHOT_NUMBERS_KEY}:`, {
		typedAsBlobs: true
	});
	try {
		await db.transaction('rw', db.results, async () => {
			await db.results.where('key').startsWith(SNAPSHOT_PREFIX).delete();
			for (const [key, value] of [...text.parts, ...numbers.parts])
				await db.results.put(record(key, value));
			await db.results.put(record(SNAPSHOT_TEXT_KEY, text.skeleton));
			await db.results.put(record(SNAPSHOT_NUMBERS_KEY, numbers.skeleton));
		});
		measure('write:put', started);
		// The snapshot holds the text now: this worker no longer needs its own copy.
		cache.pendingText = null;
	} catch {
		// Not stored: the chunks stay the source of truth.
	}
}

/**
 * The last step of an import (or removal): the table of the committed data with its ranked
 * durations and local-time columns in `timeZone`, stored as the snapshot, so the next opening
 * reads it instead of every chunk. Kept in memory too: this worker's dashboard uses it at once.
 */
export async function prepareTicketTable(db: ServiceLensDb, timeZone: string): Promise<void> {
	const cache = await ticketTableNumbers(db);
	localTimeOf(cache, timeZone);
	await saveTableSnapshot(db, cache);
}

/**
 * The in-memory ticket table of the analysis worker, for the dashboard: read from the
 * snapshot (or built from the chunks) once, then reused until the committed data changes
 * (imports added, removed or merged into: the data version). Concurrent callers share one
 * load. Its text columns may not be loaded: use `ticketTable` where they are read.
 */
export async function ticketTableNumbers(db: ServiceLensDb): Promise<CachedTicketTable> {
	const version = await committedDataVersion(db);
	if (cached !== null && cached.table.version === version) return cached;
	if (loading === null) {
		loading = load(db, version).finally(() => (loading = null));
	}
	const loaded = await loading;
	cached = loaded;
	// Data committed while loading: the next call sees the new version and reloads.
	return loaded;
}

/** The in-memory ticket table with every column, text included (ticket list, detail, CSV). */
export async function ticketTable(db: ServiceLensDb): Promise<CachedTicketTable> {
	const loaded = await ticketTableNumbers(db);
	await loaded.loadText();
	return loaded;
}

/** Whether this worker has a table in memory (of some data version) or is loading one. */
export function hasTicketTable(): boolean {
	return cached !== null;
}

/** Drops the cached table (tests, or memory pressure). */
export function forgetTicketTable(): void {
	cached = null;
}
