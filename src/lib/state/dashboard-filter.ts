import type { TicketFilter } from '$lib/core/table/ticket-filter';
import { describeFilter } from '$lib/format/filter-summary';
import type { TicketFacets } from '$lib/pipeline/ticket-table-cache';
import type { DashboardLabels } from '$lib/i18n/dashboard-labels';

type ListDimension = 'channels' | 'agents' | 'tags' | 'priorities' | 'statuses' | 'importIds';

/** One multi-select of the filter bar (only dimensions with values are shown). */
export interface FilterList {
	dimension: ListDimension;
	testId: string;
	label: string;
	options: { value: string; label: string }[];
}

export function filterLists(facets: TicketFacets, labels: DashboardLabels): FilterList[] {
	const { d } = labels;
	const lists: FilterList[] = [
		{
			dimension: 'channels',
			testId: 'channel',
			label: d('filter.channel'),
			options: facets.channels.map((value) => ({ value, label: labels.channel(value) }))
		},
		{
			dimension: 'agents',
			testId: 'agent',
			label: d('filter.agent'),
			options: facets.agents.map((value) => ({ value, label: labels.agent(value) }))
		},
		{
			dimension: 'tags',
			testId: 'tag',
			label: d('filter.tag'),
			options: facets.tags.map((value) => ({ value, label: value }))
		},
		{
			dimension: 'priorities',
			testId: 'priority',
			label: d('filter.priority'),
			options: facets.priorities.map((value) => ({ value, label: labels.priority(value) }))
		},
		{
			dimension: 'statuses',
			testId: 'status',
			label: d('filter.status'),
			options: facets.statuses.map((value) => ({ value, label: labels.status(value) }))
		},
		{
			dimension: 'importIds',
			testId: 'import',
			label: d('filter.import'),
			options: facets.imports.map((record) => ({
				value: String(record.id),
				label: record.fileName
			}))
		}
	];
	return lists.filter((list) => list.options.length > 0);
}

/** Weekday and hour filters (set from the heatmap) as removable chips. */
export function filterChips(
	filter: TicketFilter,
	labels: DashboardLabels
): { key: 'weekdays' | 'hours'; label: string }[] {
	const { d } = labels;
	return [
		...(filter.weekdays.length > 0
			? [
					{
						key: 'weekdays' as const,
						label: `${d('filter.weekday')}: ${filter.weekdays.map(labels.weekday).join(', ')}`
					}
				]
			: []),
		...(filter.hours.length > 0
			? [{ key: 'hours' as const, label: `${d('filter.hour')}: ${filter.hours.join(', ')}` }]
			: [])
	];
}

/** The filter in words, for the printed report, the exports and chart captions ('' = none). */
export function filterDescriptionOf(
	filter: TicketFilter,
	labels: DashboardLabels,
	importFileName: (id: number) => string
): string {
	const { d } = labels;
	return describeFilter(
		filter,
		{
			from: d('filter.from'),
			to: d('filter.to'),
			channel: d('filter.channel'),
			agent: d('filter.agent'),
			tag: d('filter.tag'),
			priority: d('filter.priority'),
			status: d('filter.status'),
			import: d('filter.import'),
			weekday: d('filter.weekday'),
			hour: d('filter.hour')
		},
		{
			channel: labels.channel,
			agent: labels.agent,
			priority: labels.priority,
			status: labels.status,
			import: importFileName,
			weekday: labels.weekday
		}
	);
}

/** "Filters: …" or "Filters: none (all imported tickets)". */
export function filterSentence(description: string, labels: DashboardLabels): string {
	return description === ''
		? labels.d('filter.summaryNone')
		: labels.d('filter.summary', { filters: description });
}
