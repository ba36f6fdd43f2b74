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

describe('proposeMapping for every kind', () => {
	it('proposes order fields from Chinese headers and suggests orders', () => {
		const headers = ['订单号', '下单时间', '客户邮箱', '实付金额', '订单状态', '备注'];
		const rows = [
			['A1001', '2026/7/1 10:00', 'wang@example.cn', '88.00', '已发货', ''],
			['A1002', '2026/7/2 11:30', 'li@example.cn', '19.90', '已取消', '急']
		];
		const preview = proposeMapping(headers, rows);
		expect(preview.proposals.orders).toEqual([
			'orderNumber',
			'createdAt',
			'email',
			'total',
			'status',
			''
		]);
		expect(preview.suggestedKind).toBe('orders');
		expect(preview.proposals.customers).toEqual(['', 'createdAt', 'email', '', '', '']);
	});

	it('proposes a survey score from 0-10 answers only, and suggests surveys then', () => {
		const headers = ['Respondent', 'Submitted', 'Q1 How did we do?', 'Q2 Comments'];
		const rows = [
			['r1', '2026-07-01 10:00', '9', 'good'],
			['r2', '2026-07-01 11:00', '3', 'slow'],
			['r3', '2026-07-02 09:00', '', '']
		];
		const preview = proposeMapping(headers, rows);
		expect(preview.proposals.surveys).toEqual(['', 'respondedAt', 'score', 'comment']);
		expect(preview.suggestedKind).toBe('surveys');
		// 30 and 60 are not ratings: no score is guessed.
		const minutes = proposeMapping(headers, [['r1', '2026-07-01 10:00', '30', '']]);
		expect(minutes.proposals.surveys).toEqual(['', 'respondedAt', '', 'comment']);
		expect(minutes.suggestedKind).toBe('tickets');
	});
});
