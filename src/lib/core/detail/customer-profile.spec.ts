import { describe, expect, it } from 'vitest';
import type { Order } from '../model/order';
import type { SurveyAnswer } from '../model/survey';
import {
	customerIdentifiers,
	sharesIdentifier,
	summarizeOrders,
	surveyAnswersOf,
	ticketCustomerIdentifier
} from './customer-profile';

const order = (over: Partial<Order>): Order => ({
	key: 'k',
	externalId: '1',
	createdAtMs: 0,
	customerKey: 'a@x.test',
	email: 'a@x.test',
	phone: '',
	customerId: '',
	customerName: '',
	status: '',
	cancelled: false,
	currency: 'EUR',
	total: 10,
	lineCount: 1,
	itemCount: 1,
	...over
});

describe('customer identifiers', () => {
	const customer = {
		key: 'ann@x.test',
		emails: ['ann@x.test'],
		phones: ['4917012'],
		name: 'Ann',
		firstSeenAtMs: 0,
		customerIds: ['shopify:7'],
		orderNumbers: ['1001']
	};
	it('lists every identifier with its prefix', () => {
		expect([...customerIdentifiers(customer)].sort()).toEqual([
			'cid:shopify:7',
			'email:ann@x.test',
			'order:1001',
			'phone:4917012'
		]);
	});
	it('reads a ticket’s customer key as linking does (id keys belong to the vendor’s system)', () => {
		expect(ticketCustomerIdentifier('ann@x.test', 'zendesk')).toBe('email:ann@x.test');
		expect(ticketCustomerIdentifier('id:7', 'shopify')).toBe('cid:shopify:7');
		expect(ticketCustomerIdentifier('id:7', 'olist-items')).toBe('cid:olist:7');
		expect(ticketCustomerIdentifier('', 'zendesk')).toBe('');
	});
	it('a record is the customer’s when it shares any identifier ("" never matches)', () => {
		const ids = customerIdentifiers(customer);
		expect(sharesIdentifier(['', 'order:1001'], ids)).toBe(true);
		expect(sharesIdentifier(['email:bob@x.test', ''], ids)).toBe(false);
		expect(sharesIdentifier(['cid:zendesk:7'], ids)).toBe(false);
	});
});

describe('summarizeOrders', () => {
	it('counts orders not cancelled and nets credit notes, like customerOrderStats', () => {
		expect(
			summarizeOrders([
				order({ total: 10, createdAtMs: 5 }),
				order({ total: 5.5, customerKey: '' }),
				order({ total: 20, cancelled: true, createdAtMs: 9 }),
				order({ total: -3, cancelled: true, currency: 'GBP' }),
				order({ total: null })
			])
		).toEqual({
			orders: 3,
			spent: 12.5,
			ordersWithoutTotal: 1,
			cancelled: 2,
			currencies: ['EUR', 'GBP'],
			lastOrderAtMs: 9
		});
		expect(summarizeOrders([])).toEqual({
			orders: 0,
			spent: 0,
			ordersWithoutTotal: 0,
			cancelled: 0,
			currencies: [],
			lastOrderAtMs: null
		});
	});
});

describe('surveyAnswersOf', () => {
	it('lists answers newest first', () => {
		const answer = (respondedAtMs: number, score: number): SurveyAnswer => ({
			key: `s:${respondedAtMs}`,
			externalId: '',
			respondedAtMs,
			sentAtMs: null,
			score,
			scale: 'five_point',
			rawScore: String(score),
			comment: 'ok',
			ticketId: '12',
			orderId: '',
			customerKey: '',
			email: '',
			phone: '',
			customerId: '',
			customerName: '',
			agent: ''
		});
		expect(surveyAnswersOf([answer(1, 4), answer(3, 2)]).map((a) => a.score)).toEqual([2, 4]);
	});
});
