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
}

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

	// Pass 1: each ticket's elapsed end instant (NaN = out of scope), and the span they cover.
	const ends = new Float64Array(size).fill(NaN);
	const waiting = new Uint8Array(size);
	let excluded = 0;
	let fromMs = Infinity;
	let toMs = -Infinity;
	for (let i = 0; i < size; i++) {
		const target =
			table[(columns.channelCodes[i] ?? 0) * SLA_TABLE_STRIDE + (columns.priorityCodes[i] ?? 0)];
		const created = columns.createdAtMs[i] ?? NaN;
		if (target === undefined || Number.isNaN(target) || !Number.isFinite(created)) continue;
		const status = columns.statusCodes[i];
		const resolved = status === SOLVED_CODE || status === CLOSED_CODE;
		// A resolution stated for a ticket that is open again (reopened) is stale: it is waiting.
		const seconds = kind === 'resolution' && !resolved ? NaN : (stated[i] ?? NaN);
		let end = NaN;
		if (Number.isFinite(seconds)) {
			if (seconds < 0) {
				excluded++;
				continue;
			}
			end = created + seconds * 1000;
		} else if (!resolved && Number.isFinite(asOf)) {
			end = Math.max(asOf, created);
			waiting[i] = 1;
		} else continue;
		ends[i] = end;
		if (created < fromMs) fromMs = created;
		if (end > toMs) toMs = end;
	}

	let clock: BusinessClock | null = null;
	if (options.schedule && fromMs <= toMs) {
		const made = clockOver(options.schedule, fromMs, toMs);
		if (typeof made === 'string')
			return { value: null, n: 0, excluded, met: 0, breached: 0, pending: 0, gap: made };
		clock = made;
	}

	// Pass 2: compare each elapsed time with its target.
	let met = 0;
	let breached = 0;
	let pending = 0;
	for (let i = 0; i < size; i++) {
		const end = ends[i] ?? NaN;
		if (Number.isNaN(end)) continue;
		const created = columns.createdAtMs[i] ?? 0;
		const target =
			table[(columns.channelCodes[i] ?? 0) * SLA_TABLE_STRIDE + (columns.priorityCodes[i] ?? 0)] ??
			NaN;
		const elapsed = clock === null ? (end - created) / 1000 : clock.secondsBetween(created, end);
		if (elapsed > target) breached++;
		else if (waiting[i] === 1) pending++;
		else met++;
	}
	const n = met + breached;
	return { value: n === 0 ? null : met / n, n, excluded, met, breached, pending, gap: null };
}
