import { describe, expect, it } from 'vitest';
import { seededUniform } from '$lib/core/forecast/shared/random';
import { erlangA, requiredAgentsErlangA } from './erlang-a';
import { erlangC, requiredAgents, serviceLevel } from './erlang-c';

/**
 * An independent check: simulate M/M/N+M first come first served. Each arrival would start at
 * the earliest time a server is free; it waits for that if its patience lasts, else it leaves.
 */
function simulate(
	agents: number,
	perHour: number,
	handleSeconds: number,
	patienceSeconds: number,
	targetSeconds: number,
	arrivals: number,
	seed: number
) {
	const uniform = seededUniform(seed);
	const exponential = (mean: number) => -mean * Math.log(1 - uniform());
	const freeAt = new Float64Array(agents);
	let clock = 0;
	let waited = 0;
	let abandoned = 0;
	let answeredInTime = 0;
	for (let i = 0; i < arrivals; i++) {
		clock += exponential(3600 / perHour);
		let server = 0;
		for (let s = 1; s < agents; s++) if (freeAt[s]! < freeAt[server]!) server = s;
		const start = Math.max(clock, freeAt[server]!);
		const wait = start - clock;
		if (wait > 0) waited++;
		if (wait > exponential(patienceSeconds)) {
			abandoned++;
			continue;
		}
		if (wait <= targetSeconds) answeredInTime++;
		freeAt[server] = start + exponential(handleSeconds);
	}
	return {
		waitProbability: waited / arrivals,
		abandonProbability: abandoned / arrivals,
		serviceLevel: answeredInTime / arrivals
	};
}

describe('erlangA', () => {
	it('with endless patience it is Erlang C (100 contacts/h, AHT 180 s, 20 s target)', () => {
		for (const agents of [6, 7, 8, 10]) {
			const result = erlangA(agents, 100, 180, 1e12, 20);
			expect(result.waitProbability).toBeCloseTo(erlangC(agents, 5), 6);
			expect(result.serviceLevel).toBeCloseTo(serviceLevel(agents, 100, 180, 20), 6);
			expect(result.abandonProbability).toBeLessThan(1e-6);
			expect(result.occupancy).toBeCloseTo(5 / agents, 6);
		}
		// The textbook answer stays 8 agents for 80/20.
		const target = {
			serviceLevel: 0.8,
			targetSeconds: 20,
			handleSeconds: 180,
			occupancyCap: 1,
			patienceSeconds: 1e12
		};
		expect(requiredAgentsErlangA(100, target)).toBe(8);
		expect(requiredAgents(100, target)).toBe(8);
	});

	it.each([
		// agents, contacts/h, AHT s, patience s, target s
		[3, 60, 180, 120, 30],
		[5, 100, 180, 60, 20],
		[4, 150, 120, 90, 60] // overloaded: A = 5 erlangs on 4 agents, stable only by abandonment
	])(
		'matches a simulation of 400k contacts: N=%i, %i/h, AHT %i s, patience %i s, T %i s',
		(agents, perHour, handle, patience, target) => {
			const exact = erlangA(agents, perHour, handle, patience, target);
			const simulated = simulate(agents, perHour, handle, patience, target, 400_000, agents);
			expect(exact.waitProbability).toBeCloseTo(simulated.waitProbability, 2);
			expect(exact.abandonProbability).toBeCloseTo(simulated.abandonProbability, 2);
			expect(exact.serviceLevel).toBeCloseTo(simulated.serviceLevel, 2);
		}
	);

	it('impatient customers need no more agents than Erlang C, and fewer when overloaded', () => {
		const base = { serviceLevel: 0.8, targetSeconds: 60, handleSeconds: 360, occupancyCap: 1 };
		const saved: number[] = [];
		for (const perHour of [5, 20, 60, 120]) {
			const c = requiredAgents(perHour, base);
			const a = requiredAgentsErlangA(perHour, { ...base, patienceSeconds: 90 });
			expect(a, `${perHour}/h`).toBeLessThanOrEqual(c);
			expect(a).toBeGreaterThanOrEqual(1);
			// The answer is the smallest N that reaches the target.
			expect(erlangA(a, perHour, 360, 90, 60).serviceLevel).toBeGreaterThanOrEqual(0.8);
			if (a > 1) expect(erlangA(a - 1, perHour, 360, 90, 60).serviceLevel).toBeLessThan(0.8);
			saved.push(c - a);
		}
		expect(Math.max(...saved)).toBeGreaterThan(0);
		expect(requiredAgentsErlangA(0, { ...base, patienceSeconds: 90 })).toBe(0);
		// Less patience → more give up.
		expect(erlangA(3, 40, 360, 30, 60).abandonProbability).toBeGreaterThan(
			erlangA(3, 40, 360, 600, 60).abandonProbability
		);
	});

	it('overloaded with endless patience: the limit, quickly', () => {
		const result = erlangA(4, 100, 180, 1e12, 20);
		expect(result.serviceLevel).toBe(0);
		expect(result.abandonProbability).toBeCloseTo(0.2, 12);
	});

	it('stays finite under heavy overload', () => {
		const result = erlangA(2, 200, 300, 60, 30);
		expect(result.abandonProbability).toBeGreaterThan(0.7);
		expect(result.occupancy).toBeGreaterThan(0.95);
		expect(Number.isFinite(result.meanQueue)).toBe(true);
	});
});
