// Node timings of the dashboard's pieces on PROFILE_ROWS synthetic tickets (skipped otherwise):
//   PROFILE_ROWS=1000000 npx vitest run scripts/profile-overview.spec.ts
import { describe, it } from 'vitest';
import { syntheticChunks } from '../tests/factories/synthetic-chunks';
import { buildTicketTable } from '../src/lib/core/table/ticket-table';
import { localTimeColumns } from '../src/lib/core/table/local-time';
import { tableDailyVolume, tableHourWeekday } from '../src/lib/core/table/local-time';
import { emptyFilter, selectRows } from '../src/lib/core/table/ticket-filter';
import { gatherColumns } from '../src/lib/core/table/gather-columns';
import { tableBreakdown } from '../src/lib/core/table/table-breakdown';
import { computeOverviewKpis } from '../src/lib/core/metrics/overview-kpis';
import { firstResponseTime } from '../src/lib/core/metrics/first-response-time';
import { resolutionTimeMedian } from '../src/lib/core/metrics/resolution-time';
import {
	firstResponseBusinessMedian,
	resolutionBusinessMedian
} from '../src/lib/core/metrics/business-time';
import { slaAttainment } from '../src/lib/core/metrics/sla-attainment';
import { dailyBacklog, dataAsOfMs } from '../src/lib/core/metrics/backlog';
import { repliesPerTicket } from '../src/lib/core/metrics/replies-per-ticket';
import { DEFAULT_SERVICE_SETTINGS } from '../src/lib/core/model/service-settings';
import { computeTableOverview } from '../src/lib/pipeline/overview';
import { tableOverviewKpis, tableRanks } from '../src/lib/core/table/table-kpis';

const ROWS = Number(process.env.PROFILE_ROWS ?? 0);
const ZONE = 'Europe/Berlin';

function time<T>(label: string, run: () => T): T {
	const started = performance.now();
	const result = run();
	console.log(`${label.padEnd(42)} ${(performance.now() - started).toFixed(1).padStart(8)} ms`);
	return result;
}

describe.skipIf(ROWS === 0)('profile the dashboard at PROFILE_ROWS', () => {
	it('times each piece', { timeout: 600_000 }, () => {
		const table = time('synthetic chunks + buildTicketTable', () =>
			buildTicketTable(syntheticChunks(ROWS), 1)
		);
		const local = time('localTimeColumns', () => localTimeColumns(table, ZONE));
		time('tableRanks (once per data version)', () => tableRanks(table));
		const schedule = { ...DEFAULT_SERVICE_SETTINGS, timeZone: ZONE };
		const filters = {
			all: emptyFilter(),
			agent: { ...emptyFilter(), agents: ['Anna'] },
			range: { ...emptyFilter(), from: '2025-09-01', to: '2026-03-31' }
		};
		for (const [name, filter] of Object.entries(filters)) {
			console.log(`-- filter ${name}`);
			const rows = time('selectRows', () => selectRows(table, filter, ZONE, local));
			const selected = () => (rows === null ? table.columns : gatherColumns(table.columns, rows));
			time('tableOverviewKpis (all tiles)', () =>
				tableOverviewKpis(table, rows, DEFAULT_SERVICE_SETTINGS, ZONE)
			);
			time('computeOverviewKpis (all tiles)', () =>
				computeOverviewKpis(selected(), DEFAULT_SERVICE_SETTINGS, ZONE)
			);
			time('  firstResponseTime', () => firstResponseTime(selected()));
			time('  resolutionTimeMedian', () => resolutionTimeMedian(selected()));
			time('  firstResponseBusinessMedian', () => firstResponseBusinessMedian(selected(), schedule));
			time('  resolutionBusinessMedian', () => resolutionBusinessMedian(selected(), schedule));
			time('  repliesPerTicket', () => repliesPerTicket(selected()));
			time('  slaAttainment first', () =>
				slaAttainment(selected(), 'first_response', DEFAULT_SERVICE_SETTINGS.sla.firstResponse, {
					schedule: null,
					asOfMs: dataAsOfMs(selected()) ?? undefined
				})
			);
			time('tableBreakdown agent', () => tableBreakdown(table, rows, 'agent'));
			time('tableBreakdown channel', () => tableBreakdown(table, rows, 'channel'));
			time('tableDailyVolume', () => tableDailyVolume(table, rows, local));
			time('tableHourWeekday', () => tableHourWeekday(table, rows, local));
			time('dailyBacklog', () => dailyBacklog(selected(), ZONE));
			for (let round = 1; round <= 2; round++)
				time(`computeTableOverview (whole answer) #${round}`, () =>
					computeTableOverview(table, local, filter, DEFAULT_SERVICE_SETTINGS, ZONE)
				);
		}
	});
});
