import { describe, expect, it } from 'vitest';
import { backlogAgents, erlangC, requiredAgents, scheduledAgents, serviceLevel } from './erlang-c';

/** Textbook Erlang C from the closed form with factorials (fine for small N). */
function erlangCDirect(n: number, a: number): number {
	let sum = 0;
	let term = 1; // a^k / k!
	for (let k = 0; k < n; k++) {
		sum += term;
		term = (term * a) / (k + 1);
	}
	const top = term * (n / (n - a)); // a^n / n! · n / (n − a)
	return top / (sum + top);
}

describe('erlangC', () => {
	it('matches the closed form', () => {
		for (const [n, a] of [
			[6, 5],
			[7, 5],
			[8, 5],
			[12, 10],
			[30, 25.5],
			[55, 48]
		] as const) {
			expect(erlangC(n, a)).toBeCloseTo(erlangCDirect(n, a), 12);
		}
	});

	it('is stable for large loads (factorials would overflow)', () => {
		const c = erlangC(1100, 1000);
		expect(c).toBeGreaterThan(0);
		expect(c).toBeLessThan(1);
	});

	it('is 1 when the queue is unstable and 0 with no load', () => {
		expect(erlangC(5, 5)).toBe(1);
		expect(erlangC(3, 0)).toBe(0);
	});
});

describe('requiredAgents', () => {
	it('100 contacts/h, AHT 180 s, 80 % in 20 s → 8 agents (textbook example)', () => {
		// A = 5 Erlangs. C(7, 5) = 0.3241, C(8, 5) = 0.1673, so SL(20 s) = 0.7404 with 7 agents
		// and 0.8801 with 8 (computed independently from the factorial formula in a separate
		// script; the earlier comment here said 0.737 / 0.892, which was off).
		const target = { serviceLevel: 0.8, targetSeconds: 20, handleSeconds: 180, occupancyCap: 1 };
		expect(serviceLevel(7, 100, 180, 20)).toBeCloseTo(
			1 - erlangCDirect(7, 5) * Math.exp((-2 * 20) / 180),
			12
		);
		expect(erlangC(7, 5)).toBeCloseTo(0.3241, 4);
		expect(erlangC(8, 5)).toBeCloseTo(0.1673, 4);
		expect(serviceLevel(7, 100, 180, 20)).toBeCloseTo(0.7404, 4);
		expect(serviceLevel(8, 100, 180, 20)).toBeCloseTo(0.8801, 4);
		expect(serviceLevel(7, 100, 180, 20)).toBeLessThan(0.8);
		expect(serviceLevel(8, 100, 180, 20)).toBeGreaterThanOrEqual(0.8);
		expect(requiredAgents(100, target)).toBe(8);
	});

	it('never needs fewer agents for a higher target or a lower occupancy cap', () => {
		let previous = 0;
		for (const sl of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]) {
			const n = requiredAgents(37, {
				serviceLevel: sl,
				targetSeconds: 30,
				handleSeconds: 360,
				occupancyCap: 1
			});
			expect(n).toBeGreaterThanOrEqual(previous);
			previous = n;
		}
		// Occupancy cap 0.5 with A = 2 → at least 4.
		expect(
			requiredAgents(20, {
				serviceLevel: 0.1,
				targetSeconds: 20,
				handleSeconds: 360,
				occupancyCap: 0.5
			})
		).toBe(4);
	});

	it('is 0 with no contacts', () => {
		expect(
			requiredAgents(0, {
				serviceLevel: 0.8,
				targetSeconds: 20,
				handleSeconds: 180,
				occupancyCap: 0.85
			})
		).toBe(0);
	});
});

describe('backlog and shrinkage', () => {
	it('spreads the window’s e-mail work over the window', () => {
		// 4 hours × 6 e-mails × 8 min = 3.2 h of work in a 4 h window → 0.8 agents; cap 0.8 → 1.
		const arrivals = [6, 6, 6, 6];
		expect(backlogAgents(arrivals, 3, 4, 480, 1)).toBeCloseTo(0.8, 12);
		expect(backlogAgents(arrivals, 3, 4, 480, 0.8)).toBeCloseTo(1, 12);
		// At the start only the hours seen so far count.
		expect(backlogAgents(arrivals, 0, 4, 480, 1)).toBeCloseTo(0.2, 12);
	});

	it('inflates by shrinkage and rounds up', () => {
		expect(scheduledAgents(8, 0.3)).toBe(12); // 8 / 0.7 = 11.43
		expect(scheduledAgents(7, 0.3)).toBe(10);
		expect(scheduledAgents(0, 0.3)).toBe(0);
		expect(scheduledAgents(2, 0)).toBe(2);
	});
});
