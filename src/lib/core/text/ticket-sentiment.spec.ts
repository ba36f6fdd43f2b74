import { describe, expect, it } from 'vitest';
import { makeColumns } from '../../../../tests/factories/ticket';
import { FIRST_MESSAGE_CHARS, FirstMessageSentiment, negativeTickets } from './ticket-sentiment';

describe('FirstMessageSentiment', () => {
	it('keeps the verdict of the earliest customer message per ticket', () => {
		const first = new FirstMessageSentiment(3);
		first.offer(0, 2_000, 'Thanks, all good'); // later one seen first…
		first.offer(0, 1_000, 'Still waiting, this is terrible'); // …replaced by the earlier
		first.offer(0, 3_000, 'Thanks'); // later: ignored
		first.offer(1, NaN, 'This is terrible'); // no time: counts as the last message
		first.offer(1, 5_000, 'Great, thanks');
		expect(Array.from(first.negative)).toEqual([1, 0, 0]);
		expect(first.scored).toBe(2);
	});

	it('reads only the first 1,000 characters', () => {
		const first = new FirstMessageSentiment(1);
		first.offer(0, 1, `${'x'.repeat(FIRST_MESSAGE_CHARS)} terrible`);
		expect(first.negative[0]).toBe(0);
	});
});

describe('negativeTickets', () => {
	it('reads negative when the subject or the first customer message does', () => {
		const columns = makeColumns(
			{ key: 'a', subject: 'Order 123' },
			{ key: 'b', subject: 'Terrible service' },
			{ key: 'c', subject: 'Order 124' },
			{ key: 'd', subject: 'Rude agent' }
		);
		const first = new FirstMessageSentiment(4);
		first.offer(0, 1, 'I am very disappointed, still waiting');
		first.offer(1, 1, 'Thanks'); // a polite body does not cancel an angry subject
		first.offer(2, 1, 'Thanks for the quick help');
		expect(Array.from(negativeTickets(columns, first))).toEqual([1, 1, 0, 1]);
		// Without messages: subjects only.
		expect(Array.from(negativeTickets(columns))).toEqual([0, 1, 0, 1]);
	});
});
