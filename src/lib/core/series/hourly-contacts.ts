import { CHANNELS, type Channel } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';
import { timeZoneOffsetMs } from '../time/time-zone';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Contacts per local wall-clock hour. Hours are counted on the shop's wall clock (local time
 * read as if it were UTC), so every day has 24 slots and the daily cycle stays 24 steps long
 * across DST: the skipped spring hour is a gap-filled 0, the repeated autumn hour holds both.
 */
export interface HourlyContacts {
	/** Wall-clock ms (local time read as UTC) of the first hour; a multiple of one hour. */
	startWallMs: number;
	/** Number of hours (length of every series). */
	hours: number;
	total: Float64Array;
	/** Per channel that has at least one contact, in CHANNELS order. */
	channels: { channel: Channel; counts: Float64Array }[];
}

export interface HourlyContactsOptions {
	/** Start at the first local midnight and end at the last complete local day. */
	wholeDays?: boolean;
}

/**
 * Hourly contact counts (tickets by creation time) in `timeZone`, in total and per channel,
 * from the first to the last contact's hour with empty hours filled with zeros. Rows without a
 * creation time are skipped. With `wholeDays` the series is cut to whole local days (a first
 * or last day with any contact counts as whole only if it is not the first/last day seen).
 */
export function hourlyContacts(
	columns: TicketColumns,
	timeZone: string,
	options: HourlyContactsOptions = {}
): HourlyContacts {
	const size = Math.min(columns.size, columns.createdAtMs.length);
	const wallHours = new Float64Array(size);
	let first = Infinity;
	let last = -Infinity;
	for (let row = 0; row < size; row++) {
		const created = columns.createdAtMs[row]!;
		if (!Number.isFinite(created)) {
			wallHours[row] = NaN;
			continue;
		}
		const hour = Math.floor((created + timeZoneOffsetMs(created, timeZone)) / HOUR_MS);
		wallHours[row] = hour;
		if (hour < first) first = hour;
		if (hour > last) last = hour;
	}
	if (first === Infinity)
		return { startWallMs: 0, hours: 0, total: new Float64Array(0), channels: [] };
	if (options.wholeDays) {
		// Partial first and last days would read as a drop in demand: keep whole days only.
		first = Math.ceil(first / 24) * 24;
		last = Math.floor((last + 1) / 24) * 24 - 1;
		if (last < first)
			return { startWallMs: first * HOUR_MS, hours: 0, total: new Float64Array(0), channels: [] };
	}
	const hours = last - first + 1;
	const total = new Float64Array(hours);
	const perChannel = CHANNELS.map(() => new Float64Array(hours));
	const seen = new Uint8Array(CHANNELS.length);
	for (let row = 0; row < size; row++) {
		const hour = wallHours[row]!;
		if (!(hour >= first && hour <= last)) continue;
		const index = hour - first;
		total[index]! += 1;
		const code = columns.channelCodes[row] ?? 0;
		const channelCode = code < CHANNELS.length ? code : 0;
		perChannel[channelCode]![index]! += 1;
		seen[channelCode] = 1;
	}
	const channels: HourlyContacts['channels'] = [];
	CHANNELS.forEach((channel, code) => {
		if (seen[code]) channels.push({ channel, counts: perChannel[code]! });
	});
	return { startWallMs: first * HOUR_MS, hours, total, channels };
}

/** Local hour of day (0–23) and day number of a wall-clock ms value. */
export function wallHourParts(wallMs: number): { day: number; hour: number } {
	const day = Math.floor(wallMs / DAY_MS);
	return { day, hour: Math.floor((wallMs - day * DAY_MS) / HOUR_MS) };
}

export { HOUR_MS };
