import {
	SLA_CHANNELS,
	SLA_PRIORITIES,
	type ServiceSettings,
	type SlaChannel,
	type SlaClock,
	type SlaPriority,
	type SlaTargets
} from '$lib/core/model/service-settings';
import { MINUTES_PER_DAY, parseLocalDate } from '$lib/core/time/business-hours';
import { formatClockMinutes } from '$lib/format/business-hours';

/**
 * The Settings page's form values, as the inputs hold them (times "HH:MM", targets in hours as
 * text), and the conversion to and from ServiceSettings with per-field errors.
 */
export interface DayForm {
	open: boolean;
	opens: string;
	closes: string;
}

export type TargetForm = Record<SlaChannel, Record<SlaPriority, string>>;

export interface SettingsForm {
	days: DayForm[];
	holidays: string[];
	clock: SlaClock;
	firstResponse: TargetForm;
	resolution: TargetForm;
}

export interface SettingsFormErrors {
	/** Week days (0 = Monday) whose times are missing or close before they open. */
	days: number[];
	/** "firstResponse.chat.urgent"-style keys of targets that are not positive hours. */
	targets: string[];
}

const HOUR_S = 3600;

/** "9:00"/"09:00" → 540; "00:00" as a closing time → 1440 (midnight at the end of the day). */
export function parseClockText(text: string, isClosing: boolean): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	if (match === null) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	if (hours > 23 || minutes > 59) return null;
	const total = hours * 60 + minutes;
	return isClosing && total === 0 ? MINUTES_PER_DAY : total;
}

/** Hours as the input shows them: 3600 s → "1", 5400 s → "1.5", none → "". */
export function hoursText(seconds: number | null): string {
	return seconds === null ? '' : String(Math.round((seconds / HOUR_S) * 1000) / 1000);
}

/** "1.5" → 5400 s; "" → null (no target); anything else not a positive number → undefined. */
export function parseHoursText(text: string): number | null | undefined {
	const trimmed = text.trim().replace(',', '.');
	if (trimmed === '') return null;
	const hours = Number(trimmed);
	return Number.isFinite(hours) && hours > 0 ? Math.round(hours * HOUR_S) : undefined;
}

function targetForm(targets: SlaTargets): TargetForm {
	const form = {} as TargetForm;
	for (const channel of SLA_CHANNELS) {
		const row = {} as Record<SlaPriority, string>;
		for (const priority of SLA_PRIORITIES) row[priority] = hoursText(targets[channel][priority]);
		form[channel] = row;
	}
	return form;
}

export function toSettingsForm(settings: ServiceSettings): SettingsForm {
	return {
		days: settings.week.map((window) => ({
			open: window !== null,
			opens: formatClockMinutes(window?.openMinute ?? 540),
			// 24:00 is not a value a time input takes; 00:00 as a closing time means the same.
			closes:
				window === null
					? '17:00'
					: window.closeMinute === MINUTES_PER_DAY
						? '00:00'
						: formatClockMinutes(window.closeMinute)
		})),
		holidays: [...settings.holidays],
		clock: settings.sla.clock,
		firstResponse: targetForm(settings.sla.firstResponse),
		resolution: targetForm(settings.sla.resolution)
	};
}

/** The settings the form describes, or which fields are wrong. */
export function fromSettingsForm(
	form: SettingsForm
): { ok: true; settings: ServiceSettings } | { ok: false; errors: SettingsFormErrors } {
	const errors: SettingsFormErrors = { days: [], targets: [] };
	const week = form.days.map((day, index) => {
		if (!day.open) return null;
		const openMinute = parseClockText(day.opens, false);
		const closeMinute = parseClockText(day.closes, true);
		if (openMinute === null || closeMinute === null || closeMinute <= openMinute) {
			errors.days.push(index);
			return null;
		}
		return { openMinute, closeMinute };
	});
	const sla = { firstResponse: {} as SlaTargets, resolution: {} as SlaTargets };
	for (const kind of ['firstResponse', 'resolution'] as const) {
		for (const channel of SLA_CHANNELS) {
			const row = {} as Record<SlaPriority, number | null>;
			for (const priority of SLA_PRIORITIES) {
				const seconds = parseHoursText(form[kind][channel][priority]);
				if (seconds === undefined) errors.targets.push(`${kind}.${channel}.${priority}`);
				row[priority] = seconds ?? null;
			}
			sla[kind][channel] = row;
		}
	}
	if (errors.days.length > 0 || errors.targets.length > 0) return { ok: false, errors };
	const holidays = [...new Set(form.holidays.filter((date) => parseLocalDate(date) !== null))];
	return {
		ok: true,
		settings: { week, holidays: holidays.sort(), sla: { ...sla, clock: form.clock } }
	};
}
