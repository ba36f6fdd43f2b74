import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number';

describe('parseNumber', () => {
	it('reads plain, grouped and decimal-comma amounts', () => {
		expect(parseNumber('184.76')).toBe(184.76);
		expect(parseNumber('1,234.50')).toBe(1234.5);
		expect(parseNumber('1.234,50')).toBe(1234.5);
		expect(parseNumber('19,90')).toBe(19.9);
		expect(parseNumber('1,234')).toBe(1234);
		expect(parseNumber('€ 19,90')).toBe(19.9);
		expect(parseNumber("'42")).toBe(42);
		expect(parseNumber('-3')).toBe(-3);
		expect(parseNumber('(12.00)')).toBe(-12);
	});

	it('gives null for empty or non-numbers (never 0)', () => {
		expect(parseNumber('')).toBeNull();
		expect(parseNumber('  ')).toBeNull();
		expect(parseNumber('n/a')).toBeNull();
	});
});
