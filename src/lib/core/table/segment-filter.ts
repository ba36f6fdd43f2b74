import { CUSTOMER_SEGMENTS, type CustomerSegment } from '../customers/customer-segments';

/**
 * Narrows a selection (null = every row of a table of `size` rows) to the rows whose segment
 * code is among `segments`; returns the selection unchanged when no segment is asked for.
 */
export function narrowBySegments(
	size: number,
	rows: Uint32Array | null,
	segments: readonly CustomerSegment[],
	codes: Uint8Array
): Uint32Array | null {
	if (segments.length === 0) return rows;
	const allowed = new Uint8Array(CUSTOMER_SEGMENTS.length);
	for (const segment of segments) allowed[CUSTOMER_SEGMENTS.indexOf(segment)] = 1;
	const count = rows === null ? size : rows.length;
	const out = new Uint32Array(count);
	let kept = 0;
	for (let i = 0; i < count; i++) {
		const row = rows === null ? i : (rows[i] as number);
		if (allowed[codes[row] ?? 0] === 1) out[kept++] = row;
	}
	return out.slice(0, kept);
}
