import type { CustomerRecord } from '../model/records';

/** One record that names a person: a ticket, a survey answer, an order or a customer-list row. */
export interface Sighting {
	source: 'tickets' | 'surveys' | 'orders' | 'listed';
	importId: number;
	/** Prefixed identifiers (see identifiers.ts): e-mail, phone, customer id, order number. */
	identifiers: readonly string[];
	name: string;
	atMs: number;
	/** Tags the shop gave the person (customer lists only). */
	tags?: readonly string[];
}

/** Union-find over identifier indexes, with path halving and union by size. */
class DisjointSets {
	readonly #parent: number[] = [];
	readonly #size: number[] = [];

	add(): number {
		const id = this.#parent.length;
		this.#parent.push(id);
		this.#size.push(1);
		return id;
	}

	find(x: number): number {
		const parent = this.#parent;
		while (parent[x] !== x) {
			const grand = parent[parent[x] ?? x] ?? x;
			parent[x] = grand;
			x = grand;
		}
		return x;
	}

	union(a: number, b: number): void {
		let ra = this.find(a);
		let rb = this.find(b);
		if (ra === rb) return;
		if ((this.#size[ra] ?? 0) < (this.#size[rb] ?? 0)) [ra, rb] = [rb, ra];
		this.#parent[rb] = ra;
		this.#size[ra] = (this.#size[ra] ?? 0) + (this.#size[rb] ?? 0);
	}
}

const stripPrefix = (id: string, prefix: string) => id.slice(prefix.length);

/**
 * Groups sightings into customers: two sightings are the same person when they share any
 * identifier (directly or through a chain: a survey naming order #1001 joins the customer
 * who placed #1001). Each customer's key is its first e-mail in sort order, else
 * `phone:<digits>`, else `id:<system>:<id>` (stable across rebuilds while the identifiers
 * are). Sightings without identifiers, and groups of order numbers alone, are nobody's.
 */
export function linkCustomers(sightings: Iterable<Sighting>): CustomerRecord[] {
	const sets = new DisjointSets();
	const indexOf = new Map<string, number>();
	const identifiers: string[] = [];
	const kept: { sighting: Sighting; first: number }[] = [];
	for (const sighting of sightings) {
		let first = -1;
		for (const id of sighting.identifiers) {
			if (id === '') continue;
			let index = indexOf.get(id);
			if (index === undefined) {
				index = sets.add();
				indexOf.set(id, index);
				identifiers.push(id);
			}
			if (first < 0) first = index;
			else sets.union(first, index);
		}
		if (first >= 0) kept.push({ sighting, first });
	}

	interface Group {
		ids: Set<string>;
		names: Map<string, number>;
		/** Names from the shop's customer lists: they win over names typed on orders or surveys. */
		listedNames: Map<string, number>;
		tags: Set<string>;
		firstSeenAtMs: number;
		counts: { tickets: number; surveys: number; orders: number; listed: number };
		importIds: Set<number>;
	}
	const groups = new Map<number, Group>();
	const groupOf = (root: number): Group => {
		let group = groups.get(root);
		if (group === undefined) {
			group = {
				ids: new Set(),
				names: new Map(),
				listedNames: new Map(),
				tags: new Set(),
				firstSeenAtMs: Infinity,
				counts: { tickets: 0, surveys: 0, orders: 0, listed: 0 },
				importIds: new Set()
			};
			groups.set(root, group);
		}
		return group;
	};
	identifiers.forEach((id, index) => groupOf(sets.find(index)).ids.add(id));
	for (const { sighting, first } of kept) {
		const group = groupOf(sets.find(first));
		group.counts[sighting.source]++;
		group.importIds.add(sighting.importId);
		if (Number.isFinite(sighting.atMs))
			group.firstSeenAtMs = Math.min(group.firstSeenAtMs, sighting.atMs);
		const names = sighting.source === 'listed' ? group.listedNames : group.names;
		if (sighting.name !== '') names.set(sighting.name, (names.get(sighting.name) ?? 0) + 1);
		for (const tag of sighting.tags ?? []) group.tags.add(tag);
	}

	const customers: CustomerRecord[] = [];
	for (const group of groups.values()) {
		const sorted = [...group.ids].sort();
		const pick = (prefix: string) =>
			sorted.filter((id) => id.startsWith(prefix)).map((id) => stripPrefix(id, prefix));
		const emails = pick('email:');
		const phones = pick('phone:');
		const customerIds = pick('cid:');
		const orderNumbers = pick('order:');
		// Order numbers only link: an order that names nobody is not a customer.
		if (emails.length === 0 && phones.length === 0 && customerIds.length === 0) continue;
		const key =
			emails[0] ??
			(phones[0] !== undefined
				? `phone:${phones[0]}`
				: customerIds[0] !== undefined
					? `id:${customerIds[0]}`
					: '');
		// The name the shop's list gives, else the one used most often (ties: first in sort order).
		const mostUsed = (names: Map<string, number>) =>
			[...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
		const name = mostUsed(group.listedNames) ?? mostUsed(group.names) ?? '';
		customers.push({
			key,
			emails,
			phones,
			name,
			firstSeenAtMs: Number.isFinite(group.firstSeenAtMs) ? group.firstSeenAtMs : NaN,
			customerIds,
			orderNumbers,
			counts: group.counts,
			tags: [...group.tags].sort(),
			importIds: [...group.importIds].sort((a, b) => a - b)
		});
	}
	return customers.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
