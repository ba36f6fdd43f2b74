import { describe, expect, it } from 'vitest';
import { syntheticChunks } from '../../../../tests/factories/synthetic-chunks';
import { computeOverviewKpis } from '../metrics/overview-kpis';
import { defaultServiceSettings, type ServiceSettings } from '../model/service-settings';
import { gatherColumns } from './gather-columns';
import { tableOverviewKpis } from './table-kpis';
import { rowClassesOf } from './row-classes';
import { buildTicketTable } from './ticket-table';
import { emptyFilter, selectRows, type TicketFilter } from './ticket-filter';

const ZONE = 'Europe/Berlin';

const filters: TicketFilter[] = [
	emptyFilter(),
	{ ...emptyFilter(), agents: ['Anna'] },
	{ ...emptyFilter(), channels: ['chat', 'email'], statuses: ['solved'] },
	{ ...emptyFilter(), from: '2025-09-01', to: '2025-11-30' },
	{ ...emptyFilter(), tags: ['vip'], priorities: ['high'] },
	{ ...emptyFilter(), agents: ['Nobody'] },
	{
		...emptyFilter(),
		agents: ['Anna', 'Ben', 'Eva'],
		channels: ['chat', 'email', 'phone'],
		statuses: ['open', 'solved', 'closed'],
		groups: ['Orders', '']
	}
];

function settingsVariants(): [string, ServiceSettings][] {
	const business = defaultServiceSettings();
	business.sla.clock = 'business';
	const closed = defaultServiceSettings();
	closed.week = closed.week.map(() => null);
	const holidays = defaultServiceSettings();
	holidays.holidays = ['2025-10-03', '2025-12-25', '2025-12-26'];
	return [
		['default settings', defaultServiceSettings()],
		['SLA in business hours', business],
		['no open hours', closed],
		['holidays', holidays]
	];
}

/** What the dashboard showed before: every KPI function on the copied rows. */
const straightforward = (
	table: ReturnType<typeof buildTicketTable>,
	rows: Uint32Array | null,
	settings: ServiceSettings
) =>
	computeOverviewKpis(
		rows === null ? table.columns : gatherColumns(table.columns, rows),
		settings,
		ZONE
	);

describe('tableOverviewKpis', () => {
	for (const [label, wholeMinutes] of [
		['whole-minute durations (ranked business medians)', 1],
		['fractional durations (business medians fall back)', 0.5]
	] as const) {
		it(`equals computeOverviewKpis on the selected rows: ${label}`, () => {
			const table = buildTicketTable(syntheticChunks(4_000, { seed: 11, wholeMinutes }), 1);
			for (const [, settings] of settingsVariants()) {
				for (const filter of filters) {
					const rows = selectRows(table, filter, ZONE);
					expect(tableOverviewKpis(table, rows, settings, ZONE)).toEqual(
						straightforward(table, rows, settings)
					);
				}
			}
		});
	}

	it('equals computeOverviewKpis on an empty table and on garbage timestamps', () => {
		const empty = buildTicketTable([], 1);
		expect(tableOverviewKpis(empty, null, defaultServiceSettings(), ZONE)).toEqual(
			straightforward(empty, null, defaultServiceSettings())
		);
		const [chunk] = syntheticChunks(500, { seed: 3 });
		if (chunk === undefined) throw new Error('no chunk');
		// A year-2400 resolution: no business clock over the whole table (range too wide).
		chunk.statusCodes[0] = 5;
		chunk.resolutionSeconds[0] = 400 * 365 * 86_400;
		const table = buildTicketTable([chunk], 1);
		for (const filter of [emptyFilter(), { ...emptyFilter(), agents: ['Ben'] }]) {
			const rows = selectRows(table, filter, ZONE);
			expect(tableOverviewKpis(table, rows, defaultServiceSettings(), ZONE)).toEqual(
				straightforward(table, rows, defaultServiceSettings())
			);
		}
	});

	it('calendar SLA (both kinds in one pass) equals slaAttainment on edge rows', () => {
		const [chunk] = syntheticChunks(600, { seed: 5 });
		if (chunk === undefined) throw new Error('no chunk');
		// Negative first response and resolution (excluded), no creation time, unresolved rows
		// still waiting (pending or breached at the data's moment), a resolved row without a resolution.
		chunk.firstResponseSeconds[0] = -60;
		chunk.statusCodes[1] = 5;
		chunk.resolutionSeconds[1] = -5;
		chunk.createdAtMs[2] = NaN;
		for (const row of [3, 4, 5]) {
			chunk.statusCodes[row] = 2;
			chunk.firstResponseSeconds[row] = NaN;
			chunk.resolutionSeconds[row] = NaN;
		}
		chunk.statusCodes[6] = 6;
		chunk.resolutionSeconds[6] = NaN;
		const table = buildTicketTable([chunk], 1);
		const settings = defaultServiceSettings();
		// Untargeted cells: the ticket is not measured for that kind only.
		settings.sla.firstResponse.chat.normal = null;
		settings.sla.resolution.email.high = null;
		settings.sla.resolution.chat.low = 60;
		for (const filter of [
			emptyFilter(),
			{ ...emptyFilter(), channels: ['chat', 'email'] }
		] as TicketFilter[]) {
			const rows = selectRows(table, filter, ZONE);
			const tiles = tableOverviewKpis(table, rows, settings, ZONE);
			const expected = straightforward(table, rows, settings);
			for (const id of ['sla_first_response_rate', 'sla_resolution_rate'])
				expect(tiles.find((tile) => tile.id === id)).toEqual(
					expected.find((tile) => tile.id === id)
				);
			expect(tiles).toEqual(expected);
		}
	});

	it('equals computeOverviewKpis on an empty selection and on one row', () => {
		const table = buildTicketTable(syntheticChunks(300, { seed: 9 }), 1);
		for (const [, settings] of settingsVariants()) {
			for (const rows of [
				new Uint32Array(0),
				Uint32Array.of(0),
				Uint32Array.of(7),
				Uint32Array.of(299)
			])
				expect(tableOverviewKpis(table, rows, settings, ZONE)).toEqual(
					straightforward(table, rows, settings)
				);
		}
	});

	it('counts from row classes where they carry every value, else row by row: equal either way', () => {
		const whole = buildTicketTable(syntheticChunks(2_000, { seed: 13 }), 1);
		expect(rowClassesOf(whole)).not.toBeNull();
		// A five-point score of 3.5 and 2.5 or 300 replies fit no class: the row-by-row tally answers.
		for (const edit of [
			(chunk: ReturnType<typeof syntheticChunks>[number]) => {
				chunk.csatScaleCodes[4] = 2;
				chunk.csatScores[4] = 3.5;
			},
			(chunk: ReturnType<typeof syntheticChunks>[number]) => {
				chunk.statusCodes[9] = 5;
				chunk.agentReplies[9] = 2.5;
			},
			(chunk: ReturnType<typeof syntheticChunks>[number]) => {
				chunk.statusCodes[9] = 6;
				chunk.agentReplies[9] = 300;
			}
		]) {
			const chunks = syntheticChunks(2_000, { seed: 13 });
			edit(chunks[0] as (typeof chunks)[number]);
			const table = buildTicketTable(chunks, 1);
			expect(rowClassesOf(table)).toBeNull();
			for (const [, settings] of settingsVariants())
				for (const filter of filters) {
					const rows = selectRows(table, filter, ZONE);
					expect(tableOverviewKpis(table, rows, settings, ZONE)).toEqual(
						straightforward(table, rows, settings)
					);
				}
		}
	});

	it('counts by hand on a tiny table', () => {
		const [chunk] = syntheticChunks(3, { seed: 5 });
		if (chunk === undefined) throw new Error('no chunk');
		chunk.statusCodes.set([5, 2, 6]);
		chunk.firstResponseSeconds.set([60, 120, 600]);
		chunk.resolutionSeconds.set([600, NaN, 1200]);
		const table = buildTicketTable([chunk], 1);
		const kpis = tableOverviewKpis(table, null, defaultServiceSettings(), 'UTC');
		const value = (id: string) => kpis.find((kpi) => kpi.id === id)?.value;
		expect(value('tickets')).toBe(3);
		expect(value('solved_tickets')).toBe(2);
		expect(value('first_response_median_s')).toBe(120);
		// p90 of 60, 120, 600: h = 1.8 → 120 + 0.8 · 480 = 504.
		expect(value('first_response_p90_s')).toBeCloseTo(504, 9);
		expect(value('resolution_median_s')).toBe(900);
	});
});
