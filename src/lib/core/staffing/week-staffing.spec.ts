import { describe, expect, it } from 'vitest';
import { DEFAULT_STAFFING, staffHours, staffingSummary } from './week-staffing';

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
			deferredHandleSeconds: 3600,
			openFromHour: 0,
			openToHour: 24
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
		expect(high.some((hour) => hour.agents > 0)).toBe(true);
		high.forEach((hour, i) => expect(hour.agents).toBeGreaterThanOrEqual(low[i]!.agents));
		expect(high.every((hour) => Number.isInteger(hour.agents) && hour.agents >= 0)).toBe(true);
	});

	it('staffs nobody outside opening hours and moves that work into the open hours', () => {
		const params = {
			...DEFAULT_STAFFING,
			occupancyCap: 1,
			shrinkage: 0,
			deferredWindowHours: 24,
			deferredHandleSeconds: 3600,
			openFromHour: 8,
			openToHour: 20
		};
		// One day, no lead: 1 e-mail every hour (24 h of work) and 10 chats at 03:00.
		const live = Array.from({ length: 24 }, (_, hour) => (hour === 3 ? 10 : 0));
		const deferred = Array.from({ length: 24 }, () => 1);
		const hours = staffHours(live, deferred, 0, params);
		for (let hour = 0; hour < 24; hour++) {
			if (hour < 8 || hour >= 20) expect(hours[hour]?.agents, `hour ${hour}`).toBe(0);
			else expect(hours[hour]?.liveAgents, `hour ${hour}`).toBe(0);
		}
		// At 19:00 the 24-h window holds 20 e-mails and the 10 night chats, now a backlog at
		// 1 h each: 30 h of work, done in the window's 12 open hours.
		expect(hours[19]?.deferredAgents).toBeCloseTo((20 + 10) / 12, 9);
	});

	it('with round-the-clock hours every hour is staffed as before', () => {
		const live = Array.from({ length: 48 }, () => 3);
		const hours = staffHours(live, new Float64Array(48), 0, {
			...DEFAULT_STAFFING,
			openFromHour: 0,
			openToHour: 24
		});
		expect(hours.every((hour) => hour.agents > 0)).toBe(true);
	});
});

describe('staffingSummary', () => {
	it('gives the busiest hour and the agent-hours of a plan', () => {
		const hour = (agents: number) => ({ liveAgents: 0, deferredAgents: 0, agents });
		expect(staffingSummary([hour(2), hour(4), hour(0), hour(3)])).toEqual({
			peakAgents: 4,
			agentHours: 9
		});
		expect(staffingSummary([])).toEqual({ peakAgents: 0, agentHours: 0 });
	});
});
