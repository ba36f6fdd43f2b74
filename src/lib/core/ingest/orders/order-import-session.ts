import type { ImportCounts, QuarantinedRow } from '../../model/records';
import type { Order, OrderLine } from '../../model/order';
import { packOrderLines, packOrders } from '../../model/record-columns';
import {
	RecordImportSession,
	packInChunks,
	type KeyLookup,
	type PackedChunk
} from '../record-import-session';
import type { NormalizedOrderRow } from './normalize-order';
import { foldOrderRow, roundMoney } from './normalize-order';

interface Assembled {
	order: Order;
	lineSum: number;
	linesWithAmount: number;
}

/**
 * One shop export's rows → orders and order lines. The row accounting follows what a row
 * is: an order line in line-item exports (Shopify, Online Retail, Olist items), an order in
 * order-level exports (WooCommerce, Olist orders). Orders of line-item exports are assembled
 * from their lines and written when the file ends; a line-item order's total is the stated
 * one, else the sum of its lines.
 */
export class OrderImportSession {
	readonly #lines: RecordImportSession<OrderLine>;
	readonly #orders: RecordImportSession<Order>;
	readonly #lineLevel: boolean;
	readonly #existingOrders: KeyLookup;
	readonly #assembled = new Map<string, Assembled>();
	#assembledChunks: PackedChunk[] = [];

	constructor(level: 'line' | 'order', existingOrders: KeyLookup, existingLines: KeyLookup) {
		this.#lineLevel = level === 'line';
		this.#existingOrders = existingOrders;
		this.#lines = new RecordImportSession(existingLines, packOrderLines);
		this.#orders = new RecordImportSession(existingOrders, packOrders, (a, b) =>
			foldOrderRow(a, b, null)
		);
	}

	get counts(): ImportCounts {
		return this.#lineLevel ? this.#lines.counts : this.#orders.counts;
	}

	add(result: NormalizedOrderRow): void {
		const primary = this.#lineLevel ? this.#lines : this.#orders;
		if (!result.ok) {
			primary.add(result);
			return;
		}
		if (!this.#lineLevel) {
			if (result.order !== null) this.#orders.add({ ok: true, record: result.order });
			return;
		}
		if (result.line === null) return;
		const before = this.#lines.counts.imported;
		this.#lines.add({ ok: true, record: result.line });
		if (this.#lines.counts.imported === before || result.order === null) return;
		const line = result.line;
		const known = this.#assembled.get(result.order.key);
		if (known === undefined) {
			this.#assembled.set(result.order.key, {
				order: result.order,
				lineSum: line.lineTotal ?? 0,
				linesWithAmount: line.lineTotal === null ? 0 : 1
			});
		} else {
			known.order = foldOrderRow(known.order, result.order, line);
			if (line.lineTotal !== null) {
				known.lineSum += line.lineTotal;
				known.linesWithAmount++;
			}
		}
	}

	reject(row: QuarantinedRow): void {
		(this.#lineLevel ? this.#lines : this.#orders).reject(row);
	}

	takeQuarantined(): QuarantinedRow[] {
		return (this.#lineLevel ? this.#lines : this.#orders).takeQuarantined();
	}

	get pendingQuarantined(): number {
		return (this.#lineLevel ? this.#lines : this.#orders).pendingQuarantined;
	}

	/** Chunks ready to store, by table. */
	takeFullChunks(): { orders: PackedChunk[]; lines: PackedChunk[] } {
		const assembled = this.#assembledChunks;
		this.#assembledChunks = [];
		return {
			orders: [...this.#orders.takeFullChunks(), ...assembled],
			lines: this.#lines.takeFullChunks()
		};
	}

	finish(): void {
		this.#lines.finish();
		this.#orders.finish();
		if (!this.#lineLevel) return;
		const orders: Order[] = [];
		for (const { order, lineSum, linesWithAmount } of this.#assembled.values()) {
			// An order stored by an earlier import stays as it was (its lines were duplicates too).
			if (this.#existingOrders.has(order.key)) continue;
			orders.push({
				...order,
				total: order.total ?? (linesWithAmount > 0 ? roundMoney(lineSum) : null)
			});
		}
		this.#assembledChunks = packInChunks(orders, packOrders);
	}

	/** How many orders this import adds (assembled or read). */
	get orderCount(): number {
		return this.#lineLevel ? this.#assembled.size : this.#orders.counts.imported;
	}
}
