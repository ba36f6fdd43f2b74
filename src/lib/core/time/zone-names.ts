/** True for an IANA zone name this engine knows ("Europe/Berlin", "UTC"). */
export function isKnownTimeZone(value: unknown): value is string {
	if (typeof value !== 'string' || value === '') return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

/** The zones to offer in a picker: the engine's list, with UTC and the current one included. */
export function timeZoneChoices(current: string): string[] {
	const known =
		typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
	return [...new Set(['UTC', current, ...known])].sort((a, b) => a.localeCompare(b));
}
