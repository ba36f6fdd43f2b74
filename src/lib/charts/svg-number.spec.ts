import { describe, expect, it } from 'vitest';
import { svgNumber } from './svg-number';

describe('svgNumber', () => {
	it('writes hundredths of a pixel without trailing zeros', () => {
		expect(svgNumber(12)).toBe('12');
		expect(svgNumber(12.5)).toBe('12.5');
		expect(svgNumber(12.3456)).toBe('12.35');
		expect(svgNumber(-0.004)).toBe('0');
		expect(svgNumber(199.999)).toBe('200');
	});
});
