import type { Ticket } from '../model/ticket';

/** Things worth telling the merchant about an import, each with how many tickets it hit. */
export type ImportWarningCode =
	'reply_before_creation' | 'solved_before_creation' | 'created_from_first_response';

export interface ImportWarning {
	code: ImportWarningCode;
	count: number;
}

export interface ImportQuality {
	/** How many data rows had a value in each source column, in file order. */
	columnFill: { column: string; filled: number }[];
	warnings: ImportWarning[];
}

/**
 * Collects the data-quality figures of one import as rows stream past: fill counts per
 * source column and impossible values (kept as read, flagged here, excluded by the KPIs).
 */
export class QualityCollector {
	#filled: number[] = [];
	#warnings = new Map<ImportWarningCode, number>();

	countRow(cells: readonly string[]): void {
		for (let i = 0; i < cells.length; i++) {
			const cell = cells[i];
			if (cell === undefined || cell === '') continue;
			// Printable ASCII first means text after trim(): only other starts need trimming.
			const first = cell.charCodeAt(0);
			if ((first > 32 && first < 127) || cell.trim() !== '')
				this.#filled[i] = (this.#filled[i] ?? 0) + 1;
		}
	}

	/** Adds `count` filled cells to column `column` (callers that count fills themselves). */
	addFilled(column: number, count: number): void {
		if (count > 0) this.#filled[column] = (this.#filled[column] ?? 0) + count;
	}

	checkTicket(ticket: Ticket): void {
		if (ticket.firstResponseSeconds !== null && ticket.firstResponseSeconds < 0)
			this.#warn('reply_before_creation');
		if (ticket.resolutionSeconds !== null && ticket.resolutionSeconds < 0)
			this.#warn('solved_before_creation');
	}

	#warn(code: ImportWarningCode, count = 1): void {
		this.#warnings.set(code, (this.#warnings.get(code) ?? 0) + count);
	}

	/** A warning about the file as a whole, hitting `count` rows. */
	flag(code: ImportWarningCode, count: number): void {
		if (count > 0) this.#warn(code, count);
	}

	result(header: readonly string[]): ImportQuality {
		return {
			columnFill: header.map((column, i) => ({ column, filled: this.#filled[i] ?? 0 })),
			warnings: [...this.#warnings].map(([code, count]) => ({ code, count }))
		};
	}
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell that is safe to open in Excel or Sheets: quoted as needed, formulas defused. */
export function csvCell(value: string): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
	return cells.map(csvCell).join(',') + '\r\n';
}
