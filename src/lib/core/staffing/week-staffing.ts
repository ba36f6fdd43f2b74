import { requiredAgentsErlangA } from './erlang-a';
import { backlogAgents, requiredAgents, scheduledAgents } from './erlang-c';

/** Channels answered while the customer waits (Erlang C); the others are a backlog. */
export const LIVE_CHANNELS: readonly string[] = ['chat', 'phone'];

export interface StaffingParams {
	/** Share of live contacts to answer within `targetSeconds` (0–1). */
	serviceLevel: number;
	targetSeconds: number;
	/** Average handle time of live contacts (chat, phone), s. */
	liveHandleSeconds: number;
	/** Average handle time of deferred contacts (e-mail, web forms, …), s. */
	deferredHandleSeconds: number;
	/** Deferred contacts are answered within this many hours (the e-mail SLA). */
	deferredWindowHours: number;
	/** Highest share of on-seat time spent handling contacts (0–1). */
	occupancyCap: number;
	/** Share of paid time away from contacts: breaks, meetings, training (0–1). */
	shrinkage: number;
	/**
	 * Where the opening hours come from: the Settings schedule (week days, holidays; passed to
	 * staffing as an hourly mask) or the what-if window below, the same every day.
	 */
	hoursFrom: 'settings' | 'custom';
	/**
	 * What-if opening hours, local clock (0–24): live channels are answered only then, and the
	 * backlog is worked only then. Contacts outside them wait for the next opening.
	 */
	openFromHour: number;
	openToHour: number;
	/** Queue model of live channels: Erlang C, or Erlang A with customers giving up. */
	liveModel: 'erlang-c' | 'erlang-a';
	/** Erlang A: mean time a waiting chat/phone customer stays before giving up, s. */
	patienceSeconds: number;
	/** Staff for the forecast median ('mean') or its upper 80 % bound ('upper80'). */
	staffFrom: 'mean' | 'upper80';
}

export const DEFAULT_STAFFING: StaffingParams = {
	serviceLevel: 0.8,
	targetSeconds: 60,
	liveHandleSeconds: 6 * 60,
	deferredHandleSeconds: 8 * 60,
	deferredWindowHours: 24,
	occupancyCap: 0.85,
	shrinkage: 0.3,
	hoursFrom: 'settings',
	// A small shop's day; 0-24 for round-the-clock support.
	openFromHour: 8,
	openToHour: 20,
	liveModel: 'erlang-c',
	// Chat customers who wait typically give up after a minute or two.
	patienceSeconds: 120,
	staffFrom: 'mean'
};

/** Whether a local hour of day (0-23) is inside the opening hours. */
export function isOpenHour(hourOfDay: number, params: StaffingParams): boolean {
	return hourOfDay >= params.openFromHour && hourOfDay < params.openToHour;
}

export interface StaffingHour {
	liveAgents: number;
	deferredAgents: number;
	/** Agents to schedule: (live + deferred on seat) inflated by shrinkage, rounded up. */
	agents: number;
}

/**
 * Agents per hour for `live.length` hours, the first of which starts at local midnight.
 * `deferred` holds the deferred contacts per hour with `deferredLead` (whole days) of
 * history before the first staffed hour, so the backlog window at the start of the week
 * sees the work that arrived just before it. Live contacts outside the opening hours join
 * the backlog; the backlog's work is spread over the open hours of its window.
 * `openMask` (1 = open) covers the same hours as `deferred`; it is used when the params take
 * their hours from Settings, otherwise the what-if window applies to every day.
 */
export function staffHours(
	live: ArrayLike<number>,
	deferred: ArrayLike<number>,
	deferredLead: number,
	params: StaffingParams,
	openMask?: ArrayLike<number>
): StaffingHour[] {
	const target = {
		serviceLevel: params.serviceLevel,
		targetSeconds: params.targetSeconds,
		handleSeconds: params.liveHandleSeconds,
		occupancyCap: params.occupancyCap,
		patienceSeconds: params.patienceSeconds
	};
	const liveAgentsFor =
		params.liveModel === 'erlang-a'
			? (contacts: number) => requiredAgentsErlangA(contacts, target)
			: (contacts: number) => requiredAgents(contacts, target);
	const hourOfDay = (deferredIndex: number) => (((deferredIndex - deferredLead) % 24) + 24) % 24;
	const isOpen =
		params.hoursFrom === 'settings' && openMask
			? (index: number) => (openMask[index] ?? 0) === 1
			: (index: number) => isOpenHour(hourOfDay(index), params);
	const backlog = Float64Array.from({ length: deferred.length }, (_, k) => deferred[k] ?? 0);
	for (let i = 0; i < live.length; i++)
		if (!isOpen(deferredLead + i)) backlog[deferredLead + i]! += live[i] ?? 0;
	const window = Math.max(1, Math.round(params.deferredWindowHours));
	const hours: StaffingHour[] = [];
	for (let i = 0; i < live.length; i++) {
		const index = deferredLead + i;
		if (!isOpen(index)) {
			hours.push({ liveAgents: 0, deferredAgents: 0, agents: 0 });
			continue;
		}
		const liveAgents = liveAgentsFor(live[i] ?? 0);
		let openHours = 0;
		for (let k = index - window + 1; k <= index; k++) if (isOpen(k)) openHours++;
		// The window's work is done in its open hours: scale the all-hours rate up to them.
		const deferredAgents =
			(backlogAgents(
				backlog,
				index,
				params.deferredWindowHours,
				params.deferredHandleSeconds,
				params.occupancyCap
			) *
				window) /
			Math.max(1, openHours);
		hours.push({
			liveAgents,
			deferredAgents,
			agents: scheduledAgents(liveAgents + deferredAgents, params.shrinkage)
		});
	}
	return hours;
}

/** The parts of a forecast series staffing needs (total first, then channels). */
export interface StaffingSeries {
	name: string;
	history: readonly number[];
	mean: readonly number[];
	/** Upper 80 % bound, used when `staffFrom` is 'upper80'. */
	upper80?: readonly number[];
}

/**
 * Staffing for the first `hours` forecast hours: live = the chat/phone forecasts, deferred =
 * total minus live (so channels too small for their own forecast count as a backlog), with the
 * history before the forecast as the backlog's lead-in. With `staffFrom: 'upper80'` each live
 * channel uses its own upper 80 % bound, and the backlog is scaled by the total's
 * upper-bound-to-median ratio of that hour (bounds of parts do not add up to the bound of a sum,
 * so this is a per-hour heuristic, not a joint bound). `openMask` (see `staffHours`) starts
 * at the first history hour.
 */
export function staffForecast(
	series: readonly StaffingSeries[],
	params: StaffingParams,
	hours = 168,
	openMask?: ArrayLike<number>
): StaffingHour[] {
	const total = series[0];
	if (!total) return [];
	const n = Math.min(hours, total.mean.length);
	const liveSeries = series.slice(1).filter((s) => LIVE_CHANNELS.includes(s.name));
	const lead = total.history.length;
	const live = new Float64Array(n);
	const deferred = new Float64Array(lead + n);
	for (let i = 0; i < lead; i++) {
		let liveHistory = 0;
		for (const s of liveSeries) liveHistory += s.history[s.history.length - lead + i] ?? 0;
		deferred[i] = Math.max(0, (total.history[i] ?? 0) - liveHistory);
	}
	const upper = params.staffFrom === 'upper80';
	for (let i = 0; i < n; i++) {
		let liveMean = 0;
		for (const s of liveSeries) {
			liveMean += s.mean[i] ?? 0;
			live[i]! += (upper ? s.upper80?.[i] : undefined) ?? s.mean[i] ?? 0;
		}
		const totalMean = total.mean[i] ?? 0;
		const deferredMean = Math.max(0, totalMean - liveMean);
		const ratio = upper && totalMean > 0 ? (total.upper80?.[i] ?? totalMean) / totalMean : 1;
		deferred[lead + i] = deferredMean * Math.max(1, ratio);
	}
	return staffHours(live, deferred, lead, params, openMask);
}

/** The headline of a staffing plan: its busiest hour and the agent-hours to schedule. */
export function staffingSummary(hours: readonly StaffingHour[]): {
	peakAgents: number;
	agentHours: number;
} {
	let peakAgents = 0;
	let agentHours = 0;
	for (const hour of hours) {
		peakAgents = Math.max(peakAgents, hour.agents);
		agentHours += hour.agents;
	}
	return { peakAgents, agentHours };
}
