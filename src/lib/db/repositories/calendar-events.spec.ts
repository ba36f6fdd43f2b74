import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '../database';
import { addCalendarEvent, deleteCalendarEvent, listCalendarEvents } from './calendar-events';

let db: ServiceLensDb;
afterEach(async () => {
	await db.delete();
});

describe('calendar events repository', () => {
	it('adds, lists oldest first and deletes', async () => {
		db = new ServiceLensDb(`calendar-events-test-${Date.now()}`);
		const later = await addCalendarEvent(db, {
			name: 'Black Friday',
			kind: 'promotion',
			startMs: Date.UTC(2026, 10, 27),
			endMs: Date.UTC(2026, 10, 28)
		});
		await addCalendarEvent(db, {
			name: 'Launch',
			kind: 'launch',
			startMs: Date.UTC(2026, 8, 1),
			endMs: Date.UTC(2026, 8, 2)
		});
		expect((await listCalendarEvents(db)).map((event) => event.name)).toEqual([
			'Launch',
			'Black Friday'
		]);
		await deleteCalendarEvent(db, later);
		expect((await listCalendarEvents(db)).map((event) => event.name)).toEqual(['Launch']);
	});
});
