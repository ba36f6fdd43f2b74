// CPU time of the medians and p90 one dashboard answer asks for, per view, on PROFILE_ROWS
// synthetic tickets (skipped otherwise):
//   PROFILE_ROWS=1000000 npx vitest run src/lib/pipeline/quantile-profile.spec.ts
import { describe, it } from 'vitest';
import { syntheticChunks } from '../../../tests/factories/synthetic-chunks';
import { buildTicketTable } from '$lib/core/table/ticket-table';
import { HOUR_WEEKDAY_CELLS, localTimeColumns } from '$lib/core/table/local-time';
import { emptyFilter, previousPeriod, selectRows } from '$lib/core/table/ticket-filter';
import { DEFAULT_SERVICE_SETTINGS } from '$lib/core/model/service-settings';
import {
	businessRanksOf,
	firstResolutionRanks,
	tableOverviewKpis,
	tableRanks
} from '$lib/core/table/table-kpis';
import { rankedQuantiles } from '$lib/core/table/ranked-column';
import { groupedQuantiles } from '$lib/core/table/rank-buckets';
import { tableBreakdownsAndHeatmap } from '$lib/core/table/table-breakdown';
import { dimensionBreakdown } from '$lib/core/table/breakdowns-dimensions';
import { CHANNELS } from '$lib/core/model/ticket';

const ROWS = Number(process.env.PROFILE_ROWS ?? 0);
const ZONE = 'Europe/Berlin';

/** Best CPU ms of five runs (the machine is shared: wall time mostly measures the others). */
function cpuMs(run: () => unknown): number {
	let best = Infinity;
	for (let round = 0; round < 5; round++) {
		const before = process.cpuUsage();
		run();
		const used = process.cpuUsage(before);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}

describe.skipIf(ROWS === 0)('quantile work of one answer at PROFILE_ROWS', () => {
	it('times each piece per view', { timeout: 900_000 }, () => {
		const table = buildTicketTable(syntheticChunks(ROWS, { wholeMinutes: 1 }), 1);
		const local = localTimeColumns(table, ZONE);
		// Ranks once per data version (business hours on the first answer).
		tableOverviewKpis(table, null, DEFAULT_SERVICE_SETTINGS, ZONE);
		const ranks = tableRanks(table);
		const business = businessRanksOf(table);
		const tileColumns = [
			ranks.firstResponse,
			ranks.resolution,
			ranks.replies,
			firstResolutionRanks(table),
			business?.firstResponse ?? null,
			business?.resolution ?? null
		].filter((column) => column !== null);
		const views = {
			'quarter + previous': { ...emptyFilter(), from: '2025-09-01', to: '2025-11-30' },
			'since 2025-09-01': { ...emptyFilter(), from: '2025-09-01' },
			'status solved': { ...emptyFilter(), statuses: ['solved' as const] },
			'agent Anna': { ...emptyFilter(), agents: ['Anna'] },
			'agent Anna + chat': { ...emptyFilter(), agents: ['Anna'], channels: ['chat' as const] },
			'no filter': emptyFilter()
		};
		const agents = { codes: table.agentCodes, base: 0, groupCount: table.agents.length };
		const channels = { codes: table.columns.channelCodes, base: 0, groupCount: CHANNELS.length };
		const cells = { codes: local.cells, base: 0, groupCount: HOUR_WEEKDAY_CELLS };
		const f = (ms: number) => ms.toFixed(1).padStart(6);
		console.log(
			'view                 rows    previous  tiles  breakdowns+grid medians  answer medians | breakdowns+grid whole | extra tables (group, tag, priority, segment)'
		);
		for (const [name, filter] of Object.entries(views)) {
			const rows = selectRows(table, filter, ZONE, local);
			const comparison = previousPeriod(filter);
			const previous =
				comparison === null ? null : selectRows(table, { ...filter, ...comparison }, ZONE, local);
			// What tableOverviewKpis asks of its QuantileSource, for both periods.
			const tiles = cpuMs(() => {
				for (const selection of previous === null ? [rows] : [rows, previous])
					for (const column of tileColumns)
						rankedQuantiles(column, selection, column === ranks.firstResponse ? [0.5, 0.9] : [0.5]);
			});
			// What tableBreakdownsAndHeatmap asks.
			const grouped = cpuMs(() => {
				groupedQuantiles(ranks.firstResponse, rows, [agents, channels, cells], [0.5]);
				groupedQuantiles(ranks.resolution, rows, [agents, channels], [0.5]);
			});
			const whole = cpuMs(() => tableBreakdownsAndHeatmap(table, rows, local));
			const extras = (['group', 'tag', 'priority', 'segment'] as const).map((dimension) =>
				cpuMs(() => dimensionBreakdown(table, rows, dimension))
			);
			console.log(
				`${name.padEnd(20)} ${String(rows?.length ?? table.size).padStart(7)} ${String(previous?.length ?? '-').padStart(8)} ${f(tiles)} ${f(grouped)}                   ${f(tiles + grouped)}         | ${f(whole)}                | ${extras.map(f).join(' ')}`
			);
		}
	});
});
