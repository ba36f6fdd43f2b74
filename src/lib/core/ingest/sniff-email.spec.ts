import { describe, expect, it } from 'vitest';
import { sniffFile } from './sniff';

const bytes = (text: string) => new TextEncoder().encode(text);
const sniff = (text: string, name = 'export') => sniffFile(bytes(text), name, text.length);

describe('sniffFile recognises mailboxes', () => {
	it('an mbox by its envelope line, an .eml by its header block', () => {
		expect(
			sniff('From 1780@xxx Mon Mar 02 08:00:00 +0000 2026\nFrom: a@b.c\n\nhi\n')
		).toMatchObject({
			ok: true,
			format: 'mbox'
		});
		expect(
			sniff('Delivered-To: s@shop.example\r\nFrom: Dan <d@x.com>\r\nSubject: Hi\r\n\r\nbody')
		).toMatchObject({ ok: true, format: 'eml' });
		expect(sniff('anything', 'mail.EML')).toMatchObject({ format: 'eml' });
		expect(sniff('anything', 'Takeout.mbox')).toMatchObject({ format: 'mbox' });
	});

	it('CSV that merely mentions From stays CSV', () => {
		expect(sniff('From,To,Subject\na@b.c,s@x.y,Hi\n')).toMatchObject({ format: 'csv' });
		expect(sniff('From: a@b.c\nnot a header line\n')).toMatchObject({ format: 'csv' });
		expect(sniff('Ticket ID,Created at\n1,2026-03-02\n')).toMatchObject({ format: 'csv' });
	});
});
