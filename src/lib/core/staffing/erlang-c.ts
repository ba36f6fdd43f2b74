/**
 * Erlang C staffing for live channels (chat, phone) and a backlog rule for deferred ones
 * (e-mail). Pure functions; all rates per hour, times in seconds.
 */

/**
 * Erlang C: probability that a contact waits, with `agents` servers and `erlangs` = arrival
 * rate × handle time offered load. Computed from the Erlang B recursion
 * B(k) = A·B(k−1) / (k + A·B(k−1)), which stays in [0, 1] (no factorials, no overflow), then
 * C = N·B / (N − A·(1 − B)). 1 when the queue is unstable (N ≤ A).
 */
export function erlangC(agents: number, erlangs: number): number {
	if (erlangs <= 0) return 0;
	if (agents <= erlangs) return 1;
	let b = 1;
	for (let k = 1; k <= agents; k++) b = (erlangs * b) / (k + erlangs * b);
	return (agents * b) / (agents - erlangs * (1 - b));
}

/** Share of contacts answered within `targetSeconds`: 1 − C·e^(−(N − A)·T / AHT). */
export function serviceLevel(
	agents: number,
	contactsPerHour: number,
	handleSeconds: number,
	targetSeconds: number
): number {
	const erlangs = (contactsPerHour * handleSeconds) / 3600;
	if (erlangs <= 0) return 1;
	if (agents <= erlangs) return 0;
	const waitProbability = erlangC(agents, erlangs);
	return 1 - waitProbability * Math.exp((-(agents - erlangs) * targetSeconds) / handleSeconds);
}

export interface LiveStaffingTarget {
	/** Share to answer within `targetSeconds`, e.g. 0.8. */
	serviceLevel: number;
	targetSeconds: number;
	handleSeconds: number;
	/** Highest occupancy (A / N) allowed, e.g. 0.85; 1 = no cap. */
	occupancyCap: number;
}

/**
 * Fewest agents on seat for a live channel: the smallest N with service level ≥ target and
 * occupancy A/N ≤ cap. 0 when nothing arrives. Service level rises with N, so a higher target
 * never needs fewer agents.
 */
export function requiredAgents(contactsPerHour: number, target: LiveStaffingTarget): number {
	const erlangs = (Math.max(0, contactsPerHour) * target.handleSeconds) / 3600;
	if (!(erlangs > 0)) return 0;
	const cap = Math.min(1, Math.max(0.05, target.occupancyCap));
	let agents = Math.max(1, Math.ceil(erlangs / cap), Math.floor(erlangs) + 1);
	const wanted = Math.min(target.serviceLevel, 0.999999);
	// SL → 1 quickly past A, so this loop is short (a few steps beyond the load).
	while (
		serviceLevel(agents, contactsPerHour, target.handleSeconds, target.targetSeconds) < wanted &&
		agents < erlangs + 10_000
	)
		agents++;
	return agents;
}

/**
 * Deferred channel (e-mail) as a backlog to clear within its SLA window: the work arriving in
 * the last `windowHours` hours (contacts × handle time) spread evenly over the window, divided
 * by the occupancy cap. Fractional agents on seat; the caller rounds after adding channels.
 * `arrivals` are contacts per hour, oldest first; `index` is the hour staffed.
 */
export function backlogAgents(
	arrivals: ArrayLike<number>,
	index: number,
	windowHours: number,
	handleSeconds: number,
	occupancyCap: number
): number {
	const window = Math.max(1, Math.round(windowHours));
	let contacts = 0;
	for (let i = Math.max(0, index - window + 1); i <= index; i++)
		contacts += Math.max(0, arrivals[i] ?? 0);
	const workHours = (contacts * handleSeconds) / 3600;
	return workHours / window / Math.min(1, Math.max(0.05, occupancyCap));
}

/** Agents to schedule for `onSeat` agents when a share `shrinkage` (breaks, training) is away. */
export function scheduledAgents(onSeat: number, shrinkage: number): number {
	if (!(onSeat > 0)) return 0;
	const present = 1 - Math.min(0.95, Math.max(0, shrinkage));
	// Guard against 2.0000000001 → 3 from floating-point noise.
	return Math.ceil(onSeat / present - 1e-9);
}
