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
	if (weeklyOpenMinutes(schedule.week) === 0) return 'no_open_hours';
	if (toMs - fromMs > (MAX_CLOCK_DAYS - 2) * DAY_MS) return 'range_too_wide';
	return new BusinessClock(schedule, fromMs, toMs);
}

/**
 * The tickets a business-time median covers and their stated durations. The event instant is
 * created + seconds, since exports state durations, not the reply or solve time itself.
 */
interface DurationScope {
	inScope: (row: number) => boolean;
	seconds: Float64Array;
}

function businessMedian(
	columns: TicketColumns,
	schedule: BusinessSchedule,
	scope: DurationScope
): BusinessTimeKpi {
	const created = columns.createdAtMs;
	const size = Math.min(columns.size, created.length, scope.seconds.length);
	const rows: number[] = [];
	let excluded = 0;
	let fromMs = Infinity;
	let toMs = -Infinity;
	for (let i = 0; i < size; i++) {
		if (!scope.inScope(i)) continue;
		const seconds = scope.seconds[i] ?? NaN;
		const start = created[i] ?? NaN;
		if (!Number.isFinite(seconds) || !Number.isFinite(start)) continue;
		if (seconds < 0) {
			excluded++;
			continue;
		}
		rows.push(i);
		if (start < fromMs) fromMs = start;
		if (start + seconds * 1000 > toMs) toMs = start + seconds * 1000;
	}
	if (rows.length === 0) return { value: null, n: 0, excluded, gap: null };
	const clock = clockOver(schedule, fromMs, toMs);
	if (typeof clock === 'string') return { value: null, n: 0, excluded, gap: clock };
	const values = new Float64Array(rows.length);
	for (let k = 0; k < rows.length; k++) {
		const row = rows[k] ?? 0;
		const start = created[row] ?? 0;
		values[k] = clock.secondsBetween(start, start + (scope.seconds[row] ?? 0) * 1000);
	}
	return { value: quantileInPlace(values, 0.5), n: values.length, excluded, gap: null };
}

/**
 * Median first response in business seconds: the same tickets as the calendar median (a stated,
 * non-negative first-reply duration), each counted only while the shop was open.
 */
export function firstResponseBusinessMedian(
	columns: TicketColumns,
	schedule: BusinessSchedule
): BusinessTimeKpi {
	return businessMedian(columns, schedule, {
		inScope: () => true,
		seconds: columns.firstResponseSeconds
	});
}

/** Median full resolution in business seconds, over solved or closed tickets (as the calendar one). */
export function resolutionBusinessMedian(
	columns: TicketColumns,
	schedule: BusinessSchedule
): BusinessTimeKpi {
	const statuses = columns.statusCodes;
	return businessMedian(columns, schedule, {
		inScope: (row) => statuses[row] === SOLVED_CODE || statuses[row] === CLOSED_CODE,
		seconds: columns.resolutionSeconds
	});
}
