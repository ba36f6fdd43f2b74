import type { TicketColumns } from '../model/ticket-columns';

type TypedColumn = Float64Array | Uint8Array | Uint16Array | Uint32Array | Int32Array;

function gatherTyped(from: TypedColumn, rows: Uint32Array): TypedColumn {
	const Constructor = from.constructor as new (length: number) => TypedColumn;
	const out = new Constructor(rows.length);
	for (let i = 0; i < rows.length; i++) out[i] = from[rows[i] as number] as number;
	return out;
}

function gatherStrings(from: readonly string[], rows: Uint32Array): string[] {
	const out = new Array<string>(rows.length);
	for (let i = 0; i < rows.length; i++) out[i] = from[rows[i] as number] ?? '';
	return out;
}

/**
 * The selected rows of `columns` as a TicketColumns, so every KPI function (written for
 * TicketColumns) runs on a filtered selection unchanged. Each column is copied only when a
 * KPI first reads it (a lazy getter), so a filter pays for the columns its KPIs use, not for
 * all of them. Works for any column added to TicketColumns later: it copies whatever typed
 * arrays and string arrays the source has.
 */
export function gatherColumns(columns: TicketColumns, rows: Uint32Array): TicketColumns {
	const out: Record<string, unknown> = { size: rows.length };
	for (const [name, column] of Object.entries(columns)) {
		if (name === 'size') continue;
		let cached: unknown;
		let isCached = false;
		const materialise = (): unknown => {
			if (ArrayBuffer.isView(column)) return gatherTyped(column as TypedColumn, rows);
			if (Array.isArray(column)) return gatherStrings(column as string[], rows);
			return column;
		};
		Object.defineProperty(out, name, {
			enumerable: true,
			configurable: true,
			get() {
				if (!isCached) {
					cached = materialise();
					isCached = true;
				}
				return cached;
			}
		});
	}
	return out as unknown as TicketColumns;
}
