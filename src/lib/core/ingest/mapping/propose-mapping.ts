import { mapTicketHeaders, type TicketColumnMapping } from '../tickets/map-ticket-headers';
import {
	TICKET_FIELDS,
	TICKET_HEADER_SYNONYMS,
	normalizeHeader,
	type TicketField
} from '../tickets/ticket-fields';
import { parseDateTime } from '../values/parse-datetime';
import { parseDurationSeconds } from '../values/parse-duration';

export type ValueType = 'date' | 'duration' | 'number' | 'text' | 'empty';

export interface ProposedColumn {
	header: string;
	/** The ticket field proposed for this column, '' for "do not import". */
	field: TicketField | '';
	valueType: ValueType;
}

/** What the mapping screen shows for a file it could not recognise. */
export interface MappingPreview {
	signature: string;
	headers: string[];
	/** The first data rows, as text (rendered as text, never HTML). */
	rows: string[][];
	columns: ProposedColumn[];
}

/** Identifies a header layout: the same columns in the same order, spelled alike. */
export function headerSignature(headers: readonly string[]): string {
	return headers.map(normalizeHeader).join('\u241f');
}

/** What most non-empty sample values of a column look like. */
export function valueTypeOf(values: readonly string[]): ValueType {
	const filled = values.map((v) => v.trim()).filter((v) => v !== '');
	if (filled.length === 0) return 'empty';
	const share = (test: (v: string) => boolean) => filled.filter(test).length / filled.length;
	const isNumber = (v: string) => /^-?\d+([.,]\d+)?$/.test(v);
	if (share(isNumber) >= 0.8) return 'number';
	if (share((v) => parseDateTime(v, { timeZone: 'UTC' }) !== null) >= 0.8) return 'date';
	if (share((v) => parseDurationSeconds(v) !== null) >= 0.8) return 'duration';
	return 'text';
}

const words = (text: string) =>
	normalizeHeader(text)
		.split(/[^\p{L}\p{N}#]+/u)
		.filter(Boolean);

/** Fuzzy synonym match: every word of a synonym appears in the header ("Opened on (UTC)" ~ "opened"). */
function fuzzyField(header: string, taken: ReadonlySet<TicketField>): TicketField | '' {
	const headerWords = new Set(words(header));
	const normalized = normalizeHeader(header);
	for (const field of TICKET_FIELDS) {
		if (taken.has(field)) continue;
		for (const synonym of TICKET_HEADER_SYNONYMS[field]) {
			const synonymWords = words(synonym);
			const isChinese = /[\u4e00-\u9fff]/.test(synonym);
			if (
				isChinese
					? normalized.includes(synonym)
					: synonymWords.length > 0 && synonymWords.every((w) => headerWords.has(w))
			)
				return field;
		}
	}
	return '';
}

/**
 * Proposes a ticket mapping for unfamiliar headers: exact synonyms first (English and
 * Chinese), then headers containing a synonym's words, then value types (the first date column
 * becomes the creation time, a duration column the first response time). The user corrects it.
 */
export function proposeMapping(
	headers: readonly string[],
	samples: readonly (readonly string[])[]
): MappingPreview {
	const exact = mapTicketHeaders(headers, samples).mapping;
	const fieldOf: (TicketField | '')[] = headers.map(() => '');
	for (const [field, column] of Object.entries(exact) as [TicketField, number][])
		fieldOf[column] = field;
	const taken = new Set<TicketField>(Object.keys(exact) as TicketField[]);
	const types = headers.map((_, i) => valueTypeOf(samples.map((row) => row[i] ?? '')));
	headers.forEach((header, i) => {
		if (fieldOf[i] !== '') return;
		const field = fuzzyField(header, taken);
		if (field === '') return;
		fieldOf[i] = field;
		taken.add(field);
	});
	const claim = (type: ValueType, field: TicketField) => {
		if (taken.has(field)) return;
		const i = headers.findIndex((_, c) => fieldOf[c] === '' && types[c] === type);
		if (i < 0) return;
		fieldOf[i] = field;
		taken.add(field);
	};
	claim('date', 'createdAt');
	claim('duration', 'firstResponseDuration');
	return {
		signature: headerSignature(headers),
		headers: [...headers],
		rows: samples.slice(0, 5).map((row) => headers.map((_, i) => row[i] ?? '')),
		columns: headers.map((header, i) => ({
			header,
			field: fieldOf[i] ?? '',
			valueType: types[i] ?? 'empty'
		}))
	};
}

/** Field → header name (what is stored and shown) to field → column index (what imports use). */
export function mappingToColumns(
	headers: readonly string[],
	byHeader: Readonly<Record<string, string>>
): TicketColumnMapping {
	const mapping: TicketColumnMapping = {};
	for (const [field, header] of Object.entries(byHeader)) {
		if (!(TICKET_FIELDS as readonly string[]).includes(field)) continue;
		const column = headers.indexOf(header);
		if (column >= 0) mapping[field as TicketField] = column;
	}
	return mapping;
}
