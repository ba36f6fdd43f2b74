import { openDatabase } from '$lib/db/database';
import { loadServiceSettings, saveServiceSettings } from '$lib/db/repositories/settings';
import type { ServiceSettings } from '$lib/core/model/service-settings';

/**
 * Business hours, holidays and SLA targets for the Settings page. The analysis worker reads the
 * same record from IndexedDB whenever it computes the overview, so a save needs no message.
 */
class ServiceSettingsManager {
	#settings = $state.raw<ServiceSettings | null>(null);
	#error = $state<string | null>(null);

	get settings(): ServiceSettings | null {
		return this.#settings;
	}
	get error(): string | null {
		return this.#error;
	}

	async load(): Promise<void> {
		try {
			this.#settings = await loadServiceSettings(openDatabase());
			this.#error = null;
		} catch (error) {
			this.#error = error instanceof Error ? error.message : String(error);
		}
	}

	async save(settings: ServiceSettings): Promise<boolean> {
		try {
			this.#settings = await saveServiceSettings(openDatabase(), settings);
			this.#error = null;
			return true;
		} catch (error) {
			this.#error = error instanceof Error ? error.message : String(error);
			return false;
		}
	}
}

export const serviceSettings = new ServiceSettingsManager();
