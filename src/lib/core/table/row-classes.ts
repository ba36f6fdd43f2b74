import { SLA_TABLE_STRIDE, slaTargetTable, type SlaTargets } from '../model/service-settings';
import { CSAT_SCALES, TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketTable } from './ticket-table';

const SOLVED = codeOf(TICKET_STATUSES, 'solved');
const CLOSED = codeOf(TICKET_STATUSES, 'closed');
const GOOD_BAD = codeOf(CSAT_SCALES, 'good_bad');
const FIVE_POINT = codeOf(CSAT_SCALES, 'five_point');

/*
 * Each row's answers to the tiles' questions (resolved? first response stated, negative?
 * CSAT valid, satisfied? …) packed in 16 bits, once per table. A selection's counts are then
 * a histogram of its rows' classes: one increment per row instead of a dozen data-dependent
 * branches (which mispredict on real, mixed data), and the counts are read off the ≤ 65 536
 * classes afterwards.
 */
const RESOLVED = 1;
const CREATED_KNOWN = 1 << 1; // not NaN
const CREATED_FINITE = 1 << 2;
/** Duration classes (2 bits): not finite, finite and negative, finite and ≥ 0. */
const NOT_FINITE = 0;
const NEGATIVE = 1;
const VALID = 2;
const FIRST_RESPONSE_SHIFT = 3;
const RESOLUTION_SHIFT = 5;
/** Replies (2 bits): not finite, negative, 0..1, above 1. */
const REPLIES_SHIFT = 7;
const REPLIES_ONE_OR_LESS = 2;
const REPLIES_MORE = 3;
/** Reopens (2 bits): not finite, below 1, 1 or more. */
const REOPENS_SHIFT = 9;
const REOPENED = 2;
const FIRST_RESOLUTION_NEGATIVE = 1 << 11;
/** CSAT class (4 bits), see csatClass. */
const CSAT_SHIFT = 12;
const CSAT_NONE = 0;
const GOOD_BAD_UNSATISFIED = 1;
const GOOD_BAD_SATISFIED = 2;
const GOOD_BAD_INVALID = 3;
/** Five-point scores 1..5 are classes 4..8. */
const FIVE_FIRST = 4;
const FIVE_INVALID = 9;
const OTHER_SCALE = 10;

const durationClass = (seconds: number): number =>
	Number.isFinite(seconds) ? (seconds < 0 ? NEGATIVE : VALID) : NOT_FINITE;

/** The CSAT class of a row, or -1 for a valid five-point score that is not whole (no class). */
function csatClass(scale: number, score: number): number {
	if (scale === 0 || !Number.isFinite(score)) return CSAT_NONE;
	if (scale === GOOD_BAD)
		return score === 0 ? GOOD_BAD_UNSATISFIED : score === 1 ? GOOD_BAD_SATISFIED : GOOD_BAD_INVALID;
	if (scale === FIVE_POINT) {
		if (!(score >= 1 && score <= 5)) return FIVE_INVALID;
		return Number.isInteger(score) ? FIVE_FIRST + score - 1 : -1;
	}
	return OTHER_SCALE;
}

/** Per-row classes of one table, or null when a row has a value no class can carry. */
export interface RowClasses {
	classes: Uint16Array;
	/** Counted replies (resolved, finite, ≥ 0) + 1 when whole and below 255; 0 = not counted. */
	replies: Uint8Array;
	/** The latest instant each row states (creation, first reply, solve); -Infinity for none. */
	latest: Float64Array;
	/** Creation → first reply and → resolution instants over the table's business scopes. */
	business: [{ from: number; to: number }, { from: number; to: number }];
}

const classesByTable = new WeakMap<TicketTable, RowClasses | null>();

export function rowClassesOf(table: TicketTable): RowClasses | null {
	let known = classesByTable.get(table);
	if (known === undefined) {
		known = buildRowClasses(table);
		classesByTable.set(table, known);
	}
	return known;
}

function buildRowClasses(table: TicketTable): RowClasses | null {
	const c = table.columns;
	const size = table.size;
	const classes = new Uint16Array(size);
	const replies = new Uint8Array(size);
	const latestOf = new Float64Array(size);
	const business: RowClasses['business'] = [
		{ from: Infinity, to: -Infinity },
		{ from: Infinity, to: -Infinity }
	];
	for (let row = 0; row < size; row++) {
		const status = c.statusCodes[row] as number;
		const resolved = status === SOLVED || status === CLOSED;
		const created = c.createdAtMs[row] as number;
		const firstResponse = c.firstResponseSeconds[row] as number;
		const resolution = c.resolutionSeconds[row] as number;
		let flags = resolved ? RESOLVED : 0;
		if (!Number.isNaN(created)) flags |= CREATED_KNOWN;
		const createdFinite = Number.isFinite(created);
		if (createdFinite) flags |= CREATED_FINITE;
		const firstClass = durationClass(firstResponse);
		const resolutionClass = durationClass(resolution);
		flags |= firstClass << FIRST_RESPONSE_SHIFT;
		flags |= resolutionClass << RESOLUTION_SHIFT;
		// The same comparisons as the tally: NaN never raises the latest instant.
		let latest = -Infinity;
		if (created > latest) latest = created;
		const replied = created + firstResponse * 1000;
		if (replied > latest) latest = replied;
		const solvedAt = c.solvedAtMs[row] as number;
		if (solvedAt > latest) latest = solvedAt;
		latestOf[row] = latest;
		if (createdFinite && firstClass === VALID) {
			const scope = business[0];
			if (created < scope.from) scope.from = created;
			if (replied > scope.to) scope.to = replied;
		}
		if (resolved && createdFinite && resolutionClass === VALID) {
			const scope = business[1];
			const end = created + resolution * 1000;
			if (created < scope.from) scope.from = created;
			if (end > scope.to) scope.to = end;
		}
		const replyCount = c.agentReplies[row] as number;
		if (Number.isFinite(replyCount))
			flags |=
				(replyCount < 0 ? NEGATIVE : replyCount <= 1 ? REPLIES_ONE_OR_LESS : REPLIES_MORE) <<
				REPLIES_SHIFT;
		if (resolved && Number.isFinite(replyCount) && replyCount >= 0) {
			if (!Number.isInteger(replyCount) || replyCount > 253) return null;
			replies[row] = replyCount + 1;
		}
		const reopens = c.reopens[row] as number;
		if (Number.isFinite(reopens)) flags |= (reopens >= 1 ? REOPENED : NEGATIVE) << REOPENS_SHIFT;
		const firstResolution = c.firstResolutionSeconds?.[row] ?? NaN;
		if (Number.isFinite(firstResolution) && firstResolution < 0) flags |= FIRST_RESOLUTION_NEGATIVE;
		const csat = csatClass(c.csatScaleCodes[row] as number, c.csatScores[row] as number);
		if (csat < 0) return null;
		classes[row] = flags | (csat << CSAT_SHIFT);
	}
	return { classes, replies, latest: latestOf, business };
}

/** SLA verdict of one kind for a row under calendar targets. */
const SLA_NONE = 0;
const SLA_MET = 1;
const SLA_BREACHED = 2;
const SLA_EXCLUDED = 3;
/** Not stated yet: pending or breached at the data's moment (judged after the pass). */
const SLA_WAITING = 4;
const SLA_KINDS = 5;

/** Each row's calendar-SLA verdicts (first response · 5 + resolution), per table and targets. */
const slaByTable = new WeakMap<TicketTable, { key: string; codes: Uint8Array }>();

function slaCodesOf(
	table: TicketTable,
	targets: { firstResponse: SlaTargets; resolution: SlaTargets }
): Uint8Array {
	const key = JSON.stringify(targets);
	const known = slaByTable.get(table);
	if (known !== undefined && known.key === key) return known.codes;
	const c = table.columns;
	const firstTable = slaTargetTable(targets.firstResponse);
	const resolutionTable = slaTargetTable(targets.resolution);
	const codes = new Uint8Array(table.size);
	const verdict = (seconds: number, target: number, created: number, resolved: boolean) => {
		if (Number.isNaN(target)) return SLA_NONE;
		if (Number.isFinite(seconds)) {
			if (seconds < 0) return SLA_EXCLUDED;
			return (created + seconds * 1000 - created) / 1000 > target ? SLA_BREACHED : SLA_MET;
		}
		return resolved ? SLA_NONE : SLA_WAITING;
	};
	for (let row = 0; row < table.size; row++) {
		const created = c.createdAtMs[row] as number;
		if (!Number.isFinite(created)) continue;
		const status = c.statusCodes[row] as number;
		const resolved = status === SOLVED || status === CLOSED;
		const cell =
			(c.channelCodes[row] as number) * SLA_TABLE_STRIDE + (c.priorityCodes[row] as number);
		const first = verdict(
			c.firstResponseSeconds[row] as number,
			firstTable[cell] as number,
			created,
			resolved
		);
		const resolution = verdict(
			resolved ? (c.resolutionSeconds[row] as number) : NaN,
			resolutionTable[cell] as number,
			created,
			resolved
		);
		codes[row] = first * SLA_KINDS + resolution;
	}
	slaByTable.set(table, { key, codes });
	return codes;
}

/** The counts the tiles read (what table-kpis.ts's tally pass gives). */
export interface ClassCounts {
	tickets: number;
	solved: number;
	createdKnown: number;
	unresolvedKnown: number;
	latest: number;
	firstResponseExcluded: number;
	resolutionExcluded: number;
	firstResolutionExcluded: number;
	oneTouchKnown: number;
	oneTouch: number;
	reopenKnown: number;
	reopened: number;
	repliesSum: number;
	rated: number;
	satisfied: number;
	csatExcluded: number;
	fiveCount: number;
	fiveSum: number;
	fiveExcluded: number;
	firstCount: number;
	firstBusinessExcluded: number;
	resolutionCount: number;
	resolutionBusinessExcluded: number;
	/** [met, breached, pending, excluded] per kind (first response, resolution); null without targets. */
	sla: Float64Array | null;
}

/**
 * The tiles' counts over the selected rows (null = all) from the rows' classes: one
 * histogram pass, then the counts read off the classes. Calendar SLA verdicts of stated
 * durations come from per-row codes too; still-waiting tickets are judged after the pass,
 * once the data's moment (the latest instant of the selection) is known.
 */
export function countByClasses(
	table: TicketTable,
	classes: RowClasses,
	rows: Uint32Array | null,
	calendarTargets: { firstResponse: SlaTargets; resolution: SlaTargets } | null
): ClassCounts {
	const histogram = new Uint32Array(1 << 16);
	const replyHistogram = new Uint32Array(256);
	const slaCodes = calendarTargets === null ? null : slaCodesOf(table, calendarTargets);
	const slaHistogram = new Uint32Array(SLA_KINDS * SLA_KINDS);
	const { classes: classOf, replies, latest: latestOf } = classes;
	let latest = -Infinity;
	const count = rows === null ? table.size : rows.length;
	// Two loops rather than a test per row: with calendar targets the SLA codes count too.
	if (slaCodes === null)
		for (let i = 0; i < count; i++) {
			const row = rows === null ? i : (rows[i] as number);
			histogram[classOf[row] as number]!++;
			replyHistogram[replies[row] as number]!++;
			const instant = latestOf[row] as number;
			if (instant > latest) latest = instant;
		}
	else
		for (let i = 0; i < count; i++) {
			const row = rows === null ? i : (rows[i] as number);
			histogram[classOf[row] as number]!++;
			replyHistogram[replies[row] as number]!++;
			slaHistogram[slaCodes[row] as number]!++;
			const instant = latestOf[row] as number;
			if (instant > latest) latest = instant;
		}
	const out: ClassCounts = {
		tickets: count,
		solved: 0,
		createdKnown: 0,
		unresolvedKnown: 0,
		latest,
		firstResponseExcluded: 0,
		resolutionExcluded: 0,
		firstResolutionExcluded: 0,
		oneTouchKnown: 0,
		oneTouch: 0,
		reopenKnown: 0,
		reopened: 0,
		repliesSum: 0,
		rated: 0,
		satisfied: 0,
		csatExcluded: 0,
		fiveCount: 0,
		fiveSum: 0,
		fiveExcluded: 0,
		firstCount: 0,
		firstBusinessExcluded: 0,
		resolutionCount: 0,
		resolutionBusinessExcluded: 0,
		sla: null
	};
	for (let flags = 0; flags < histogram.length; flags++) {
		const n = histogram[flags] as number;
		if (n === 0) continue;
		const resolved = (flags & RESOLVED) !== 0;
		const createdFinite = (flags & CREATED_FINITE) !== 0;
		const first = (flags >> FIRST_RESPONSE_SHIFT) & 3;
		const resolution = (flags >> RESOLUTION_SHIFT) & 3;
		if (resolved) out.solved += n;
		if ((flags & CREATED_KNOWN) !== 0) {
			out.createdKnown += n;
			if (!resolved) out.unresolvedKnown += n;
		}
		if (first === NEGATIVE) out.firstResponseExcluded += n;
		if (createdFinite && first === NEGATIVE) out.firstBusinessExcluded += n;
		if (createdFinite && first === VALID) out.firstCount += n;
		if (resolved) {
			if (resolution === NEGATIVE) out.resolutionExcluded += n;
			if (createdFinite && resolution === NEGATIVE) out.resolutionBusinessExcluded += n;
			if (createdFinite && resolution === VALID) out.resolutionCount += n;
			const repliesClass = (flags >> REPLIES_SHIFT) & 3;
			if (repliesClass !== NOT_FINITE) {
				out.oneTouchKnown += n;
				if (repliesClass !== REPLIES_MORE) out.oneTouch += n;
			}
			const reopens = (flags >> REOPENS_SHIFT) & 3;
			if (reopens !== NOT_FINITE) {
				out.reopenKnown += n;
				if (reopens === REOPENED) out.reopened += n;
			}
		}
		if ((flags & FIRST_RESOLUTION_NEGATIVE) !== 0) out.firstResolutionExcluded += n;
		const csat = flags >> CSAT_SHIFT;
		if (csat === GOOD_BAD_UNSATISFIED || csat === GOOD_BAD_SATISFIED) {
			out.rated += n;
			if (csat === GOOD_BAD_SATISFIED) out.satisfied += n;
		} else if (csat === GOOD_BAD_INVALID || csat === OTHER_SCALE) out.csatExcluded += n;
		else if (csat === FIVE_INVALID) {
			out.csatExcluded += n;
			out.fiveExcluded += n;
		} else if (csat >= FIVE_FIRST && csat < FIVE_FIRST + 5) {
			const score = csat - FIVE_FIRST + 1;
			out.rated += n;
			if (score >= 4) out.satisfied += n;
			out.fiveCount += n;
			out.fiveSum += score * n;
		}
	}
	for (let code = 1; code < replyHistogram.length; code++)
		out.repliesSum += (code - 1) * (replyHistogram[code] as number);
	if (slaCodes !== null && calendarTargets !== null) {
		const sla = new Float64Array(8);
		for (let code = 0; code < slaHistogram.length; code++) {
			const n = slaHistogram[code] as number;
			if (n === 0) continue;
			const tallyKind = (offset: number, verdict: number) => {
				if (verdict === SLA_MET) sla[offset]! += n;
				else if (verdict === SLA_BREACHED) sla[offset + 1]! += n;
				else if (verdict === SLA_EXCLUDED) sla[offset + 3]! += n;
			};
			tallyKind(0, Math.floor(code / SLA_KINDS));
			tallyKind(4, code % SLA_KINDS);
		}
		// Still-waiting tickets: the time since creation at the data's moment, as slaAttainment
		// measures it (not judged when no row states any instant).
		const waitingOf = new Uint8Array(SLA_KINDS * SLA_KINDS);
		let waitingRows = 0;
		for (let code = 0; code < waitingOf.length; code++) {
			const kinds =
				(Math.floor(code / SLA_KINDS) === SLA_WAITING ? 1 : 0) |
				(code % SLA_KINDS === SLA_WAITING ? 2 : 0);
			waitingOf[code] = kinds;
			if (kinds !== 0) waitingRows += slaHistogram[code] as number;
		}
		if (waitingRows > 0 && Number.isFinite(latest)) {
			const c = table.columns;
			const firstTable = slaTargetTable(calendarTargets.firstResponse);
			const resolutionTable = slaTargetTable(calendarTargets.resolution);
			for (let i = 0; i < count; i++) {
				const row = rows === null ? i : (rows[i] as number);
				const kinds = waitingOf[slaCodes[row] as number] as number;
				if (kinds === 0) continue;
				const created = c.createdAtMs[row] as number;
				const cell =
					(c.channelCodes[row] as number) * SLA_TABLE_STRIDE + (c.priorityCodes[row] as number);
				const elapsed = (Math.max(latest, created) - created) / 1000;
				if ((kinds & 1) !== 0) {
					if (elapsed > (firstTable[cell] as number)) sla[1]!++;
					else sla[2]!++;
				}
				if ((kinds & 2) !== 0) {
					if (elapsed > (resolutionTable[cell] as number)) sla[5]!++;
					else sla[6]!++;
				}
			}
		}
		out.sla = sla;
	}
	return out;
}
