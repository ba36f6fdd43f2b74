import type { CalendarEventRecord } from '$lib/core/model/records';
import {
	daysFromCivil,
	localDayNumber,
	localDayStartMs,
	timeZoneOffsetMs
} from '$lib/core/time/time-zone';
import type { EventWindow } from './event-effects';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type CalendarEventKind = CalendarEventRecord['kind'];
export const CALENDAR_EVENT_KINDS: readonly CalendarEventKind[] = [
	'promotion',
	'holiday',
	'launch',
	'other'
];
export const MAX_EVENT_NAME_LENGTH = 80;
/** Longest event a merchant can mark (a season-long sale is still an event; a year is not). */
export const MAX_EVENT_DAYS = 92;

/** What the form collects: local calendar days, both inclusive. */
export interface CalendarEventDraft {
	name: string;
	kind: CalendarEventKind;
	/** 'YYYY-MM-DD' in the shop's time zone. */
	firstDay: string;
	lastDay: string;
}

export type CalendarEventProblem =
	| 'name-missing'
	| 'name-too-long'
	| 'kind-unknown'
	| 'day-invalid'
	| 'last-before-first'
	| 'too-long';

/** Local day number (days since 1970-01-01) of a 'YYYY-MM-DD' string, or null. */
export function parseIsoDay(text: string): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1 || day > 31) return null;
	const number = daysFromCivil(year, month, day);
	// Rejects 2026-02-31 and the like: the day must round-trip.
	return isoDay(number) === text.trim() ? number : null;
}

/** 'YYYY-MM-DD' of a local day number. */
export function isoDay(dayNumber: number): string {
	return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The record to store for a valid draft, or the first problem with it. */
export function calendarEventFromDraft(
	draft: CalendarEventDraft,
	timeZone: string
):
	| { ok: true; record: Omit<CalendarEventRecord, 'id'> }
	| { ok: false; problem: CalendarEventProblem } {
	const name = draft.name.trim();
	if (name.length === 0) return { ok: false, problem: 'name-missing' };
	if (name.length > MAX_EVENT_NAME_LENGTH) return { ok: false, problem: 'name-too-long' };
	if (!CALENDAR_EVENT_KINDS.includes(draft.kind)) return { ok: false, problem: 'kind-unknown' };
	const first = parseIsoDay(draft.firstDay);
	const last = parseIsoDay(draft.lastDay);
	if (first === null || last === null) return { ok: false, problem: 'day-invalid' };
	if (last < first) return { ok: false, problem: 'last-before-first' };
	if (last - first + 1 > MAX_EVENT_DAYS) return { ok: false, problem: 'too-long' };
	return {
		ok: true,
		record: {
			name,
			kind: draft.kind,
			startMs: localDayStartMs(first, timeZone),
			endMs: localDayStartMs(last + 1, timeZone)
		}
	};
}

/** First and last local day ('YYYY-MM-DD', inclusive) of a stored event. */
export function eventDays(
	record: Pick<CalendarEventRecord, 'startMs' | 'endMs'>,
	timeZone: string
): { firstDay: string; lastDay: string } {
	return {
		firstDay: isoDay(localDayNumber(record.startMs, timeZone)),
		lastDay: isoDay(localDayNumber(record.endMs - 1, timeZone))
	};
}

/** Wall-clock ms (local time read as UTC) of an instant. */
const wallMs = (epochMs: number, timeZone: string) => epochMs + timeZoneOffsetMs(epochMs, timeZone);

/** An event as a wall-clock range [startWallMs, endWallMs) in the shop's zone. */
export interface WallEvent {
	name: string;
	kind: CalendarEventKind;
	startWallMs: number;
	endWallMs: number;
}

export function toWallEvent(record: CalendarEventRecord, timeZone: string): WallEvent {
	return {
		name: record.name,
		kind: record.kind,
		startWallMs: wallMs(record.startMs, timeZone),
		endWallMs: wallMs(record.endMs, timeZone)
	};
}

/**
 * Events on the step scale of an hourly wall-clock series starting at `seriesStartWallMs`
 * (step 0): whole hours, clipped to `[0, lastStep)`, empty ones dropped.
 */
export function eventWindows(
	events: readonly WallEvent[],
	seriesStartWallMs: number,
	lastStep: number
): EventWindow[] {
	const windows: EventWindow[] = [];
	for (const event of events) {
		const start = Math.max(0, Math.floor((event.startWallMs - seriesStartWallMs) / HOUR_MS));
		const end = Math.min(lastStep, Math.ceil((event.endWallMs - seriesStartWallMs) / HOUR_MS));
		if (end > start) windows.push({ kind: event.kind, start, end });
	}
	return windows;
}

/** A short fingerprint of what the models see of the events (kind and dates, not names). */
export function eventsFingerprint(records: readonly CalendarEventRecord[]): string {
	const text = records
		.map((record) => `${record.kind}:${record.startMs}:${record.endMs}`)
		.sort()
		.join('|');
	if (text.length === 0) return 'none';
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `${records.length}-${hash.toString(36)}`;
}

/**
 * The holidays set in Settings (days the shop is closed) as holiday events, so the forecast
 * expects them quiet without the merchant marking them twice. A day already inside a holiday
 * event the merchant marked is left to that event. Ids are absent: these are not stored.
 */
export function closedDayEvents(
	closedDays: readonly string[],
	marked: readonly CalendarEventRecord[],
	timeZone: string
): CalendarEventRecord[] {
	const events: CalendarEventRecord[] = [];
	for (const day of closedDays) {
		const draft = calendarEventFromDraft(
			{ name: CLOSED_DAY_EVENT_NAME, kind: 'holiday', firstDay: day, lastDay: day },
			timeZone
		);
		if (!draft.ok) continue;
		const { startMs } = draft.record;
		const covered = marked.some(
			(event) => event.kind === 'holiday' && event.startMs <= startMs && startMs < event.endMs
		);
		if (!covered) events.push(draft.record);
	}
	return events;
}

/** Name of the events made from Settings holidays (shown on the forecast chart). */
export const CLOSED_DAY_EVENT_NAME = 'Closed (Settings)';
