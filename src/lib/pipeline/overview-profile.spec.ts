// Node timings of the dashboard's pieces on PROFILE_ROWS synthetic tickets (skipped otherwise):
//   PROFILE_ROWS=1000000 npx vitest run src/lib/pipeline/overview-profile.spec.ts
import { describe, it } from 'vitest';
import { syntheticChunks } from '../../../tests/factories/synthetic-chunks';
import { buildTicketTable } from '$lib/core/table/ticket-table';
import { localTimeColumns } from '$lib/core/table/local-time';
import { tableDailySeries, tableDailyVolume, tableHourWeekday } from '$lib/core/table/local-time';
import { rowClassesOf } from '$lib/core/table/row-classes';
import type { QuantileSource } from '$lib/core/table/ranked-column';
import { emptyFilter, selectRows } from '$lib/core/table/ticket-filter';
import { gatherColumns } from '$lib/core/table/gather-columns';
import { tableBreakdown } from '$lib/core/table/table-breakdown';
import { computeOverviewKpis } from '$lib/core/metrics/overview-kpis';
import { firstResponseTime } from '$lib/core/metrics/first-response-time';
import { resolutionTimeMedian } from '$lib/core/metrics/resolution-time';
import {
	firstResponseBusinessMedian,
	resolutionBusinessMedian
} from '$lib/core/metrics/business-time';
import { slaAttainment } from '$lib/core/metrics/sla-attainment';
import { dailyBacklog, dataAsOfMs } from '$lib/core/metrics/backlog';
import { repliesPerTicket } from '$lib/core/metrics/replies-per-ticket';
import { DEFAULT_SERVICE_SETTINGS } from '$lib/core/model/service-settings';
import type { TicketColumns } from '$lib/core/model/ticket-columns';
import type { BusinessSchedule } from '$lib/core/time/business-hours';
import { computeTableOverview } from '$lib/pipeline/overview';
import { tableOverviewKpis, tableRanks } from '$lib/core/table/table-kpis';

const ROWS = Number(process.env.PROFILE_ROWS ?? 0);
const ZONE = 'Europe/Berlin';
/** PROFILE_ONLY_NEW=1 skips the old per-KPI functions. */
const ONLY_NEW = process.env.PROFILE_ONLY_NEW === '1';

function time<T>(label: string, run: () => T): T {
	// CPU time as well as wall time: the machine is shared, wall time mostly measures the others.
	const started = performance.now();
	const cpu = process.cpuUsage();
	const result = run();
	const used = process.cpuUsage(cpu);
	const wall = (performance.now() - started).toFixed(1).padStart(8);
	const cpuMs = ((used.user + used.system) / 1000).toFixed(1).padStart(8);
	console.log(`${label.padEnd(42)} ${wall} ms wall ${cpuMs} ms cpu`);
	return result;
}

type Selected = () => TicketColumns;
type Schedule = BusinessSchedule;

/** The per-KPI functions the dashboard ran before tableOverviewKpis (for comparison). */
function profileKpiFunctions(selected: Selected, schedule: Schedule): void {
	time('computeOverviewKpis (old, all tiles)', () =>
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
}

describe.skipIf(ROWS === 0)('profile the dashboard at PROFILE_ROWS', () => {
	it('times each piece', { timeout: 600_000 }, () => {
		const table = time('synthetic chunks + buildTicketTable', () =>
			buildTicketTable(syntheticChunks(ROWS, { wholeMinutes: 1 }), 1)
		);
		const local = time('localTimeColumns', () => localTimeColumns(table, ZONE));
		time('tableRanks (once per data version)', () => tableRanks(table));
		time('rowClassesOf (once per data version)', () => rowClassesOf(table));
		// The tiles without their medians and p90 (what the tally passes cost alone).
		const noQuantiles: QuantileSource = () => ({ values: [], n: 0 });
		const schedule = { ...DEFAULT_SERVICE_SETTINGS, timeZone: ZONE };
		const filters = {
			all: emptyFilter(),
			agent: { ...emptyFilter(), agents: ['Anna'] },
			range: { ...emptyFilter(), from: '2025-09-01', to: '2026-03-31' },
			// The bench's steps (scripts/bench-dashboard.mjs): filters, then date ranges.
			agentChat: { ...emptyFilter(), agents: ['Anna'], channels: ['chat' as const] },
			solved: { ...emptyFilter(), statuses: ['solved' as const] },
			quarter: { ...emptyFilter(), from: '2025-09-01', to: '2025-11-30' },
			sinceSeptember: { ...emptyFilter(), from: '2025-09-01' }
		};
		for (const [name, filter] of Object.entries(filters)) {
			console.log(`-- filter ${name}`);
			const rows = time('selectRows', () => selectRows(table, filter, ZONE, local));
			const selected = () => (rows === null ? table.columns : gatherColumns(table.columns, rows));
			for (let round = 1; round <= 3; round++)
				time(`tableOverviewKpis (all tiles) #${round}`, () =>
					tableOverviewKpis(table, rows, DEFAULT_SERVICE_SETTINGS, ZONE)
				);
			if (!ONLY_NEW) profileKpiFunctions(selected, schedule);
			time('tableBreakdown agent', () => tableBreakdown(table, rows, 'agent'));
			time('tableBreakdown channel', () => tableBreakdown(table, rows, 'channel'));
			time('tableOverviewKpis counts only (no quantiles)', () =>
				tableOverviewKpis(table, rows, DEFAULT_SERVICE_SETTINGS, ZONE, noQuantiles)
			);
			time('tableDailyVolume', () => tableDailyVolume(table, rows, local));
			time('tableDailySeries (volume + backlog)', () => tableDailySeries(table, rows, local));
			time('tableHourWeekday', () => tableHourWeekday(table, rows, local));
			time('dailyBacklog', () => dailyBacklog(selected(), ZONE));
			for (let round = 1; round <= 3; round++)
				time(`computeTableOverview (whole answer) #${round}`, () =>
					computeTableOverview(table, local, filter, DEFAULT_SERVICE_SETTINGS, ZONE)
				);
		}
	});
});
