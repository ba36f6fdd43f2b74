/** The zone for timestamps without an offset and for day buckets: the browser's, for now. */
export function userTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
