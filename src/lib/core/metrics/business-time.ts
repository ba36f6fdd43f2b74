import { TICKET_STATUSES, codeOf } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import {
	BusinessClock,
	MAX_CLOCK_DAYS,
	weeklyOpenMinutes,
	type BusinessSchedule
} from '../time/business-hours';
import { quantileInPlace } from './quantile';
import type { KpiResult } from './ticket-count';

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');
const DAY_MS = 86_400_000;

/** Why a business-time KPI has no value although tickets have durations. */
export type BusinessTimeGap = 'no_open_hours' | 'range_too_wide';

export interface BusinessTimeKpi extends KpiResult {
	/** Set when the value is null for a reason other than "no tickets": never a silent 0. */
	gap: BusinessTimeGap | null;
}

/**
 * A clock covering every instant in [fromMs, toMs], or the reason there is none: a schedule with
 * no open hour (business time would always be 0, which would look like instant service) or a
 * span of centuries (a garbage timestamp the importer let through).
 */
export function clockOver(
	schedule: BusinessSchedule,
	fromMs: number,
	toMs: number
): BusinessClock | BusinessTimeGap {
	return businessTimeGap(schedule, fromMs, toMs) ?? new BusinessClock(schedule, fromMs, toMs);
}

/** clockOver's reason for having no clock, without building one (null = a clock exists). */
export function businessTimeGap(
	schedule: BusinessSchedule,
	fromMs: number,
	toMs: number
): BusinessTimeGap | null {
	if (weeklyOpenMinutes(schedule.week) === 0) return 'no_open_hours';
	if (toMs - fromMs > (MAX_CLOCK_DAYS - 2) * DAY_MS) return 'range_too_wide';
	return null;
}

/**
 * Median business seconds from creation to an event stated as a duration (first reply, solve):
 * the event instant is created + seconds, since exports state durations, not the instants.
 * `resolvedOnly` limits the scope to solved or closed tickets.
 */
function businessMedian(
	columns: TicketColumns,
	schedule: BusinessSchedule,
	stated: Float64Array,
	resolvedOnly: boolean
): BusinessTimeKpi {
	const created = columns.createdAtMs;
	const statuses = columns.statusCodes;
	const size = Math.min(columns.size, created.length, stated.length, statuses.length);
	const rows = new Int32Array(size);
	let count = 0;
	let excluded = 0;
	let fromMs = Infinity;
	let toMs = -Infinity;
	for (let i = 0; i < size; i++) {
		if (resolvedOnly && statuses[i] !== SOLVED_CODE && statuses[i] !== CLOSED_CODE) continue;
		const seconds = stated[i] ?? NaN;
		const start = created[i] ?? NaN;
		if (!Number.isFinite(seconds) || !Number.isFinite(start)) continue;
		if (seconds < 0) {
			excluded++;
			continue;
		}
		rows[count++] = i;
		if (start < fromMs) fromMs = start;
		if (start + seconds * 1000 > toMs) toMs = start + seconds * 1000;
	}
	if (count === 0) return { value: null, n: 0, excluded, gap: null };
	const clock = clockOver(schedule, fromMs, toMs);
	if (typeof clock === 'string') return { value: null, n: 0, excluded, gap: clock };
	const values = new Float64Array(count);
	for (let k = 0; k < count; k++) {
		const row = rows[k] ?? 0;
		const start = created[row] ?? 0;
		values[k] = clock.secondsBetween(start, start + (stated[row] ?? 0) * 1000);
	}
	return { value: quantileInPlace(values, 0.5), n: count, excluded, gap: null };
}

/**
 * Median first response in business seconds: the same tickets as the calendar median (a stated,
 * non-negative first-reply duration), each counted only while the shop was open.
 */
export function firstResponseBusinessMedian(
	columns: TicketColumns,
	schedule: BusinessSchedule
): BusinessTimeKpi {
	return businessMedian(columns, schedule, columns.firstResponseSeconds, false);
}

/** Median full resolution in business seconds, over solved or closed tickets (as the calendar one). */
export function resolutionBusinessMedian(
	columns: TicketColumns,
	schedule: BusinessSchedule
): BusinessTimeKpi {
	return businessMedian(columns, schedule, columns.resolutionSeconds, true);
}
