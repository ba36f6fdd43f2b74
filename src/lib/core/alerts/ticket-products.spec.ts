import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { makeColumns } from '../../../../tests/factories/ticket';
import { seededUniform } from '../forecast/shared/random';
import { contributionBreakdown, ticketWallTimes } from './contributions';
import {
	addOrderProducts,
	linkTicketProducts,
	type LineForLink,
	type OrderForLink
} from './ticket-products';

const DAY = 86_400_000;
const at = (day: number, hour = 10) => Date.UTC(2026, 5, 1, hour) + (day - 1) * DAY;

describe('linkTicketProducts', () => {
	it("links a ticket to its customer's latest order in the 30 days before it, worked by hand", () => {
		const orders: OrderForLink[] = [
			{ orderKey: 'o1', customerKey: 'ann@x.org', createdAtMs: at(1) },
			{ orderKey: 'o2', customerKey: 'ann@x.org', createdAtMs: at(10) },
			{ orderKey: 'o3', customerKey: 'ann@x.org', createdAtMs: at(50) },
			{ orderKey: 'o4', customerKey: 'bob@x.org', createdAtMs: at(3) }
		];
		const lines: LineForLink[] = [
			{ orderKey: 'o1', name: 'Kettle', sku: 'K1' },
			{ orderKey: 'o1', name: 'Mug', sku: 'M1' },
			{ orderKey: 'o1', name: 'Mug', sku: 'M1' },
			{ orderKey: 'o2', name: '', sku: 'T-200' },
			{ orderKey: 'o3', name: 'Lamp', sku: 'L1' }
			// o4 has no lines.
		];
		const columns = makeColumns(
			{ key: 'a', customerKey: 'ann@x.org', createdAtMs: at(5) }, // o1
			{ key: 'b', customerKey: 'ann@x.org', createdAtMs: at(12) }, // o2 (the latest)
			{ key: 'c', customerKey: 'ann@x.org', createdAtMs: at(41) }, // o2 is 31 days old: none
			{ key: 'd', customerKey: 'ann@x.org', createdAtMs: at(50) }, // placed the same moment: o3
			{ key: 'e', customerKey: 'ann@x.org', createdAtMs: at(1) - 1 }, // before any order
			{ key: 'f', customerKey: 'bob@x.org', createdAtMs: at(4) }, // o4 has no products
			{ key: 'g', customerKey: '', createdAtMs: at(5) }, // no customer
			{ key: 'h', customerKey: 'cy@x.org', createdAtMs: at(5) } // no orders
		);
		const result = linkTicketProducts(columns, orders, addOrderProducts(new Map(), lines));
		expect(result.products).toEqual([
			['Kettle', 'Mug'],
			['T-200'],
			undefined,
			['Lamp'],
			undefined,
			undefined,
			undefined,
			undefined
		]);
		expect(result).toMatchObject({ withCustomer: 7, linked: 3 });
		// The window is a parameter: 31 days reaches o2 from ticket c.
		expect(
			linkTicketProducts(columns, orders, addOrderProducts(new Map(), lines), 31).products[2]
		).toEqual(['T-200']);
	});
});

describe('products in the contribution breakdown', () => {
	/**
	 * A seeded shop: 300 customers ordering one of six products every 5-15 days; each writes on
	 * about 2% of days on a random channel, agent and tag. On days 60-62 a bad batch of the Blue
	 * Kettle makes its recent buyers write 8x as often.
	 */
	function shop(seed: number) {
		const random = seededUniform(seed);
		const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
		const products = ['Blue Kettle', 'Red Mug', 'Tea Set', 'Grinder', 'Scale', 'Filter'];
		const orders: OrderForLink[] = [];
		const lines: LineForLink[] = [];
		const tickets: Partial<Ticket>[] = [];
		for (let c = 0; c < 300; c++) {
			const customerKey = `c${c}@shop.test`;
			let lastKettle = -Infinity;
			let next = 1 + Math.floor(random() * 10);
			for (let day = 1; day <= 70; day++) {
				if (day === next) {
					const orderKey = `o${orders.length}`;
					const product = pick(products);
					orders.push({ orderKey, customerKey, createdAtMs: at(day, 8) });
					lines.push({ orderKey, name: product, sku: '' });
					lastKettle = product === 'Blue Kettle' ? day : -Infinity;
					next = day + 5 + Math.floor(random() * 11);
				}
				const badBatch = day >= 60 && day <= 62 && day - lastKettle <= 10;
				if (random() < (badBatch ? 0.16 : 0.02))
					tickets.push({
						key: `t${tickets.length}`,
						customerKey,
						createdAtMs: at(day, 12),
						channel: pick(['email', 'chat'] as const),
						agent: pick(['Ann', 'Bob', 'Cem']),
						tags: [pick(['shipping', 'sizes', 'payment'])]
					});
			}
		}
		return { orders, lines, columns: makeColumns(...tickets) };
	}

	it.each([1, 2, 3])('puts the planted bad batch on the product (seed %i)', (seed) => {
		const { orders, lines, columns } = shop(seed);
		const linked = linkTicketProducts(columns, orders, addOrderProducts(new Map(), lines));
		// Every customer orders at least every 15 days: nearly every ticket links.
		expect(linked.linked / linked.withCustomer).toBeGreaterThan(0.9);
		const times = ticketWallTimes(columns, 'UTC');
		// Expected volume: the mean of the 28 days before, counted independently here.
		const perDay = (first: number, last: number) =>
			Array.from(times.created).filter((ms) => ms >= at(first, 0) && ms < at(last + 1, 0)).length;
		const expected = (perDay(32, 59) / 28) * 3;
		const result = contributionBreakdown(
			columns,
			times,
			{
				kind: 'volume',
				segment: null,
				granularity: 'day',
				startWallMs: at(60, 0),
				endWallMs: at(62, 0),
				startIndex: 0,
				endIndex: 0,
				direction: 'up',
				expected
			},
			{ products: linked.products }
		);
		expect(result.deviation).toBeGreaterThan(10);
		expect(result.top).toMatchObject({ dimension: 'product', value: 'Blue Kettle' });
		expect(result.byDimension.product[0]!.value).toBe('Blue Kettle');
		// The kettle's tickets explain most of the deviation.
		expect(result.byDimension.product[0]!.delta).toBeGreaterThan(0.6 * result.deviation);
		// Without the orders there is no product dimension, and the cause is something else.
		const without = contributionBreakdown(columns, times, {
			kind: 'volume',
			segment: null,
			granularity: 'day',
			startWallMs: at(60, 0),
			endWallMs: at(62, 0),
			startIndex: 0,
			endIndex: 0,
			direction: 'up',
			expected
		});
		expect(without.byDimension.product).toEqual([]);
	});
});
