/**
 * Which hours of a wall-clock hourly series the shop is open, from the Settings schedule (one
 * window per week day, closed holidays). Staffing schedules agents only in these hours, so the
 * Forecast page and the business-hours KPIs read the same opening hours.
 */

import { weekdayOfLocalDay, type WeekSchedule } from '../time/business-hours';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * 1 for each hour (from `firstHourWallMs`, local time read as UTC) that overlaps its day's
 * opening window, 0 otherwise and on holidays. An hour open only in part counts as open: a
 * contact arriving at 09:40 in a 09:30 opening is answered in that hour.
 */
export function openingHoursMask(
	firstHourWallMs: number,
	hours: number,
	week: WeekSchedule,
	holidays: readonly string[]
): Uint8Array {
	const closedDays = new Set(holidays);
	const mask = new Uint8Array(Math.max(0, hours));
	for (let k = 0; k < mask.length; k++) {
		const wallMs = firstHourWallMs + k * HOUR_MS;
		const localDay = Math.floor(wallMs / DAY_MS);
		if (closedDays.has(new Date(localDay * DAY_MS).toISOString().slice(0, 10))) continue;
		const window = week[weekdayOfLocalDay(localDay)];
		if (!window) continue;
		const startMinute = (wallMs - localDay * DAY_MS) / 60_000;
		if (startMinute < window.closeMinute && startMinute + 60 > window.openMinute) mask[k] = 1;
	}
	return mask;
}
