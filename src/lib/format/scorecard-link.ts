import { filterSearch, parseFilterQuery } from '$lib/core/table/filter-query';
import type { TicketFilter } from '$lib/core/table/ticket-filter';
import { agentsText } from '$lib/i18n/agents-messages';
import type { Locale } from '$lib/i18n/messages';

/** The scorecard page's own parameter (the filter's `agent` list is the team's, not used). */
export const SCORECARD_AGENT_PARAM = 'name';

/**
 * `?name=<agent>&…filter…`: the scorecard of `agent` under the dashboard's filter, its agent
 * list dropped (the scorecard compares the agent with the whole team under the other filters).
 */
export function scorecardSearch(filter: TicketFilter, agent: string): string {
	return filterSearch({ ...filter, agents: [] }, { [SCORECARD_AGENT_PARAM]: agent });
}

/** The agent and the filter a scorecard URL names (agent null when absent). */
export function parseScorecardQuery(params: URLSearchParams): {
	agent: string | null;
	filter: TicketFilter;
} {
	return {
		agent: params.get(SCORECARD_AGENT_PARAM),
		filter: { ...parseFilterQuery(params), agents: [] }
	};
}

/** The agent table's second link: "Scorecard", named for screen readers per agent. */
export function scorecardLink(locale: Locale, base: string, filter: TicketFilter) {
	return {
		href: (agent: string) => `${base}${scorecardSearch(filter, agent)}`,
		text: agentsText(locale, 'agents.scorecardLink'),
		label: (agent: string) =>
			agentsText(locale, 'agents.scorecardLinkLabel', { agent: agent === '' ? '—' : agent })
	};
}
