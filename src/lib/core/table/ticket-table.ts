import {
	concatTicketColumns,
	copyTicketNumberColumns,
	emptyTicketColumns,
	TAG_SEPARATOR,
	type TicketColumns
} from '../model/ticket-columns';
import {
	CHUNK_FORMAT_ENCODED,
	encodeTicketChunk,
	type EncodedTicketChunk
} from '../model/chunk-format';
import { decodeText } from '../model/chunk-text';
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

/** The text of a stored chunk, encoded as chunk storage keeps it (see chunk-format.ts). */
export interface EncodedChunkText {
	size: number;
	text: EncodedTicketChunk['text'];
}

/** One column of a stored chunk as its values, reading a dictionary without copying it. */
interface ChunkColumn {
	values: readonly string[];
	/** Row i's value is values[codes[i]]; absent: values[i]. */
	codes: ArrayLike<number> | null;
}

const isEncodedChunk = (chunk: object): chunk is EncodedTicketChunk & { importId: number } =>
	(chunk as { format?: unknown }).format === CHUNK_FORMAT_ENCODED;

function chunkColumn(chunk: StoredTicketChunk, name: 'agents' | 'groups' | 'tags'): ChunkColumn {
	if (!isEncodedChunk(chunk)) return { values: chunk[name], codes: null };
	const encoded = chunk.text[name];
	if (encoded === undefined) return { values: [], codes: new Uint8Array(chunk.size) };
	if (encoded.kind === 'dict') return { values: encoded.values, codes: encoded.codes };
	return { values: decodeText(encoded, chunk.size), codes: null };
}

/** A chunk record as IndexedDB holds it: format 1 (strings) or format 2 (encoded text). */
export type StoredTicketChunk = TicketTableChunk | (EncodedTicketChunk & { importId: number });

/**
 * The same table as buildTicketTable, from chunks as stored, without turning their text into
 * strings: the filter codes come from each chunk's dictionaries, and the text stays encoded
 * (`text`, for the snapshot; `attachText` decodes it when the ticket list needs it). Reading
 * 1M rows' strings and building the table from them was most of an import's last step.
 */
export function buildTicketTableFromStored(
	chunks: readonly StoredTicketChunk[],
	version: number
): { table: TicketTable; text: EncodedChunkText[] } {
	const size = chunks.reduce((sum, chunk) => sum + chunk.size, 0);
	const columns = emptyTicketColumns(size);
	const importIds = new Int32Array(size);
	const agentDictionary = new StringDictionary();
	const groupDictionary = new StringDictionary();
	const tagDictionary = new StringDictionary();
	const agentCodes = new Uint32Array(size);
	const groupCodes = new Uint32Array(size);
	const tagOffsets = new Uint32Array(size + 1);
	const tagCodeList: number[] = [];
	const text: EncodedChunkText[] = [];
	let offset = 0;
	for (const chunk of chunks) {
		const n = chunk.size;
		copyTicketNumberColumns(chunk, chunk.size, columns, offset);
		importIds.fill(chunk.importId, offset, offset + n);
		encodeCodes(chunkColumn(chunk, 'agents'), n, agentDictionary, agentCodes, offset);
		encodeCodes(chunkColumn(chunk, 'groups'), n, groupDictionary, groupCodes, offset);
		const tags = chunkColumn(chunk, 'tags');
		const tagsOfValue = new Map<string, number[]>();
		for (let i = 0; i < n; i++) {
			const joined = tags.values[tags.codes === null ? i : (tags.codes[i] as number)] ?? '';
			if (joined !== '') {
				let codes = tagsOfValue.get(joined);
				if (codes === undefined) {
					codes = [];
					for (const tag of joined.split(TAG_SEPARATOR))
						if (tag !== '') codes.push(tagDictionary.encode(tag));
					tagsOfValue.set(joined, codes);
				}
				for (const code of codes) tagCodeList.push(code);
			}
			tagOffsets[offset + i + 1] = tagCodeList.length;
		}
		text.push({
			size: n,
			text: isEncodedChunk(chunk) ? chunk.text : encodeTicketChunk(chunk).text
		});
		offset += n;
	}
	columns.size = size;
	return {
		table: {
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
		},
		text
	};
}

function encodeCodes(
	column: ChunkColumn,
	n: number,
	dictionary: StringDictionary,
	out: Uint32Array,
	offset: number
): void {
	const { values, codes } = column;
	if (codes === null) {
		for (let i = 0; i < n; i++) out[offset + i] = dictionary.encode(values[i] ?? '');
		return;
	}
	// Each chunk code is looked up once, on its first row (the table's codes keep row order).
	const global = new Int32Array(values.length).fill(-1);
	for (let i = 0; i < n; i++) {
		const local = codes[i] as number;
		let code = global[local] as number;
		if (code < 0) code = global[local] = dictionary.encode(values[local] ?? '');
		out[offset + i] = code;
	}
}
