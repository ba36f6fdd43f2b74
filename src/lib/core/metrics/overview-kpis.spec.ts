import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { defaultServiceSettings } from '../model/service-settings';
import { toTicketColumns } from '../model/ticket-columns';
import { KPI_IDS, computeOverviewKpis, type OverviewKpi } from './overview-kpis';

const byId = (kpis: OverviewKpi[]) => new Map(kpis.map((kpi) => [kpi.id, kpi]));

describe('computeOverviewKpis', () => {
	it('returns every KPI in KPI_IDS order with its unit', () => {
		const kpis = computeOverviewKpis(makeColumns({}));
		expect(kpis.map((kpi) => kpi.id)).toEqual([...KPI_IDS]);
		expect(kpis.map((kpi) => kpi.unit)).toEqual([
			'count',
			'count',
			'count',
			'seconds',
			'seconds',
			'seconds',
			'seconds',
			'seconds',
			'seconds',
			'fraction',
			'fraction',
			'fraction',
			'number',
			'number',
			'fraction',
			'fraction',
			'fraction',
			'score'
		]);
	});

	it('computes hand-checked values', () => {
		const columns = makeColumns(
			{ firstResponseSeconds: 60, status: 'solved', resolutionSeconds: 3600 },
			{ firstResponseSeconds: 120, status: 'closed', resolutionSeconds: 7200 },
			{ firstResponseSeconds: 180, status: 'open' },
			{ firstResponseSeconds: -30, status: 'solved', resolutionSeconds: -1 },
			{ csatScale: 'five_point', csatScore: 4 },
			{ csatScale: 'five_point', csatScore: 2 },
			{ csatScale: 'good_bad', csatScore: 1 }
		);
		const kpis = byId(computeOverviewKpis(columns));
		expect(kpis.get('tickets')).toMatchObject({ value: 7, n: 7, excluded: 0 });
		expect(kpis.get('first_response_median_s')).toMatchObject({ value: 120, n: 3, excluded: 1 });
		// [60, 120, 180]: h = 1.8 → 120 + 0.8·60
		expect(kpis.get('first_response_p90_s')?.value).toBeCloseTo(168, 9);
		expect(kpis.get('resolution_median_s')).toMatchObject({ value: 5400, n: 2, excluded: 1 });
		expect(kpis.get('resolution_rate')).toMatchObject({ value: 3 / 7, n: 7, excluded: 0 });
		expect(kpis.get('csat_satisfied_rate')).toMatchObject({ value: 2 / 3, n: 3, excluded: 0 });
		expect(kpis.get('csat_mean')).toMatchObject({ value: 3, n: 2, excluded: 0 });
	});

	it('gives 0 tickets, 0 solved and null everywhere else for an empty table', () => {
		const kpis = computeOverviewKpis(toTicketColumns([]));
		expect(kpis[0]).toEqual({ id: 'tickets', value: 0, n: 0, excluded: 0, unit: 'count' });
		expect(kpis[1]).toEqual({ id: 'solved_tickets', value: 0, n: 0, excluded: 0, unit: 'count' });
		for (const kpi of kpis.slice(2)) expect(kpi).toMatchObject({ value: null, n: 0, excluded: 0 });
	});

	it('computes the service KPIs with the merchant’s settings and shop zone', () => {
		// Chat tickets created Fri 9 Jan 2026 16:00 UTC = 17:00 in Berlin (after closing).
		const created = Date.UTC(2026, 0, 9, 16);
		const columns = makeColumns(
			{
				channel: 'chat',
				createdAtMs: created,
				firstResponseSeconds: 1800,
				status: 'solved',
				resolutionSeconds: 7200,
				agentReplies: 1,
				reopens: 0
			},
			{
				channel: 'chat',
				createdAtMs: created,
				firstResponseSeconds: 7200,
				status: 'open',
				agentReplies: 3,
				reopens: 1
			}
		);
		const defaults = byId(computeOverviewKpis(columns, defaultServiceSettings(), 'Europe/Berlin'));
		expect(defaults.get('solved_tickets')?.value).toBe(1);
		expect(defaults.get('backlog_open')?.value).toBe(1);
		// Both replies came after closing time on a Friday: a true 0 business seconds.
		expect(defaults.get('first_response_business_median_s')).toMatchObject({ value: 0, n: 2 });
		expect(defaults.get('one_touch_rate')).toMatchObject({ value: 1, n: 1 });
		expect(defaults.get('reopen_rate')).toMatchObject({ value: 0, n: 1 });
		expect(defaults.get('replies_mean')).toMatchObject({ value: 1, n: 1 });
		// Chat target 1 h: 30 min met, 2 h breached.
		expect(defaults.get('sla_first_response_rate')).toMatchObject({ value: 0.5, n: 2 });
		expect(defaults.get('sla_first_response_rate')?.sla).toEqual({
			met: 1,
			breached: 1,
			pending: 0
		});
		// The open ticket has waited 2 h (to the last reply) of its 24 h chat target: pending.
		expect(defaults.get('sla_resolution_rate')).toMatchObject({
			value: 1,
			n: 1,
			sla: { met: 1, breached: 0, pending: 1 }
		});
		expect(defaults.get('one_touch_rate')?.sla).toBeUndefined();

		// Open Friday evenings until 20:00 local and count SLA in business hours.
		const settings = defaultServiceSettings();
		settings.week[4] = { openMinute: 9 * 60, closeMinute: 20 * 60 };
		settings.sla.clock = 'business';
		const custom = byId(computeOverviewKpis(columns, settings, 'Europe/Berlin'));
		// 30 min and 2 h both fall inside 17:00-20:00: median 75 min.
		expect(custom.get('first_response_business_median_s')?.value).toBe(4500);
		expect(custom.get('sla_first_response_rate')).toMatchObject({ value: 0.5, n: 2 });
		settings.sla.firstResponse.chat.normal = 3 * 3600;
		const looser = byId(computeOverviewKpis(columns, settings, 'Europe/Berlin'));
		expect(looser.get('sla_first_response_rate')).toMatchObject({ value: 1, n: 2 });
	});
});
