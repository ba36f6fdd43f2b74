import { describe, expect, it } from 'vitest';
import { MESSAGE_IMPORT_MESSAGES, describeDerivedTickets } from './message-import-messages';

describe('describeDerivedTickets', () => {
	it('says what the conversations became, in both languages', () => {
		const derived = {
			conversations: 1312,
			tickets: 1311,
			ticketsMerged: 0,
			withoutCustomerMessage: 1
		};
		expect(describeDerivedTickets(derived, 'en')).toBe(
			'Counts are messages. 1,312 conversations: 1,311 tickets derived, 1 without a customer message (no ticket).'
		);
		expect(describeDerivedTickets({ ...derived, ticketsMerged: 5 }, 'zh-CN')).toContain(
			'其中 5 个工单更新了之前导入的工单。'
		);
	});

	it('every English key has a Chinese string', () => {
		expect(Object.keys(MESSAGE_IMPORT_MESSAGES['zh-CN']).sort()).toEqual(
			Object.keys(MESSAGE_IMPORT_MESSAGES.en).sort()
		);
	});
});
