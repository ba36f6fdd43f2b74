import Papa from 'papaparse';
import type { QuarantineReason } from '$lib/core/model/records';
import { CsvRecordSplitter } from '$lib/core/ingest/stream/csv-record-splitter';
import { JsonRecordSplitter } from '$lib/core/ingest/stream/json-array-splitter';
import { flattenRecord } from '$lib/core/ingest/stream/flatten-record';
import { findHeaderRow } from '$lib/core/ingest/stream/header-row';
import type { TextPiece } from './read-text';

/** A batch of source rows as text cells, numbered from 1 (header excluded). */
export interface RowBatch {
	/** The column names; grows for JSON when later records bring new keys. */
	header: string[];
	rows: string[][];
	firstRowNumber: number;
	/** Rows (by index in `rows`) the reader could not take apart, with the reason. */
	broken: Map<number, QuarantineReason>;
	bytesRead: number;
}

/**
 * CSV rows from streamed text. Pieces are cut at record boundaries and each is parsed by
 * papaparse on its own; the delimiter (comma, semicolon, tab, pipe) is detected once.
 * `maxBatchChars` cuts each piece finer first: smaller batches die young in the garbage
 * collector instead of being promoted (the message import, ~1M small rows, gains from it).
 */
export async function* csvRowBatches(
	pieces: AsyncIterable<TextPiece>,
	options: { maxBatchChars?: number } = {}
): AsyncGenerator<RowBatch> {
	const maxBatchChars = options.maxBatchChars ?? Infinity;
	const splitter = new CsvRecordSplitter();
	let delimiter = '';
	let header: string[] | null = null;
	let nextRowNumber = 1;
	let bytesRead = 0;

	function parse(text: string): RowBatch | null {
		const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
		if (delimiter === '') delimiter = result.meta.delimiter;
		const rows = result.data;
		const broken = new Map<number, QuarantineReason>();
		for (const error of result.errors)
			if (error.type === 'Quotes' && error.row !== undefined)
				broken.set(error.row, 'malformed_row');
		let offset = 0;
		if (header === null) {
			// A title line may precede the header (Zammad reporting sheets, Chatwoot reports).
			const headerRow = findHeaderRow(rows);
			const first = rows[headerRow];
			if (first === undefined) return null;
			header = first.map((name) => name.replace(/^\uFEFF/, '').trim());
			offset = headerRow + 1;
		}
		const batchRows = offset === 0 ? rows : rows.slice(offset);
		const shiftedBroken = new Map<number, QuarantineReason>();
		for (const [row, reason] of broken) if (row >= offset) shiftedBroken.set(row - offset, reason);
		const batch: RowBatch = {
			header,
			rows: batchRows,
			firstRowNumber: nextRowNumber,
			broken: shiftedBroken,
			bytesRead
		};
		nextRowNumber += batchRows.length;
		return batch;
	}

	for await (const piece of pieces) {
		bytesRead = piece.bytesRead;
		const text = piece.text;
		for (let at = 0; at < text.length; at += maxBatchChars) {
			const complete = splitter.push(
				at === 0 && text.length <= maxBatchChars ? text : text.slice(at, at + maxBatchChars)
			);
			if (complete === '') continue;
			const batch = parse(complete);
			if (batch !== null) yield batch;
		}
	}
	const rest = splitter.end();
	if (rest.trim() !== '') {
		const batch = parse(rest);
		if (batch !== null) yield batch;
	}
}

/** Largest JSON document read whole (a `{ "tickets": [...] }` wrapper); arrays stream instead. */
const MAX_WHOLE_JSON_CHARS = 256 * 1024 * 1024;

/** Rows from a JSON array, NDJSON, or an object wrapping one array of records. */
export async function* jsonRowBatches(
	pieces: AsyncIterable<TextPiece>,
	layout: 'array' | 'ndjson' | 'object'
): AsyncGenerator<RowBatch> {
	const header: string[] = [];
	const columnOf = new Map<string, number>();
	let nextRowNumber = 1;

	function toBatch(texts: string[], bytesRead: number): RowBatch {
		const rows: string[][] = [];
		const broken = new Map<number, QuarantineReason>();
		for (const text of texts) {
			let value: unknown;
			try {
				value = JSON.parse(text);
			} catch {
				broken.set(rows.length, 'invalid_json');
				rows.push([text]);
				continue;
			}
			if (value === null || typeof value !== 'object' || Array.isArray(value)) {
				broken.set(rows.length, 'not_an_object');
				rows.push([text]);
				continue;
			}
			const cells: string[] = new Array<string>(header.length).fill('');
			for (const [key, cell] of flattenRecord(value as Record<string, unknown>)) {
				let column = columnOf.get(key);
				if (column === undefined) {
					column = header.length;
					header.push(key);
					columnOf.set(key, column);
				}
				cells[column] = cell;
			}
			rows.push(cells);
		}
		const batch = { header, rows, firstRowNumber: nextRowNumber, broken, bytesRead };
		nextRowNumber += rows.length;
		return batch;
	}

	if (layout === 'object') {
		let whole = '';
		let bytesRead = 0;
		for await (const piece of pieces) {
			whole += piece.text;
			bytesRead = piece.bytesRead;
			if (whole.length > MAX_WHOLE_JSON_CHARS)
				throw new SyntaxError(
					'This JSON document is too large to read whole; export it as a JSON array or NDJSON.'
				);
		}
		const records = findRecordArray(JSON.parse(whole) as unknown);
		if (records === null) throw new SyntaxError('This JSON document holds no array of records.');
		yield toBatch(
			records.map((record) => JSON.stringify(record)),
			bytesRead
		);
		return;
	}

	const splitter = new JsonRecordSplitter(layout);
	let bytesRead = 0;
	for await (const piece of pieces) {
		bytesRead = piece.bytesRead;
		const texts = splitter.push(piece.text);
		if (texts.length > 0) yield toBatch(texts, bytesRead);
	}
	const rest = splitter.end();
	if (rest.length > 0) yield toBatch(rest, bytesRead);
}

/** The first array of objects in a wrapper such as `{ "tickets": [...] }` (depth ≤ 2). */
function findRecordArray(value: unknown, depth = 0): unknown[] | null {
	if (Array.isArray(value)) return value;
	if (value === null || typeof value !== 'object' || depth > 2) return null;
	for (const child of Object.values(value)) {
		if (Array.isArray(child) && child.some((item) => item !== null && typeof item === 'object'))
			return child;
	}
	for (const child of Object.values(value)) {
		const found = findRecordArray(child, depth + 1);
		if (found !== null) return found;
	}
	return null;
}
