/**
 * What the merchant sets about their service: opening hours (business hours), holidays and SLA
 * targets per channel × priority. Stored in the `settings` table; read by the KPI computation.
 * The time zone is the shop's own setting, so hours and charts can never disagree about it.
 */

import {
	DEFAULT_WEEK,
	isValidOpeningWindow,
	parseLocalDate,
	type OpeningWindow
} from '../time/business-hours';
import { CHANNELS, PRIORITIES, type Channel, type Priority } from './ticket';

/** Channels with their own targets; a ticket of unknown channel uses `other`. */
export const SLA_CHANNELS = ['email', 'chat', 'phone', 'social', 'web', 'api', 'other'] as const;
export type SlaChannel = (typeof SLA_CHANNELS)[number] & Channel;

/** Priorities with their own targets; a ticket without a priority uses `normal`. */
export const SLA_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type SlaPriority = (typeof SLA_PRIORITIES)[number] & Priority;

/** Target in seconds per channel and priority; null = no target (the ticket is not measured). */
export type SlaTargets = Record<SlaChannel, Record<SlaPriority, number | null>>;

/** Whether SLA clocks run around the clock or only in business hours. */
export type SlaClock = 'calendar' | 'business';

export interface ServiceSettings {
	/** Seven entries, Monday first; null = closed. */
	week: (OpeningWindow | null)[];
	/** Local dates "YYYY-MM-DD", closed all day. */
	holidays: string[];
	sla: {
		firstResponse: SlaTargets;
		resolution: SlaTargets;
		clock: SlaClock;
	};
}

const HOUR = 3600;

/**
 * Defaults, documented in docs/metrics.md: first response 1 h on live channels (chat, phone),
 * 4 h on social, 24 h on e-mail, web form, API and others; resolution 24 h on live channels,
 * 48 h on social, 72 h elsewhere. The same for every priority until the merchant tightens them.
 */
const DEFAULT_FIRST_RESPONSE_HOURS: Record<SlaChannel, number> = {
	email: 24,
	chat: 1,
	phone: 1,
	social: 4,
	web: 24,
	api: 24,
	other: 24
};
const DEFAULT_RESOLUTION_HOURS: Record<SlaChannel, number> = {
	email: 72,
	chat: 24,
	phone: 24,
	social: 48,
	web: 72,
	api: 72,
	other: 72
};

function uniformTargets(hoursByChannel: Record<SlaChannel, number>): SlaTargets {
	const targets = {} as SlaTargets;
	for (const channel of SLA_CHANNELS) {
		const row = {} as Record<SlaPriority, number | null>;
		for (const priority of SLA_PRIORITIES) row[priority] = hoursByChannel[channel] * HOUR;
		targets[channel] = row;
	}
	return targets;
}

export function defaultServiceSettings(): ServiceSettings {
	return {
		week: DEFAULT_WEEK.map((window) => (window === null ? null : { ...window })),
		holidays: [],
		sla: {
			firstResponse: uniformTargets(DEFAULT_FIRST_RESPONSE_HOURS),
			resolution: uniformTargets(DEFAULT_RESOLUTION_HOURS),
			clock: 'calendar'
		}
	};
}

export const DEFAULT_SERVICE_SETTINGS: Readonly<ServiceSettings> = defaultServiceSettings();

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isTargetSeconds = (value: unknown): value is number | null =>
	value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0);

/**
 * Reads stored settings, keeping each valid part and falling back to the default for the rest,
 * so a damaged or older record never loses what is still good nor breaks the dashboard.
 */
export function parseServiceSettings(value: unknown): ServiceSettings {
	const settings = defaultServiceSettings();
	if (!isRecord(value)) return settings;
	if (Array.isArray(value.week) && value.week.length === 7) {
		settings.week = value.week.map((window, day) =>
			window === null ? null : isValidOpeningWindow(window) ? { ...window } : settings.week[day]!
		);
	}
	if (Array.isArray(value.holidays)) {
		const dates = value.holidays.filter(
			(date): date is string => typeof date === 'string' && parseLocalDate(date) !== null
		);
		settings.holidays = [...new Set(dates)].sort();
	}
	if (isRecord(value.sla)) {
		const sla = value.sla;
		if (sla.clock === 'calendar' || sla.clock === 'business') settings.sla.clock = sla.clock;
		for (const kind of ['firstResponse', 'resolution'] as const) {
			const stored = sla[kind];
			if (!isRecord(stored)) continue;
			for (const channel of SLA_CHANNELS) {
				const row = stored[channel];
				if (!isRecord(row)) continue;
				for (const priority of SLA_PRIORITIES) {
					const target = row[priority];
					if (isTargetSeconds(target)) settings.sla[kind][channel][priority] = target;
				}
			}
		}
	}
	return settings;
}

const CHANNEL_BY_CODE: readonly SlaChannel[] = CHANNELS.map((channel) =>
	(SLA_CHANNELS as readonly string[]).includes(channel) ? (channel as SlaChannel) : 'other'
);
const PRIORITY_BY_CODE: readonly SlaPriority[] = PRIORITIES.map((priority) =>
	(SLA_PRIORITIES as readonly string[]).includes(priority) ? (priority as SlaPriority) : 'normal'
);

/**
 * Targets as a flat table indexed by channelCode × PRIORITIES.length + priorityCode (NaN = none),
 * so a scan over a million tickets does no string lookups.
 */
export function slaTargetTable(targets: SlaTargets): Float64Array {
	const table = new Float64Array(CHANNELS.length * PRIORITIES.length).fill(NaN);
	for (let channelCode = 0; channelCode < CHANNELS.length; channelCode++) {
		for (let priorityCode = 0; priorityCode < PRIORITIES.length; priorityCode++) {
			const channel = CHANNEL_BY_CODE[channelCode] ?? 'other';
			const priority = PRIORITY_BY_CODE[priorityCode] ?? 'normal';
			const target = targets[channel][priority];
			table[channelCode * PRIORITIES.length + priorityCode] = target ?? NaN;
		}
	}
	return table;
}

export const SLA_TABLE_STRIDE = PRIORITIES.length;
