import { describe, expect, it } from 'vitest';
import { drillDownFilter } from './breakdown-drilldown';
import { emptyFilter } from './ticket-filter';

describe('drillDownFilter', () => {
	const base = { ...emptyFilter(), channels: ['chat' as const], from: '2026-01-01' };

	it('adds the row value to the view filter, "" as not set', () => {
		expect(drillDownFilter(base, 'group', 'Billing')).toEqual({ ...base, groups: ['Billing'] });
		expect(drillDownFilter(base, 'group', '')).toEqual({ ...base, groups: [''] });
		expect(drillDownFilter(base, 'tag', '')).toEqual({ ...base, tags: [''] });
		expect(drillDownFilter(base, 'priority', 'high')).toEqual({ ...base, priorities: ['high'] });
		expect(drillDownFilter(base, 'priority', '')).toEqual({ ...base, priorities: ['unknown'] });
		expect(drillDownFilter(base, 'segment', 'vip')).toEqual({ ...base, segments: ['vip'] });
	});

	it('replaces the field’s own values (the row is one of them)', () => {
		const tagged = { ...base, tags: ['refund', 'delivery'] };
		expect(drillDownFilter(tagged, 'tag', 'refund').tags).toEqual(['refund']);
	});
});
