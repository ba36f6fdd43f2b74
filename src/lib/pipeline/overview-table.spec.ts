import { describe, expect, it } from 'vitest';
import { syntheticChunks } from '../../../tests/factories/synthetic-chunks';
import { computeOverviewKpis } from '$lib/core/metrics/overview-kpis';
import { defaultServiceSettings } from '$lib/core/model/service-settings';
import { gatherColumns } from '$lib/core/table/gather-columns';
import { localTimeColumns } from '$lib/core/table/local-time';
import { buildTicketTable } from '$lib/core/table/ticket-table';
import {
	emptyFilter,
	previousPeriod,
	selectRows,
	type TicketFilter
} from '$lib/core/table/ticket-filter';
import { dailyTicketVolume } from '$lib/core/metrics/daily-volume';
import { dailyBacklog } from '$lib/core/metrics/backlog';
import { computeTableOverview } from './overview';

const ZONE = 'Europe/Berlin';

describe('computeTableOverview: tiles and their previous period', () => {
	it('equal computeOverviewKpis on each period’s copied rows (one ranked walk for both)', () => {
		const table = buildTicketTable(syntheticChunks(8_000, { seed: 21, wholeMinutes: 1 }), 1);
		const local = localTimeColumns(table, ZONE);
		const settings = defaultServiceSettings();
		const filters: TicketFilter[] = [
			{ ...emptyFilter(), from: '2025-10-01', to: '2025-12-31' },
			{ ...emptyFilter(), from: '2025-11-10', to: '2025-11-16', channels: ['email'] },
			{ ...emptyFilter(), from: '2026-01-01', to: '2026-03-31', agents: ['Anna', 'Ben'] },
			{ ...emptyFilter(), from: '2025-09-01', to: null }
		];
		const straightforward = (filter: TicketFilter) => {
			const rows = selectRows(table, filter, ZONE);
			return computeOverviewKpis(
				rows === null ? table.columns : gatherColumns(table.columns, rows),
				settings,
				ZONE
			);
		};
		for (const filter of filters) {
			const overview = computeTableOverview(table, local, filter, settings, ZONE);
			const now = straightforward(filter);
			const comparison = previousPeriod(filter);
			const before = comparison === null ? null : straightforward({ ...filter, ...comparison });
			overview.kpis.forEach((kpi, index) => {
				const { value, n, excluded } = now[index] as (typeof now)[number];
				expect({ id: kpi.id, value: kpi.value, n: kpi.n, excluded: kpi.excluded }).toEqual({
					id: now[index]?.id,
					value,
					n,
					excluded
				});
				expect(kpi.previousValue).toEqual(before === null ? null : (before[index]?.value ?? null));
			});
		}
	});
});

describe('computeTableOverview: one selection for the period, the previous period and the series', () => {
	it('equals the straightforward functions along a sequence of filter and range changes', () => {
		const table = buildTicketTable(syntheticChunks(6_000, { seed: 5, wholeMinutes: 1 }), 1);
		const local = localTimeColumns(table, ZONE);
		const settings = defaultServiceSettings();
		const several = {
			agents: ['Anna', 'Ben', 'Eva'],
			channels: ['chat', 'email'] as TicketFilter['channels'],
			statuses: ['open', 'solved'] as TicketFilter['statuses']
		};
		// Brushing keeps the other conditions (the selection without the range is reused);
		// the data start on 2025-07-01, so July's previous period is empty; Berlin's clocks
		// change on 2025-10-26 and 2026-03-29.
		const sequence: Partial<TicketFilter>[] = [
			{ agents: ['Anna'] },
			{ agents: ['Anna'], from: '2025-10-20', to: '2025-11-02' },
			{ agents: ['Anna'], from: '2025-07-01', to: '2025-07-31' },
			{ agents: ['Anna'], from: '2026-03-01', to: null },
			{ agents: ['Ben'], from: '2026-03-01', to: null },
			{ ...several, from: '2026-03-23', to: '2026-04-05' },
			{ ...several },
			{ from: '2025-09-01', to: '2025-11-30' },
			{},
			{ agents: ['Nobody'], from: '2025-09-01', to: '2025-11-30' },
			{ from: '2027-01-01', to: '2027-01-31' }
		];
		const selected = (filter: TicketFilter) => {
			const rows = selectRows(table, filter, ZONE);
			return rows === null ? table.columns : gatherColumns(table.columns, rows);
		};
		for (const fields of sequence) {
			const filter = { ...emptyFilter(), ...fields };
			const overview = computeTableOverview(table, local, filter, settings, ZONE);
			const now = computeOverviewKpis(selected(filter), settings, ZONE);
			const comparison = previousPeriod(filter);
			const before =
				comparison === null
					? null
					: computeOverviewKpis(selected({ ...filter, ...comparison }), settings, ZONE);
			const label = JSON.stringify(fields);
			expect(overview.matching, label).toBe(selected(filter).size);
			overview.kpis.forEach((kpi, index) => {
				const { previousValue, delta, ...tile } = kpi;
				expect(tile, label).toEqual(now[index]);
				expect(previousValue, label).toEqual(
					before === null ? null : (before[index]?.value ?? null)
				);
				if (before === null) expect(delta).toBeNull();
			});
			const withoutRange = selected({ ...filter, from: null, to: null });
			expect(overview.daily, label).toEqual(dailyTicketVolume(withoutRange, ZONE));
			expect(overview.backlog, label).toEqual(dailyBacklog(withoutRange, ZONE));
		}
	});
});
