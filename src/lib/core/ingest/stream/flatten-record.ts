/**
 * Flattens one JSON record into column → text: nested objects become dotted columns
 * (`via.channel`), arrays of scalars are joined with commas, deeper structures stay JSON.
 */
export function flattenRecord(record: Record<string, unknown>, maxDepth = 3): Map<string, string> {
	const out = new Map<string, string>();
	const visit = (value: unknown, path: string, depth: number) => {
		if (value === null || value === undefined) out.set(path, '');
		else if (typeof value === 'string') out.set(path, value);
		else if (typeof value === 'number' || typeof value === 'boolean') out.set(path, String(value));
		else if (Array.isArray(value)) {
			const isScalarList = value.every((item) => item === null || typeof item !== 'object');
			out.set(
				path,
				isScalarList ? value.map((item) => String(item ?? '')).join(',') : JSON.stringify(value)
			);
		} else if (typeof value === 'object' && depth < maxDepth) {
			for (const [key, child] of Object.entries(value))
				visit(child, path === '' ? key : `${path}.${key}`, depth + 1);
		} else out.set(path, JSON.stringify(value));
	};
	for (const [key, value] of Object.entries(record)) visit(value, key, 1);
	return out;
}
