import {
	DEFAULT_SERVICE_SETTINGS,
	SLA_TABLE_STRIDE,
	slaTargetTable,
	type ServiceSettings
} from '../model/service-settings';
import { TICKET_STATUSES, codeOf } from '../model/ticket';
import { selectTicketRows, type TicketColumns } from '../model/ticket-columns';
import type { BusinessSchedule } from '../time/business-hours';
import {
	firstResponseBusinessMedian,
	resolutionBusinessMedian,
	type BusinessTimeGap
} from '../metrics/business-time';
import { slaAttainment, type SlaKind } from '../metrics/sla-attainment';

const SOLVED_CODE = codeOf(TICKET_STATUSES, 'solved');
const CLOSED_CODE = codeOf(TICKET_STATUSES, 'closed');

/**
 * Where one ticket stands against one SLA target, by the rules of the SLA KPI: `out` = not
 * measured (no target for its channel and priority, or nothing to measure, e.g. solved without a
 * reply), `excluded` = impossible (negative) duration, `pending` = still waiting within target.
 */
export type SlaState = 'met' | 'breached' | 'pending' | 'out' | 'excluded';

export interface TicketSla {
	state: SlaState;
	/** The target for the ticket's channel and priority, seconds; null = none set. */
	targetSeconds: number | null;
	clock: 'calendar' | 'business';
	/** Business hours gave no clock (no open hour, absurd span): the state is `out`. */
	gap: BusinessTimeGap | null;
}

/** Every timing of one ticket, each by the same function its KPI tile uses. */
export interface TicketTimings {
	firstResponseSeconds: number | null;
	firstResponseBusinessSeconds: number | null;
	/** Full resolution: creation → last solve (solved or closed tickets only, as the KPI). */
	resolutionSeconds: number | null;
	resolutionBusinessSeconds: number | null;
	/** Creation → first solve, when the conversation shows it (message imports); else null. */
	firstResolutionSeconds: number | null;
	/** Why business figures are missing although calendar ones exist. */
	businessGap: BusinessTimeGap | null;
	sla: Record<SlaKind, TicketSla>;
}

/**
 * The timings of ticket `row`. Each figure is the ticket's own KPI over a table of one row
 * (the median of one value is that value), so the detail can never disagree with the tiles:
 * negative durations are excluded there and null here, business time uses the merchant's
 * schedule in `timeZone`, and SLA "still waiting" is judged at `asOfMs` (the data's moment).
 */
export function ticketTimings(
	columns: TicketColumns,
	row: number,
	options: {
		settings?: ServiceSettings;
		timeZone?: string;
		asOfMs?: number | null;
		firstResolutionSeconds?: number | null;
	} = {}
): TicketTimings {
	const settings = options.settings ?? DEFAULT_SERVICE_SETTINGS;
	const one = selectTicketRows(columns, [row]);
	const schedule: BusinessSchedule = {
		week: settings.week,
		holidays: settings.holidays,
		timeZone: options.timeZone ?? 'UTC'
	};
	const firstBusiness = firstResponseBusinessMedian(one, schedule);
	const resolutionBusiness = resolutionBusinessMedian(one, schedule);
	const calendarFirst = one.firstResponseSeconds[0] ?? NaN;
	const calendarResolution = one.resolutionSeconds[0] ?? NaN;
	const status = one.statusCodes[0];
	const isResolved = status === SOLVED_CODE || status === CLOSED_CODE;
	const slaSchedule = settings.sla.clock === 'business' ? schedule : null;
	const target =
		slaTargetTable(settings.sla.firstResponse)[
			(one.channelCodes[0] ?? 0) * SLA_TABLE_STRIDE + (one.priorityCodes[0] ?? 0)
		] ?? NaN;
	const resolutionTarget =
		slaTargetTable(settings.sla.resolution)[
			(one.channelCodes[0] ?? 0) * SLA_TABLE_STRIDE + (one.priorityCodes[0] ?? 0)
		] ?? NaN;
	const slaOf = (kind: SlaKind, targetSeconds: number): TicketSla => {
		const result = slaAttainment(
			one,
			kind,
			kind === 'first_response' ? settings.sla.firstResponse : settings.sla.resolution,
			{ schedule: slaSchedule, asOfMs: options.asOfMs ?? undefined }
		);
		const state: SlaState =
			result.met > 0
				? 'met'
				: result.breached > 0
					? 'breached'
					: result.pending > 0
						? 'pending'
						: result.excluded > 0
							? 'excluded'
							: 'out';
		return {
			state,
			targetSeconds: Number.isNaN(targetSeconds) ? null : targetSeconds,
			clock: settings.sla.clock,
			gap: result.gap
		};
	};
	return {
		firstResponseSeconds: calendarFirst >= 0 ? calendarFirst : null,
		firstResponseBusinessSeconds: firstBusiness.value,
		// The resolution KPI counts solved or closed tickets only: a reopened ticket has none.
		resolutionSeconds: isResolved && calendarResolution >= 0 ? calendarResolution : null,
		resolutionBusinessSeconds: resolutionBusiness.value,
		firstResolutionSeconds: options.firstResolutionSeconds ?? null,
		businessGap: firstBusiness.gap ?? resolutionBusiness.gap,
		sla: {
			first_response: slaOf('first_response', target),
			resolution: slaOf('resolution', resolutionTarget)
		}
	};
}
