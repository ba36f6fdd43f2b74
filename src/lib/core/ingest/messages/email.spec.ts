import { describe, expect, it } from 'vitest';
import { isShopAddress, mailboxOwner, normalizeSubject, type EmailFacts } from './email';

const facts = (partial: Partial<EmailFacts>): EmailFacts => ({
	messageId: '',
	references: [],
	inReplyTo: '',
	from: '',
	recipients: [],
	deliveredTo: '',
	sentAtMs: 0,
	subject: '',
	text: '',
	isAutomated: false,
	...partial
});

describe('e-mail side and thread helpers', () => {
	it('the owner is the usual Delivered-To, else the most frequent address', () => {
		expect(
			mailboxOwner([
				facts({ from: 'a@x.com', deliveredTo: 'help@shop.example' }),
				facts({ from: 'help@shop.example', recipients: ['a@x.com'] })
			])
		).toBe('help@shop.example');
		expect(
			mailboxOwner([
				facts({ from: 'a@x.com', recipients: ['help@shop.example'] }),
				facts({ from: 'help@shop.example', recipients: ['a@x.com'] }),
				facts({ from: 'b@y.com', recipients: ['help@shop.example'] })
			])
		).toBe('help@shop.example');
	});

	it('colleagues at the shop domain are the shop; a webmail domain is not shared', () => {
		expect(isShopAddress('kim@shop.example', 'help@shop.example')).toBe(true);
		expect(isShopAddress('ann@example.com', 'help@shop.example')).toBe(false);
		expect(isShopAddress('someone@gmail.com', 'myshop@gmail.com')).toBe(false);
		expect(isShopAddress('myshop@gmail.com', 'myshop@gmail.com')).toBe(true);
	});

	it('reply and forward prefixes, in several languages, are dropped from subjects', () => {
		expect(normalizeSubject('Re: AW: Fwd:  Where is my  order?')).toBe('where is my order?');
		expect(normalizeSubject('回复：订单问题')).toBe('订单问题');
		expect(normalizeSubject('Refund')).toBe('refund');
	});
});
