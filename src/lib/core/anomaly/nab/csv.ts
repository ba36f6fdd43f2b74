/** One NAB series: `timestamp,value` rows (timestamps local, no zone, read as UTC). */
export interface NabSeries {
	readonly timestamps: string[];
	readonly timesMs: Float64Array;
	readonly values: Float64Array;
}

/** Parses a NAB data CSV (header `timestamp,value`); extra columns are ignored. */
export function parseNabCsv(text: string): NabSeries {
	const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
	const rows = lines.slice(1);
	const timestamps: string[] = [];
	const timesMs = new Float64Array(rows.length);
	const values = new Float64Array(rows.length);
	rows.forEach((line, index) => {
		const [timestamp = '', value = ''] = line.split(',');
		timestamps.push(timestamp);
		timesMs[index] = Date.parse(`${timestamp.slice(0, 19).replace(' ', 'T')}Z`);
		values[index] = Number(value);
	});
	return { timestamps, timesMs, values };
}
