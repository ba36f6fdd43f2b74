import { SLA_TABLE_STRIDE, slaTargetTable, type SlaTargets } from '../model/service-settings';
import { TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import type { BusinessClock, BusinessSchedule } from '../time/business-hours';
import { dataAsOfMs } from './backlog';
import { clockOver, type BusinessTimeGap } from './business-time';
import type { KpiResult } from './ticket-count';

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');

export type SlaKind = 'first_response' | 'resolution';

export interface SlaAttainment extends KpiResult {
	/** Answered (or resolved) within target. */
	met: number;
	/** Answered late, or still waiting although the target time has passed. */
	breached: number;
	/** Still waiting, target not yet passed: not decided, so not in n. */
	pending: number;
	/** Why the value is null in business-hours mode although tickets were measured. */
	gap: BusinessTimeGap | null;
}

export interface SlaOptions {
	/** "Now" for tickets still waiting; default the data's own moment (dataAsOfMs). */
	asOfMs?: number;
	/** Count only open hours of this schedule; null or absent = calendar time. */
	schedule?: BusinessSchedule | null;
	/** When given (length ≥ size), each ticket's verdict is written in it (see SLA_VERDICT). */
	verdicts?: Uint8Array;
}

/** Per-ticket verdict codes written to `SlaOptions.verdicts` (the KPI's own classification). */
export const SLA_VERDICT = { out: 0, met: 1, breached: 2, pending: 3, excluded: 4 } as const;

/**
 * Share of decided tickets that met their target (0..1), the target picked by the ticket's
 * channel and priority. Decided = answered (resolved), or still waiting past the target at the
 * as-of moment, which is a breach already. Tickets with no target, first responses of tickets
 * solved without any reply, and resolved tickets without a stated resolution are out of scope;
 * negative durations are excluded.
 */
export function slaAttainment(
	columns: TicketColumns,
	kind: SlaKind,
	targets: SlaTargets,
	options: SlaOptions = {}
): SlaAttainment {
	const table = slaTargetTable(targets);
	const size = Math.min(columns.size, columns.createdAtMs.length, columns.statusCodes.length);
	const stated =
		kind === 'first_response' ? columns.firstResponseSeconds : columns.resolutionSeconds;
	const asOf = options.asOfMs ?? dataAsOfMs(columns) ?? NaN;
	const { createdAtMs, statusCodes, channelCodes, priorityCodes } = columns;

	/**
	 * When ticket `i`'s clock stops: its reply (solve), or as-of while it still waits (then
	 * `waiting` is set); NaN = out of scope, −Infinity = impossible (negative) duration.
	 */
	let waiting = false;
	const clockEnd = (i: number, created: number): number => {
		waiting = false;
		const resolved = statusCodes[i] === SOLVED_CODE || statusCodes[i] === CLOSED_CODE;
		// A resolution stated for a ticket that is open again (reopened) is stale: it is waiting.
		const seconds = kind === 'resolution' && !resolved ? NaN : (stated[i] ?? NaN);
		if (Number.isFinite(seconds)) return seconds < 0 ? -Infinity : created + seconds * 1000;
		if (resolved || !Number.isFinite(asOf)) return NaN;
		waiting = true;
		return Math.max(asOf, created);
	};
	const targetOf = (i: number): number =>
		table[(channelCodes[i] ?? 0) * SLA_TABLE_STRIDE + (priorityCodes[i] ?? 0)] ?? NaN;

	// Business hours need a clock over the span the measured tickets cover.
	let clock: BusinessClock | null = null;
	if (options.schedule) {
		let fromMs = Infinity;
		let toMs = -Infinity;
		for (let i = 0; i < size; i++) {
			const created = createdAtMs[i] ?? NaN;
			if (Number.isNaN(targetOf(i)) || !Number.isFinite(created)) continue;
			const end = clockEnd(i, created);
			if (!Number.isFinite(end)) continue;
			if (created < fromMs) fromMs = created;
			if (end > toMs) toMs = end;
		}
		if (fromMs <= toMs) {
			const made = clockOver(options.schedule, fromMs, toMs);
			if (typeof made === 'string') {
				options.verdicts?.fill(SLA_VERDICT.out);
				return { value: null, n: 0, excluded: 0, met: 0, breached: 0, pending: 0, gap: made };
			}
			clock = made;
		}
	}

	let met = 0;
	let breached = 0;
	let pending = 0;
	let excluded = 0;
	const verdicts = options.verdicts;
	verdicts?.fill(SLA_VERDICT.out);
	for (let i = 0; i < size; i++) {
		const target = targetOf(i);
		const created = createdAtMs[i] ?? NaN;
		if (Number.isNaN(target) || !Number.isFinite(created)) continue;
		const end = clockEnd(i, created);
		if (Number.isNaN(end)) continue;
		if (end === -Infinity) {
			excluded++;
			if (verdicts) verdicts[i] = SLA_VERDICT.excluded;
			continue;
		}
		const elapsed = clock === null ? (end - created) / 1000 : clock.secondsBetween(created, end);
		const verdict =
			elapsed > target ? SLA_VERDICT.breached : waiting ? SLA_VERDICT.pending : SLA_VERDICT.met;
		if (verdict === SLA_VERDICT.breached) breached++;
		else if (verdict === SLA_VERDICT.pending) pending++;
		else met++;
		if (verdicts) verdicts[i] = verdict;
	}
	const n = met + breached;
	return { value: n === 0 ? null : met / n, n, excluded, met, breached, pending, gap: null };
}
