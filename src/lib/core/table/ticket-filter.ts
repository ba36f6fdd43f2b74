import {
	CHANNELS,
	PRIORITIES,
	TICKET_STATUSES,
	type Channel,
	type Priority,
	type TicketStatus
} from '../model/ticket';
import { localDayStartMs, timeZoneOffsetMs } from '../time/time-zone';
import type { TicketTable } from './ticket-table';
import { dayNumberOf, dayOfNumber } from './days';
import { NO_CELL, NO_DAY, type LocalTimeColumns } from './local-time';
import type { CustomerSegment } from '../customers/customer-segments';

export { dayNumberOf, dayOfNumber } from './days';

/**
 * Which tickets a view shows. Within one field the values are alternatives (agent Anna OR
 * Ben); across fields they all apply (Anna's tickets AND on chat). An empty list = no
 * restriction. `from`/`to` are local calendar days in the shop time zone, both inclusive,
 * on the ticket's creation time. Weekdays (0 = Monday) and hours (0-23, local) are what a
 * heatmap cell drills down to.
 */
export interface TicketFilter {
	from: string | null;
	to: string | null;
	channels: Channel[];
	agents: string[];
	/** Team / group names; '' = no group. */
	groups: string[];
	/** Tags; '' = tickets without any tag. */
	tags: string[];
	priorities: Priority[];
	statuses: TicketStatus[];
	importIds: number[];
	weekdays: number[];
	hours: number[];
	/**
	 * Customer segments (customer-segments.ts). selectRows cannot see them (they come from
	 * orders); pipeline/customer-segments.ts narrows its selection.
	 */
	segments: CustomerSegment[];
}

export const EMPTY_FILTER: TicketFilter = Object.freeze({
	from: null,
	to: null,
	channels: [],
	agents: [],
	groups: [],
	tags: [],
	priorities: [],
	statuses: [],
	importIds: [],
	weekdays: [],
	hours: [],
	segments: []
}) as TicketFilter;

export function emptyFilter(): TicketFilter {
	return {
		...EMPTY_FILTER,
		channels: [],
		agents: [],
		groups: [],
		tags: [],
		priorities: [],
		statuses: [],
		importIds: [],
		weekdays: [],
		hours: [],
		segments: []
	};
}

export function isEmptyFilter(filter: TicketFilter): boolean {
	return (
		filter.from === null &&
		filter.to === null &&
		filter.channels.length === 0 &&
		filter.agents.length === 0 &&
		(filter.groups ?? []).length === 0 &&
		filter.tags.length === 0 &&
		filter.priorities.length === 0 &&
		filter.statuses.length === 0 &&
		filter.importIds.length === 0 &&
		filter.weekdays.length === 0 &&
		filter.hours.length === 0 &&
		(filter.segments ?? []).length === 0
	);
}

const DAY_MS = 86_400_000;

/** The creation-time bounds [startMs, endMs) of the filter's days in `timeZone`. */
export function filterTimeBounds(
	filter: Pick<TicketFilter, 'from' | 'to'>,
	timeZone: string
): { startMs: number; endMs: number } {
	const fromDay = filter.from === null ? null : dayNumberOf(filter.from);
	const toDay = filter.to === null ? null : dayNumberOf(filter.to);
	return {
		startMs: fromDay === null ? -Infinity : localDayStartMs(fromDay, timeZone),
		endMs: toDay === null ? Infinity : localDayStartMs(toDay + 1, timeZone)
	};
}

/** A lookup of allowed codes: allowed[code] === 1. Null = every code allowed. */
function allowedCodes(codes: readonly number[], size: number): Uint8Array | null {
	if (codes.length === 0) return null;
	const allowed = new Uint8Array(size);
	for (const code of codes) if (code >= 0 && code < size) allowed[code] = 1;
	return allowed;
}

function dictionaryCodes(dictionary: readonly string[], values: readonly string[]): number[] {
	const wanted = new Set(values);
	const codes: number[] = [];
	dictionary.forEach((value, code) => {
		if (wanted.has(value)) codes.push(code);
	});
	return codes;
}

/**
 * One condition of a selection as a typed pass: `scan` keeps the matching rows of the whole
 * table (writing them to `out`), `refine` keeps the matching rows among out[0, count) in
 * place; both return how many rows they kept. `share` estimates the fraction of rows it keeps:
 * the most selective condition scans, the others refine fewer rows.
 */
interface RowPass {
	share: number;
	scan: (out: Uint32Array, size: number) => number;
	refine: (rows: Uint32Array, count: number) => number;
}

/** Per code column, how many rows carry each code (for the passes' order), once per column. */
const codeCounts = new WeakMap<object, Uint32Array>();

function countsOfCodes(codes: ArrayLike<number>, size: number, codeCount: number): Uint32Array {
	let counts = codeCounts.get(codes);
	if (counts === undefined || counts.length < codeCount) {
		counts = new Uint32Array(codeCount);
		for (let row = 0; row < size; row++) {
			const code = codes[row] as number;
			if (code >= 0 && code < codeCount) counts[code]!++;
		}
		codeCounts.set(codes, counts);
	}
	return counts;
}

/** Rows whose code has allowed[code] === 1 (a code past the lookup's end is not allowed). */
function maskPass(codes: ArrayLike<number>, allowed: Uint8Array, size: number): RowPass {
	const counts = countsOfCodes(codes, size, allowed.length);
	let kept = 0;
	for (let code = 0; code < allowed.length; code++) if (allowed[code] === 1) kept += counts[code]!;
	return {
		share: size === 0 ? 0 : kept / size,
		scan: (out, rowCount) => {
			let count = 0;
			for (let row = 0; row < rowCount; row++)
				if (allowed[codes[row] as number] === 1) out[count++] = row;
			return count;
		},
		refine: (rows, count) => {
			let kept = 0;
			for (let i = 0; i < count; i++) {
				const row = rows[i] as number;
				if (allowed[codes[row] as number] === 1) rows[kept++] = row;
			}
			return kept;
		}
	};
}

/** Rows that pass `test` (conditions without a code column: tags, imports, instants). */
function testPass(test: (row: number) => boolean, share: number): RowPass {
	return {
		share,
		scan: (out, rowCount) => {
			let count = 0;
			for (let row = 0; row < rowCount; row++) if (test(row)) out[count++] = row;
			return count;
		},
		refine: (rows, count) => {
			let kept = 0;
			for (let i = 0; i < count; i++) {
				const row = rows[i] as number;
				if (test(row)) rows[kept++] = row;
			}
			return kept;
		}
	};
}

/** Rows whose local creation day lies in [lowest, highest] (NO_DAY never does). */
function dayRangePass(localDays: Int32Array, lowest: number, highest: number): RowPass {
	const low = Math.max(lowest, NO_DAY + 1);
	return {
		// Unknown without a histogram; ranges are what brushing changes, so refine with them.
		share: 0.5,
		scan: (out, rowCount) => {
			let count = 0;
			for (let row = 0; row < rowCount; row++) {
				const day = localDays[row] as number;
				if (day >= low && day <= highest) out[count++] = row;
			}
			return count;
		},
		refine: (rows, count) => cutByDays(localDays, rows, count, low, highest)
	};
}

/** Keeps rows[0, count) whose local day lies in [low, high] in place; returns how many. */
function cutByDays(
	localDays: Int32Array,
	rows: Uint32Array,
	count: number,
	low: number,
	high: number
): number {
	let kept = 0;
	for (let i = 0; i < count; i++) {
		const row = rows[i] as number;
		const day = localDays[row] as number;
		if (day >= low && day <= high) rows[kept++] = row;
	}
	return kept;
}

/** Runs the passes, most selective first, into one list of rows in row order. */
function runPasses(passes: RowPass[], size: number): Uint32Array {
	passes.sort((a, b) => a.share - b.share);
	const out = new Uint32Array(size);
	let count = size;
	passes.forEach((pass, index) => {
		if (index === 0) count = pass.scan(out, size);
		else if (count > 0) count = pass.refine(out, count);
	});
	if (passes.length === 0) for (let row = 0; row < size; row++) out[row] = row;
	return out.slice(0, count);
}

/**
 * The rows of `table` the filter keeps, in row order; null when it keeps every row (so the
 * caller can use the table's columns as they are, without a copy). With `local` (the rows'
 * local days and weekday × hour cells in `timeZone`) no time-zone conversion runs per row.
 * Each condition is one tight pass over typed columns (a code lookup per row), the most
 * selective first over the whole table, the others over the rows it kept.
 */
export function selectRows(
	table: TicketTable,
	filter: TicketFilter,
	timeZone: string,
	local: LocalTimeColumns | null = null
): Uint32Array | null {
	if (isEmptyFilter(filter)) return null;
	const { columns, size } = table;
	const passes: RowPass[] = [];
	const byCodes = (codes: ArrayLike<number>, allowed: Uint8Array | null) => {
		if (allowed !== null) passes.push(maskPass(codes, allowed, size));
	};
	byCodes(
		columns.channelCodes,
		allowedCodes(
			filter.channels.map((channel) => CHANNELS.indexOf(channel)),
			CHANNELS.length
		)
	);
	byCodes(
		columns.priorityCodes,
		allowedCodes(
			filter.priorities.map((priority) => PRIORITIES.indexOf(priority)),
			PRIORITIES.length
		)
	);
	byCodes(
		columns.statusCodes,
		allowedCodes(
			filter.statuses.map((status) => TICKET_STATUSES.indexOf(status)),
			TICKET_STATUSES.length
		)
	);
	// A value that never occurs matches nothing, so an unknown agent selects no row.
	if (filter.agents.length > 0)
		byCodes(table.agentCodes, dictionaryMask(table.agents, filter.agents));
	const groupNames = filter.groups ?? [];
	if (groupNames.length > 0) byCodes(table.groupCodes, dictionaryMask(table.groups, groupNames));
	if (filter.tags.length > 0) {
		const allowed = dictionaryMask(table.tags, filter.tags);
		const untagged = filter.tags.includes('');
		passes.push(testPass((row) => hasAllowedTag(table, row, allowed, untagged), 0.5));
	}
	if (filter.importIds.length > 0) {
		const imports = new Set(filter.importIds);
		passes.push(testPass((row) => imports.has(table.importIds[row] as number), 0.5));
	}
	const weekdays = allowedCodes(filter.weekdays, 7);
	const hours = allowedCodes(filter.hours, 24);
	if (local !== null && local.timeZone === timeZone) {
		const fromDay = filter.from === null ? null : dayNumberOf(filter.from);
		const toDay = filter.to === null ? null : dayNumberOf(filter.to);
		// Either leaves out rows without a creation time (NO_DAY, NO_CELL).
		if (fromDay !== null || toDay !== null)
			passes.push(dayRangePass(local.localDays, fromDay ?? -Infinity, toDay ?? Infinity));
		if (weekdays !== null || hours !== null)
			passes.push(maskPass(local.cells, cellMask(weekdays, hours), size));
	} else {
		const matchesTime = instantMatcher(table, filter, timeZone, weekdays, hours);
		if (matchesTime !== null) passes.push(testPass(matchesTime, 0.5));
	}
	return runPasses(passes, size);
}

/**
 * The rows of `rows` (null = every row of the table) created on a local day in [from, to]
 * (both inclusive, null = open), in the same order: what selectRows gives for the same
 * filter with that date range added. Null bounds on both sides (or days that do not parse on
 * both) keep every row, as selectRows does.
 */
export function rowsWithinDays(
	size: number,
	rows: Uint32Array | null,
	local: LocalTimeColumns,
	range: Pick<TicketFilter, 'from' | 'to'>
): Uint32Array {
	const fromDay = range.from === null ? null : dayNumberOf(range.from);
	const toDay = range.to === null ? null : dayNumberOf(range.to);
	if (rows !== null && fromDay === null && toDay === null) return rows;
	if (rows === null && fromDay === null && toDay === null) {
		const every = new Uint32Array(size);
		for (let row = 0; row < size; row++) every[row] = row;
		return every;
	}
	const low = Math.max(fromDay ?? -Infinity, NO_DAY + 1);
	const high = toDay ?? Infinity;
	if (rows === null) {
		const out = new Uint32Array(size);
		return out.slice(0, dayRangePass(local.localDays, low, high).scan(out, size));
	}
	const out = Uint32Array.from(rows);
	return out.slice(0, cutByDays(local.localDays, out, out.length, low, high));
}

/** The weekday × hour cells (weekday · 24 + hour) a weekday and hour filter keep. */
function cellMask(weekdays: Uint8Array | null, hours: Uint8Array | null): Uint8Array {
	const allowed = new Uint8Array(NO_CELL + 1);
	for (let cell = 0; cell < 7 * 24; cell++) {
		const weekdayOk = weekdays === null || weekdays[Math.floor(cell / 24)] === 1;
		const hourOk = hours === null || hours[cell % 24] === 1;
		if (weekdayOk && hourOk) allowed[cell] = 1;
	}
	return allowed;
}

/** allowedCodes of a dictionary's values; an empty lookup (nothing matches) when none occurs. */
function dictionaryMask(dictionary: readonly string[], values: readonly string[]): Uint8Array {
	return allowedCodes(dictionaryCodes(dictionary, values), dictionary.length) ?? new Uint8Array(0);
}

function hasAllowedTag(
	table: TicketTable,
	row: number,
	allowed: Uint8Array,
	untagged: boolean
): boolean {
	const end = table.tagOffsets[row + 1] ?? 0;
	const start = table.tagOffsets[row] ?? 0;
	if (untagged && start === end) return true;
	for (let i = start; i < end; i++) {
		if (allowed[table.tagCodes[i] ?? 0] === 1) return true;
	}
	return false;
}

type RowTest = (row: number) => boolean;

/** Date range, weekday and hour converting each creation instant to `timeZone`. */
function instantMatcher(
	table: TicketTable,
	filter: TicketFilter,
	timeZone: string,
	weekdays: Uint8Array | null,
	hours: Uint8Array | null
): RowTest | null {
	const { startMs, endMs } = filterTimeBounds(filter, timeZone);
	const hasRange = startMs !== -Infinity || endMs !== Infinity;
	if (!hasRange && weekdays === null && hours === null) return null;
	const created = table.columns.createdAtMs;
	return (row) => {
		const createdMs = created[row] ?? NaN;
		if (!Number.isFinite(createdMs) || createdMs < startMs || createdMs >= endMs) return false;
		if (weekdays === null && hours === null) return true;
		const localMs = createdMs + timeZoneOffsetMs(createdMs, timeZone);
		const localDay = Math.floor(localMs / DAY_MS);
		// 1970-01-01 was a Thursday: weekday 3 when Monday = 0.
		if (weekdays !== null && weekdays[(((localDay + 3) % 7) + 7) % 7] !== 1) return false;
		return hours === null || hours[Math.floor((localMs - localDay * DAY_MS) / 3_600_000)] === 1;
	};
}

/**
 * The period of the same length just before the filter's date range (both days inclusive),
 * or null when the filter has no complete range to compare with.
 */
export function previousPeriod(
	filter: Pick<TicketFilter, 'from' | 'to'>
): { from: string; to: string } | null {
	if (filter.from === null || filter.to === null) return null;
	const fromDay = dayNumberOf(filter.from);
	const toDay = dayNumberOf(filter.to);
	if (fromDay === null || toDay === null || toDay < fromDay) return null;
	const length = toDay - fromDay + 1;
	return { from: dayOfNumber(fromDay - length), to: dayOfNumber(fromDay - 1) };
}
