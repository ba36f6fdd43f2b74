import { concatTicketColumns, TAG_SEPARATOR, type TicketColumns } from '../model/ticket-columns';
import { StringDictionary } from './dictionary';

/** One stored chunk of tickets and the import it came from. */
export interface TicketTableChunk extends TicketColumns {
	importId: number;
}

/**
 * Every committed ticket in memory, column by column, for filtering without touching IndexedDB.
 * `columns` is the plain TicketColumns the KPI functions read; the extra columns encode the
 * strings the filters compare (agent, group, tags, source import) as integer codes.
 */
export interface TicketTable {
	/** Changes whenever the committed data does (the caller's data version). */
	version: number;
	size: number;
	columns: TicketColumns;
	/** Import id of each row. */
	importIds: Int32Array;
	agentCodes: Uint32Array;
	agents: string[];
	groupCodes: Uint32Array;
	groups: string[];
	/** Tag codes of row i are tagCodes[tagOffsets[i] .. tagOffsets[i + 1]). */
	tagOffsets: Uint32Array;
	tagCodes: Uint32Array;
	tags: string[];
}

const rowIndexes = new WeakMap<TicketTable, Map<string, number>>();

/**
 * The row of a ticket key, or undefined. The key index (1M strings) is built on the first
 * lookup, not with the table: opening the dashboard does not need it.
 */
export function rowOfKey(table: TicketTable, key: string): number | undefined {
	let index = rowIndexes.get(table);
	if (index === undefined) {
		index = new Map();
		for (let row = 0; row < table.size; row++) index.set(table.columns.keys[row] ?? '', row);
		rowIndexes.set(table, index);
	}
	return index.get(key);
}

/** Builds the table from committed chunks (in storage order) once per data version. */
export function buildTicketTable(
	chunks: readonly TicketTableChunk[],
	version: number
): TicketTable {
	const columns = concatTicketColumns(chunks);
	const size = columns.size;
	const importIds = new Int32Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		importIds.fill(chunk.importId, offset, offset + chunk.size);
		offset += chunk.size;
	}
	const agentDictionary = new StringDictionary();
	const groupDictionary = new StringDictionary();
	const tagDictionary = new StringDictionary();
	const agentCodes = new Uint32Array(size);
	const groupCodes = new Uint32Array(size);
	const tagOffsets = new Uint32Array(size + 1);
	const tagCodeList: number[] = [];
	for (let row = 0; row < size; row++) {
		agentCodes[row] = agentDictionary.encode(columns.agents[row] ?? '');
		groupCodes[row] = groupDictionary.encode(columns.groups[row] ?? '');
		const joined = columns.tags[row] ?? '';
		if (joined !== '') {
			for (const tag of joined.split(TAG_SEPARATOR)) {
				if (tag !== '') tagCodeList.push(tagDictionary.encode(tag));
			}
		}
		tagOffsets[row + 1] = tagCodeList.length;
	}
	return {
		version,
		size,
		columns,
		importIds,
		agentCodes,
		agents: agentDictionary.values,
		groupCodes,
		groups: groupDictionary.values,
		tagOffsets,
		tagCodes: Uint32Array.from(tagCodeList),
		tags: tagDictionary.values
	};
}

/** The tags of one row, decoded. */
export function tagsOfRow(table: TicketTable, row: number): string[] {
	const out: string[] = [];
	const end = table.tagOffsets[row + 1] ?? 0;
	for (let i = table.tagOffsets[row] ?? 0; i < end; i++)
		out.push(table.tags[table.tagCodes[i] ?? 0] ?? '');
	return out;
}
