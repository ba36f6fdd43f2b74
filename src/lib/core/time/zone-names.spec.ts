import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, timeZoneChoices } from './zone-names';

describe('isKnownTimeZone', () => {
	it('accepts IANA names and rejects the rest', () => {
		expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
		expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
		expect(isKnownTimeZone('UTC')).toBe(true);
		expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
		expect(isKnownTimeZone('')).toBe(false);
		expect(isKnownTimeZone(42)).toBe(false);
	});
});

describe('timeZoneChoices', () => {
	it('lists UTC and the current zone once each, sorted', () => {
		const choices = timeZoneChoices('Europe/Berlin');
		expect(choices.filter((zone) => zone === 'UTC')).toHaveLength(1);
		expect(choices.filter((zone) => zone === 'Europe/Berlin')).toHaveLength(1);
		expect(choices).toContain('Asia/Shanghai');
		expect([...choices].sort((a, b) => a.localeCompare(b))).toEqual(choices);
	});
});
