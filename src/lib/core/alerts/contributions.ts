import { isNegative } from '../text/sentiment';
import { CHANNELS } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import { timeZoneOffsetMs } from '../time/time-zone';
import { isComplaint } from './ticket-text';
import { ratingOutcome, tagsOf, DAY_MS, type SegmentDimension } from './monitored-series';
import type { SeriesAlert } from './group-alerts';
import { HOUR_MS } from '../series/hourly-contacts';

export interface Contribution {
	dimension: SegmentDimension;
	value: string;
	/** Events of this segment in the alert window (tickets, slow replies, bad ratings …). */
	observed: number;
	/** What the segment would have had with its usual share of the expected events. */
	expected: number;
	/** observed − expected. */
	delta: number;
	/** delta / the alert's total deviation (segments of one dimension sum to 1, tags may exceed it). */
	share: number;
	/**
	 * delta − the segment's pro-rata part of the deviation (deviation · expected / expected
	 * events): how much more it explains than its usual size would. A segment holding every
	 * ticket explains the whole deviation but says nothing; this ranks the causes.
	 */
	excess: number;
}

export interface ContributionBreakdown {
	/** What an "event" is for this metric, for the words on the page. */
	event:
		'ticket' | 'complaint' | 'slow' | 'fast' | 'unsatisfied' | 'satisfied' | 'negative' | 'open';
	/** Total deviation in events: observed events − expected events. */
	deviation: number;
	byDimension: Record<SegmentDimension, Contribution[]>;
	/** The segment that explains most of the deviation (outside the alert's own segment). */
	top: Contribution | null;
}

/** Local wall-clock times of creation and solve per row (NaN when absent). */
export interface TicketWallTimes {
	created: Float64Array;
	solved: Float64Array;
}

export function ticketWallTimes(columns: TicketColumns, timeZone: string): TicketWallTimes {
	const created = new Float64Array(columns.size);
	const solved = new Float64Array(columns.size);
	for (let row = 0; row < columns.size; row++) {
		const c = columns.createdAtMs[row] ?? NaN;
		const s = columns.solvedAtMs[row] ?? NaN;
		created[row] = Number.isFinite(c) ? c + timeZoneOffsetMs(c, timeZone) : NaN;
		solved[row] = Number.isFinite(s) ? s + timeZoneOffsetMs(s, timeZone) : NaN;
	}
	return { created, solved };
}

/** Days before an alert whose mix of segments counts as "usual". */
export const BASELINE_DAYS = 28;
const MAX_PER_DIMENSION = 5;

/** Per ticket row, the products of its linked order (see ticket-products.ts), if any. */
export type RowProducts = readonly (readonly string[] | undefined)[];

function segmentsOf(
	columns: TicketColumns,
	row: number,
	dimension: SegmentDimension,
	products?: RowProducts
): readonly string[] {
	if (dimension === 'channel') return [CHANNELS[columns.channelCodes[row] ?? 0] ?? 'unknown'];
	if (dimension === 'agent') return [columns.agents[row] || '(unassigned)'];
	if (dimension === 'product') return products?.[row] ?? [];
	return tagsOf(columns, row);
}

interface Tally {
	total: number;
	events: number;
	/** Events per segment. */
	bySegment: Record<SegmentDimension, Map<string, number>>;
	/** Tickets (events or not) per segment. */
	population: Record<SegmentDimension, Map<string, number>>;
}

const newTally = (): Tally => ({
	total: 0,
	events: 0,
	bySegment: { channel: new Map(), agent: new Map(), tag: new Map(), product: new Map() },
	population: { channel: new Map(), agent: new Map(), tag: new Map(), product: new Map() }
});

const DIMENSIONS: SegmentDimension[] = ['channel', 'agent', 'tag', 'product'];

/**
 * Which channels, agents and tags explain an alert's deviation. The metric is read as a count
 * of events among a population of tickets:
 * - volume / complaints: every (complaint) ticket created in the window is an event, and the
 *   expected number of events is the detector's expectation summed over the window;
 * - first response / resolution medians: an event is a ticket slower than the expected median
 *   of its day (faster for a drop), the population the tickets created (solved) in the window;
 * - CSAT: an unsatisfied (satisfied, for a rise) rating among those of tickets solved in it;
 * - backlog: a ticket still open at the end of the window.
 * For the medians, CSAT and backlog the expected events are the population times the
 * baseline event rate (the BASELINE_DAYS before the alert). Each segment expects its usual
 * share of the expected events: expected_s = X · events_s(baseline) / events(baseline), and
 * contributes delta_s = observed_s − expected_s. Over a single-valued dimension (channel,
 * agent) the deltas add up exactly to the total deviation; a segment absent from the
 * baseline (a new promotion tag) expects 0. Products (`products`, when orders are imported)
 * are multi-valued like tags, and a ticket without a linked order has none.
 */
export function contributionBreakdown(
	columns: TicketColumns,
	times: TicketWallTimes,
	alert: Pick<
		SeriesAlert,
		| 'kind'
		| 'segment'
		| 'granularity'
		| 'startWallMs'
		| 'endWallMs'
		| 'direction'
		| 'expected'
		| 'startIndex'
		| 'endIndex'
	> & {
		expectedEvents?: number;
		/**
		 * The expected median of the day a ticket belongs to (wall-clock ms → seconds), so that
		 * "slower than usual" means slower than that weekday's usual; the alert's mean
		 * expectation where it is missing.
		 */
		expectedAt?: (wallMs: number) => number;
	},
	context: {
		/** Per ticket row, the products of its linked order (products as a dimension). */
		products?: RowProducts;
		/** Per ticket row, 1 when it reads negative (else the subject is read). */
		negative?: Uint8Array;
	} = {}
): ContributionBreakdown {
	const { products, negative } = context;
	const step = alert.granularity === 'day' ? DAY_MS : HOUR_MS;
	const windowStart = alert.startWallMs;
	const windowEnd = alert.endWallMs + step;
	const baselineStart = windowStart - BASELINE_DAYS * DAY_MS;
	const up = alert.direction === 'up';
	const inSegment = (row: number): boolean =>
		!alert.segment ||
		segmentsOf(columns, row, alert.segment.dimension, products).includes(alert.segment.value);
	const threshold = alert.expected;
	const window = newTally();
	const baseline = newTally();
	const add = (tally: Tally, row: number, event: boolean) => {
		tally.total++;
		if (event) tally.events++;
		for (const dimension of DIMENSIONS)
			for (const value of new Set(segmentsOf(columns, row, dimension, products))) {
				const population = tally.population[dimension];
				population.set(value, (population.get(value) ?? 0) + 1);
				if (!event) continue;
				const events = tally.bySegment[dimension];
				events.set(value, (events.get(value) ?? 0) + 1);
			}
	};
	const tallyOf = (wallMs: number) =>
		wallMs >= windowStart && wallMs < windowEnd
			? window
			: wallMs >= baselineStart && wallMs < windowStart
				? baseline
				: null;
	let event: ContributionBreakdown['event'] = 'ticket';
	for (let row = 0; row < columns.size; row++) {
		if (!inSegment(row)) continue;
		const created = times.created[row]!;
		const solved = times.solved[row]!;
		switch (alert.kind) {
			case 'volume':
			case 'complaints': {
				const complaint = alert.kind === 'complaints';
				event = complaint ? 'complaint' : 'ticket';
				const tally = tallyOf(created);
				if (
					tally &&
					(!complaint || isComplaint(columns.subjects[row] ?? '', columns.tags[row] ?? ''))
				)
					add(tally, row, true);
				break;
			}
			case 'first_response_median':
			case 'resolution_median': {
				event = up ? 'slow' : 'fast';
				const first = alert.kind === 'first_response_median';
				const seconds =
					(first ? columns.firstResponseSeconds : columns.resolutionSeconds)[row] ?? NaN;
				if (!(Number.isFinite(seconds) && seconds >= 0)) break;
				const at = first ? created : solved;
				const tally = tallyOf(at);
				if (!tally) break;
				const own = alert.expectedAt?.(at);
				const limit = own !== undefined && Number.isFinite(own) ? own : threshold;
				add(tally, row, up ? seconds > limit : seconds < limit);
				break;
			}
			case 'csat_satisfied_rate': {
				event = up ? 'satisfied' : 'unsatisfied';
				const outcome = ratingOutcome(columns, row);
				const tally = Number.isNaN(outcome) ? null : tallyOf(solved);
				if (tally) add(tally, row, up ? outcome === 1 : outcome === 0);
				break;
			}
			case 'negative_share': {
				event = 'negative';
				const tally = tallyOf(created);
				if (tally)
					add(tally, row, negative ? negative[row] === 1 : isNegative(columns.subjects[row] ?? ''));
				break;
			}
			case 'backlog': {
				event = 'open';
				const openAt = (wallMs: number) =>
					created < wallMs &&
					!(solved < wallMs) &&
					!(Number.isNaN(solved) && isClosedWithoutTime(columns, row));
				if (openAt(windowEnd)) add(window, row, true);
				if (openAt(windowStart)) add(baseline, row, true);
				break;
			}
		}
	}
	const rate = baseline.total > 0 ? baseline.events / baseline.total : 0;
	const expectedEvents =
		alert.expectedEvents ??
		(alert.kind === 'volume' || alert.kind === 'complaints' || alert.kind === 'backlog'
			? alert.expected
			: window.total * rate);
	const deviation = window.events - expectedEvents;
	const byDimension = {} as Record<SegmentDimension, Contribution[]>;
	let top: Contribution | null = null;
	const sign = Math.sign(deviation) || 1;
	for (const dimension of DIMENSIONS) {
		const values = new Set([
			...window.bySegment[dimension].keys(),
			...baseline.bySegment[dimension].keys()
		]);
		const rows: Contribution[] = [];
		for (const value of values) {
			const observed = window.bySegment[dimension].get(value) ?? 0;
			const usual =
				baseline.events > 0 ? (baseline.bySegment[dimension].get(value) ?? 0) / baseline.events : 0;
			const expected = expectedEvents * usual;
			const delta = observed - expected;
			// Pro-rata part: the segment's usual share of the expected events, or, when none
			// were expected, its share of the window's tickets.
			const proRata =
				expectedEvents > 0
					? expected / expectedEvents
					: (window.population[dimension].get(value) ?? 0) / Math.max(1, window.total);
			const excess = delta - deviation * proRata;
			rows.push({
				dimension,
				value,
				observed,
				expected,
				delta,
				share: deviation === 0 ? 0 : delta / deviation,
				excess
			});
		}
		rows.sort((a, b) => sign * (b.excess - a.excess) || (a.value < b.value ? -1 : 1));
		byDimension[dimension] = rows.slice(0, MAX_PER_DIMENSION);
		const own = (row: Contribution) =>
			alert.segment?.dimension === row.dimension && alert.segment.value === row.value;
		const candidate = rows.find((row) => !own(row));
		if (
			candidate &&
			sign * candidate.excess > 0 &&
			(!top || sign * candidate.excess > sign * top.excess)
		)
			top = candidate;
	}
	return { event, deviation, byDimension, top };
}

function isClosedWithoutTime(columns: TicketColumns, row: number): boolean {
	const status = columns.statusCodes[row];
	// 5 = solved, 6 = closed in TICKET_STATUSES.
	return status === 5 || status === 6;
}
