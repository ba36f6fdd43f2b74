import type { TicketFilter } from '$lib/core/table/ticket-filter';

export interface FilterSummaryLabels {
	from: string;
	to: string;
	channel: string;
	agent: string;
	tag: string;
	priority: string;
	status: string;
	import: string;
	weekday: string;
	hour: string;
}

/** How each raw value reads (channel ids, import ids → file names, weekday numbers…). */
export interface FilterValueLabels {
	channel: (value: string) => string;
	agent: (value: string) => string;
	priority: (value: string) => string;
	status: (value: string) => string;
	import: (id: number) => string;
	weekday: (weekday: number) => string;
}

/**
 * The filter in one line for the printed report and the screen reader summary:
 * "From: 2026-01-01 · To: 2026-01-31 · Channel: Chat, E-mail · Agent: Anna". Empty when the
 * filter is empty.
 */
export function describeFilter(
	filter: TicketFilter,
	labels: FilterSummaryLabels,
	values: FilterValueLabels
): string {
	const parts: string[] = [];
	const add = (label: string, items: string[]) => {
		if (items.length > 0) parts.push(`${label}: ${items.join(', ')}`);
	};
	if (filter.from !== null) parts.push(`${labels.from}: ${filter.from}`);
	if (filter.to !== null) parts.push(`${labels.to}: ${filter.to}`);
	add(labels.channel, filter.channels.map(values.channel));
	add(labels.agent, filter.agents.map(values.agent));
	add(labels.tag, filter.tags);
	add(labels.priority, filter.priorities.map(values.priority));
	add(labels.status, filter.statuses.map(values.status));
	add(labels.import, filter.importIds.map(values.import));
	add(labels.weekday, filter.weekdays.map(values.weekday));
	add(
		labels.hour,
		filter.hours.map(
			(hour) => `${String(hour).padStart(2, '0')}:00–${String(hour).padStart(2, '0')}:59`
		)
	);
	return parts.join(' · ');
}
