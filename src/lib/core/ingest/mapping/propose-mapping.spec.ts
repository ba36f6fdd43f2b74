import { describe, expect, it } from 'vitest';
import { headerSignature, mappingToColumns, proposeMapping, valueTypeOf } from './propose-mapping';

describe('valueTypeOf', () => {
	it('tells dates, durations, numbers and text apart by most values', () => {
		expect(valueTypeOf(['2026-07-01 10:00', '2026/7/2', ''])).toBe('date');
		expect(valueTypeOf(['2h 15m', '35 分钟', '01:45:10'])).toBe('duration');
		expect(valueTypeOf(['12', '3.5', '-1'])).toBe('number');
		expect(valueTypeOf(['Anna', 'Ben'])).toBe('text');
		expect(valueTypeOf(['', ' '])).toBe('empty');
	});
});

describe('proposeMapping', () => {
	it('uses exact and contained synonyms (English and Chinese), then value types', () => {
		const preview = proposeMapping(
			['Ref', 'Opened on (UTC)', 'Handled by agent', '客户邮箱地址', 'Wait', 'Notes'],
			[
				['1', '2026-07-01 09:00', 'Anna', 'a@x.test', '2h 5m', 'x'],
				['2', '2026-07-02 10:00', 'Ben', 'b@x.test', '15m', 'y']
			]
		);
		expect(preview.columns.map((c) => c.field)).toEqual([
			'',
			'createdAt',
			'agent',
			'customerEmail',
			'firstResponseDuration',
			''
		]);
		expect(preview.rows).toHaveLength(2);
		expect(preview.signature).toBe(
			headerSignature([
				'ref',
				'opened on (utc)',
				'handled by agent',
				'客户邮箱地址',
				'wait',
				'notes'
			])
		);
	});

	it('proposes the first date column as creation when no name says so', () => {
		const preview = proposeMapping(['Eingang', 'Kanal'], [['2026-07-01 09:00', 'Email']]);
		expect(preview.columns.map((c) => [c.field, c.valueType])).toEqual([
			['createdAt', 'date'],
			['', 'text']
		]);
	});
});

describe('mappingToColumns', () => {
	it('turns field → header into field → column, ignoring unknown fields and headers', () => {
		expect(
			mappingToColumns(['A', 'B', 'C'], { createdAt: 'B', agent: 'C', bogus: 'A', subject: 'Z' })
		).toEqual({ createdAt: 1, agent: 2 });
	});
});
