/**
 * Business time: how much of an interval fell inside the shop's opening hours.
 *
 * A schedule gives each week day one opening window in local wall-clock minutes (or none), plus
 * holidays (local dates, closed all day), read in one IANA time zone. Each window is turned into
 * real instants with the zone's offset of that very day, so a DST change moves the window with
 * the clock: 09:00-17:00 stays 8 hours on the Sunday of a change, and a window that spans the
 * change loses or gains its hour (peers' "per-interval" rule, ../shared/reference §2.9).
 *
 * Counting over many tickets uses a BusinessClock: the open seconds before each local day are
 * summed once, so each interval costs two lookups instead of a walk over its days.
 */

import {
	daysFromCivil,
	localDayNumber,
	localDayStartMs,
	zonedWallTimeToEpochMs
} from './time-zone';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;

/** One day's opening window, minutes after local midnight: 0 ≤ open < close ≤ 1440. */
export interface OpeningWindow {
	openMinute: number;
	closeMinute: number;
}

/** Week days Monday first, as ISO numbers them (index 0 = Monday … 6 = Sunday). */
export type WeekSchedule = readonly (OpeningWindow | null)[];

export interface BusinessSchedule {
	/** Seven entries, Monday first; null = closed all day. */
	week: WeekSchedule;
	/** Local dates "YYYY-MM-DD" on which the shop is closed all day. */
	holidays: readonly string[];
	timeZone: string;
}

/** Mon-Fri 09:00-17:00, closed at weekends: the schedule used until the merchant sets one. */
export const DEFAULT_WEEK: WeekSchedule = [
	{ openMinute: 540, closeMinute: 1020 },
	{ openMinute: 540, closeMinute: 1020 },
	{ openMinute: 540, closeMinute: 1020 },
	{ openMinute: 540, closeMinute: 1020 },
	{ openMinute: 540, closeMinute: 1020 },
	null,
	null
];

/** Monday-first week-day index (0 = Monday) of a local day number (day 0 = Thu 1970-01-01). */
export function weekdayOfLocalDay(localDay: number): number {
	return (((localDay + 3) % 7) + 7) % 7;
}

export function isValidOpeningWindow(window: unknown): window is OpeningWindow {
	if (typeof window !== 'object' || window === null) return false;
	const { openMinute, closeMinute } = window as Record<string, unknown>;
	return (
		Number.isInteger(openMinute) &&
		Number.isInteger(closeMinute) &&
		(openMinute as number) >= 0 &&
		(closeMinute as number) <= MINUTES_PER_DAY &&
		(openMinute as number) < (closeMinute as number)
	);
}

const HOLIDAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local day number of a "YYYY-MM-DD" date, or null if it is not a real calendar date. */
export function parseLocalDate(text: string): number | null {
	const match = HOLIDAY_PATTERN.exec(text);
	if (match === null) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	const number = daysFromCivil(year, month, day);
	// daysFromCivil carries overflow (Feb 30 → Mar 2), so round-trip to reject such dates.
	const date = new Date(number * DAY_MS);
	return date.getUTCFullYear() === year &&
		date.getUTCMonth() + 1 === month &&
		date.getUTCDate() === day
		? number
		: null;
}

/** Open minutes in a normal week: 0 means business time could never advance. */
export function weeklyOpenMinutes(week: WeekSchedule): number {
	let minutes = 0;
	for (const window of week) if (window) minutes += window.closeMinute - window.openMinute;
	return minutes;
}

/**
 * Business seconds between instants over a fixed range of local days, in O(1) per question
 * once built. Instants outside the range are clamped to it.
 */
export class BusinessClock {
	readonly #opens: Float64Array;
	readonly #closes: Float64Array;
	/** #before[i] = open ms on local days firstDay … firstDay + i − 1. */
	readonly #before: Float64Array;
	/** #starts[i] = the instant local day firstDay + i begins; one more for the end of the range. */
	readonly #starts: Float64Array;

	/** Covers every local day that contains an instant in [fromMs, toMs]. */
	constructor(schedule: BusinessSchedule, fromMs: number, toMs: number) {
		const firstDay = localDayNumber(Math.min(fromMs, toMs), schedule.timeZone);
		const lastDay = localDayNumber(Math.max(fromMs, toMs), schedule.timeZone);
		const dayCount = lastDay - firstDay + 1;
		if (!(dayCount > 0 && dayCount <= MAX_CLOCK_DAYS))
			throw new RangeError(`a business clock covers 1 to ${MAX_CLOCK_DAYS} days, not ${dayCount}`);
		const holidays = new Set<number>();
		for (const text of schedule.holidays) {
			const day = parseLocalDate(text);
			if (day !== null) holidays.add(day);
		}
		this.#opens = new Float64Array(dayCount);
		this.#starts = new Float64Array(dayCount + 1);
		for (let i = 0; i <= dayCount; i++)
			this.#starts[i] = localDayStartMs(firstDay + i, schedule.timeZone);
		this.#closes = new Float64Array(dayCount);
		this.#before = new Float64Array(dayCount + 1);
		for (let i = 0; i < dayCount; i++) {
			const day = firstDay + i;
			const window = holidays.has(day) ? null : schedule.week[weekdayOfLocalDay(day)];
			let openMs = 0;
			let closeMs = 0;
			if (window) {
				openMs = wallMinuteToEpochMs(day, window.openMinute, schedule.timeZone);
				closeMs = wallMinuteToEpochMs(day, window.closeMinute, schedule.timeZone);
			}
			this.#opens[i] = openMs;
			this.#closes[i] = Math.max(openMs, closeMs);
			this.#before[i + 1] = (this.#before[i] ?? 0) + ((this.#closes[i] ?? 0) - openMs);
		}
	}

	/** Business ms from the start of the range up to `epochMs`. */
	openMsUntil(epochMs: number): number {
		const starts = this.#starts;
		const last = this.#opens.length - 1;
		if (epochMs < (starts[0] ?? 0)) return 0;
		if (epochMs >= (starts[last + 1] ?? 0)) return this.#before[last + 1] ?? 0;
		// Days are 23-25 h long, so dividing by 24 h lands within a day of the right one; no
		// time-zone lookup is needed per instant.
		let index = Math.floor((epochMs - (starts[0] ?? 0)) / DAY_MS);
		if (index > last) index = last;
		while (index > 0 && epochMs < (starts[index] ?? 0)) index--;
		while (index < last && epochMs >= (starts[index + 1] ?? 0)) index++;
		const open = this.#opens[index] ?? 0;
		const close = this.#closes[index] ?? 0;
		const partial = epochMs <= open ? 0 : epochMs >= close ? close - open : epochMs - open;
		return (this.#before[index] ?? 0) + partial;
	}

	/** Business seconds from `startMs` to `endMs` (negative if end is before start). */
	secondsBetween(startMs: number, endMs: number): number {
		return (this.openMsUntil(endMs) - this.openMsUntil(startMs)) / 1000;
	}
}

/** ~270 years: wider means a garbage timestamp, not a real ticket. */
export const MAX_CLOCK_DAYS = 100_000;

/** The instant of a wall-clock minute (0-1440) of a local day; a DST gap shifts it forward. */
function wallMinuteToEpochMs(localDay: number, minute: number, timeZone: string): number {
	const wallMs = localDay * DAY_MS + minute * MINUTE_MS;
	const date = new Date(wallMs);
	return zonedWallTimeToEpochMs(
		date.getUTCFullYear(),
		date.getUTCMonth() + 1,
		date.getUTCDate(),
		date.getUTCHours(),
		date.getUTCMinutes(),
		0,
		0,
		timeZone
	);
}

/** Business seconds between two instants under one schedule (for one-off questions and tests). */
export function businessSecondsBetween(
	startMs: number,
	endMs: number,
	schedule: BusinessSchedule
): number {
	return new BusinessClock(schedule, startMs, endMs).secondsBetween(startMs, endMs);
}
