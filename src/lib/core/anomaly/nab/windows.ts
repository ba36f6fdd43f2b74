/** A labelled anomaly window as inclusive row indices. */
export interface RowWindow {
	readonly left: number;
	readonly right: number;
}

/** NAB compares window edges with row timestamps on their first 19 characters. */
function timestampKey(timestamp: string): string {
	return timestamp.slice(0, 19);
}

/**
 * Turns `combined_windows.json` timestamp pairs into row indices of one file.
 * Throws when an edge is not a row of the file: the labels and data would disagree.
 */
export function windowsToRows(
	timestamps: readonly string[],
	windows: readonly (readonly [string, string])[]
): RowWindow[] {
	const indexByKey = new Map<string, number>();
	timestamps.forEach((timestamp, index) => indexByKey.set(timestampKey(timestamp), index));
	return windows.map(([start, end]) => {
		const left = indexByKey.get(timestampKey(start));
		const right = indexByKey.get(timestampKey(end));
		if (left === undefined || right === undefined) {
			throw new Error(`Window ${start} – ${end} does not match the file's rows`);
		}
		return { left, right };
	});
}
