import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { emptyFilter } from '$lib/core/table/ticket-filter';
import { importFile } from './import-file';
import { relinkCustomers } from './relink-customers';
import {
	computeAgentScorecard,
	computeExtraBreakdowns,
	tagRowsWithin,
	trackOverview
} from './agent-views';
import { dimensionBreakdown } from '$lib/core/table/breakdowns-dimensions';
import { selectRows, type TicketFilter } from '$lib/core/table/ticket-filter';
import { ticketPage } from './ticket-list';
import { computeOverview } from './overview';
import { forgetTicketTable, localTimeOf, ticketTableNumbers } from './ticket-table-cache';

// A Shopify export with the fixture's header and five orders of our own.
const shopifyHeader = readFileSync(
	new URL('../../../tests/fixtures/exports/shopify-orders.csv', import.meta.url),
	'utf8'
).split('\n')[0] as string;
const columns = shopifyHeader.split(',');
function orderLine(fields: Record<string, string>): string {
	return columns.map((name) => fields[name] ?? '').join(',');
}
const order = (name: string, email: string, total: string, cancelledAt = '') =>
	orderLine({
		Name: name,
		Email: email,
		'Financial Status': cancelledAt === '' ? 'paid' : 'refunded',
		Currency: 'EUR',
		Total: total,
		'Created at': '2026-07-01 09:00:00 +0200',
		'Lineitem quantity': '1',
		'Lineitem name': 'Towel',
		'Lineitem price': total,
		'Cancelled at': cancelledAt
	});
const ORDERS = [
	shopifyHeader,
	order('#2001', 'b@example.com', '100.00'),
	order('#2002', 'b@example.com', '50.00'),
	order('#2003', 'c@example.com', '30.00'),
	order('#2004', 'd@example.com', '500.00'),
	order('#2005', 'e@example.com', '20.00', '2026-07-02 10:00:00 +0200')
].join('\n');

const TICKETS = [
	'Id,Subject,Status,Via,Assignee,Group,Requester email,Created at,Solved at,First reply time in minutes,Full resolution time in minutes,First resolution time in minutes,Reopens,Satisfaction Score,Tags',
	'1,a,Solved,Email,Anna,Billing,b@example.com,2026-07-06 09:00:00,,10,120,60,1,Good,refund vip',
	'2,b,Open,Email,Anna,Billing,b@example.com,2026-07-06 10:00:00,,20,,,0,,refund',
	'3,c,Solved,Chat,Ben,Support,c@example.com,2026-07-07 09:00:00,,2,30,30,0,Bad,',
	'4,d,Solved,Chat,Ben,,d@example.com,2026-07-13 09:00:00,,4,40,40,0,Good,delivery',
	'5,e,Solved,Email,Anna,Support,e@example.com,2026-07-14 09:00:00,,30,600,600,0,Good,',
	'6,f,Closed,Email,Cleo,Support,f@example.com,2026-07-14 11:00:00,,40,90,90,0,,',
	'7,g,Open,Email,,Support,,2026-07-15 09:00:00,,,,,,,'
].join('\n');

let db: ServiceLensDb;
let counter = 0;
beforeEach(() => {
	forgetTicketTable();
	db = new ServiceLensDb(`agent-views-test-${++counter}`);
});
afterEach(async () => {
	forgetTicketTable();
	await db.delete();
});

async function load(withOrders: boolean): Promise<void> {
	const blob = (text: string) => new Blob([text]);
	const tickets = await importFile(db, blob(TICKETS), { fileName: 'tickets.csv', timeZone: 'UTC' });
	expect(tickets.ok).toBe(true);
	if (withOrders) {
		const orders = await importFile(db, blob(ORDERS), { fileName: 'orders.csv', timeZone: 'UTC' });
		expect(orders.ok && orders.value.counts.imported).toBe(5);
	}
	await relinkCustomers(db);
}

const keyed = (rows: { key: string; tickets: number }[]) => rows.map((r) => [r.key, r.tickets]);

describe('computeExtraBreakdowns', () => {
	it('segments tickets by their customer’s orders (top-10% spend is VIP)', async () => {
		await load(true);
		const result = await computeExtraBreakdowns(db, 'UTC', emptyFilter());
		expect(result.hasOrders).toBe(true);
		// b: 2 orders → returning; c: 1 → new; d: 500 is the top spender → VIP;
		// e: only a cancelled order, f: none → no orders; ticket 7 names nobody.
		expect(keyed(result.bySegment)).toEqual([
			['no_orders', 2],
			['returning', 2],
			['new', 1],
			['unknown_customer', 1],
			['vip', 1]
		]);
		expect(keyed(result.byGroup)).toEqual([
			['Support', 4],
			['Billing', 2],
			['', 1]
		]);
		// Ticket 1 counts in refund and vip: 8 pairs for 7 tickets.
		expect(keyed(result.byTag)).toEqual([
			['', 4],
			['refund', 2],
			['delivery', 1],
			['vip', 1]
		]);
		expect(result.matching).toBe(7);
	});

	it('says "no orders imported" without an order file', async () => {
		await load(false);
		const result = await computeExtraBreakdowns(db, 'UTC', emptyFilter());
		expect(result.hasOrders).toBe(false);
		expect(keyed(result.bySegment)).toEqual([['no_orders_imported', 7]]);
	});

	it('filters the tiles and the ticket list by segment, and limits tag rows to the tag filter', async () => {
		await load(true);
		const returning = { ...emptyFilter(), segments: ['returning' as const] };
		const overview = await computeOverview(db, 'UTC', returning);
		expect(overview.kpis.find((kpi) => kpi.id === 'tickets')?.value).toBe(2);
		const page = await ticketPage(
			db,
			{
				filter: returning,
				timeZone: 'UTC',
				search: '',
				sort: 'created',
				descending: false,
				subset: null
			},
			0,
			10
		);
		expect(page.rows.map((row) => row.externalId)).toEqual(['1', '2']);
		const tagged = await computeExtraBreakdowns(db, 'UTC', { ...emptyFilter(), tags: ['vip'] });
		expect(keyed(tagged.byTag)).toEqual([['vip', 1]]);
	});
});

describe('computeExtraBreakdowns scheduling', () => {
	it('starts only once the running overview is answered', async () => {
		await load(false);
		const order: string[] = [];
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const overview = trackOverview(async () => {
			await gate;
			order.push('overview');
		});
		const extras = computeExtraBreakdowns(db, 'UTC', emptyFilter()).then(() =>
			order.push('extras')
		);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(order).toEqual([]);
		release();
		await overview;
		await extras;
		expect(order).toEqual(['overview', 'extras']);
	});

	it('stops for a newer overview call (the page ignores the superseded answer)', async () => {
		await load(false);
		const extras = computeExtraBreakdowns(db, 'UTC', emptyFilter());
		const overview = trackOverview(() => computeOverview(db, 'UTC', emptyFilter()));
		await expect(extras).rejects.toMatchObject({ name: 'SupersededError' });
		expect((await overview).matching).toBe(7);
	});

	it('reuses the overview’s rows and remembered views, equal to the tables over a fresh selection', async () => {
		await load(false);
		const filters: TicketFilter[] = [
			{ ...emptyFilter(), agents: ['Anna', 'Ben'], tags: ['refund', ''] },
			{ ...emptyFilter(), from: '2026-07-06', to: '2026-07-13' },
			{ ...emptyFilter(), agents: ['Nobody'] }
		];
		for (const filter of filters) {
			await trackOverview(() => computeOverview(db, 'UTC', filter));
			const result = await computeExtraBreakdowns(db, 'UTC', filter);
			const cache = await ticketTableNumbers(db);
			const rows = selectRows(cache.table, filter, 'UTC', localTimeOf(cache, 'UTC'));
			expect(result.byGroup).toEqual(dimensionBreakdown(cache.table, rows, 'group'));
			expect(result.byPriority).toEqual(dimensionBreakdown(cache.table, rows, 'priority'));
			expect(result.byTag).toEqual(
				tagRowsWithin(dimensionBreakdown(cache.table, rows, 'tag'), filter.tags)
			);
			expect(result.matching).toBe(rows === null ? 7 : rows.length);
			// Asked again (the filter toggled back): the same answer, not computed again.
			expect(await computeExtraBreakdowns(db, 'UTC', filter)).toBe(result);
		}
		expect((await computeExtraBreakdowns(db, 'UTC', filters[2] as TicketFilter)).matching).toBe(0);
	});
});

describe('computeAgentScorecard', () => {
	it('puts the agent beside the team under the filter', async () => {
		await load(false);
		const card = await computeAgentScorecard(
			db,
			'UTC',
			{ ...emptyFilter(), channels: ['email'], agents: ['Ben'] },
			'Anna'
		);
		const byId = Object.fromEntries(card.kpis.map((kpi) => [kpi.id, kpi]));
		// Anna on e-mail: tickets 1, 2, 5. Team on e-mail: 1, 2, 5, 6, 7.
		expect(card.tickets).toBe(3);
		expect(byId.tickets?.team.value).toBe(5);
		// First response [600, 1200, 1800] s → 1200; team adds 2400 → 1500.
		expect(byId.first_response_median_s?.agent.value).toBe(1200);
		expect(byId.first_response_median_s?.team.value).toBe(1500);
		// First resolution [3600, 36000] → 19800; full [7200, 36000] → 21600 (ticket 1 reopened).
		expect(byId.first_resolution_median_s?.agent.value).toBe(19_800);
		expect(byId.resolution_median_s?.agent.value).toBe(21_600);
		expect(card.csat.agent).toMatchObject({ satisfied: 2, rated: 2, hasFewRatings: true });
		// Ranking over e-mail: Anna 2/2 is the only rated agent there.
		expect(card.ranking.map((entry) => [entry.key, entry.rank])).toEqual([['Anna', 1]]);
		expect(card.trend.agent.map((week) => [week.weekStart, week.tickets])).toEqual([
			['2026-07-06', 2],
			['2026-07-13', 1]
		]);
	});
});
