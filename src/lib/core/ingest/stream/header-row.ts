/** How many leading rows may precede the header (report titles, "Reporting period …" lines). */
export const MAX_PREAMBLE_ROWS = 10;

const filledCells = (row: readonly string[]): number => {
	let n = 0;
	for (const cell of row) if (cell.trim() !== '') n++;
	return n;
};

/**
 * Index of the header row among the first rows of a CSV. Reporting sheets (Zammad) and
 * report CSVs (Chatwoot) put a title line with one filled cell before the header: the header
 * is then the first row filled at least half as wide as the widest row in the sample.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
	const first = rows[0];
	if (first === undefined || filledCells(first) >= 2) return 0;
	const sample = rows.slice(0, MAX_PREAMBLE_ROWS + 1);
	const widest = Math.max(...sample.map(filledCells));
	if (widest < 2) return 0;
	const needed = Math.max(2, Math.ceil(widest / 2));
	const index = sample.findIndex((row) => filledCells(row) >= needed);
	return index < 0 ? 0 : index;
}
