import { describe, expect, it } from 'vitest';
import { emptyFilter } from '$lib/core/table/ticket-filter';
import { describeFilter } from './filter-summary';

const labels = {
	from: 'From',
	to: 'To',
	channel: 'Channel',
	agent: 'Agent',
	tag: 'Tag',
	priority: 'Priority',
	status: 'Status',
	import: 'Import',
	weekday: 'Weekday',
	hour: 'Hour'
};
const values = {
	channel: (value: string) => value.toUpperCase(),
	agent: (value: string) => (value === '' ? 'Unassigned' : value),
	priority: (value: string) => value,
	status: (value: string) => value,
	import: (id: number) => `file-${id}.csv`,
	weekday: (weekday: number) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][weekday] ?? ''
};

describe('describeFilter', () => {
	it('lists each restriction with readable values', () => {
		const filter = {
			...emptyFilter(),
			from: '2026-01-01',
			to: '2026-01-31',
			channels: ['chat' as const, 'email' as const],
			agents: ['Anna', ''],
			importIds: [3],
			weekdays: [0],
			hours: [9]
		};
		expect(describeFilter(filter, labels, values)).toBe(
			'From: 2026-01-01 · To: 2026-01-31 · Channel: CHAT, EMAIL · Agent: Anna, Unassigned · Import: file-3.csv · Weekday: Mon · Hour: 09:00–09:59'
		);
	});
	it('is empty for the empty filter', () => {
		expect(describeFilter(emptyFilter(), labels, values)).toBe('');
	});
});
