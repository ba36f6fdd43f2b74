import {
	AutoForecaster,
	createAutoForecaster,
	DEFAULT_CANDIDATES,
	smape,
	type CandidateName,
	type Forecast,
	type Forecaster,
	type FitOptions
} from '$lib/core/forecast';
import { combinePoints } from '$lib/core/forecast/auto/auto';
import {
	closedDayEvents,
	eventsFingerprint,
	eventWindows,
	toWallEvent,
	type WallEvent
} from '$lib/core/forecast/events/calendar-events';
import { EventAdjustedForecaster } from '$lib/core/forecast/events/event-adjusted';
import {
	estimateEventEffects,
	type EventEffect,
	type EventWindow
} from '$lib/core/forecast/events/event-effects';
import { hourlyContacts, HOUR_MS } from '$lib/core/series/hourly-contacts';
import { MlpForecaster } from '$lib/ml/mlp-forecaster';
import { measureLiveHandleTime, type MeasuredHandleTime } from '$lib/core/staffing/handle-time';
import type { ServiceLensDb } from '$lib/db/database';
import type { CalendarEventRecord } from '$lib/core/model/records';
import { listCalendarEvents } from '$lib/db/repositories/calendar-events';
import { loadServiceSettings } from '$lib/db/repositories/settings';
import { committedDataVersion } from '$lib/db/repositories/imports';
import { loadCommittedTickets } from '$lib/db/repositories/tickets';
import { fail, ok, type Result } from './result';

export interface ForecastOptions {
	/** Horizon in weeks, 1–8. */
	weeks: number;
	timeZone: string;
}

export interface ForecastProgress {
	/** 0–1 over the whole run. */
	fraction: number;
	/** Series being fitted: 'total' or a channel. */
	series: string;
}

export interface SeriesForecast {
	/** 'total' or a channel name. */
	name: string;
	/** Picked method (a candidate, or e.g. 'mean(ar,ar-sdiff)'). */
	method: string;
	/** The last `historyHours` observed hours. */
	history: number[];
	mean: number[];
	lower80: number[];
	upper80: number[];
	lower95: number[];
	upper95: number[];
	/** This series' backtest: every candidate and combination tried. */
	accuracy: MethodAccuracy[];
	reason: ChoiceReason;
	/** Event effects learnt on this series (one per event kind marked). */
	effects: EventEffect[];
}

export interface MethodAccuracy {
	/** Candidate name or combination key, as the auto selector names it. */
	method: string;
	/** Mean backtest MASE over the rolling origins (NaN when it could not be scored). */
	mase: number;
	/** Mean backtest sMAPE (%) over the same forecasts. */
	smape: number;
	chosen: boolean;
}

export type ChoiceReason =
	| { kind: 'lowest-mase'; origins: number; runnerUp: string | null; runnerUpMase: number | null }
	| { kind: 'short-history' };

export interface ForecastResult {
	weeks: number;
	horizon: number;
	timeZone: string;
	/** Wall-clock ms (shop local time read as UTC) of the first hour of `history`. */
	historyStartWallMs: number;
	/** Wall-clock ms of the first forecast hour (a local midnight). */
	forecastStartWallMs: number;
	/** Hours of history the models were fitted on. */
	fittedHours: number;
	/** Total first, then each channel with enough data. */
	series: SeriesForecast[];
	/** Backtest of the total series (each series has its own in `series`). */
	accuracy: MethodAccuracy[];
	chosen: string;
	reason: ChoiceReason;
	/** The merchant's events that overlap the drawn history or the forecast, wall-clock. */
	events: WallEvent[];
	/** Chat/phone handle time measured from the tickets (null seconds when too few). */
	measuredLiveHandle: MeasuredHandleTime;
	/** Fingerprint of every event the fit saw (`eventsFingerprint`). */
	eventsKey: string;
	computedAtMs: number;
	/** Set when the value came from the results table rather than a fit. */
	fromCache: boolean;
}

/** History drawn and cached with the forecast. */
export const HISTORY_TAIL_HOURS = 4 * 168;
/** A channel gets its own forecast with at least this many contacts per day on average. */
const MIN_CHANNEL_CONTACTS_PER_DAY = 2;
const MAX_CHANNELS = 4;
const CACHE_VERSION = 2;

/** Results are stored per horizon, zone and set of events (their kinds and dates). */
export const forecastCacheKey = (options: ForecastOptions, eventsKey: string): string =>
	`forecast:v${CACHE_VERSION}:${options.weeks}w:${options.timeZone}:ev-${eventsKey}`;

/** committedDataVersion (db/repositories/imports.ts), under the name the caches here use. */
export function forecastDataVersion(db: ServiceLensDb): Promise<number> {
	return committedDataVersion(db);
}

/**
 * The events the forecast sees: those marked on the Forecast page plus the holidays set in
 * Settings (closed days), so one list of closed days serves the KPIs, staffing and forecast.
 */
async function forecastCalendar(
	db: ServiceLensDb,
	timeZone: string
): Promise<CalendarEventRecord[]> {
	const marked = await listCalendarEvents(db);
	const { holidays } = await loadServiceSettings(db);
	return [...marked, ...closedDayEvents(holidays, marked, timeZone)];
}

/** The cached forecast for these options, if the data has not changed since it was computed. */
export async function cachedForecast(
	db: ServiceLensDb,
	options: ForecastOptions
): Promise<ForecastResult | null> {
	const events = await forecastCalendar(db, options.timeZone);
	const record = await db.results.get(forecastCacheKey(options, eventsFingerprint(events)));
	if (!record) return null;
	if (record.dataVersion !== (await forecastDataVersion(db))) return null;
	return { ...(record.value as ForecastResult), fromCache: true };
}

export interface RunForecastOptions extends ForecastOptions {
	signal?: AbortSignal;
	onProgress?: (progress: ForecastProgress) => void;
}

/**
 * Forecast of hourly contacts, total and per channel, for `weeks` weeks after the last whole
 * local day of data, with the auto selector's backtest as the accuracy table. Cached in the
 * results table by options and data version.
 */
export async function runForecast(
	db: ServiceLensDb,
	options: RunForecastOptions
): Promise<Result<ForecastResult>> {
	const { signal, onProgress } = options;
	const weeks = Math.min(8, Math.max(1, Math.round(options.weeks)));
	const key = { weeks, timeZone: options.timeZone };
	try {
		const cached = await cachedForecast(db, key);
		if (cached) return ok(cached);
		const dataVersion = await forecastDataVersion(db);
		const calendar = await forecastCalendar(db, options.timeZone);
		const tickets = await loadCommittedTickets(db);
		signal?.throwIfAborted();
		const hourly = hourlyContacts(tickets, options.timeZone, { wholeDays: true });
		if (hourly.hours < 2 * 24)
			return fail('no_rows', 'Not enough history: at least two whole days.');
		const horizon = weeks * 168;
		const days = hourly.hours / 24;
		const channels = hourly.channels
			.filter(({ counts }) => sum(counts) / days >= MIN_CHANNEL_CONTACTS_PER_DAY)
			.sort((a, b) => sum(b.counts) - sum(a.counts))
			.slice(0, MAX_CHANNELS);
		const wallEvents = calendar.map((record) => toWallEvent(record, options.timeZone));
		const windows = eventWindows(wallEvents, hourly.startWallMs, hourly.hours + horizon);
		const jobs = [
			{ name: 'total', counts: hourly.total },
			...channels.map(({ channel, counts }) => ({ name: channel, counts }))
		];
		const series: SeriesForecast[] = [];
		let accuracy: MethodAccuracy[] = [];
		let chosen = '';
		let reason: ChoiceReason = { kind: 'short-history' };
		for (const [index, job] of jobs.entries()) {
			const report = (fraction: number) =>
				onProgress?.({ fraction: (index + Math.min(1, fraction)) / jobs.length, series: job.name });
			report(0);
			const fitted = await fitSeries(job.counts, horizon, windows, index === 0, signal, report);
			series.push({
				name: job.name,
				method: fitted.method,
				history: Array.from(
					job.counts.subarray(Math.max(0, job.counts.length - HISTORY_TAIL_HOURS))
				),
				...bands(fitted.forecast),
				accuracy: fitted.accuracy,
				reason: fitted.reason,
				effects: estimateEventEffects(job.counts, windows)
			});
			if (index === 0) {
				accuracy = fitted.accuracy;
				chosen = fitted.method;
				reason = fitted.reason;
			}
		}
		signal?.throwIfAborted();
		const forecastStartWallMs = hourly.startWallMs + hourly.hours * HOUR_MS;
		const historyStartWallMs = forecastStartWallMs - (series[0]?.history.length ?? 0) * HOUR_MS;
		const forecastEndWallMs = forecastStartWallMs + horizon * HOUR_MS;
		const result: ForecastResult = {
			weeks,
			horizon,
			timeZone: options.timeZone,
			historyStartWallMs,
			forecastStartWallMs,
			fittedHours: hourly.hours,
			series,
			accuracy,
			chosen,
			reason,
			events: wallEvents.filter(
				(event) => event.endWallMs > historyStartWallMs && event.startWallMs < forecastEndWallMs
			),
			eventsKey: eventsFingerprint(calendar),
			measuredLiveHandle: measureLiveHandleTime(tickets),
			computedAtMs: Date.now(),
			fromCache: false
		};
		// One stored result per horizon and zone: drop those fitted with other events.
		const currentKey = forecastCacheKey(key, eventsFingerprint(calendar));
		await db.results
			.where('key')
			.startsWith(currentKey.slice(0, currentKey.lastIndexOf(':ev-') + 4))
			.and((record) => record.key !== currentKey)
			.delete();
		await db.results.put({
			key: currentKey,
			dataVersion,
			computedAtMs: result.computedAtMs,
			value: result
		});
		onProgress?.({ fraction: 1, series: 'total' });
		return ok(result);
	} catch (error) {
		if (signal?.aborted) return fail('cancelled', 'Forecast cancelled.');
		return fail('internal', error instanceof Error ? error.message : String(error));
	}
}

function sum(values: Float64Array): number {
	let total = 0;
	for (const value of values) total += value;
	return total;
}

function bands(
	forecast: Forecast
): Pick<SeriesForecast, 'mean' | 'lower80' | 'upper80' | 'lower95' | 'upper95'> {
	const level = (percent: number) =>
		forecast.intervals.find((interval) => interval.level === percent);
	const clamp = (values: ArrayLike<number> | undefined, fallback: Float64Array) =>
		Array.from(values ?? fallback, (value) => (Number.isFinite(value) ? Math.max(0, value) : 0));
	return {
		mean: clamp(forecast.mean, forecast.mean),
		lower80: clamp(level(80)?.lower, forecast.mean),
		upper80: clamp(level(80)?.upper, forecast.mean),
		lower95: clamp(level(95)?.lower, forecast.mean),
		upper95: clamp(level(95)?.upper, forecast.mean)
	};
}

/** Yields to the event loop so that a cancel message (and progress) can get through. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The statistical candidates plus the tfjs network, which joins on long enough series. */
type PipelineCandidate = CandidateName | 'mlp';
/** History the network needs before it joins the backtest: its inputs plus 4 weeks of windows. */
const MLP_MIN_HOURS = 6 * 168;

/**
 * The network trains for seconds per fit (three fits a series), so it is tried on the total
 * only; the channels, which feed the live staffing, use the statistical candidates.
 */
function candidatesFor(
	length: number,
	horizon: number,
	origins: number,
	neural: boolean
): PipelineCandidate[] {
	const earliestOrigin = length - origins * horizon;
	return neural && earliestOrigin >= MLP_MIN_HOURS
		? [...DEFAULT_CANDIDATES, 'mlp']
		: [...DEFAULT_CANDIDATES];
}

interface BacktestForecast {
	name: PipelineCandidate;
	end: number;
	mean: Float64Array;
}

/**
 * A candidate as the auto selector builds it (an `auto` with that one candidate and no
 * backtest), recording its backtest forecasts so that sMAPE can be reported beside MASE.
 */
class RecordingCandidate implements Forecaster {
	readonly kind = 'auto';
	readonly #inner: Forecaster;
	#end = 0;
	constructor(
		readonly name: PipelineCandidate,
		readonly seriesLength: number,
		readonly windows: readonly EventWindow[],
		readonly records: BacktestForecast[],
		readonly signal: AbortSignal | undefined,
		readonly onFitted: () => void
	) {
		// Events are learnt per fit, so a backtest origin only knows the events before it.
		this.#inner = new EventAdjustedForecaster(
			name === 'mlp'
				? new MlpForecaster()
				: createAutoForecaster({ candidates: [name], origins: 0 }),
			windows
		);
	}
	async fit(series: Float64Array, options?: FitOptions): Promise<void> {
		await yieldToEventLoop();
		this.signal?.throwIfAborted();
		this.#end = series.length;
		await this.#inner.fit(series, options);
		this.onFitted();
	}
	predict(horizon: number, levels?: number[]): Forecast {
		const forecast = this.#inner.predict(horizon, levels);
		if (this.#end < this.seriesLength)
			this.records.push({ name: this.name, end: this.#end, mean: forecast.mean });
		return forecast;
	}
	dispose(): void {
		this.#inner.dispose();
	}
}

async function fitSeries(
	counts: Float64Array,
	horizon: number,
	windows: readonly EventWindow[],
	neural: boolean,
	signal: AbortSignal | undefined,
	report: (fraction: number) => void
): Promise<{
	forecast: Forecast;
	method: string;
	accuracy: MethodAccuracy[];
	reason: ChoiceReason;
}> {
	const records: BacktestForecast[] = [];
	const origins = 2;
	const candidates = candidatesFor(counts.length, horizon, origins, neural);
	const expectedFits = origins * candidates.length + 2;
	let fits = 0;
	const auto = new AutoForecaster<PipelineCandidate>(
		{ candidates, origins, period: 24, horizon },
		(name) =>
			new RecordingCandidate(name, counts.length, windows, records, signal, () =>
				report(++fits / expectedFits)
			)
	);
	try {
		await auto.fit(counts, { horizon });
		signal?.throwIfAborted();
		const forecast = auto.predict(horizon, [80, 95]);
		const selection = auto.selection!;
		const method =
			selection.combiner === 'single'
				? selection.members[0]!
				: `${selection.combiner}(${selection.members.join(',')})`;
		const accuracy = accuracyTable(counts, horizon, records, selection.backtest, method);
		const ranked = accuracy
			.filter((row) => Number.isFinite(row.mase) && row.method !== method)
			.sort((a, b) => a.mase - b.mase);
		const ends = new Set(records.map((record) => record.end));
		const reason: ChoiceReason =
			ends.size === 0
				? { kind: 'short-history' }
				: {
						kind: 'lowest-mase',
						origins: ends.size,
						runnerUp: ranked[0]?.method ?? null,
						runnerUpMase: ranked[0]?.mase ?? null
					};
		return { forecast, method, accuracy, reason };
	} finally {
		auto.dispose();
	}
}

/** MASE from the selector, sMAPE recomputed from the recorded backtest forecasts. */
function accuracyTable(
	counts: Float64Array,
	horizon: number,
	records: BacktestForecast[],
	backtest: Record<string, number>,
	chosen: string
): MethodAccuracy[] {
	const ends = [...new Set(records.map((record) => record.end))];
	const forecastOf = (name: string, end: number) =>
		records.find((record) => record.name === name && record.end === end)?.mean;
	const membersOf = (method: string): { combiner: 'mean' | 'median' | null; members: string[] } => {
		const match = /^(mean|median)\((.*)\)$/.exec(method);
		return match
			? { combiner: match[1] as 'mean' | 'median', members: match[2]!.split(',') }
			: { combiner: null, members: [method] };
	};
	return Object.entries(backtest).map(([method, mase]) => {
		const { combiner, members } = membersOf(method);
		let total = 0;
		let scored = 0;
		for (const end of ends) {
			const forecasts = members.map((name) => forecastOf(name, end));
			if (forecasts.some((forecast) => !forecast)) continue;
			const point = combiner
				? combinePoints(forecasts as Float64Array[], combiner)
				: (forecasts[0] as Float64Array);
			total += smape(counts.subarray(end, end + horizon), point);
			scored++;
		}
		return { method, mase, smape: scored > 0 ? total / scored : NaN, chosen: method === chosen };
	});
}
