import { describe, expect, it } from 'vitest';
import {
	cellSearchOf,
	extraSearchOf,
	filterSearch,
	parseFilterQuery,
	writeFilterQuery
} from './filter-query';
import { emptyFilter, type TicketFilter } from './ticket-filter';

describe('filter query', () => {
	it('round-trips every field, with several values each', () => {
		const filter: TicketFilter = {
			from: '2026-01-01',
			to: '2026-01-31',
			channels: ['email', 'chat'],
			agents: ['Anna Åberg', 'Ben, Jr.'],
			groups: ['Billing', ''],
			tags: ['refund', 'a&b', ''],
			priorities: ['high'],
			statuses: ['open', 'pending'],
			importIds: [3, 12],
			weekdays: [0],
			hours: [9, 23],
			segments: ['vip', 'no_orders_imported']
		};
		const query = writeFilterQuery(filter).toString();
		expect(query).toBe(
			'from=2026-01-01&to=2026-01-31&channel=email&channel=chat&agent=Anna+%C3%85berg&agent=Ben%2C+Jr.&group=Billing&group=&tag=refund&tag=a%26b&tag=&priority=high&status=open&status=pending&import=3&import=12&weekday=0&hour=9&hour=23&segment=vip&segment=no_orders_imported'
		);
		expect(parseFilterQuery(new URLSearchParams(query))).toEqual(filter);
	});
	it('drops invalid values instead of failing', () => {
		const parsed = parseFilterQuery(
			new URLSearchParams(
				'from=2026-02-30&to=yesterday&channel=fax&channel=chat&channel=chat&priority=meh&import=-1&import=x&import=4&weekday=7&hour=24&hour=0&segment=gold'
			)
		);
		expect(parsed).toEqual({ ...emptyFilter(), channels: ['chat'], importIds: [4], hours: [0] });
	});
	it('swaps a reversed range', () => {
		const parsed = parseFilterQuery(new URLSearchParams('from=2026-03-10&to=2026-03-01'));
		expect([parsed.from, parsed.to]).toEqual(['2026-03-01', '2026-03-10']);
	});
	it('keeps unrelated parameters and gives an empty search for the empty filter', () => {
		const params = writeFilterQuery(
			{ ...emptyFilter(), agents: ['Anna'] },
			new URLSearchParams('ticket=z%3A1&agent=Old')
		);
		expect(params.toString()).toBe('ticket=z%3A1&agent=Anna');
		expect(filterSearch(emptyFilter())).toBe('');
		expect(filterSearch(emptyFilter(), { sort: 'created' })).toBe('?sort=created');
	});
});

describe('cellSearchOf', () => {
	it('equals filterSearch with the cell as weekday and hour, for any filter', () => {
		const filters: TicketFilter[] = [
			emptyFilter(),
			{ ...emptyFilter(), from: '2025-09-01', agents: ['Anna & Co', 'Ben'], tags: [''] },
			{ ...emptyFilter(), weekdays: [2, 3], hours: [9], segments: ['vip', 'new'] },
			{ ...emptyFilter(), channels: ['chat'], importIds: [4], segments: ['vip'] }
		];
		for (const filter of filters) {
			const cellSearch = cellSearchOf(filter);
			for (const [weekday, hour] of [
				[0, 0],
				[6, 23],
				[3, 12]
			] as const)
				expect(cellSearch(weekday, hour)).toBe(
					filterSearch({ ...filter, weekdays: [weekday], hours: [hour] })
				);
		}
	});
});

describe('extraSearchOf', () => {
	it('equals filterSearch with the same extra parameters, for any filter', () => {
		const filters: TicketFilter[] = [
			emptyFilter(),
			{ ...emptyFilter(), from: '2025-09-01', agents: ['Anna & Co', 'Ben'], tags: [''] },
			{ ...emptyFilter(), weekdays: [2, 3], hours: [9], segments: ['vip', 'new'] }
		];
		const extras: Record<string, string>[] = [
			{},
			{ subset: 'first_response_median_s:included' },
			{ subset: 'a&b=c d', sort: 'created' }
		];
		for (const filter of filters) {
			const search = extraSearchOf(filter);
			for (const extra of extras) expect(search(extra)).toBe(filterSearch(filter, extra));
		}
		expect(extraSearchOf(emptyFilter())({})).toBe('');
		expect(extraSearchOf(emptyFilter())({ subset: 'tickets:included' })).toBe(
			'?subset=tickets%3Aincluded'
		);
	});
});
