import { describe, expect, it } from 'vitest';
import { forecastCsv, wallHourLabel } from './forecast-csv';
import { DEFAULT_STAFFING, staffForecast } from './week-staffing';

describe('forecastCsv', () => {
	it('writes a header and one row per forecast hour, staffing where it exists', () => {
		const series = [
			{
				name: 'total',
				mean: [1.234, 2],
				lower80: [1, 1],
				upper80: [2, 3],
				lower95: [0, 0],
				upper95: [3, 4]
			}
		];
		const csv = forecastCsv(Date.UTC(2024, 0, 1, 23), series, [
			{ liveAgents: 1, deferredAgents: 0.25, agents: 2 }
		]);
		const lines = csv.trimEnd().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toBe(
			'local_hour,total_mean,total_lower80,total_upper80,total_lower95,total_upper95,agents,agents_live_on_seat,agents_backlog_on_seat'
		);
		expect(lines[1]).toBe('2024-01-01 23:00,1.23,1,2,0,3,2,1,0.25');
		expect(lines[2]).toBe('2024-01-02 00:00,2,1,3,0,4,,,');
	});

	it('defuses formula-looking series names', () => {
		const csv = forecastCsv(
			0,
			[{ name: '=cmd', mean: [1], lower80: [1], upper80: [1], lower95: [1], upper95: [1] }],
			[]
		);
		expect(csv.split('\r\n')[0]).toContain("'=cmd_mean");
		expect(wallHourLabel(0)).toBe('1970-01-01 00:00');
	});
});

describe('staffForecast', () => {
	it('staffs chat with Erlang C and the rest of the total as a backlog', () => {
		const params = {
			...DEFAULT_STAFFING,
			serviceLevel: 0.8,
			targetSeconds: 20,
			liveHandleSeconds: 180,
			occupancyCap: 1,
			shrinkage: 0,
			deferredWindowHours: 1,
			deferredHandleSeconds: 3600,
			openFromHour: 0,
			openToHour: 24
		};
		const hours = staffForecast(
			[
				{ name: 'total', history: [5], mean: [102, 0] },
				{ name: 'chat', history: [0], mean: [100, 0] },
				{ name: 'email', history: [5], mean: [2, 0] }
			],
			params
		);
		expect(hours).toHaveLength(2);
		// 100 chats → 8 (Erlang C); 2 deferred × 1 h in a 1 h window → 2.
		expect(hours[0]).toEqual({ liveAgents: 8, deferredAgents: 2, agents: 10 });
		expect(hours[1]).toEqual({ liveAgents: 0, deferredAgents: 0, agents: 0 });
	});
});
