import { csvLine } from '../ingest/quality';
import type { StaffingHour } from './week-staffing';

const HOUR_MS = 3_600_000;

export interface CsvSeries {
	name: string;
	mean: readonly number[];
	lower80: readonly number[];
	upper80: readonly number[];
	lower95: readonly number[];
	upper95: readonly number[];
}

/** 'YYYY-MM-DD HH:00' of a wall-clock ms value (local time read as UTC). */
export function wallHourLabel(wallMs: number): string {
	return new Date(wallMs).toISOString().slice(0, 13).replace('T', ' ') + ':00';
}

const number = (value: number | undefined) =>
	value === undefined || !Number.isFinite(value) ? '' : String(Math.round(value * 100) / 100);

/**
 * The hourly forecast (every series: mean and 80/95 % bounds) and the staffing of the hours
 * that have it, one row per forecast hour, formula-safe cells.
 */
export function forecastCsv(
	forecastStartWallMs: number,
	series: readonly CsvSeries[],
	staffing: readonly StaffingHour[]
): string {
	const header = ['local_hour'];
	for (const s of series)
		for (const part of ['mean', 'lower80', 'upper80', 'lower95', 'upper95'])
			header.push(`${s.name}_${part}`);
	header.push('agents', 'agents_live_on_seat', 'agents_backlog_on_seat');
	let text = csvLine(header);
	const hours = series[0]?.mean.length ?? 0;
	for (let i = 0; i < hours; i++) {
		const row = [wallHourLabel(forecastStartWallMs + i * HOUR_MS)];
		for (const s of series)
			row.push(
				number(s.mean[i]),
				number(s.lower80[i]),
				number(s.upper80[i]),
				number(s.lower95[i]),
				number(s.upper95[i])
			);
		const staff = staffing[i];
		row.push(
			staff ? String(staff.agents) : '',
			staff ? String(staff.liveAgents) : '',
			number(staff?.deferredAgents)
		);
		text += csvLine(row);
	}
	return text;
}
