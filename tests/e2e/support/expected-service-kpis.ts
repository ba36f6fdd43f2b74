import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * Service KPIs of a Zendesk-style CSV worked out here, independently of the app's code, from
 * the definitions in docs/metrics.md. Business time is counted minute by minute on the wall
 * clock, which is exact for exports without a DST change inside (the fixtures are in July).
 */

export interface ReferenceSettings {
	/** Monday first: [openMinute, closeMinute] or null (closed). */
	week: ([number, number] | null)[];
	holidays: string[];
	/** Hours per channel (unknown → other) and priority (unknown → normal). */
	firstResponseHours: (channel: string, priority: string) => number | null;
	resolutionHours: (channel: string, priority: string) => number | null;
	slaInBusinessHours: boolean;
}

const DEFAULT_FIRST_RESPONSE: Record<string, number> = {
	email: 24,
	chat: 1,
	phone: 1,
	social: 4,
	web: 24,
	api: 24,
	other: 24
};
const DEFAULT_RESOLUTION: Record<string, number> = {
	email: 72,
	chat: 24,
	phone: 24,
	social: 48,
	web: 72,
	api: 72,
	other: 72
};

export const REFERENCE_DEFAULTS: ReferenceSettings = {
	week: [[540, 1020], [540, 1020], [540, 1020], [540, 1020], [540, 1020], null, null],
	holidays: [],
	firstResponseHours: (channel) => DEFAULT_FIRST_RESPONSE[channel] ?? 24,
	resolutionHours: (channel) => DEFAULT_RESOLUTION[channel] ?? 72,
	slaInBusinessHours: false
};

interface Row {
	createdWall: number;
	firstReplyMinutes: number | null;
	resolutionMinutes: number | null;
	solvedWall: number | null;
	resolved: boolean;
	channel: string;
	priority: string;
	replies: number | null;
	reopens: number | null;
}

const MINUTE = 60_000;

/** "2026-07-03 16:30:00" read as a wall-clock time (ms as if UTC). */
const wall = (text: string | undefined): number | null => {
	if (!text) return null;
	const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
	return Number.isNaN(ms) ? null : ms;
};
const number = (text: string | undefined): number | null =>
	text === undefined || text === '' ? null : Number(text);

function readRows(path: string): Row[] {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const byId = new Map<string, Record<string, string>>();
	for (const row of parsed.data) {
		if (wall(row['Created at']) === null) continue;
		const merged = { ...(byId.get(row['Id'] ?? '') ?? {}) };
		for (const [key, value] of Object.entries(row)) if (value !== '') merged[key] = value;
		byId.set(row['Id'] ?? '', merged);
	}
	const channels: Record<string, string> = { email: 'email', chat: 'chat', 'web form': 'web' };
	return [...byId.values()].map((t) => ({
		createdWall: wall(t['Created at']) ?? 0,
		firstReplyMinutes: number(t['First reply time in minutes']),
		resolutionMinutes: number(t['Full resolution time in minutes']),
		solvedWall: wall(t['Solved at']),
		resolved: ['Solved', 'Closed'].includes(t['Status'] ?? ''),
		channel: channels[(t['Via'] ?? '').toLowerCase()] ?? 'other',
		priority: (t['Priority'] ?? 'normal').toLowerCase() || 'normal',
		replies: number(t['Replies']),
		reopens: number(t['Reopens'])
	}));
}

/** Open minutes in [start, end) on the wall clock, stepping one minute at a time. */
function businessMinutes(start: number, end: number, settings: ReferenceSettings): number {
	let minutes = 0;
	for (let t = start; t < end; t += MINUTE) {
		const date = new Date(t);
		if (settings.holidays.includes(date.toISOString().slice(0, 10))) continue;
		const window = settings.week[(date.getUTCDay() + 6) % 7];
		const minuteOfDay = date.getUTCHours() * 60 + date.getUTCMinutes();
		if (window && minuteOfDay >= window[0] && minuteOfDay < window[1]) minutes++;
	}
	return minutes;
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const h = (sorted.length - 1) / 2;
	const lo = Math.floor(h);
	return (sorted[lo] ?? 0) + (h - lo) * ((sorted[Math.ceil(h)] ?? 0) - (sorted[lo] ?? 0));
}

/**
 * Open tickets at the end of each wall-clock day, from the first creation day to the last
 * event day: created by then minus solved (by "Solved at") by then.
 */
export function expectedDailyOpen(path: string): { day: string; open: number }[] {
	const rows = readRows(path);
	const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	const first = Math.min(...rows.map((r) => r.createdWall));
	const last = Math.max(...rows.flatMap((r) => [r.createdWall, r.solvedWall ?? -Infinity]));
	const out: { day: string; open: number }[] = [];
	for (let day = Date.parse(`${dayOf(first)}T00:00Z`); day <= last; day += 86_400_000) {
		const end = day + 86_400_000;
		const created = rows.filter((r) => r.createdWall < end).length;
		const solved = rows.filter((r) => r.resolved && (r.solvedWall ?? Infinity) < end).length;
		out.push({ day: dayOf(day), open: created - solved });
	}
	return out;
}

export function expectedServiceKpis(
	path: string,
	settings: ReferenceSettings = REFERENCE_DEFAULTS
): Record<string, number | null> {
	const rows = readRows(path);
	const solved = rows.filter((r) => r.resolved);
	const asOf = Math.max(
		...rows.flatMap((r) => [
			r.createdWall,
			r.firstReplyMinutes === null ? -Infinity : r.createdWall + r.firstReplyMinutes * MINUTE,
			r.solvedWall ?? -Infinity
		])
	);
	const businessSeconds = (start: number, minutes: number) =>
		businessMinutes(start, start + minutes * MINUTE, settings) * 60;
	const withReplies = solved.filter((r) => r.replies !== null);
	const withReopens = solved.filter((r) => r.reopens !== null);

	const sla = (kind: 'first' | 'resolution') => {
		let met = 0;
		let breached = 0;
		for (const r of rows) {
			const hours =
				kind === 'first'
					? settings.firstResponseHours(r.channel, r.priority)
					: settings.resolutionHours(r.channel, r.priority);
			if (hours === null) continue;
			const stated =
				kind === 'first' ? r.firstReplyMinutes : r.resolved ? r.resolutionMinutes : null;
			let minutes: number;
			let waiting = false;
			if (stated !== null) minutes = stated;
			else if (!r.resolved) {
				minutes = (asOf - r.createdWall) / MINUTE;
				waiting = true;
			} else continue;
			const elapsedSeconds = settings.slaInBusinessHours
				? businessSeconds(r.createdWall, minutes)
				: minutes * 60;
			if (elapsedSeconds > hours * 3600) breached++;
			else if (!waiting) met++;
		}
		return met + breached === 0 ? null : met / (met + breached);
	};

	return {
		solved_tickets: solved.length,
		backlog_open: rows.length - solved.length,
		first_response_business_median_s: median(
			rows
				.filter((r) => r.firstReplyMinutes !== null)
				.map((r) => businessSeconds(r.createdWall, r.firstReplyMinutes ?? 0))
		),
		resolution_business_median_s: median(
			solved
				.filter((r) => r.resolutionMinutes !== null)
				.map((r) => businessSeconds(r.createdWall, r.resolutionMinutes ?? 0))
		),
		one_touch_rate:
			withReplies.length === 0
				? null
				: withReplies.filter((r) => (r.replies ?? 0) <= 1).length / withReplies.length,
		reopen_rate:
			withReopens.length === 0
				? null
				: withReopens.filter((r) => (r.reopens ?? 0) >= 1).length / withReopens.length,
		replies_median: median(withReplies.map((r) => r.replies ?? 0)),
		replies_mean:
			withReplies.length === 0
				? null
				: withReplies.reduce((sum, r) => sum + (r.replies ?? 0), 0) / withReplies.length,
		sla_first_response_rate: sla('first'),
		sla_resolution_rate: sla('resolution')
	};
}
