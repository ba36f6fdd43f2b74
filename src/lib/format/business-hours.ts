import type { OpeningWindow } from '$lib/core/time/business-hours';

/** "09:00" for 540 minutes; the end of the day (1440) reads "24:00". */
export function formatClockMinutes(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const sameWindow = (a: OpeningWindow | null, b: OpeningWindow | null): boolean =>
	a === b ||
	(a !== null && b !== null && a.openMinute === b.openMinute && a.closeMinute === b.closeMinute);

/**
 * A week's opening hours in a line: consecutive days with the same window are joined, closed
 * days left out ("Mon–Fri 09:00–17:00, Sat 10:00–14:00"). Empty when closed all week.
 * `dayLabels` are short week-day names, Monday first.
 */
export function describeWeek(
	week: readonly (OpeningWindow | null)[],
	dayLabels: readonly string[]
): string {
	const parts: string[] = [];
	let day = 0;
	while (day < week.length) {
		const window = week[day] ?? null;
		let last = day;
		while (last + 1 < week.length && sameWindow(week[last + 1] ?? null, window)) last++;
		if (window !== null) {
			const days =
				last === day ? dayLabels[day] : `${dayLabels[day] ?? ''}–${dayLabels[last] ?? ''}`;
			parts.push(
				`${days} ${formatClockMinutes(window.openMinute)}–${formatClockMinutes(window.closeMinute)}`
			);
		}
		day = last + 1;
	}
	return parts.join(', ');
}
