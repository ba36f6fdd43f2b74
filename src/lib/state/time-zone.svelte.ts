import { openDatabase } from '$lib/db/database';
import { readSetting, writeSetting } from '$lib/db/repositories/settings';
import { isKnownTimeZone } from '$lib/core/time/zone-names';

const SETTING_KEY = 'timeZone';

/** The browser's zone: the default until the merchant picks the shop's own. */
export function browserTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The shop's time zone: how timestamps without an offset are read on import, and where
 * days begin in charts. Stored in IndexedDB with the data it describes.
 */
class TimeZoneSetting {
	#zone = $state(browserTimeZone());
	#isLoaded = $state(false);

	get zone(): string {
		return this.#zone;
	}
	get isLoaded(): boolean {
		return this.#isLoaded;
	}

	async load(): Promise<void> {
		const stored = await readSetting(openDatabase(), SETTING_KEY, isKnownTimeZone).catch(
			() => null
		);
		if (stored !== null) this.#zone = stored;
		this.#isLoaded = true;
	}

	async set(zone: string): Promise<void> {
		if (!isKnownTimeZone(zone)) return;
		this.#zone = zone;
		await writeSetting(openDatabase(), SETTING_KEY, zone);
	}
}

export const timeZone = new TimeZoneSetting();
