import { describe, expect, it } from 'vitest';
import { toTicketColumns } from '../model/ticket-columns';
import type { Channel, Ticket } from '../model/ticket';
import { hourlyContacts, wallHourParts } from './hourly-contacts';
import { makeTicket } from '../../../../tests/factories/ticket';

const ticket = (createdAtMs: number, channel: Channel): Ticket =>
	makeTicket({ key: `k${createdAtMs}${channel}`, createdAtMs, channel });

const at = (day: number, hour: number, minute = 0) => Date.UTC(2024, 0, day, hour, minute);

describe('hourlyContacts', () => {
	it('counts per hour in UTC, gap-filled, total and per channel', () => {
		const columns = toTicketColumns([
			ticket(at(1, 9, 5), 'email'),
			ticket(at(1, 9, 59), 'chat'),
			ticket(at(1, 12, 0), 'email'),
			ticket(NaN, 'email')
		]);
		const series = hourlyContacts(columns, 'UTC');
		expect(series.startWallMs).toBe(at(1, 9));
		expect(series.hours).toBe(4);
		expect([...series.total]).toEqual([2, 0, 0, 1]);
		expect(series.channels.map((c) => c.channel)).toEqual(['email', 'chat']);
		expect([...series.channels[0]!.counts]).toEqual([1, 0, 0, 1]);
		expect([...series.channels[1]!.counts]).toEqual([1, 0, 0, 0]);
	});

	it('buckets by the shop wall clock (Berlin is UTC+1 in January)', () => {
		const columns = toTicketColumns([ticket(at(1, 22, 30), 'chat'), ticket(at(1, 23, 10), 'chat')]);
		const series = hourlyContacts(columns, 'Europe/Berlin');
		// 22:30 UTC = 23:30 local on Jan 1; 23:10 UTC = 00:10 local on Jan 2.
		expect(series.startWallMs).toBe(at(1, 23));
		expect([...series.total]).toEqual([1, 1]);
		expect(wallHourParts(series.startWallMs + 3_600_000)).toEqual({
			day: Math.floor(at(2, 0) / 86_400_000),
			hour: 0
		});
	});

	it('keeps a 24-hour day across the spring DST gap (the missing hour is 0)', () => {
		// Berlin 2024-03-31: 02:00 local does not exist. 00:30 UTC = 01:30 CET, 01:30 UTC = 03:30 CEST.
		const columns = toTicketColumns([
			ticket(Date.UTC(2024, 2, 31, 0, 30), 'email'),
			ticket(Date.UTC(2024, 2, 31, 1, 30), 'email')
		]);
		const series = hourlyContacts(columns, 'Europe/Berlin');
		expect([...series.total]).toEqual([1, 0, 1]);
	});

	it('with wholeDays drops the partial first and last days', () => {
		const columns = toTicketColumns([
			ticket(at(1, 20), 'email'),
			ticket(at(2, 0), 'email'),
			ticket(at(2, 23, 59), 'chat'),
			ticket(at(3, 5), 'email')
		]);
		const series = hourlyContacts(columns, 'UTC', { wholeDays: true });
		expect(series.startWallMs).toBe(at(2, 0));
		expect(series.hours).toBe(24);
		expect(series.total[0]).toBe(1);
		expect(series.total[23]).toBe(1);
		expect(series.total.reduce((a, b) => a + b, 0)).toBe(2);
	});

	it('is empty for no tickets', () => {
		expect(hourlyContacts(toTicketColumns([]), 'UTC').hours).toBe(0);
	});
});
