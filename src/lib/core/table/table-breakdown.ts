import { CHANNELS, CSAT_SCALES, codeOf } from '../model/ticket';
import { FEW_RATINGS, sortBreakdownRows, type BreakdownRow } from '../metrics/breakdown';
import { rankedGroupMedians } from './ranked-column';
import { groupedQuantiles, type GroupedQuantiles } from './rank-buckets';
import { HOUR_WEEKDAY_CELLS, hourWeekdayCells, type LocalTimeColumns } from './local-time';
import type { HourWeekdayCell } from '../metrics/hour-weekday';
import { tableRanks } from './table-kpis';
import { wilsonInterval } from '../metrics/wilson';
import type { TicketTable } from './ticket-table';

export type TableBreakdownDimension = 'agent' | 'channel';

const GOOD_BAD = codeOf(CSAT_SCALES, 'good_bad');
const FIVE_POINT = codeOf(CSAT_SCALES, 'five_point');

/**
 * breakdownBy over the table's selected rows (null = all) without copying each group's
 * columns: one pass per KPI over the codes. The populations are those of the tile KPIs
 * (firstResponseTime, resolutionTimeMedian, csatSatisfiedRate), and a spec checks the rows
 * equal breakdownBy's on the same tickets.
 */
export function tableBreakdown(
	table: TicketTable,
	selection: Uint32Array | null,
	dimension: TableBreakdownDimension
): BreakdownRow[] {
	const { columns } = table;
	const codes = dimension === 'agent' ? table.agentCodes : columns.channelCodes;
	const groupCount = dimension === 'agent' ? table.agents.length : CHANNELS.length;
	const keyOf = (code: number): string =>
		dimension === 'agent' ? (table.agents[code] ?? '') : code === 0 ? '' : (CHANNELS[code] ?? '');
	const tallies = emptyGroupTallies(groupCount);
	tallyGroups(tallies, csatClasses(table), codes, selection);
	// Medians from the table's ranked durations: the tile KPIs' populations, no per-group copies.
	const ranks = tableRanks(table);
	const groupOf = { codes, base: 0 };
	const firstResponse = rankedGroupMedians(ranks.firstResponse, selection, groupOf, groupCount);
	const resolution = rankedGroupMedians(ranks.resolution, selection, groupOf, groupCount);

	return breakdownRowsOf(tallies, keyOf, firstResponse, resolution);
}

/**
 * tableBreakdown by agent and by channel, and tableHourWeekday, of the same selection (the dashboard
 * shows all three): one tally pass, and the first responses' medians of agents, channels and
 * hour cells from one pass over the selected rows. Equal to the separate calls.
 */
export function tableBreakdownsAndHeatmap(
	table: TicketTable,
	selection: Uint32Array | null,
	local: LocalTimeColumns
): { byAgent: BreakdownRow[]; byChannel: BreakdownRow[]; hourWeekday: HourWeekdayCell[] } {
	const { columns } = table;
	const agentCount = table.agents.length;
	const byAgent = emptyGroupTallies(agentCount);
	const byChannel = emptyGroupTallies(CHANNELS.length);
	const csat = csatClasses(table);
	tallyGroups(byAgent, csat, table.agentCodes, selection);
	tallyGroups(byChannel, csat, columns.channelCodes, selection);
	// NO_CELL (255, no creation time) lands past the grid's last cell: left out.
	const cellTickets = new Uint32Array(256);
	const { cells } = local;
	if (selection === null) for (let row = 0; row < table.size; row++) cellTickets[cells[row]!]!++;
	else for (let i = 0; i < selection.length; i++) cellTickets[cells[selection[i]!]!]!++;
	const ranks = tableRanks(table);
	const agents = { codes: table.agentCodes, base: 0, groupCount: agentCount };
	const channels = { codes: columns.channelCodes, base: 0, groupCount: CHANNELS.length };
	const hourCells = { codes: cells, base: 0, groupCount: HOUR_WEEKDAY_CELLS };
	const medians = (answer: GroupedQuantiles) => ({
		medians: answer.values[0] as (number | null)[],
		n: answer.n
	});
	const [agentFirst, channelFirst, cellFirst] = groupedQuantiles(
		ranks.firstResponse,
		selection,
		[agents, channels, hourCells],
		[0.5]
	).map(medians) as [GroupMedians, GroupMedians, GroupMedians];
	const [agentResolution, channelResolution] = groupedQuantiles(
		ranks.resolution,
		selection,
		[agents, channels],
		[0.5]
	).map(medians) as [GroupMedians, GroupMedians];
	return {
		byAgent: breakdownRowsOf(
			byAgent,
			(code) => table.agents[code] ?? '',
			agentFirst,
			agentResolution
		),
		byChannel: breakdownRowsOf(
			byChannel,
			(code) => (code === 0 ? '' : (CHANNELS[code] ?? '')),
			channelFirst,
			channelResolution
		),
		hourWeekday: hourWeekdayCells(cellTickets.subarray(0, HOUR_WEEKDAY_CELLS), cellFirst)
	};
}

/** Tickets, rated and satisfied tickets per group: the counts behind each breakdown row. */
export interface GroupTallies {
	tickets: Int32Array;
	rated: Int32Array;
	satisfied: Int32Array;
}

export function emptyGroupTallies(groupCount: number): GroupTallies {
	return {
		tickets: new Int32Array(groupCount),
		rated: new Int32Array(groupCount),
		satisfied: new Int32Array(groupCount)
	};
}

/** A row's CSAT as csatSatisfiedRate counts it: not rated (or off its scale), rated, satisfied. */
const NOT_RATED = 0;
const RATED = 1;
const SATISFIED = 2;

const csatByTable = new WeakMap<TicketTable, Uint8Array>();

/**
 * Each row's CSAT class, once per table: the tallies then read one byte per row instead of
 * the scale code and the 8-byte score (csatSatisfiedRate's rules: good/bad is 0|1, five-point
 * 1..5 with 4-5 satisfied).
 */
export function csatClasses(table: TicketTable): Uint8Array {
	let classes = csatByTable.get(table);
	if (classes === undefined) {
		const { csatScaleCodes, csatScores } = table.columns;
		classes = new Uint8Array(table.size);
		for (let row = 0; row < table.size; row++) {
			const scale = csatScaleCodes[row] ?? 0;
			const score = csatScores[row] ?? NaN;
			if (scale === GOOD_BAD && (score === 0 || score === 1))
				classes[row] = score === 1 ? SATISFIED : RATED;
			else if (scale === FIVE_POINT && score >= 1 && score <= 5)
				classes[row] = score >= 4 ? SATISFIED : RATED;
			else classes[row] = NOT_RATED;
		}
		csatByTable.set(table, classes);
	}
	return classes;
}

/** Counts one ticket in its group from its CSAT class (csatClasses). */
export function tallyRow(tallies: GroupTallies, csat: number, group: number): void {
	tallies.tickets[group]!++;
	// Rated: class 1 or 2; satisfied: class 2.
	tallies.rated[group]! += (csat + 1) >> 1;
	tallies.satisfied[group]! += csat >> 1;
}

/** Counts the selected rows (null = all) in their groups, codes[row] in 0..groupCount-1. */
export function tallyGroups(
	tallies: GroupTallies,
	csat: Uint8Array,
	codes: ArrayLike<number>,
	rows: Uint32Array | null
): void {
	const { tickets, rated, satisfied } = tallies;
	const count = rows === null ? csat.length : rows.length;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		const group = codes[row] as number;
		const csatClass = csat[row] as number;
		tickets[group]!++;
		rated[group]! += (csatClass + 1) >> 1;
		satisfied[group]! += csatClass >> 1;
	}
}

interface GroupMedians {
	medians: (number | null)[];
	n: Uint32Array;
}

/** One row per non-empty group (Wilson interval, few-ratings mark), sorted as breakdownBy sorts. */
export function breakdownRowsOf(
	tallies: GroupTallies,
	keyOf: (group: number) => string,
	firstResponse: GroupMedians,
	resolution: GroupMedians
): BreakdownRow[] {
	const result: BreakdownRow[] = [];
	for (let group = 0; group < tallies.tickets.length; group++) {
		const count = tallies.tickets[group] ?? 0;
		if (count === 0) continue;
		const ratedCount = tallies.rated[group] ?? 0;
		const satisfiedCount = tallies.satisfied[group] ?? 0;
		const interval = wilsonInterval(satisfiedCount, ratedCount);
		result.push({
			key: keyOf(group),
			tickets: count,
			firstResponseMedianSeconds: firstResponse.medians[group] ?? null,
			firstResponseN: firstResponse.n[group] ?? 0,
			resolutionMedianSeconds: resolution.medians[group] ?? null,
			resolutionN: resolution.n[group] ?? 0,
			csatSatisfiedRate: ratedCount === 0 ? null : satisfiedCount / ratedCount,
			csatRated: ratedCount,
			csatLow: interval?.low ?? null,
			csatHigh: interval?.high ?? null,
			hasFewRatings: ratedCount < FEW_RATINGS
		});
	}
	return sortBreakdownRows(result);
}
