import { describe, expect, it } from 'vitest';
import { MAPPING_KINDS, MAPPING_SPECS } from '$lib/core/ingest/mapping/mapping-kinds';
import { IMPORTER_MESSAGES } from './importer-messages';

describe('importer messages', () => {
	it('every English key has a Chinese string', () => {
		expect(Object.keys(IMPORTER_MESSAGES['zh-CN']).sort()).toEqual(
			Object.keys(IMPORTER_MESSAGES.en).sort()
		);
	});

	it('labels every field the mapping screen offers for surveys, orders, messages and customers', () => {
		const keys = new Set(Object.keys(IMPORTER_MESSAGES.en));
		for (const kind of MAPPING_KINDS) {
			expect(keys.has(`mapping.kind.${kind}`)).toBe(true);
			if (kind === 'tickets') continue; // ticket fields are labelled in sources-messages.ts
			for (const field of MAPPING_SPECS[kind].fields)
				expect(keys.has(`field.${kind}.${field}`), `${kind}.${field}`).toBe(true);
		}
	});
});
