import { describe, expect, it } from 'vitest';
import { DEFAULT_STAFFING, staffHours } from './week-staffing';

describe('staffHours', () => {
	it('adds Erlang C live agents and the e-mail backlog, then shrinkage', () => {
		const params = {
			...DEFAULT_STAFFING,
			serviceLevel: 0.8,
			targetSeconds: 20,
			liveHandleSeconds: 180,
			occupancyCap: 1,
			shrinkage: 0,
			deferredWindowHours: 2,
			deferredHandleSeconds: 3600
		};
		// Hour 0: 100 live → 8; deferred window = lead hour (1) + hour 0 (1) = 2 h work / 2 h = 1.
		const hours = staffHours([100, 0], [1, 1, 0], 1, params);
		expect(hours[0]).toEqual({ liveAgents: 8, deferredAgents: 1, agents: 9 });
		// Hour 1: no live; window = hours 0 and 1 of the week = 1 h of work / 2 h = 0.5 → 1.
		expect(hours[1]).toEqual({ liveAgents: 0, deferredAgents: 0.5, agents: 1 });
	});

	it('never lowers agents when the target rises', () => {
		const live = Array.from({ length: 168 }, (_, i) => 5 + 20 * Math.sin(i / 7) ** 2);
		const deferred = Array.from({ length: 168 + 24 }, (_, i) => (i % 24) / 3);
		const low = staffHours(live, deferred, 24, { ...DEFAULT_STAFFING, serviceLevel: 0.7 });
		const high = staffHours(live, deferred, 24, { ...DEFAULT_STAFFING, serviceLevel: 0.95 });
		high.forEach((hour, i) => expect(hour.agents).toBeGreaterThanOrEqual(low[i]!.agents));
		expect(high.every((hour) => Number.isInteger(hour.agents) && hour.agents >= 0)).toBe(true);
	});
});
