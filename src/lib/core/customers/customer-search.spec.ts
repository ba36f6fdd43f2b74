import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../model/records';
import { customerMatches } from './customer-search';

const bea: CustomerRecord = {
	key: 'b@example.com',
	emails: ['b@example.com'],
	phones: ['491701234567'],
	name: 'Bea Example',
	firstSeenAtMs: 0,
	tags: ['wholesale', '老客户']
};

describe('customerMatches', () => {
	it('matches every word against name, e-mails, tags and key', () => {
		expect(customerMatches(bea, '')).toBe(true);
		expect(customerMatches(bea, 'bea')).toBe(true);
		expect(customerMatches(bea, 'EXAMPLE whole')).toBe(true);
		expect(customerMatches(bea, '老客户')).toBe(true);
		expect(customerMatches(bea, 'bea vip')).toBe(false);
	});

	it('matches phones by their digits, whatever the spelling', () => {
		expect(customerMatches(bea, '+49 170')).toBe(true);
		expect(customerMatches(bea, '0049 (170) 1234567')).toBe(true);
		expect(customerMatches(bea, '170-1234')).toBe(true);
		expect(customerMatches(bea, '555')).toBe(false);
		// Two digits are too few to mean a phone number.
		expect(customerMatches(bea, '49')).toBe(false);
	});
});
