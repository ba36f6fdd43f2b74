import { csvLine } from '../ingest/quality';

export interface KpiCsvRow {
	id: string;
	label: string;
	unit: string;
	value: number | null;
	n: number;
	excluded: number;
	previousValue: number | null;
	change: number | null;
}

const number = (value: number | null): string => (value === null ? '' : String(value));

/**
 * The KPI tiles as CSV, values in base units (seconds, 0..1 fractions, counts) so a
 * spreadsheet can compute with them; each row states the filters and the compared period.
 * Every cell goes through csvLine (formula-safe).
 */
export function kpiTableCsv(
	rows: readonly KpiCsvRow[],
	filters: string,
	previousPeriod: string
): string {
	let text = csvLine([
		'kpi_id',
		'kpi',
		'value',
		'unit',
		'n',
		'excluded',
		'previous_value',
		'change',
		'filters',
		'previous_period'
	]);
	for (const row of rows) {
		text += csvLine([
			row.id,
			row.label,
			number(row.value),
			row.unit,
			String(row.n),
			String(row.excluded),
			number(row.previousValue),
			number(row.change),
			filters,
			previousPeriod
		]);
	}
	return text;
}
