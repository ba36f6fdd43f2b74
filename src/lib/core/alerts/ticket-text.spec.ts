import { describe, expect, it } from 'vitest';
import { isAbusive, isClaim, isCompensated, isComplaint } from './ticket-text';

describe('ticket keyword tests', () => {
	it('marks complaints from subjects and tags, English and Chinese', () => {
		expect(isComplaint('My order is late', '')).toBe(true);
		expect(isComplaint('Where is my order?', 'delivery_delay|dhl')).toBe(true);
		expect(isComplaint('Refund not received yet', '')).toBe(true);
		expect(isComplaint('包裹破损', '')).toBe(true);
		expect(isComplaint('我要投诉', '')).toBe(true);
		expect(isComplaint('订单还没收到', '')).toBe(true);
		expect(isComplaint('Question about the template', 'product_question')).toBe(false);
		expect(isComplaint('Can I update my address?', 'change_address')).toBe(false);
	});

	it('marks claims, compensation and abusive language', () => {
		expect(isClaim('How do I return an item?', '')).toBe(true);
		expect(isClaim('Parcel never arrived', '')).toBe(true);
		expect(isClaim('退货申请', '')).toBe(true);
		expect(isClaim('Dimensions of the lamp', '')).toBe(false);
		expect(isCompensated('returns_refunds|refund_issued')).toBe(true);
		expect(isCompensated('damaged_item|replacement_sent')).toBe(true);
		expect(isCompensated('returns_refunds')).toBe(false);
		expect(isAbusive('You are scammers, I will call my lawyer')).toBe(true);
		expect(isAbusive('你们这些骗子')).toBe(true);
		expect(isAbusive('Scampi recipe question')).toBe(false);
	});
});
