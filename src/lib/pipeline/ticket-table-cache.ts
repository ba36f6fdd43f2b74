import { buildTicketTable, type TicketTable } from '$lib/core/table/ticket-table';
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
import { forecastDataVersion } from './forecast';

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
}

/** The table's local-time columns in `timeZone`, computed once per zone and data version. */
export function localTimeOf(cache: CachedTicketTable, timeZone: string): LocalTimeColumns {
	if (cache.local === null || cache.local.timeZone !== timeZone) {
		cache.local = localTimeColumns(cache.table, timeZone);
	}
	return cache.local;
}

let cached: CachedTicketTable | null = null;
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

async function load(db: ServiceLensDb, version: number): Promise<CachedTicketTable> {
	const imports = (await listImports(db)).filter((record) => record.status === 'done');
	const committed = new Set(imports.map((record) => record.id));
	const chunks = (await db.ticketChunks.toArray()).filter((chunk) => committed.has(chunk.importId));
	const table = buildTicketTable(chunks, version);
	const byName = (a: string, b: string) => a.localeCompare(b);
	return {
		table,
		local: null,
		facets: {
			agents: [...table.agents].sort(byName),
			tags: [...table.tags].sort(byName),
			channels: presentCodes(table.columns.channelCodes, table.size, CHANNELS),
			priorities: presentCodes(table.columns.priorityCodes, table.size, PRIORITIES),
			statuses: presentCodes(table.columns.statusCodes, table.size, TICKET_STATUSES),
			imports: imports.map((record) => ({ id: record.id ?? 0, fileName: record.fileName }))
		}
	};
}

/**
 * The in-memory ticket table of the analysis worker: built from IndexedDB once, then reused
 * until the committed data changes (imports added, removed or merged into: the data version).
 * Concurrent callers share one load.
 */
export async function ticketTable(db: ServiceLensDb): Promise<CachedTicketTable> {
	const version = await forecastDataVersion(db);
	if (cached !== null && cached.table.version === version) return cached;
	if (loading === null) {
		loading = load(db, version).finally(() => (loading = null));
	}
	const loaded = await loading;
	cached = loaded;
	// Data committed while loading: the next call sees the new version and reloads.
	return loaded;
}

/** Drops the cached table (tests, or memory pressure). */
export function forgetTicketTable(): void {
	cached = null;
}
