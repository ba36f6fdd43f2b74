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
