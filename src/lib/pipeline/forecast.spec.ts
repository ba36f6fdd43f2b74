import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Ticket } from '$lib/core/model/ticket';
import { toTicketColumns } from '$lib/core/model/ticket-columns';
import { ServiceLensDb } from '$lib/db/database';
import { createImport, markImportDone } from '$lib/db/repositories/imports';
import { addCalendarEvent, deleteCalendarEvent } from '$lib/db/repositories/calendar-events';
import { addTicketChunk } from '$lib/db/repositories/tickets';
import { loadServiceSettings, saveServiceSettings } from '$lib/db/repositories/settings';
import { runForecast, type ForecastProgress } from './forecast';
import { makeTicket } from '../../../tests/factories/ticket';

let db: ServiceLensDb;
let counter = 0;
afterEach(async () => {
	await db.delete();
});

const ticket = (i: number, createdAtMs: number, channel: Channel): Ticket =>
	makeTicket({ key: `generic:${i}`, externalId: String(i), importId: 0, createdAtMs, channel });

/** `days` days of a daily cycle: busy 9–17 (4 e-mails + 2 chats an hour), quiet otherwise. */
async function seed(days: number): Promise<void> {
	const tickets: Ticket[] = [];
	const start = Date.UTC(2024, 0, 1);
	for (let hour = 0; hour < days * 24; hour++) {
		const busy = hour % 24 >= 9 && hour % 24 < 17;
		const emails = busy ? 4 : hour % 3 === 0 ? 1 : 0;
		const chats = busy ? 2 + (hour % 2) : 0;
		for (let k = 0; k < emails; k++)
			tickets.push(ticket(tickets.length, start + hour * 3_600_000 + k * 60_000, 'email'));
		for (let k = 0; k < chats; k++)
			tickets.push(ticket(tickets.length, start + hour * 3_600_000 + k * 90_000, 'chat'));
	}
	await addImport(tickets);
}

async function addImport(tickets: Ticket[]): Promise<void> {
	const id = await createImport(db, {
		fileName: 'a.csv',
		sizeBytes: 1,
		sourceKind: 'tickets',
		vendor: 'generic',
		format: 'csv',
		encoding: 'utf-8',
		timeZone: 'UTC',
		startedAtMs: Date.now(),
		columnMapping: {}
	});
	await addTicketChunk(db, id, toTicketColumns(tickets.map((t) => ({ ...t, importId: id }))));
	await markImportDone(
		db,
		id,
		{ rowsRead: tickets.length, imported: tickets.length, duplicates: 0, quarantined: 0 },
		{ columnFill: [], warnings: [] },
		Date.now() + counter
	);
}

describe('runForecast', () => {
	it('forecasts total and channels with intervals, a backtest table, and caches the result', async () => {
		db = new ServiceLensDb(`forecast-test-${++counter}`);
		await seed(28);
		const progress: ForecastProgress[] = [];
		const result = await runForecast(db, {
			weeks: 1,
			timeZone: 'UTC',
			onProgress: (p) => progress.push(p)
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const value = result.value;
		expect(value.fromCache).toBe(false);
		expect(value.horizon).toBe(168);
		expect(value.series.map((s) => s.name)).toEqual(['total', 'email', 'chat']);
		const total = value.series[0]!;
		expect(total.mean).toHaveLength(168);
		// The last day has no contact in its last hour, so it counts as partial and is dropped.
		expect(total.history).toHaveLength(27 * 24);
		for (let h = 0; h < 168; h++) {
			expect(total.lower95[h]!).toBeLessThanOrEqual(total.lower80[h]! + 1e-9);
			expect(total.lower80[h]!).toBeLessThanOrEqual(total.mean[h]! + 1e-9);
			expect(total.mean[h]!).toBeLessThanOrEqual(total.upper80[h]! + 1e-9);
			expect(total.upper80[h]!).toBeLessThanOrEqual(total.upper95[h]! + 1e-9);
		}
		// Busy hours forecast far above quiet ones.
		expect(total.mean[12]!).toBeGreaterThan(4 * Math.max(0.5, total.mean[3]!));
		expect(value.forecastStartWallMs).toBe(Date.UTC(2024, 0, 28));
		const chosen = value.accuracy.filter((row) => row.chosen);
		expect(chosen).toHaveLength(1);
		expect(chosen[0]!.method).toBe(value.chosen);
		expect(Number.isFinite(chosen[0]!.mase)).toBe(true);
		expect(Number.isFinite(chosen[0]!.smape)).toBe(true);
		expect(value.accuracy.map((row) => row.method)).toEqual(
			expect.arrayContaining(['seasonal-naive', 'mstl-ets', 'ets', 'ar', 'ar-sdiff'])
		);
		expect(value.reason.kind).toBe('lowest-mase');
		expect(progress.at(-1)?.fraction).toBe(1);

		const again = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		expect(again.ok && again.value.fromCache).toBe(true);
		expect(again.ok && again.value.chosen).toBe(value.chosen);

		// New data: the cache no longer applies.
		await addImport([ticket(999_999, Date.UTC(2024, 0, 29, 10), 'email')]);
		const refit = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		expect(refit.ok && refit.value.fromCache).toBe(false);
	}, 60_000);

	it('per channel: its own backtest table and chosen model', async () => {
		db = new ServiceLensDb(`forecast-test-${++counter}`);
		await seed(28);
		const result = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		if (!result.ok) throw new Error(result.error.message);
		for (const series of result.value.series) {
			const chosen = series.accuracy.filter((row) => row.chosen);
			expect(
				chosen.map((row) => row.method),
				series.name
			).toEqual([series.method]);
			expect(series.reason.kind).toBe('lowest-mase');
		}
		expect(result.value.series[0]!.accuracy).toEqual(result.value.accuracy);
	}, 60_000);

	it('events: a future promotion raises its days, the chart gets it, and the cache key follows', async () => {
		db = new ServiceLensDb(`forecast-test-${++counter}`);
		// 28 days, the last whole day is Jan 27; days 10-12 were a promotion with double e-mail.
		const tickets: Ticket[] = [];
		const start = Date.UTC(2024, 0, 1);
		for (let hour = 0; hour < 28 * 24; hour++) {
			const day = Math.floor(hour / 24);
			const busy = hour % 24 >= 9 && hour % 24 < 17;
			const promo = day >= 9 && day <= 11;
			const emails = busy ? (promo ? 8 : 4) : 1;
			for (let k = 0; k < emails; k++)
				tickets.push(ticket(tickets.length, start + hour * 3_600_000 + k * 60_000, 'email'));
		}
		await addImport(tickets);
		const before = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		if (!before.ok) throw new Error(before.error.message);
		await addCalendarEvent(db, {
			name: 'January sale',
			kind: 'promotion',
			startMs: Date.UTC(2024, 0, 10),
			endMs: Date.UTC(2024, 0, 13)
		});
		const futureId = await addCalendarEvent(db, {
			name: 'Flash sale',
			kind: 'promotion',
			startMs: Date.UTC(2024, 0, 30),
			endMs: Date.UTC(2024, 0, 31)
		});
		const after = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		if (!after.ok) throw new Error(after.error.message);
		// A different event set is a different result, not the cached one.
		expect(after.value.fromCache).toBe(false);
		const effect = after.value.series[0]!.effects[0]!;
		expect(effect.kind).toBe('promotion');
		// Busy hours doubled, quiet ones stayed 1: (8·8 + 16) / (4·8 + 16) = 80 / 48.
		expect(effect.factor).toBeCloseTo(80 / 48, 6);
		const daySum = (values: number[], day: number) =>
			values.slice(day * 24, day * 24 + 24).reduce((a, b) => a + b, 0);
		// The forecast starts on Jan 29; its day 1 is Jan 30, the promotion.
		expect(after.value.forecastStartWallMs).toBe(Date.UTC(2024, 0, 29));
		const ratio = daySum(after.value.series[0]!.mean, 1) / daySum(before.value.series[0]!.mean, 1);
		expect(ratio).toBeCloseTo(80 / 48, 1);
		expect(daySum(after.value.series[0]!.mean, 0)).toBeCloseTo(
			daySum(before.value.series[0]!.mean, 0),
			0
		);
		expect(after.value.events.map((event) => event.name)).toEqual(['January sale', 'Flash sale']);
		// Removing the future event is a new set again: refitted (older sets are not kept).
		await deleteCalendarEvent(db, futureId);
		const withoutFuture = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		expect(withoutFuture.ok && withoutFuture.value.fromCache).toBe(false);
		// Only the latest event set's result is kept for this horizon and zone.
		expect(await db.results.where('key').startsWith('forecast:v2:1w:UTC:').count()).toBe(1);
	}, 60_000);

	it('a holiday set in Settings is a closed day for the forecast too', async () => {
		db = new ServiceLensDb(`forecast-test-${++counter}`);
		// Jan 1-28 2024 (Jan 1 is a Monday): 4 e-mails an hour 9-17 on weekdays, 1 an hour at
		// weekends. The forecast starts on Mon Jan 29.
		const tickets: Ticket[] = [];
		const start = Date.UTC(2024, 0, 1);
		for (let hour = 0; hour < 28 * 24; hour++) {
			const weekend = Math.floor(hour / 24) % 7 >= 5;
			const busy = !weekend && hour % 24 >= 9 && hour % 24 < 17;
			for (let k = 0; k < (busy ? 4 : weekend ? 1 : 0); k++)
				tickets.push(ticket(tickets.length, start + hour * 3_600_000 + k * 60_000, 'email'));
		}
		await addImport(tickets);
		const before = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		if (!before.ok) throw new Error(before.error.message);
		const settings = await loadServiceSettings(db);
		await saveServiceSettings(db, { ...settings, holidays: ['2024-01-31'] });
		const after = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		if (!after.ok) throw new Error(after.error.message);
		expect(after.value.fromCache).toBe(false);
		expect(after.value.events.map((event) => [event.name, event.kind])).toEqual([
			['Closed (Settings)', 'holiday']
		]);
		const daySum = (values: number[], day: number) =>
			values.slice(day * 24, day * 24 + 24).reduce((a, b) => a + b, 0);
		const mean = (result: typeof after) => (result.ok ? result.value.series[0]!.mean : []);
		// Without the holiday Wednesday looks like a weekday (~32 e-mails); as a holiday with no
		// earlier one to learn from, like the quietest weekday (a weekend day, ~24).
		expect(daySum(mean(before), 2)).toBeGreaterThan(28);
		expect(daySum(mean(after), 2)).toBeCloseTo(daySum(mean(before), 5), 0);
		expect(daySum(mean(after), 4)).toBeCloseTo(daySum(mean(before), 4), 6);
	}, 60_000);

	it('the tfjs network joins the backtest on long histories and wins only with the lowest MASE', async () => {
		db = new ServiceLensDb(`forecast-test-${++counter}`);
		await seed(9 * 7);
		const result = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		if (!result.ok) throw new Error(result.error.message);
		for (const series of result.value.series) {
			const rows = series.accuracy;
			const mlp = rows.find((row) => row.method === 'mlp');
			// Tried on the total only (seconds per fit); the channels use the statistical models.
			if (series.name === 'total') expect(Number.isFinite(mlp?.mase)).toBe(true);
			else expect(mlp, series.name).toBeUndefined();
			const best = Math.min(...rows.map((row) => row.mase));
			const chosen = rows.find((row) => row.chosen)!;
			expect(chosen.mase).toBe(best);
		}
		// Four weeks are too short for it: it is not tried.
		await db.delete();
		db = new ServiceLensDb(`forecast-test-${++counter}`);
		await seed(28);
		const short = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		expect(short.ok && short.value.accuracy.some((row) => row.method === 'mlp')).toBe(false);
	}, 180_000);

	it('honours an abort signal', async () => {
		db = new ServiceLensDb(`forecast-test-${++counter}`);
		await seed(21);
		const controller = new AbortController();
		const run = runForecast(db, {
			weeks: 1,
			timeZone: 'UTC',
			signal: controller.signal,
			onProgress: () => controller.abort()
		});
		const result = await run;
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.code).toBe('cancelled');
		expect(await db.results.count()).toBe(0);
	});

	it('says so when there is too little history', async () => {
		db = new ServiceLensDb(`forecast-test-${++counter}`);
		await seed(1);
		const result = await runForecast(db, { weeks: 1, timeZone: 'UTC' });
		expect(!result.ok && result.error.code).toBe('no_rows');
	});
});
