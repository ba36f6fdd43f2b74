import { CHANNELS, CSAT_SCALES, TICKET_STATUSES, codeOf } from '../model/ticket';
import { TAG_SEPARATOR, type TicketColumns } from '../model/ticket-columns';
import { hourlyContacts, HOUR_MS } from '../series/hourly-contacts';
import { localDayNumber } from '../time/time-zone';
import { isNegative } from '../text/sentiment';
import { isComplaint } from './ticket-text';

export const DAY_MS = 86_400_000;

export type MetricKind =
	| 'volume'
	| 'complaints'
	| 'first_response_median'
	| 'resolution_median'
	| 'csat_satisfied_rate'
	| 'negative_share'
	| 'backlog';

/**
 * Dimensions a deviation is broken down by; products only when orders with their lines are
 * imported (tickets are linked to them in ticket-products.ts).
 */
export type SegmentDimension = 'channel' | 'agent' | 'tag' | 'product';

export interface MetricSeries {
	/** Stable id: 'volume', 'volume:channel:email', 'volume:tag:summer_sale', 'volume:hourly', … */
	id: string;
	kind: MetricKind;
	/** A series restricted to one channel or tag (volume; first response per channel); null for the whole shop. */
	segment: { dimension: 'channel' | 'tag'; value: string } | null;
	granularity: 'day' | 'hour';
	/** Wall-clock ms (shop local time read as UTC) of the first point; step is a day or an hour. */
	startWallMs: number;
	/** One value per step; NaN where the metric is undefined (no first response that day …). */
	values: number[];
	/** Scale the detector models: counts and durations on a log scale, rates and backlog raw. */
	transform: 'none' | 'log';
}

export const stepMsOf = (series: Pick<MetricSeries, 'granularity'>): number =>
	series.granularity === 'day' ? DAY_MS : HOUR_MS;

/** Local day of creation and of solving for every row (NO_DAY when absent). */
export interface TicketDays {
	firstDay: number;
	days: number;
	created: Int32Array;
	solved: Int32Array;
}

export const NO_DAY = -0x80000000;

export function ticketDays(columns: TicketColumns, timeZone: string): TicketDays {
	const size = columns.size;
	const created = new Int32Array(size);
	const solved = new Int32Array(size);
	let first = Infinity;
	let last = -Infinity;
	for (let row = 0; row < size; row++) {
		const createdMs = columns.createdAtMs[row] ?? NaN;
		const solvedMs = columns.solvedAtMs[row] ?? NaN;
		created[row] = Number.isFinite(createdMs) ? localDayNumber(createdMs, timeZone) : NO_DAY;
		solved[row] = Number.isFinite(solvedMs) ? localDayNumber(solvedMs, timeZone) : NO_DAY;
		if (created[row] !== NO_DAY) {
			first = Math.min(first, created[row]!);
			last = Math.max(last, created[row]!);
		}
	}
	if (first === Infinity) return { firstDay: 0, days: 0, created, solved };
	return { firstDay: first, days: last - first + 1, created, solved };
}

/** Fewer ratings than this in a day leave that day's CSAT undefined (one bad rating is not a slump). */
export const MIN_DAILY_RATINGS = 10;
/** Segment series are monitored when they average at least this many tickets a day. */
export const MIN_SEGMENT_PER_DAY = 5;
/** Fewest tickets created on a day for its negative share to be read (else none). */
export const MIN_DAILY_TICKETS = 10;
export const MAX_TAG_SERIES = 12;

const GOOD_BAD = codeOf(CSAT_SCALES, 'good_bad');
const FIVE_POINT = codeOf(CSAT_SCALES, 'five_point');
const SOLVED = codeOf(TICKET_STATUSES, 'solved');
const CLOSED = codeOf(TICKET_STATUSES, 'closed');

/** Satisfied (1), unsatisfied (0) or not a valid rating (NaN): the overview KPI's rule. */
export function ratingOutcome(columns: TicketColumns, row: number): number {
	const scale = columns.csatScaleCodes[row];
	const score = columns.csatScores[row] ?? NaN;
	if (scale === GOOD_BAD && (score === 0 || score === 1)) return score;
	if (scale === FIVE_POINT && score >= 1 && score <= 5) return score >= 4 ? 1 : 0;
	return NaN;
}

export function tagsOf(columns: TicketColumns, row: number): string[] {
	const text = columns.tags[row] ?? '';
	return text === '' ? [] : text.split(TAG_SEPARATOR);
}

/** Day a ticket leaves the backlog: its solve day; a closed ticket with no solve time never counts. */
function leavesBacklogDay(columns: TicketColumns, days: TicketDays, row: number): number {
	if (days.solved[row] !== NO_DAY) return days.solved[row]!;
	const status = columns.statusCodes[row];
	return status === SOLVED || status === CLOSED ? days.created[row]! : NO_DAY;
}

function median(values: number[]): number {
	if (values.length === 0) return NaN;
	values.sort((a, b) => a - b);
	const h = (values.length - 1) / 2;
	const low = Math.floor(h);
	return values[low]! + (h - low) * (values[Math.ceil(h)]! - values[low]!);
}

/**
 * Every series the alerts watch, per local day from the first to the last creation day:
 * - volume: tickets created (total, per channel, per frequent tag), and per hour in total;
 * - complaints: tickets whose subject or tags say complaint, refund, damage, delay, not received;
 * - first_response_median: median first response of the tickets created that day;
 * - resolution_median: median resolution of the tickets solved that day (by solve day, so the
 *   last days are not biased towards quick solves still to come);
 * - csat_satisfied_rate: satisfied share of ratings on tickets solved that day (≥ 10 ratings);
 * - negative_share: share of the tickets created that day whose subject reads negative
 *   (src/lib/core/text/sentiment.ts; ≥ 10 tickets that day);
 * - backlog: tickets open at the end of the day (created by then, not yet solved).
 *
 * `negative` (per row, 1 = reads negative; core/text/ticket-sentiment.ts) replaces the subject
 * test when the first customer messages are known.
 */
export function monitoredSeries(
	columns: TicketColumns,
	timeZone: string,
	negative?: Uint8Array
): MetricSeries[] {
	const days = ticketDays(columns, timeZone);
	if (days.days === 0) return [];
	const n = days.days;
	const startWallMs = days.firstDay * DAY_MS;
	const zeros = () => new Array<number>(n).fill(0);
	const volume = zeros();
	const complaints = zeros();
	const negatives = zeros();
	const byChannel = new Map<string, number[]>();
	const byTag = new Map<string, number[]>();
	const firstResponses: number[][] = Array.from({ length: n }, () => []);
	const firstResponsesByChannel = new Map<string, number[][]>();
	const resolutions: number[][] = Array.from({ length: n }, () => []);
	const rated = zeros();
	const satisfied = zeros();
	const backlogDelta = new Array<number>(n + 1).fill(0);
	for (let row = 0; row < columns.size; row++) {
		const day = days.created[row]!;
		if (day === NO_DAY) continue;
		const index = day - days.firstDay;
		volume[index]!++;
		const channel = CHANNELS[columns.channelCodes[row] ?? 0] ?? 'unknown';
		const channelCounts = byChannel.get(channel) ?? zeros();
		channelCounts[index]!++;
		byChannel.set(channel, channelCounts);
		for (const tag of new Set(tagsOf(columns, row))) {
			const tagCounts = byTag.get(tag) ?? zeros();
			tagCounts[index]!++;
			byTag.set(tag, tagCounts);
		}
		if (isComplaint(columns.subjects[row] ?? '', columns.tags[row] ?? '')) complaints[index]!++;
		if (negative ? negative[row] === 1 : isNegative(columns.subjects[row] ?? ''))
			negatives[index]!++;
		const firstResponse = columns.firstResponseSeconds[row] ?? NaN;
		if (Number.isFinite(firstResponse) && firstResponse >= 0) {
			firstResponses[index]!.push(firstResponse);
			const perChannel =
				firstResponsesByChannel.get(channel) ?? Array.from({ length: n }, () => []);
			perChannel[index]!.push(firstResponse);
			firstResponsesByChannel.set(channel, perChannel);
		}
		const solvedIndex = days.solved[row]! - days.firstDay;
		if (days.solved[row] !== NO_DAY && solvedIndex >= 0 && solvedIndex < n) {
			const resolution = columns.resolutionSeconds[row] ?? NaN;
			if (Number.isFinite(resolution) && resolution >= 0)
				resolutions[solvedIndex]!.push(resolution);
			const outcome = ratingOutcome(columns, row);
			if (!Number.isNaN(outcome)) {
				rated[solvedIndex]!++;
				satisfied[solvedIndex]! += outcome;
			}
		}
		backlogDelta[index]!++;
		const leaves = leavesBacklogDay(columns, days, row);
		if (leaves !== NO_DAY) backlogDelta[Math.max(index, Math.min(n, leaves - days.firstDay))]!--;
	}
	const daily = (
		id: string,
		kind: MetricKind,
		values: number[],
		transform: MetricSeries['transform'],
		segment: MetricSeries['segment'] = null
	): MetricSeries => ({ id, kind, segment, granularity: 'day', startWallMs, values, transform });
	const series: MetricSeries[] = [daily('volume', 'volume', volume, 'log')];
	const hourly = hourlyContacts(columns, timeZone);
	if (hourly.hours > 0)
		series.push({
			id: 'volume:hourly',
			kind: 'volume',
			segment: null,
			granularity: 'hour',
			startWallMs: hourly.startWallMs,
			values: Array.from(hourly.total),
			transform: 'none'
		});
	const frequent = (counts: Map<string, number[]>) =>
		[...counts.entries()]
			.map(([value, perDay]) => ({ value, perDay, total: perDay.reduce((a, b) => a + b, 0) }))
			.filter((entry) => entry.total / n >= MIN_SEGMENT_PER_DAY)
			.sort((a, b) => b.total - a.total || (a.value < b.value ? -1 : 1));
	if (byChannel.size > 1)
		for (const { value, perDay } of frequent(byChannel))
			series.push(
				daily(`volume:channel:${value}`, 'volume', perDay, 'log', { dimension: 'channel', value })
			);
	for (const { value, perDay } of frequent(byTag).slice(0, MAX_TAG_SERIES))
		series.push(daily(`volume:tag:${value}`, 'volume', perDay, 'log', { dimension: 'tag', value }));
	if (complaints.some((count) => count > 0))
		series.push(daily('complaints', 'complaints', complaints, 'log'));
	// With several channels the shop-wide median mostly tracks the channel mix (chat answers
	// in minutes, e-mail in hours; a Saturday flips between them): watched per channel instead.
	if (byChannel.size <= 1 && firstResponses.some((values) => values.length > 0))
		series.push(
			daily('first_response_median', 'first_response_median', firstResponses.map(median), 'log')
		);
	if (byChannel.size > 1)
		for (const { value } of frequent(byChannel)) {
			const perDay = firstResponsesByChannel.get(value);
			if (perDay)
				series.push(
					daily(
						`first_response_median:channel:${value}`,
						'first_response_median',
						perDay.map(median),
						'log',
						{ dimension: 'channel', value }
					)
				);
		}
	if (resolutions.some((values) => values.length > 0))
		series.push(daily('resolution_median', 'resolution_median', resolutions.map(median), 'log'));
	if (rated.some((count) => count >= MIN_DAILY_RATINGS))
		series.push(
			daily(
				'csat_satisfied_rate',
				'csat_satisfied_rate',
				rated.map((count, day) => (count >= MIN_DAILY_RATINGS ? satisfied[day]! / count : NaN)),
				'none'
			)
		);
	if (negatives.some((count, day) => count > 0 && volume[day]! >= MIN_DAILY_TICKETS))
		series.push(
			daily(
				'negative_share',
				'negative_share',
				volume.map((count, day) => (count >= MIN_DAILY_TICKETS ? negatives[day]! / count : NaN)),
				'none'
			)
		);
	const backlog = zeros();
	let open = 0;
	for (let day = 0; day < n; day++) backlog[day] = open += backlogDelta[day]!;
	series.push(daily('backlog', 'backlog', backlog, 'none'));
	return series;
}
