import { describe, expect, it } from 'vitest';
import {
	authorOf,
	createMessageRowReader,
	matchMessageTable,
	parseMessageTime
} from './message-table';

describe('parseMessageTime', () => {
	it("reads Twitter's created_at to the same instant as Date.UTC with the stated offset", () => {
		expect(parseMessageTime('Tue Oct 31 22:10:47 +0000 2017', 'UTC')).toBe(
			Date.UTC(2017, 9, 31, 22, 10, 47)
		);
		expect(parseMessageTime('Wed Nov 01 01:10:47 +0230 2017', 'UTC')).toBe(
			Date.UTC(2017, 10, 1, 1, 10, 47) - 150 * 60_000
		);
		expect(parseMessageTime('Mon Jan 01 00:00:00 -0500 2018', 'Asia/Shanghai')).toBe(
			Date.UTC(2018, 0, 1, 5, 0, 0)
		);
		// Consecutive rows of the same day, then another day (the per-day cache).
		expect(parseMessageTime('Tue Oct 31 23:59:59 +0000 2017', 'UTC')).toBe(
			Date.UTC(2017, 9, 31, 23, 59, 59)
		);
		expect(parseMessageTime('Thu Feb 29 12:00:00 +0000 2024', 'UTC')).toBe(
			Date.UTC(2024, 1, 29, 12)
		);
	});

	it('takes lower-case months, one-digit days and surrounding spaces like the regex did', () => {
		expect(parseMessageTime('tue oct 31 22:10:47 +0000 2017', 'UTC')).toBe(
			Date.UTC(2017, 9, 31, 22, 10, 47)
		);
		expect(parseMessageTime('Sun Oct 1 08:00:00 +0000 2017', 'UTC')).toBe(Date.UTC(2017, 9, 1, 8));
		expect(parseMessageTime('  Tue Oct 31 22:10:47 +0000 2017 ', 'UTC')).toBe(
			Date.UTC(2017, 9, 31, 22, 10, 47)
		);
	});

	it('out-of-range fields carry over as Date.UTC does; a bad month is no time', () => {
		expect(parseMessageTime('Fri Sep 31 10:00:00 +0000 2017', 'UTC')).toBe(
			Date.UTC(2017, 8, 31, 10)
		);
		expect(parseMessageTime('Fri Sep 30 25:00:00 +0000 2017', 'UTC')).toBe(
			Date.UTC(2017, 8, 30, 25)
		);
		expect(parseMessageTime('Tue Xyz 31 22:10:47 +0000 2017', 'UTC')).toBeNull();
	});

	it('anything else goes to the general date parser', () => {
		expect(parseMessageTime('2026-03-02T08:00:00Z', 'UTC')).toBe(Date.UTC(2026, 2, 2, 8));
		expect(parseMessageTime('soon', 'UTC')).toBeNull();
	});
});

describe('message authors', () => {
	it('a customer with an e-mail is the e-mail (lower-cased); others keep their id', () => {
		expect(authorOf('customer', 'u-9', ' Ann@Example.com ')).toBe('ann@example.com');
		expect(authorOf('customer', 'u-9', 'not an e-mail')).toBe('u-9');
		expect(authorOf('customer', '', '')).toBe('');
		expect(authorOf('agent', 'a-2', 'kim@shop.example')).toBe('a-2');
		expect(authorOf('agent', '', 'kim@shop.example')).toBe('kim@shop.example');
	});

	it('maps an e-mail column beside the author id and reads each row by it', () => {
		const headers = ['conversation_id', 'role', 'sent_at', 'author', 'email', 'text'];
		const match = matchMessageTable(headers);
		expect(match?.mappedHeaders).toMatchObject({ authorId: 'author', authorEmail: 'email' });
		if (match === null) throw new Error('not matched');
		const read = createMessageRowReader({ headers, match, timeZone: 'UTC' });
		const author = (cells: string[]) => {
			const row = read(cells, 2);
			return row.ok ? row.message.authorId : null;
		};
		expect(author(['c1', 'customer', '2026-03-02 08:00', 'u-9', 'ANN@example.com', 'Hi'])).toBe(
			'ann@example.com'
		);
		expect(author(['c1', 'agent', '2026-03-02 08:05', 'Kim', 'kim@shop.example', 'Hello'])).toBe(
			'Kim'
		);
	});
});
