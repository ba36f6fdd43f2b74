/**
 * Erlang A (M/M/N+M, Palm's model): Erlang C plus abandonment. Customers who wait give up
 * after an exponential patience with mean `patienceSeconds`, which is how chat behaves (a
 * customer closes the widget). Pure functions; rates per hour, times in seconds.
 *
 * The number in the system is a birth-death chain: arrivals λ, departures min(k, N)·μ +
 * max(0, k − N)·θ (service μ = 1/AHT, abandonment θ = 1/patience). It is stable for any N,
 * so unlike Erlang C an overloaded hour still has a finite queue.
 */

export interface ErlangAResult {
	/** Share of arrivals that wait at all (all servers busy on arrival, PASTA). */
	waitProbability: number;
	/** Share of arrivals that give up before being served: θ·E[queue] / λ. */
	abandonProbability: number;
	/** Share of arrivals answered within the target time (abandoners count as not answered). */
	serviceLevel: number;
	/** Mean number waiting. */
	meanQueue: number;
	/** Busy agents ÷ agents: λ(1 − P(abandon))·AHT / N. */
	occupancy: number;
}

/** Queue states past this probability mass are dropped (the chain is truncated there). */
const TAIL_MASS = 1e-13;
/** Longest queue modelled; beyond it the overloaded limit applies. */
const MAX_QUEUE = 20_000;

/**
 * Erlang A figures for `agents` agents. Service level by uniformisation of the tagged
 * customer's climb through the queue: with i customers ahead it moves up at rate N·μ + i·θ
 * (a service ends or one ahead gives up) and leaves at rate θ (gives up itself).
 */
export function erlangA(
	agents: number,
	contactsPerHour: number,
	handleSeconds: number,
	patienceSeconds: number,
	targetSeconds: number
): ErlangAResult {
	const lambda = Math.max(0, contactsPerHour) / 3600; // per second
	const mu = 1 / handleSeconds;
	const theta = 1 / patienceSeconds;
	const n = Math.max(0, Math.floor(agents));
	if (lambda === 0)
		return {
			waitProbability: 0,
			abandonProbability: 0,
			serviceLevel: 1,
			meanQueue: 0,
			occupancy: 0
		};
	// Overloaded with (almost) endless patience the queue only stops growing once k·θ ≈ λ − Nμ:
	// return that limit (everyone waits, the excess gives up, nobody is answered in time).
	if (n * mu <= lambda && (lambda - n * mu) / theta > MAX_QUEUE)
		return {
			waitProbability: 1,
			abandonProbability: 1 - (n * mu) / lambda,
			serviceLevel: 0,
			meanQueue: (lambda - n * mu) / theta,
			occupancy: n > 0 ? 1 : 0
		};
	// Stationary distribution in logs (loads of hundreds of erlangs overflow otherwise).
	const logP: number[] = [0];
	let maxLog = 0;
	for (let k = 1; ; k++) {
		const death = Math.min(k, n) * mu + Math.max(0, k - n) * theta;
		const next = logP[k - 1]! + Math.log(lambda) - Math.log(death);
		logP.push(next);
		maxLog = Math.max(maxLog, next);
		// Past the mode (births < deaths) the terms fall geometrically: stop when negligible.
		if (k > n && lambda < death && next - maxLog < Math.log(TAIL_MASS)) break;
		if (k > n + 4 * MAX_QUEUE) break;
	}
	const weights = logP.map((value) => Math.exp(value - maxLog));
	const total = weights.reduce((a, b) => a + b, 0);
	const p = weights.map((weight) => weight / total);
	let waitProbability = 0;
	let meanQueue = 0;
	for (let k = n; k < p.length; k++) {
		waitProbability += p[k]!;
		meanQueue += (k - n) * p[k]!;
	}
	const abandonProbability = Math.min(1, (theta * meanQueue) / lambda);
	const queueLength = p.length - n; // arrivals can find 0 … queueLength − 1 ahead
	const answered = answeredWithin(n * mu, theta, queueLength, targetSeconds);
	let serviceLevel = 0;
	for (let k = 0; k < n; k++) serviceLevel += p[k]!;
	for (let j = 0; j < queueLength; j++) serviceLevel += p[n + j]! * answered[j]!;
	const occupancy = n > 0 ? Math.min(1, (lambda * (1 - abandonProbability)) / (n * mu)) : 0;
	return {
		waitProbability,
		abandonProbability,
		serviceLevel: Math.min(1, serviceLevel),
		meanQueue,
		occupancy
	};
}

/**
 * P(served within `targetSeconds`) for a customer arriving with j = 0 … size − 1 customers
 * ahead, by uniformisation: Σ_m Poisson(m; ΛT) · g_m(j), where g_m(j) is the chance of being
 * served within m jumps of the embedded chain.
 */
function answeredWithin(
	serviceRate: number,
	theta: number,
	size: number,
	targetSeconds: number
): Float64Array {
	const result = new Float64Array(size);
	if (size === 0 || targetSeconds <= 0 || serviceRate <= 0) return result;
	const uniform = serviceRate + size * theta;
	const mean = uniform * targetSeconds;
	const maxJumps = Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
	let g = new Float64Array(size);
	let next = new Float64Array(size);
	// Poisson weights in logs (ΛT can be large).
	let logWeight = -mean;
	for (let m = 1; m <= maxJumps; m++) {
		for (let i = 0; i < size; i++) {
			const forward = (serviceRate + i * theta) / uniform;
			const stay = 1 - forward - theta / uniform;
			next[i] = forward * (i === 0 ? 1 : g[i - 1]!) + stay * g[i]!;
		}
		[g, next] = [next, g];
		logWeight += Math.log(mean) - Math.log(m);
		const weight = Math.exp(logWeight);
		for (let i = 0; i < size; i++) result[i]! += weight * g[i]!;
	}
	return result;
}

export interface ErlangATarget {
	serviceLevel: number;
	targetSeconds: number;
	handleSeconds: number;
	patienceSeconds: number;
	occupancyCap: number;
}

/**
 * Fewest agents for a live channel under Erlang A: the smallest N with service level ≥ target
 * and occupancy ≤ cap. 0 when nothing arrives; at least 1 otherwise.
 */
export function requiredAgentsErlangA(contactsPerHour: number, target: ErlangATarget): number {
	const erlangs = (Math.max(0, contactsPerHour) * target.handleSeconds) / 3600;
	if (!(erlangs > 0)) return 0;
	const cap = Math.min(1, Math.max(0.05, target.occupancyCap));
	const wanted = Math.min(target.serviceLevel, 0.999999);
	// At most N·μ/λ of the arrivals can be served, so fewer than target × A agents never do.
	for (let agents = Math.max(1, Math.ceil(wanted * erlangs)); agents < erlangs + 10_000; agents++) {
		const result = erlangA(
			agents,
			contactsPerHour,
			target.handleSeconds,
			target.patienceSeconds,
			target.targetSeconds
		);
		if (result.serviceLevel >= wanted && result.occupancy <= cap) return agents;
	}
	return Math.ceil(erlangs + 10_000);
}
