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
 * The rows of `table` the filter keeps, in row order; null when it keeps every row (so the
 * caller can use the table's columns as they are, without a copy). With `local` (the rows'
 * local days and weekday × hour cells in `timeZone`) no time-zone conversion runs per row.
 */
export function selectRows(
	table: TicketTable,
	filter: TicketFilter,
	timeZone: string,
	local: LocalTimeColumns | null = null
): Uint32Array | null {
	if (isEmptyFilter(filter)) return null;
	const { columns } = table;
	const channels = allowedCodes(
		filter.channels.map((channel) => CHANNELS.indexOf(channel)),
		CHANNELS.length
	);
	const priorities = allowedCodes(
		filter.priorities.map((priority) => PRIORITIES.indexOf(priority)),
		PRIORITIES.length
	);
	const statuses = allowedCodes(
		filter.statuses.map((status) => TICKET_STATUSES.indexOf(status)),
		TICKET_STATUSES.length
	);
	// A value that never occurs matches nothing, so an unknown agent selects no row.
	const agents =
		filter.agents.length === 0
			? null
			: (allowedCodes(dictionaryCodes(table.agents, filter.agents), table.agents.length) ??
				new Uint8Array(0));
	const groupNames = filter.groups ?? [];
	const groups =
		groupNames.length === 0
			? null
			: (allowedCodes(dictionaryCodes(table.groups, groupNames), table.groups.length) ??
				new Uint8Array(0));
	const tags =
		filter.tags.length === 0
			? null
			: (allowedCodes(dictionaryCodes(table.tags, filter.tags), table.tags.length) ??
				new Uint8Array(0));
	const untagged = filter.tags.includes('');
	const imports = filter.importIds.length === 0 ? null : new Set(filter.importIds);
	const weekdays = allowedCodes(filter.weekdays, 7);
	const hours = allowedCodes(filter.hours, 24);
	const matchesTime =
		local !== null && local.timeZone === timeZone
			? localTimeMatcher(filter, local, weekdays, hours)
			: instantMatcher(table, filter, timeZone, weekdays, hours);

	const out = new Uint32Array(table.size);
	let count = 0;
	for (let row = 0; row < table.size; row++) {
		if (channels !== null && channels[columns.channelCodes[row] ?? 0] !== 1) continue;
		if (priorities !== null && priorities[columns.priorityCodes[row] ?? 0] !== 1) continue;
		if (statuses !== null && statuses[columns.statusCodes[row] ?? 0] !== 1) continue;
		if (agents !== null && agents[table.agentCodes[row] ?? 0] !== 1) continue;
		if (groups !== null && groups[table.groupCodes[row] ?? 0] !== 1) continue;
		if (imports !== null && !imports.has(table.importIds[row] ?? 0)) continue;
		if (tags !== null && !hasAllowedTag(table, row, tags, untagged)) continue;
		if (matchesTime !== null && !matchesTime(row)) continue;
		out[count++] = row;
	}
	return out.slice(0, count);
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

/** Date range, weekday and hour from precomputed local days and cells. */
function localTimeMatcher(
	filter: TicketFilter,
	local: LocalTimeColumns,
	weekdays: Uint8Array | null,
	hours: Uint8Array | null
): RowTest | null {
	const fromDay = filter.from === null ? null : dayNumberOf(filter.from);
	const toDay = filter.to === null ? null : dayNumberOf(filter.to);
	if (fromDay === null && toDay === null && weekdays === null && hours === null) return null;
	const lowest = fromDay ?? -Infinity;
	const highest = toDay ?? Infinity;
	return (row) => {
		const day = local.localDays[row] ?? NO_DAY;
		if (day === NO_DAY || day < lowest || day > highest) return false;
		const cell = local.cells[row] ?? NO_CELL;
		if (weekdays !== null && weekdays[Math.floor(cell / 24)] !== 1) return false;
		return hours === null || hours[cell % 24] === 1;
	};
}

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
