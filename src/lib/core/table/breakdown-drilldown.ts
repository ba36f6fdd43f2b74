import { PRIORITIES, type Priority } from '../model/ticket';
import { isCustomerSegment } from '../customers/customer-segments';
import type { ExtraDimension } from './breakdowns-dimensions';
import type { TicketFilter } from './ticket-filter';

/**
 * The filter of exactly the tickets behind one breakdown row: the view's filter with the
 * row's value as the only value of its field. The row's value already satisfies the view's
 * filter on that field (tag rows are limited to the filtered tags, agent-views.ts), so this
 * narrows and never widens. '' is the "not set" row: no group, no tag, unknown priority.
 */
export function drillDownFilter(
	filter: TicketFilter,
	dimension: ExtraDimension,
	key: string
): TicketFilter {
	switch (dimension) {
		case 'group':
			return { ...filter, groups: [key] };
		case 'tag':
			return { ...filter, tags: [key] };
		case 'priority': {
			const priority =
				key !== '' && (PRIORITIES as readonly string[]).includes(key)
					? (key as Priority)
					: 'unknown';
			return { ...filter, priorities: [priority] };
		}
		case 'segment':
			return { ...filter, segments: isCustomerSegment(key) ? [key] : [] };
	}
}
