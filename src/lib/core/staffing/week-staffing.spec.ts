import { describe, expect, it } from 'vitest';
import { EventAdjustedForecaster } from '$lib/core/forecast/events/event-adjusted';
import { createForecaster } from '$lib/core/forecast/create-forecaster';
import { requiredAgentsErlangA } from './erlang-a';
import { backlogAgents } from './erlang-c';
import {
	DEFAULT_STAFFING,
	staffForecast,
	staffHours,
	staffingSummary,
	type StaffingParams
} from './week-staffing';

const ROUND_THE_CLOCK: StaffingParams = {
	...DEFAULT_STAFFING,
	occupancyCap: 1,
	shrinkage: 0,
	openFromHour: 0,
	openToHour: 24
};

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

	it('takes the open hours from the Settings mask: a closed day staffs nobody', () => {
		const params: StaffingParams = {
			...DEFAULT_STAFFING,
			hoursFrom: 'settings',
			occupancyCap: 1,
			shrinkage: 0,
			deferredWindowHours: 48,
			deferredHandleSeconds: 3600
		};
		// Two days, no lead: day 1 closed (a holiday), day 2 open 09-17; 1 e-mail an hour.
		const mask = Array.from({ length: 48 }, (_, k) => (k >= 33 && k < 41 ? 1 : 0));
		const hours = staffHours(new Float64Array(48), new Float64Array(48).fill(1), 0, params, mask);
		hours.forEach((hour, k) => {
			if (mask[k] === 0) expect(hour.agents, `hour ${k}`).toBe(0);
		});
		// At 16:00 of day 2 the 48-h window holds 41 e-mails (41 h of work) and 8 open hours.
		expect(hours[40]?.deferredAgents).toBeCloseTo(41 / 8, 9);
		// The what-if window (08-20 every day) ignores the mask.
		const custom = staffHours(new Float64Array(48), new Float64Array(48).fill(1), 0, {
			...params,
			hoursFrom: 'custom'
		});
		expect(custom[10]!.agents).toBeGreaterThan(0);
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

describe('staffing options', () => {
	it('Erlang A for live channels when chosen', () => {
		const params: StaffingParams = {
			...ROUND_THE_CLOCK,
			liveModel: 'erlang-a',
			patienceSeconds: 90,
			liveHandleSeconds: 360,
			targetSeconds: 60
		};
		const hours = staffHours([60, 20], [0, 0], 0, params);
		const target = {
			serviceLevel: 0.8,
			targetSeconds: 60,
			handleSeconds: 360,
			patienceSeconds: 90,
			occupancyCap: 1
		};
		expect(hours.map((hour) => hour.liveAgents)).toEqual([
			requiredAgentsErlangA(60, target),
			requiredAgentsErlangA(20, target)
		]);
		// Erlang C needs more for the same load (nobody gives up).
		const c = staffHours([60, 20], [0, 0], 0, { ...params, liveModel: 'erlang-c' });
		expect(c[0]!.liveAgents).toBeGreaterThan(hours[0]!.liveAgents);
	});

	it('staffs the upper 80 % bound when asked: live bound, backlog scaled by the total ratio', () => {
		const series = [
			{ name: 'total', history: [], mean: [30], upper80: [45] },
			{ name: 'chat', history: [], mean: [10], upper80: [18] }
		];
		const params = {
			...ROUND_THE_CLOCK,
			liveHandleSeconds: 180,
			targetSeconds: 20,
			deferredWindowHours: 1,
			deferredHandleSeconds: 360
		};
		const mean = staffForecast(series, params, 1)[0]!;
		const upper = staffForecast(series, { ...params, staffFrom: 'upper80' }, 1)[0]!;
		// Mean: 20 e-mails × 6 min = 2 agent-hours in a 1-h window. Upper: 20 × 45/30 = 30 → 3.
		expect(mean.deferredAgents).toBeCloseTo(2, 12);
		expect(upper.deferredAgents).toBeCloseTo(3, 12);
		expect(upper.liveAgents).toBe(staffHours([18], [0], 0, params)[0]!.liveAgents);
		expect(upper.liveAgents).toBeGreaterThan(mean.liveAgents);
	});

	it('a backlog worked at the rule’s rate meets every deadline (FIFO simulation)', () => {
		// Random bursty e-mail arrivals; capacity per hour from backlogAgents, worked first in
		// first out: every e-mail must be finished within its window.
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const window = 6;
		const handleHours = 0.25;
		const arrivals = Array.from({ length: 240 }, () =>
			random() < 0.2 ? Math.floor(random() * 40) : 0
		);
		const queue: { hour: number; work: number }[] = [];
		for (let hour = 0; hour < arrivals.length; hour++) {
			if (arrivals[hour]! > 0) queue.push({ hour, work: arrivals[hour]! * handleHours });
			let capacity = backlogAgents(arrivals, hour, window, handleHours * 3600, 1);
			while (capacity > 1e-9 && queue.length > 0) {
				const done = Math.min(capacity, queue[0]!.work);
				queue[0]!.work -= done;
				capacity -= done;
				if (queue[0]!.work <= 1e-9) queue.shift();
			}
			// An e-mail of hour j is due by the end of hour j + window − 1.
			expect(queue.filter((item) => item.hour <= hour - window + 1)).toEqual([]);
		}
	});

	it('a holiday lowers the forecast and the agents on that day', async () => {
		// Four weeks of 10 contacts an hour on weekdays, 2 on day class 6; a holiday on day 1 ahead.
		const history = Float64Array.from({ length: 28 * 24 }, (_, t) =>
			Math.floor(t / 24) % 7 === 6 ? 2 : 10
		);
		const forecastOf = async (holiday: boolean) => {
			const windows = holiday ? [{ kind: 'holiday', start: 28 * 24 + 24, end: 28 * 24 + 48 }] : [];
			const model = new EventAdjustedForecaster(
				createForecaster('seasonal-naive', { period: 168 }),
				windows
			);
			await model.fit(history);
			return [...model.predict(72).mean];
		};
		const plain = await forecastOf(false);
		const withHoliday = await forecastOf(true);
		// Day 1 ahead is class 1 (10/h): as quiet as class 6 (2/h) on the holiday.
		expect(withHoliday.slice(24, 48)).toEqual(new Array(24).fill(2));
		expect(withHoliday.slice(0, 24)).toEqual(plain.slice(0, 24));
		const staff = (mean: number[]) =>
			staffForecast(
				[{ name: 'total', history: [...history.slice(-24)], mean }],
				ROUND_THE_CLOCK,
				72
			);
		const day = (hours: { agents: number }[]) =>
			hours.slice(24, 48).reduce((sum, hour) => sum + hour.agents, 0);
		expect(day(staff(withHoliday))).toBeLessThan(day(staff(plain)));
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
