import { CHANNELS, PRIORITIES, TICKET_STATUSES } from '../model/ticket';
import { dayNumberOf, emptyFilter, type TicketFilter } from './ticket-filter';
import { CUSTOMER_SEGMENTS } from '../customers/customer-segments';

/**
 * The filter as URL query parameters, so a view can be bookmarked and shared: one parameter
 * per value, repeated for several (`?agent=Anna&agent=Ben&channel=chat&from=2026-01-01`).
 * Parsing is forgiving: unknown values, bad dates and duplicates are dropped, never thrown.
 */
const KEYS = {
	from: 'from',
	to: 'to',
	channels: 'channel',
	agents: 'agent',
	groups: 'group',
	tags: 'tag',
	priorities: 'priority',
	statuses: 'status',
	importIds: 'import',
	weekdays: 'weekday',
	hours: 'hour',
	segments: 'segment'
} as const;

/** Query parameter names the filter owns (other parameters on the page are left alone). */
export const FILTER_PARAMS: readonly string[] = Object.values(KEYS);

const unique = <T>(values: T[]): T[] => [...new Set(values)];

function integers(values: string[], min: number, max: number): number[] {
	return unique(
		values
			.filter((value) => /^\d+$/.test(value))
			.map(Number)
			.filter((value) => value >= min && value <= max)
	);
}

function inVocabulary<T extends string>(values: string[], vocabulary: readonly T[]): T[] {
	return unique(
		values.filter((value): value is T => (vocabulary as readonly string[]).includes(value))
	);
}

function validDay(value: string | null): string | null {
	return value !== null && dayNumberOf(value) !== null ? value : null;
}

export function parseFilterQuery(params: URLSearchParams): TicketFilter {
	const filter = emptyFilter();
	filter.from = validDay(params.get(KEYS.from));
	filter.to = validDay(params.get(KEYS.to));
	if (filter.from !== null && filter.to !== null && filter.to < filter.from) {
		[filter.from, filter.to] = [filter.to, filter.from];
	}
	filter.channels = inVocabulary(params.getAll(KEYS.channels), CHANNELS);
	filter.priorities = inVocabulary(params.getAll(KEYS.priorities), PRIORITIES);
	filter.statuses = inVocabulary(params.getAll(KEYS.statuses), TICKET_STATUSES);
	filter.agents = unique(params.getAll(KEYS.agents));
	filter.groups = unique(params.getAll(KEYS.groups));
	// `tag=` (empty) selects tickets without a tag, as `agent=` selects unassigned ones.
	filter.tags = unique(params.getAll(KEYS.tags));
	filter.importIds = integers(params.getAll(KEYS.importIds), 1, Number.MAX_SAFE_INTEGER);
	filter.weekdays = integers(params.getAll(KEYS.weekdays), 0, 6);
	filter.hours = integers(params.getAll(KEYS.hours), 0, 23);
	filter.segments = inVocabulary(params.getAll(KEYS.segments), CUSTOMER_SEGMENTS);
	return filter;
}

/**
 * Writes the filter into `params` (replacing the filter's own parameters, keeping others) in
 * a fixed order, so the same filter always gives the same URL.
 */
export function writeFilterQuery(
	filter: TicketFilter,
	params = new URLSearchParams()
): URLSearchParams {
	for (const key of FILTER_PARAMS) params.delete(key);
	if (filter.from !== null) params.set(KEYS.from, filter.from);
	if (filter.to !== null) params.set(KEYS.to, filter.to);
	const lists: [string, readonly (string | number)[]][] = [
		[KEYS.channels, filter.channels],
		[KEYS.agents, filter.agents],
		[KEYS.groups, filter.groups ?? []],
		[KEYS.tags, filter.tags],
		[KEYS.priorities, filter.priorities],
		[KEYS.statuses, filter.statuses],
		[KEYS.importIds, filter.importIds],
		[KEYS.weekdays, filter.weekdays],
		[KEYS.hours, filter.hours],
		[KEYS.segments, filter.segments ?? []]
	];
	for (const [key, values] of lists) for (const value of values) params.append(key, String(value));
	return params;
}

/** `?…` for a link carrying the filter (empty string when the filter is empty). */
export function filterSearch(filter: TicketFilter, extra: Record<string, string> = {}): string {
	const params = writeFilterQuery(filter);
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	const text = params.toString();
	return text === '' ? '' : `?${text}`;
}

/**
 * filterSearch of the filter narrowed to one weekday × hour cell, for every cell of the
 * heatmap: the common parts are written once (168 links follow each filter change).
 */
export function cellSearchOf(filter: TicketFilter): (weekday: number, hour: number) => string {
	const before = writeFilterQuery({ ...filter, weekdays: [], hours: [], segments: [] }).toString();
	const after = writeFilterQuery({ ...emptyFilter(), segments: filter.segments ?? [] }).toString();
	return (weekday, hour) =>
		`?${[before, `${KEYS.weekdays}=${weekday}&${KEYS.hours}=${hour}`, after]
			.filter((part) => part !== '')
			.join('&')}`;
}

/**
 * filterSearch(filter, extra) for one filter and many extras that are not filter parameters
 * (each KPI tile's `subset` links): the filter's part is written once per filter change.
 */
export function extraSearchOf(filter: TicketFilter): (extra: Record<string, string>) => string {
	const base = writeFilterQuery(filter).toString();
	return (extra) => {
		const added = new URLSearchParams(extra).toString();
		const text = base === '' ? added : added === '' ? base : `${base}&${added}`;
		return text === '' ? '' : `?${text}`;
	};
}
