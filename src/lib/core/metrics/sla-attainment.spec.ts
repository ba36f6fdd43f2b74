import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { defaultServiceSettings } from '../model/service-settings';
import { DEFAULT_WEEK } from '../time/business-hours';
import { slaAttainment } from './sla-attainment';

const HOUR = 3600;
const MIN = 60;
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 0, day, hour, minute);
const defaults = defaultServiceSettings().sla;

describe('slaAttainment: first response, default targets (chat 1 h, e-mail 24 h)', () => {
	const asOfMs = at(6, 10); // Tue 10:00
	const columns = makeColumns(
		{ channel: 'chat', firstResponseSeconds: 30 * MIN }, // met
		{ channel: 'chat', firstResponseSeconds: 2 * HOUR }, // breached
		{ channel: 'email', firstResponseSeconds: 2 * HOUR }, // met: e-mail has 24 h
		{ channel: 'email', firstResponseSeconds: 30 * HOUR }, // breached
		{ channel: 'email', createdAtMs: at(5, 9) }, // waiting 25 h at as-of: breached already
		{ channel: 'chat', createdAtMs: at(6, 9, 50) }, // waiting 10 min: pending, not in n
		{ channel: 'email', status: 'solved', resolutionSeconds: HOUR }, // solved without reply
		{ channel: 'phone', firstResponseSeconds: -1 }, // impossible: excluded
		{ channel: 'unknown', firstResponseSeconds: 23 * HOUR } // uses `other` (24 h): met
	);

	it('counts met over met + breached, with waiting tickets past target as breached', () => {
		expect(slaAttainment(columns, 'first_response', defaults.firstResponse, { asOfMs })).toEqual({
			value: 3 / 6,
			n: 6,
			excluded: 1,
			met: 3,
			breached: 3,
			pending: 1,
			gap: null
		});
	});

	it('takes as-of from the data when not given (its latest event)', () => {
		// Latest event: the 30 h reply (5 Jan 09:00 + 30 h = 6 Jan 15:00): the chat ticket created
		// 6 Jan 09:50 has then waited 5 h 10 min and is breached too.
		const result = slaAttainment(columns, 'first_response', defaults.firstResponse);
		expect(result).toMatchObject({ met: 3, breached: 4, pending: 0, n: 7 });
	});
});

describe('slaAttainment: targets per channel and priority', () => {
	it('applies the cell of the ticket’s channel × priority; no priority uses normal', () => {
		const targets = defaultServiceSettings().sla.firstResponse;
		targets.chat.urgent = 10 * MIN;
		const columns = makeColumns(
			{ channel: 'chat', priority: 'urgent', firstResponseSeconds: 15 * MIN }, // breached
			{ channel: 'chat', priority: 'normal', firstResponseSeconds: 15 * MIN }, // met
			{ channel: 'chat', priority: 'unknown', firstResponseSeconds: 15 * MIN } // normal: met
		);
		expect(slaAttainment(columns, 'first_response', targets)).toMatchObject({
			value: 2 / 3,
			met: 2,
			breached: 1
		});
	});

	it('leaves tickets without a target out', () => {
		const targets = defaultServiceSettings().sla.firstResponse;
		targets.email.normal = null;
		const columns = makeColumns(
			{ channel: 'email', firstResponseSeconds: 99 * HOUR },
			{ channel: 'chat', firstResponseSeconds: 10 * MIN }
		);
		expect(slaAttainment(columns, 'first_response', targets)).toMatchObject({
			value: 1,
			n: 1,
			breached: 0
		});
	});

	it('is null when nothing is decided', () => {
		expect(slaAttainment(makeColumns(), 'first_response', defaults.firstResponse)).toMatchObject({
			value: null,
			n: 0
		});
	});
});

describe('slaAttainment: resolution', () => {
	it('measures resolved tickets and counts open ones past target as breached', () => {
		const asOfMs = at(10, 0);
		const columns = makeColumns(
			{ channel: 'email', status: 'solved', resolutionSeconds: 80 * HOUR }, // > 72 h
			{ channel: 'chat', status: 'closed', resolutionSeconds: 2 * HOUR }, // met
			{ channel: 'email', status: 'open', createdAtMs: asOfMs - 100 * HOUR * 1000 }, // breached
			{ channel: 'chat', status: 'pending', createdAtMs: asOfMs - HOUR * 1000 }, // pending
			// Reopened, stale duration, not solved again: waiting since creation, 4 days + 15 h.
			{ channel: 'chat', status: 'open', resolutionSeconds: HOUR, reopens: 1 }
		);
		// The reopened ticket counts as waiting, not by its stale first solve.
		expect(slaAttainment(columns, 'resolution', defaults.resolution, { asOfMs })).toEqual({
			value: 1 / 4,
			n: 4,
			excluded: 0,
			met: 1,
			breached: 3,
			pending: 1,
			gap: null
		});
	});
});

describe('slaAttainment: business-hours clock', () => {
	it('counts only open hours when the merchant chooses so', () => {
		// Chat, Fri 16:50 → Mon 09:05: 64 h 15 min on the calendar, 15 business minutes.
		const columns = makeColumns({
			channel: 'chat',
			createdAtMs: at(9, 16, 50),
			firstResponseSeconds: 64 * HOUR + 15 * MIN
		});
		const schedule = { week: DEFAULT_WEEK, holidays: [], timeZone: 'UTC' };
		expect(slaAttainment(columns, 'first_response', defaults.firstResponse).value).toBe(0);
		expect(
			slaAttainment(columns, 'first_response', defaults.firstResponse, { schedule }).value
		).toBe(1);
		const closed = {
			week: [null, null, null, null, null, null, null],
			holidays: [],
			timeZone: 'UTC'
		};
		expect(
			slaAttainment(columns, 'first_response', defaults.firstResponse, { schedule: closed })
		).toMatchObject({ value: null, gap: 'no_open_hours' });
	});
});
