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
