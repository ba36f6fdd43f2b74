import type { ServiceLensDb } from '$lib/db/database';
import type { TicketFilter } from '$lib/core/table/ticket-filter';
import { selectRows } from '$lib/core/table/ticket-filter';
import {
	kpiPopulationNeedsContext,
	kpiSubsetTest,
	type KpiPopulationContext,
	type KpiSubset
} from '$lib/core/table/kpi-population';
import { gatherColumns } from '$lib/core/table/gather-columns';
import { dataAsOfMs } from '$lib/core/metrics/backlog';
import { loadServiceSettings } from '$lib/db/repositories/settings';
import {
	orderRows,
	searchTest,
	sortPermutation,
	sortValuePresent,
	type TicketSortKey
} from '$lib/core/table/ticket-order';
import {
	ticketCsvHeader,
	ticketCsvLine,
	ticketView,
	type TicketView
} from '$lib/core/table/ticket-export';
import { rowOfKey, type TicketTable } from '$lib/core/table/ticket-table';
import { localTimeOf, ticketTable, type CachedTicketTable } from './ticket-table-cache';
import { narrowBySegments } from '$lib/core/table/segment-filter';
import { rowSegmentCodes } from './customer-segments';

export interface TicketQuery {
	filter: TicketFilter;
	timeZone: string;
	search: string;
	sort: TicketSortKey;
	descending: boolean;
	/** Only the tickets a KPI counted or excluded ("how is this computed?" links). */
	subset: KpiSubset | null;
}

export interface TicketPage {
	total: number;
	offset: number;
	rows: TicketView[];
}

/** Per table version: sort permutations, built on first use. */
interface ListCache {
	table: TicketTable;
	permutations: Map<TicketSortKey, Uint32Array>;
	lastQueryKey: string;
	lastRows: Uint32Array | null;
}

let listCache: ListCache | null = null;

function cacheFor(table: TicketTable): ListCache {
	if (listCache === null || listCache.table !== table) {
		listCache = { table, permutations: new Map(), lastQueryKey: '', lastRows: null };
	}
	return listCache;
}

/** The matching rows in display order; the last query's answer is kept for scrolling. */
function orderedRows(
	cached: CachedTicketTable,
	query: TicketQuery,
	segmentCodes: Uint8Array | null = null,
	population?: Omit<KpiPopulationContext, 'asOfMs'>
): Uint32Array {
	const { table } = cached;
	const cache = cacheFor(table);
	// Settings are part of the key: an SLA target changed on /settings changes the SLA lists.
	const queryKey = JSON.stringify(population === undefined ? query : [query, population]);
	if (cache.lastQueryKey === queryKey && cache.lastRows !== null) return cache.lastRows;
	let permutation = cache.permutations.get(query.sort);
	if (permutation === undefined) {
		permutation = sortPermutation(table, query.sort);
		cache.permutations.set(query.sort, permutation);
	}
	const filtered = selectRows(
		table,
		query.filter,
		query.timeZone,
		localTimeOf(cached, query.timeZone)
	);
	const selection =
		segmentCodes === null
			? filtered
			: narrowBySegments(table.size, filtered, query.filter.segments, segmentCodes);
	// SLA populations are judged at the tile's moment: the latest event of the filtered tickets.
	const subsetTest =
		query.subset === null
			? null
			: kpiSubsetTest(
					table.columns,
					query.subset,
					population && {
						...population,
						asOfMs: dataAsOfMs(
							selection === null ? table.columns : gatherColumns(table.columns, selection)
						)
					}
				);
	const search = searchTest(table, query.search);
	const keep =
		subsetTest === null && search === null
			? null
			: (row: number) =>
					(subsetTest === null || subsetTest(row)) && (search === null || search(row));
	const rows = orderRows(
		table,
		permutation,
		selection,
		keep,
		query.descending,
		sortValuePresent(table, query.sort)
	);
	cache.lastQueryKey = queryKey;
	cache.lastRows = rows;
	return rows;
}

/** Customer segment codes when the filter asks for segments (they need the orders). */
async function segmentCodesFor(
	db: ServiceLensDb,
	cached: CachedTicketTable,
	query: TicketQuery
): Promise<Uint8Array | null> {
	return (query.filter.segments ?? []).length === 0 ? null : rowSegmentCodes(db, cached.table);
}

/** Settings a KPI population needs (SLA targets and clock), read only when it needs them. */
async function populationContext(
	db: ServiceLensDb,
	query: TicketQuery
): Promise<Omit<KpiPopulationContext, 'asOfMs'> | undefined> {
	if (query.subset === null || !kpiPopulationNeedsContext(query.subset.kpiId)) return undefined;
	return { settings: await loadServiceSettings(db), timeZone: query.timeZone };
}

/** A window of the matching tickets (the virtualised list asks for what it shows). */
export async function ticketPage(
	db: ServiceLensDb,
	query: TicketQuery,
	offset: number,
	limit: number
): Promise<TicketPage> {
	const cached = await ticketTable(db);
	const rows = orderedRows(
		cached,
		query,
		await segmentCodesFor(db, cached, query),
		await populationContext(db, query)
	);
	const start = Math.max(0, Math.min(offset, rows.length));
	const end = Math.min(rows.length, start + Math.max(0, limit));
	const views: TicketView[] = [];
	for (let i = start; i < end; i++) views.push(ticketView(cached.table, rows[i] as number));
	return { total: rows.length, offset: start, rows: views };
}

/** One ticket by key with its computed timings, or null when it is not (or no longer) stored. */
export async function ticketDetail(
	db: ServiceLensDb,
	key: string
): Promise<{ ticket: TicketView; importFileName: string } | null> {
	const { table, facets } = await ticketTable(db);
	const row = rowOfKey(table, key);
	if (row === undefined) return null;
	const ticket = ticketView(table, row);
	const importFileName =
		facets.imports.find((record) => record.id === ticket.importId)?.fileName ?? '';
	return { ticket, importFileName };
}

const CSV_PIECE_ROWS = 20_000;

/** Every matching ticket, in list order, as a CSV file with all computed timings. */
export async function ticketCsv(db: ServiceLensDb, query: TicketQuery): Promise<Blob> {
	const cached = await ticketTable(db);
	const rows = orderedRows(
		cached,
		query,
		await segmentCodesFor(db, cached, query),
		await populationContext(db, query)
	);
	const fileNames = new Map(cached.facets.imports.map((record) => [record.id, record.fileName]));
	// BOM so spreadsheet apps read UTF-8 (names with umlauts or Chinese) correctly.
	const pieces: string[] = ['\uFEFF' + ticketCsvHeader()];
	for (let start = 0; start < rows.length; start += CSV_PIECE_ROWS) {
		let piece = '';
		const end = Math.min(rows.length, start + CSV_PIECE_ROWS);
		for (let i = start; i < end; i++) {
			const view = ticketView(cached.table, rows[i] as number);
			piece += ticketCsvLine(view, query.timeZone, fileNames.get(view.importId) ?? '');
		}
		pieces.push(piece);
	}
	return new Blob(pieces, { type: 'text/csv;charset=utf-8' });
}
