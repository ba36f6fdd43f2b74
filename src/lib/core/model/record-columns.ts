import type { PackedChunk } from '../ingest/record-import-session';
import { SURVEY_SCALES, type SurveyAnswer, type SurveyColumns, type SurveyScale } from './survey';
import type { Order, OrderColumns, OrderLine, OrderLineColumns } from './order';

const orNaN = (value: number | null) => (value === null ? NaN : value);
const orNull = (value: number | undefined) =>
	value === undefined || Number.isNaN(value) ? null : value;

export function packSurveys(answers: readonly SurveyAnswer[]): PackedChunk {
	const n = answers.length;
	const columns: SurveyColumns = {
		externalIds: answers.map((a) => a.externalId),
		respondedAtMs: Float64Array.from(answers, (a) => a.respondedAtMs),
		sentAtMs: Float64Array.from(answers, (a) => orNaN(a.sentAtMs)),
		scores: Float64Array.from(answers, (a) => orNaN(a.score)),
		scaleCodes: Uint8Array.from(answers, (a) => Math.max(0, SURVEY_SCALES.indexOf(a.scale))),
		rawScores: answers.map((a) => a.rawScore),
		comments: answers.map((a) => a.comment),
		ticketIds: answers.map((a) => a.ticketId),
		orderIds: answers.map((a) => a.orderId),
		customerKeys: answers.map((a) => a.customerKey),
		emails: answers.map((a) => a.email),
		phones: answers.map((a) => a.phone),
		customerIds: answers.map((a) => a.customerId),
		customerNames: answers.map((a) => a.customerName),
		agents: answers.map((a) => a.agent)
	};
	return { size: n, keys: answers.map((a) => a.key), columns: { ...columns } };
}

export function surveyAt(chunk: PackedChunk, row: number): SurveyAnswer {
	const c = chunk.columns as unknown as SurveyColumns;
	return {
		key: chunk.keys[row] ?? '',
		externalId: c.externalIds[row] ?? '',
		respondedAtMs: c.respondedAtMs[row] ?? NaN,
		sentAtMs: orNull(c.sentAtMs[row]),
		score: orNull(c.scores[row]),
		scale: (SURVEY_SCALES[c.scaleCodes[row] ?? 0] ?? 'none') as SurveyScale,
		rawScore: c.rawScores[row] ?? '',
		comment: c.comments[row] ?? '',
		ticketId: c.ticketIds[row] ?? '',
		orderId: c.orderIds[row] ?? '',
		customerKey: c.customerKeys[row] ?? '',
		email: c.emails[row] ?? '',
		phone: c.phones[row] ?? '',
		customerId: c.customerIds[row] ?? '',
		customerName: c.customerNames[row] ?? '',
		agent: c.agents[row] ?? ''
	};
}

export function packOrders(orders: readonly Order[]): PackedChunk {
	const columns: OrderColumns = {
		externalIds: orders.map((o) => o.externalId),
		createdAtMs: Float64Array.from(orders, (o) => o.createdAtMs),
		customerKeys: orders.map((o) => o.customerKey),
		emails: orders.map((o) => o.email),
		phones: orders.map((o) => o.phone),
		customerIds: orders.map((o) => o.customerId),
		customerNames: orders.map((o) => o.customerName),
		statuses: orders.map((o) => o.status),
		cancelled: Uint8Array.from(orders, (o) => (o.cancelled ? 1 : 0)),
		currencies: orders.map((o) => o.currency),
		totals: Float64Array.from(orders, (o) => orNaN(o.total)),
		lineCounts: Float64Array.from(orders, (o) => o.lineCount),
		itemCounts: Float64Array.from(orders, (o) => o.itemCount)
	};
	return { size: orders.length, keys: orders.map((o) => o.key), columns: { ...columns } };
}

export function orderAt(chunk: PackedChunk, row: number): Order {
	const c = chunk.columns as unknown as OrderColumns;
	return {
		key: chunk.keys[row] ?? '',
		externalId: c.externalIds[row] ?? '',
		createdAtMs: c.createdAtMs[row] ?? NaN,
		customerKey: c.customerKeys[row] ?? '',
		email: c.emails[row] ?? '',
		phone: c.phones[row] ?? '',
		customerId: c.customerIds[row] ?? '',
		customerName: c.customerNames[row] ?? '',
		status: c.statuses[row] ?? '',
		cancelled: c.cancelled[row] === 1,
		currency: c.currencies[row] ?? '',
		total: orNull(c.totals[row]),
		lineCount: c.lineCounts[row] ?? 0,
		itemCount: c.itemCounts[row] ?? 0
	};
}

export function packOrderLines(lines: readonly OrderLine[]): PackedChunk {
	const columns: OrderLineColumns = {
		orderKeys: lines.map((l) => l.orderKey),
		createdAtMs: Float64Array.from(lines, (l) => orNaN(l.createdAtMs)),
		skus: lines.map((l) => l.sku),
		names: lines.map((l) => l.name),
		quantities: Float64Array.from(lines, (l) => orNaN(l.quantity)),
		unitPrices: Float64Array.from(lines, (l) => orNaN(l.unitPrice)),
		lineTotals: Float64Array.from(lines, (l) => orNaN(l.lineTotal)),
		customerKeys: lines.map((l) => l.customerKey)
	};
	return { size: lines.length, keys: lines.map((l) => l.key), columns: { ...columns } };
}

export function orderLineAt(chunk: PackedChunk, row: number): OrderLine {
	const c = chunk.columns as unknown as OrderLineColumns;
	return {
		key: chunk.keys[row] ?? '',
		orderKey: c.orderKeys[row] ?? '',
		createdAtMs: orNull(c.createdAtMs[row]),
		sku: c.skus[row] ?? '',
		name: c.names[row] ?? '',
		quantity: orNull(c.quantities[row]),
		unitPrice: orNull(c.unitPrices[row]),
		lineTotal: orNull(c.lineTotals[row]),
		customerKey: c.customerKeys[row] ?? ''
	};
}
