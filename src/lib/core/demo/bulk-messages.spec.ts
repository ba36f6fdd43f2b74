import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BULK_MESSAGES_HEADER, bulkMessageCsvPieces, twitterTime } from './bulk-messages';

describe('bulkMessageCsvPieces', () => {
	it('writes exactly the requested tweets, threaded by reply links, deterministically', () => {
		const text = [...bulkMessageCsvPieces(1000, { rowsPerPiece: 97 })].join('');
		expect(text).toBe([...bulkMessageCsvPieces(1000)].join(''));
		const parsed = Papa.parse<string[]>(text.trim());
		expect(parsed.errors).toEqual([]);
		expect(parsed.data[0]?.join(',')).toBe(BULK_MESSAGES_HEADER);
		const rows = parsed.data.slice(1);
		expect(rows).toHaveLength(1000);
		const ids = new Set(rows.map((row) => row[0]));
		// Every reply points at a tweet of the file; every thread starts with a customer tweet.
		for (const row of rows) {
			const parent = row[6] ?? '';
			if (parent === '') expect(row[2]).toBe('True');
			else expect(ids.has(parent.replace(/\.0$/, ''))).toBe(true);
		}
	});

	it('formats times like the Twitter API', () => {
		expect(twitterTime(Date.UTC(2017, 9, 31, 22, 10, 47))).toBe('Tue Oct 31 22:10:47 +0000 2017');
	});
});
