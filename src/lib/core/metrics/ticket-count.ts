import type { TicketColumns } from '../model/ticket-columns';

/**
 * The result shape every overview KPI returns (declared here, beside the simplest KPI, so the
 * KPI modules share one definition without a separate types file).
 * `n` = tickets the value was computed from; `excluded` = tickets in the KPI's scope that were
 * dropped as impossible (e.g. negative durations), so the UI can say "n = 1,204 (3 excluded)".
 */
export interface KpiResult {
	value: number | null;
	n: number;
	excluded: number;
}

/** Tickets in the table. Every row counts: volume needs no valid timestamps or status. */
export function ticketCount(columns: TicketColumns): KpiResult {
	return { value: columns.size, n: columns.size, excluded: 0 };
}
