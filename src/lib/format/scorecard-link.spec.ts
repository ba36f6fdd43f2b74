import { describe, expect, it } from 'vitest';
import { emptyFilter } from '$lib/core/table/ticket-filter';
import { parseScorecardQuery, scorecardLink, scorecardSearch } from './scorecard-link';

describe('scorecard links', () => {
	it('carry the agent apart from the filter, without the filter’s agent list', () => {
		const filter = {
			...emptyFilter(),
			agents: ['Ben'],
			channels: ['chat' as const],
			from: '2026-01-01'
		};
		const search = scorecardSearch(filter, 'Anna Åberg');
		expect(search).toBe('?from=2026-01-01&channel=chat&name=Anna+%C3%85berg');
		const parsed = parseScorecardQuery(new URLSearchParams(search.slice(1)));
		expect(parsed.agent).toBe('Anna Åberg');
		expect(parsed.filter).toEqual({ ...filter, agents: [] });
		expect(parseScorecardQuery(new URLSearchParams('')).agent).toBeNull();
	});

	it('names each link for screen readers', () => {
		const link = scorecardLink('en', '/agent', emptyFilter());
		expect(link.href('Bo')).toBe('/agent?name=Bo');
		expect(link.label('Bo')).toBe('Scorecard of Bo');
		expect(link.text).toBe('Scorecard');
	});
});
