import {
	calendarEventFromDraft,
	type CalendarEventDraft,
	type CalendarEventProblem
} from '$lib/core/forecast/events/calendar-events';
import type { CalendarEventRecord } from '$lib/core/model/records';
import { openDatabase } from '$lib/db/database';
import {
	addCalendarEvent,
	deleteCalendarEvent,
	listCalendarEvents
} from '$lib/db/repositories/calendar-events';

/** The merchant's promotions, holidays and launches, kept in IndexedDB (calendarEvents). */
class CalendarEventsState {
	#events = $state.raw<CalendarEventRecord[]>([]);
	#loaded = $state(false);

	get events(): CalendarEventRecord[] {
		return this.#events;
	}
	get isLoaded(): boolean {
		return this.#loaded;
	}

	async load(): Promise<void> {
		this.#events = await listCalendarEvents(openDatabase()).catch(() => []);
		this.#loaded = true;
	}

	/** Stores a valid draft; returns the problem otherwise (nothing is stored). */
	async add(draft: CalendarEventDraft, timeZone: string): Promise<CalendarEventProblem | null> {
		const checked = calendarEventFromDraft(draft, timeZone);
		if (!checked.ok) return checked.problem;
		await addCalendarEvent(openDatabase(), checked.record);
		await this.load();
		return null;
	}

	async remove(id: number): Promise<void> {
		await deleteCalendarEvent(openDatabase(), id);
		await this.load();
	}
}

export const calendarEvents = new CalendarEventsState();
