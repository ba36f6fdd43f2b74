import { mapTicketHeaders, type TicketColumnMapping } from '../tickets/map-ticket-headers';
import {
	TICKET_FIELDS,
	TICKET_HEADER_SYNONYMS,
	normalizeHeader,
	type TicketField
} from '../tickets/ticket-fields';
import { parseDateTime } from '../values/parse-datetime';
import { MAPPING_KINDS, MAPPING_SPECS, type MappingKind } from './mapping-kinds';
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
	/** The ticket proposal (kept for older callers); `proposals` has every kind's. */
	columns: ProposedColumn[];
	/** Per kind, the field proposed for each column ('' = do not import). */
	proposals: Record<MappingKind, string[]>;
	/** The kind whose fields the headers match best: what the screen starts with. */
	suggestedKind: MappingKind;
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

/** Every filled value a whole number from 0 to 10 (a rating or NPS answer), at least one filled. */
export function isRatingLike(values: readonly string[]): boolean {
	const filled = values.map((v) => v.trim()).filter((v) => v !== '');
	return filled.length > 0 && filled.every((v) => /^(10|\d)$/.test(v));
}

const words = (text: string) =>
	normalizeHeader(text)
		.split(/[^\p{L}\p{N}#]+/u)
		.filter(Boolean);

/** Fuzzy synonym match: every word of a synonym appears in the header ("Opened on (UTC)" ~ "opened"). */
function fuzzyField<F extends string>(
	header: string,
	taken: ReadonlySet<F>,
	fields: readonly F[] = TICKET_FIELDS as unknown as F[],
	synonyms: Readonly<Record<string, readonly string[]>> = TICKET_HEADER_SYNONYMS
): F | '' {
	const headerWords = new Set(words(header));
	const normalized = normalizeHeader(header);
	for (const field of fields) {
		if (taken.has(field)) continue;
		for (const synonym of synonyms[field] ?? []) {
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
	const byName = taken.size;
	const ratingLike = headers.map((_, i) => isRatingLike(samples.map((row) => row[i] ?? '')));
	claim('date', 'createdAt');
	claim('duration', 'firstResponseDuration');
	const proposals = { tickets: fieldOf.map((field) => field) } as Record<MappingKind, string[]>;
	const named: Record<MappingKind, number> = { tickets: byName } as Record<MappingKind, number>;
	for (const kind of MAPPING_KINDS) {
		if (kind === 'tickets') continue;
		const proposal = proposeKind(kind, headers, types, ratingLike);
		proposals[kind] = proposal.fields;
		named[kind] = proposal.byName;
	}
	return {
		signature: headerSignature(headers),
		headers: [...headers],
		rows: samples.slice(0, 5).map((row) => headers.map((_, i) => row[i] ?? '')),
		columns: headers.map((header, i) => ({
			header,
			field: fieldOf[i] ?? '',
			valueType: types[i] ?? 'empty'
		})),
		proposals,
		suggestedKind: suggestKind(proposals, named)
	};
}

/** Strips what survey questions and Excel add around a header ("Score?", "Email "). */
const bareHeader = (header: string) => normalizeHeader(header).replace(/\s*[?？]+$/, '');

/**
 * One kind's proposal: exact synonyms, then headers containing a synonym's words, then the
 * first unclaimed date column as the kind's main time. `byName` counts fields matched by
 * header name (what the suggested kind is judged on; value types fit every kind).
 */
export function proposeKind(
	kind: MappingKind,
	headers: readonly string[],
	types: readonly ValueType[],
	ratingLike: readonly boolean[] = []
): { fields: string[]; byName: number } {
	const spec = MAPPING_SPECS[kind];
	const normalized = headers.map(bareHeader);
	const fieldOf: string[] = headers.map(() => '');
	const taken = new Set<string>();
	for (const field of spec.fields) {
		for (const synonym of spec.synonyms[field] ?? []) {
			const column = normalized.findIndex((h, i) => h === synonym && fieldOf[i] === '');
			if (column >= 0) {
				fieldOf[column] = field;
				taken.add(field);
				break;
			}
		}
	}
	headers.forEach((header, i) => {
		if (fieldOf[i] !== '') return;
		const field = fuzzyField(header, taken, spec.fields, spec.synonyms);
		if (field === '') return;
		fieldOf[i] = field;
		taken.add(field);
	});
	const byName = taken.size;
	if (!taken.has(spec.dateField)) {
		const i = headers.findIndex((_, c) => fieldOf[c] === '' && types[c] === 'date');
		if (i >= 0) fieldOf[i] = spec.dateField;
	}
	// A survey question's answers are small whole numbers ("How satisfied were you?": 1-5).
	if (kind === 'surveys' && !taken.has('score') && !taken.has('npsScore')) {
		const i = headers.findIndex((_, c) => fieldOf[c] === '' && ratingLike[c] === true);
		if (i >= 0) fieldOf[i] = 'score';
	}
	return { fields: fieldOf, byName };
}

/**
 * The kind to start the screen with: a kind whose required fields the proposal fills beats
 * one that lacks some; then more fields matched by name; ties keep the order of MAPPING_KINDS
 * (tickets first).
 */
function suggestKind(
	proposals: Readonly<Record<MappingKind, string[]>>,
	named: Readonly<Record<MappingKind, number>>
): MappingKind {
	let best: MappingKind = 'tickets';
	let bestScore = -1;
	for (const kind of MAPPING_KINDS) {
		const fields = proposals[kind];
		const has = (field: string) => fields.includes(field);
		const complete = MAPPING_SPECS[kind].gaps(has).length === 0;
		const score = (complete ? 1000 : 0) + (named[kind] ?? 0);
		if (score > bestScore) {
			best = kind;
			bestScore = score;
		}
	}
	return best;
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
