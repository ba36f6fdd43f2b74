import { proxy } from 'comlink';
import { analyzeWorker } from '$lib/bridge/workers';
import { forecastCsv } from '$lib/core/staffing/forecast-csv';
import {
	DEFAULT_STAFFING,
	staffForecast,
	type StaffingHour,
	type StaffingParams
} from '$lib/core/staffing/week-staffing';
import { openingHoursMask } from '$lib/core/staffing/opening-mask';
import { HOUR_MS } from '$lib/core/series/hourly-contacts';
import { defaultServiceSettings } from '$lib/core/model/service-settings';
import type { JobError } from '$lib/pipeline/result';
import { serviceSettings } from './service-settings.svelte';
import type { ForecastProgress, ForecastResult } from '$lib/pipeline/forecast';

export type ForecastState = 'idle' | 'running' | 'done' | 'error';

/**
 * The Forecast page's state: the run in the analysis worker (progress, cancel, cached result)
 * and the staffing what-ifs, recomputed on the main thread (168 Erlang C evaluations).
 */
class ForecastManager {
	#state = $state<ForecastState>('idle');
	#result = $state.raw<ForecastResult | null>(null);
	#progress = $state.raw<ForecastProgress | null>(null);
	#error = $state.raw<JobError | null>(null);
	#requestId = 0;
	weeks = $state(1);
	params = $state<StaffingParams>({ ...DEFAULT_STAFFING });
	/** Series shown in the chart: 'total' or a channel. */
	seriesName = $state('total');
	/**
	 * Open hours from the Settings schedule (the defaults until it has loaded) for the history
	 * the backlog looks back on and the staffed week.
	 */
	readonly openMask: Uint8Array | undefined = $derived.by(() => {
		const result = this.#result;
		if (!result) return undefined;
		const { week, holidays } = serviceSettings.settings ?? defaultServiceSettings();
		const lead = result.series[0]?.history.length ?? 0;
		return openingHoursMask(
			result.forecastStartWallMs - lead * HOUR_MS,
			lead + 168,
			week,
			holidays
		);
	});
	readonly staffing: StaffingHour[] = $derived(
		this.#result ? staffForecast(this.#result.series, this.params, 168, this.openMask) : []
	);

	get state(): ForecastState {
		return this.#state;
	}
	get result(): ForecastResult | null {
		return this.#result;
	}
	get progress(): ForecastProgress | null {
		return this.#progress;
	}
	get error(): JobError | null {
		return this.#error;
	}

	/** Shows the stored forecast for the current weeks and zone, if the data has not changed. */
	async loadCached(timeZone: string): Promise<void> {
		if (this.#state === 'running') return;
		const requestId = ++this.#requestId;
		try {
			const cached = await analyzeWorker().cachedForecast({ weeks: this.weeks, timeZone });
			if (requestId !== this.#requestId) return;
			this.#result = cached;
			this.#error = null;
			this.#state = cached ? 'done' : 'idle';
		} catch (error) {
			if (requestId !== this.#requestId) return;
			this.#fail({
				code: 'internal',
				message: error instanceof Error ? error.message : String(error)
			});
		}
	}

	async run(timeZone: string): Promise<void> {
		const requestId = ++this.#requestId;
		this.#state = 'running';
		this.#error = null;
		this.#progress = { fraction: 0, series: 'total' };
		try {
			const result = await analyzeWorker().forecast(
				{ weeks: this.weeks, timeZone },
				proxy((progress: ForecastProgress) => {
					if (requestId === this.#requestId) this.#progress = progress;
				})
			);
			if (requestId !== this.#requestId) return;
			if (result.ok) {
				this.#result = result.value;
				this.#state = 'done';
			} else if (result.error.code === 'cancelled') {
				this.#error = result.error;
				this.#state = this.#result ? 'done' : 'idle';
			} else this.#fail(result.error);
		} catch (error) {
			if (requestId !== this.#requestId) return;
			this.#fail({
				code: 'internal',
				message: error instanceof Error ? error.message : String(error)
			});
		} finally {
			if (requestId === this.#requestId) this.#progress = null;
		}
	}

	cancel(): void {
		void analyzeWorker().cancelForecast();
	}

	downloadCsv(): void {
		const result = this.#result;
		if (!result) return;
		const text = forecastCsv(result.forecastStartWallMs, result.series, this.staffing);
		const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
		const link = document.createElement('a');
		link.href = url;
		link.download = `forecast-${result.weeks}w.csv`;
		link.click();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}

	#fail(error: JobError): void {
		this.#error = error;
		this.#state = 'error';
	}
}

export const forecast = new ForecastManager();
