import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { defaultServiceSettings } from '../model/service-settings';
import { ticketTimings } from './ticket-timings';

const HOUR = 3600;
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 0, day, hour, minute);

// Default week: Mon–Fri 09:00–17:00 (UTC here), weekend closed. 9 Jan 2026 is a Friday.
const weekendChat = makeColumns({
	channel: 'chat',
	status: 'solved',
	createdAtMs: at(9, 16),
	firstResponseSeconds: 17 * HOUR, // Sat 09:00
	solvedAtMs: at(12, 10),
	resolutionSeconds: 66 * HOUR // Mon 12 Jan 10:00
});

describe('ticketTimings', () => {
	it('gives calendar and business times across a weekend, and the SLA verdict with its target', () => {
		const timings = ticketTimings(weekendChat, 0, { timeZone: 'UTC', asOfMs: at(12, 10) });
		expect(timings).toEqual({
			firstResponseSeconds: 17 * HOUR,
			// Fri 16:00–17:00 only: Saturday is closed.
			firstResponseBusinessSeconds: HOUR,
			resolutionSeconds: 66 * HOUR,
			// Fri 16–17 and Mon 09–10.
			resolutionBusinessSeconds: 2 * HOUR,
			firstResolutionSeconds: null,
			businessGap: null,
			sla: {
				// Chat: 1 h first response, 24 h resolution (defaults), calendar clock.
				first_response: { state: 'breached', targetSeconds: HOUR, clock: 'calendar', gap: null },
				resolution: { state: 'breached', targetSeconds: 24 * HOUR, clock: 'calendar', gap: null }
			}
		});
	});

	it('judges SLA in business hours when the merchant says so', () => {
		const settings = defaultServiceSettings();
		settings.sla.clock = 'business';
		const { sla } = ticketTimings(weekendChat, 0, {
			settings,
			timeZone: 'UTC',
			asOfMs: at(12, 10)
		});
		// 1 business hour to the first reply is exactly the 1 h target: met.
		expect(sla.first_response.state).toBe('met');
		expect(sla.resolution.state).toBe('met');
		expect(sla.first_response.clock).toBe('business');
	});

	it('marks a ticket still waiting within target as pending, past target as breached', () => {
		const waiting = makeColumns({ channel: 'email', createdAtMs: at(5, 9) });
		expect(ticketTimings(waiting, 0, { asOfMs: at(5, 10) }).sla.first_response).toEqual({
			state: 'pending',
			targetSeconds: 24 * HOUR,
			clock: 'calendar',
			gap: null
		});
		expect(ticketTimings(waiting, 0, { asOfMs: at(7, 10) }).sla.first_response.state).toBe(
			'breached'
		);
	});

	it('drops impossible durations (excluded) and has no resolution for an open ticket', () => {
		const columns = makeColumns(
			{ firstResponseSeconds: -60 },
			{ status: 'solved', resolutionSeconds: 2 * HOUR },
			// Reopened: the stated resolution is stale, as in the resolution KPI.
			{ status: 'open', resolutionSeconds: 2 * HOUR, firstResponseSeconds: 60 }
		);
		const impossible = ticketTimings(columns, 0, { asOfMs: at(5, 10) });
		expect(impossible.firstResponseSeconds).toBeNull();
		expect(impossible.firstResponseBusinessSeconds).toBeNull();
		expect(impossible.sla.first_response.state).toBe('excluded');
		const solvedWithoutReply = ticketTimings(columns, 1, { asOfMs: at(5, 12) });
		expect(solvedWithoutReply.sla.first_response.state).toBe('out');
		expect(solvedWithoutReply.resolutionSeconds).toBe(2 * HOUR);
		expect(solvedWithoutReply.sla.resolution.state).toBe('met');
		const reopened = ticketTimings(columns, 2, { asOfMs: at(5, 12) });
		expect(reopened.resolutionSeconds).toBeNull();
		expect(reopened.resolutionBusinessSeconds).toBeNull();
		expect(reopened.sla.resolution.state).toBe('pending');
	});

	it('says why business time is missing rather than showing 0', () => {
		const settings = defaultServiceSettings();
		settings.week = [null, null, null, null, null, null, null];
		const timings = ticketTimings(weekendChat, 0, { settings, asOfMs: at(12, 10) });
		expect(timings.firstResponseBusinessSeconds).toBeNull();
		expect(timings.businessGap).toBe('no_open_hours');
	});

	it('passes the first resolution through, and a target-less channel is out of SLA', () => {
		const settings = defaultServiceSettings();
		settings.sla.firstResponse.chat.normal = null;
		const timings = ticketTimings(weekendChat, 0, {
			settings,
			asOfMs: at(12, 10),
			firstResolutionSeconds: 3 * HOUR
		});
		expect(timings.firstResolutionSeconds).toBe(3 * HOUR);
		expect(timings.sla.first_response).toEqual({
			state: 'out',
			targetSeconds: null,
			clock: 'calendar',
			gap: null
		});
	});
});
