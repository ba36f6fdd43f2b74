import type { TicketFilter } from '$lib/core/table/ticket-filter';
import { agentsText } from '$lib/i18n/agents-messages';
import type { Locale } from '$lib/i18n/messages';

/**
 * Removable chips for the group and segment filters a breakdown drill-down sets (the filter
 * bar has no list for them), so a view filtered that way says so and can be undone.
 */
export function breakdownChips(
	filter: Pick<TicketFilter, 'groups' | 'segments'>,
	locale: Locale
): { key: 'groups' | 'segments'; label: string }[] {
	const chips: { key: 'groups' | 'segments'; label: string }[] = [];
	if (filter.groups.length > 0) {
		const names = filter.groups.map((group) =>
			group === '' ? agentsText(locale, 'breakdowns.noGroup') : group
		);
		chips.push({
			key: 'groups',
			label: `${agentsText(locale, 'breakdowns.group')}: ${names.join(', ')}`
		});
	}
	if (filter.segments.length > 0) {
		const names = filter.segments.map((segment) => agentsText(locale, `segment.${segment}`));
		chips.push({
			key: 'segments',
			label: `${agentsText(locale, 'breakdowns.segment')}: ${names.join(', ')}`
		});
	}
	return chips;
}
