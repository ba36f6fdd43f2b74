import { describe, expect, it } from 'vitest';
import { findHeaderRow } from './header-row';

describe('findHeaderRow', () => {
	it('takes the first row when it has several names', () => {
		expect(
			findHeaderRow([
				['a', 'b'],
				['1', '2']
			])
		).toBe(0);
	});

	it('skips a title row before the header (Zammad reporting sheet)', () => {
		const rows = [
			['Tickets 2026-07-01 - 2026-07-31', '', '', ''],
			['#', 'Title', 'State', 'Created At'],
			['1', 'Hi', 'open', '2026-07-01 10:00']
		];
		expect(findHeaderRow(rows)).toBe(1);
	});

	it('skips several preamble lines (Chatwoot report)', () => {
		const rows = [
			['Reporting period 2026-07-01 to 2026-07-31'],
			['Exported by', ''],
			['Agent Name', 'Rating', 'Feedback Comment', 'Recorded date'],
			['Ann (ann@shop.test)', '5', '', '2026-07-02']
		];
		expect(findHeaderRow(rows)).toBe(2);
	});

	it('keeps a one-column file as it is', () => {
		expect(findHeaderRow([['email'], ['a@b.c'], ['d@e.f']])).toBe(0);
	});
});
