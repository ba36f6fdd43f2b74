import { parseServiceSettings, type ServiceSettings } from '$lib/core/model/service-settings';
import type { ServiceLensDb } from '../database';

export async function readSetting<T>(
	db: ServiceLensDb,
	key: string,
	isValid: (value: unknown) => value is T
): Promise<T | null> {
	const record = await db.settings.get(key);
	return record !== undefined && isValid(record.value) ? record.value : null;
}

export async function writeSetting(db: ServiceLensDb, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}

const SERVICE_SETTINGS_KEY = 'serviceSettings';

/** Business hours, holidays and SLA targets; the defaults until the merchant saves their own. */
export async function loadServiceSettings(db: ServiceLensDb): Promise<ServiceSettings> {
	const record = await db.settings.get(SERVICE_SETTINGS_KEY);
	return parseServiceSettings(record?.value);
}

/** Stores the settings after the same validation loading applies, and returns what was stored. */
export async function saveServiceSettings(
	db: ServiceLensDb,
	settings: ServiceSettings
): Promise<ServiceSettings> {
	const valid = parseServiceSettings(settings);
	await writeSetting(db, SERVICE_SETTINGS_KEY, valid);
	return valid;
}
