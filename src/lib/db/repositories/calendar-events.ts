import type { CalendarEventRecord } from '$lib/core/model/records';
import type { ServiceLensDb } from '../database';

/** The merchant's promotions, holidays and launches, oldest first. */
export function listCalendarEvents(db: ServiceLensDb): Promise<CalendarEventRecord[]> {
	return db.calendarEvents.orderBy('startMs').toArray();
}

export async function addCalendarEvent(
	db: ServiceLensDb,
	record: Omit<CalendarEventRecord, 'id'>
): Promise<number> {
	return (await db.calendarEvents.add(record)) as number;
}

export function deleteCalendarEvent(db: ServiceLensDb, id: number): Promise<void> {
	return db.calendarEvents.delete(id);
}
