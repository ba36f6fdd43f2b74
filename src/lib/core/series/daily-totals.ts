const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface DailyTotal {
	/** Wall-clock ms (local time read as UTC) of the local day's midnight. */
	dayWallMs: number;
	total: number;
	/** Hours of the day present in the series (24 except at the ends). */
	hours: number;
}

/**
 * Sums an hourly wall-clock series (first hour at `startWallMs`) per local day. For a
 * forecast this adds the hourly point forecasts; their prediction intervals do not add up,
 * so none is given for the day.
 */
export function dailyTotals(startWallMs: number, hourly: readonly number[]): DailyTotal[] {
	const days: DailyTotal[] = [];
	for (let i = 0; i < hourly.length; i++) {
		const wallMs = startWallMs + i * HOUR_MS;
		const dayWallMs = Math.floor(wallMs / DAY_MS) * DAY_MS;
		const last = days[days.length - 1];
		const value = hourly[i] ?? 0;
		if (last && last.dayWallMs === dayWallMs) {
			last.total += value;
			last.hours++;
		} else days.push({ dayWallMs, total: value, hours: 1 });
	}
	return days;
}
