import { daysFromCivil } from '../time/time-zone';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local day number of a 'YYYY-MM-DD' day (days since 1970-01-01), or null when not a real date. */
export function dayNumberOf(day: string): number | null {
	const match = DAY_PATTERN.exec(day);
	if (!match) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const date = Number(match[3]);
	if (month < 1 || month > 12 || date < 1 || date > 31) return null;
	const number = daysFromCivil(year, month, date);
	// Reject 2026-02-30 and the like: the day must survive a round trip.
	return dayOfNumber(number) === day ? number : null;
}

/** 'YYYY-MM-DD' of a local day number. */
export function dayOfNumber(dayNumber: number): string {
	return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
