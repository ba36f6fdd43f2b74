import { afterEach, describe, expect, it } from 'vitest';
import { defaultServiceSettings } from '$lib/core/model/service-settings';
import { ServiceLensDb } from '../database';
import { loadServiceSettings, saveServiceSettings } from './settings';

let db: ServiceLensDb;
afterEach(async () => {
	await db.delete();
});

describe('service settings', () => {
	it('loads the defaults when nothing is stored, and what was saved after a save', async () => {
		db = new ServiceLensDb(`settings-test-${Date.now()}`);
		expect(await loadServiceSettings(db)).toEqual(defaultServiceSettings());
		const settings = defaultServiceSettings();
		settings.week[5] = { openMinute: 600, closeMinute: 840 };
		settings.holidays = ['2026-12-25'];
		settings.sla.firstResponse.chat.urgent = 600;
		settings.sla.clock = 'business';
		await saveServiceSettings(db, settings);
		// A new connection reads it back from IndexedDB.
		db.close();
		db = new ServiceLensDb(db.name);
		expect(await loadServiceSettings(db)).toEqual(settings);
	});

	it('stores only what validates, keeping defaults for the rest', async () => {
		db = new ServiceLensDb(`settings-test-bad-${Date.now()}`);
		const settings = defaultServiceSettings();
		settings.holidays = ['2026-02-30'];
		settings.sla.firstResponse.email.low = -1;
		const stored = await saveServiceSettings(db, settings);
		expect(stored.holidays).toEqual([]);
		expect(stored.sla.firstResponse.email.low).toBe(24 * 3600);
		expect(await loadServiceSettings(db)).toEqual(stored);
	});
});
