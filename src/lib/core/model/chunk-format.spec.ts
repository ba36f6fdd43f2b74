import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeText, encodePrefixedText, encodeText } from './chunk-text';
import {
	CHUNK_FORMAT_ENCODED,
	decodeMessageChunk,
	decodeTicketChunk,
	encodeMessageChunk,
	encodeTicketChunk,
	type MessageChunk,
	type TicketChunk
} from './chunk-format';
import { emptyMessageColumns, writeMessageAt } from './message';
import { toTicketColumns } from './ticket-columns';
import type { Ticket } from './ticket';

const ticket = (i: number, overrides: Partial<Ticket> = {}): Ticket => ({
	key: `zendesk:${1000 + i}`,
	externalId: String(1000 + i),
	importId: 3,
	createdAtMs: 1_700_000_000_000 + i * 60_000,
	firstResponseSeconds: i % 3 === 0 ? null : 60 * i,
	solvedAtMs: null,
	resolutionSeconds: null,
	status: 'open',
	channel: 'email',
	priority: 'normal',
	agent: ['Ana', 'Bo', ''][i % 3] ?? '',
	group: 'Support',
	subject: `Order ${i} is late, "again"`,
	tags: i % 2 === 0 ? ['vip', 'refund'] : [],
	customerKey: `c${i % 7}@shop.test`,
	csatScore: null,
	csatScale: 'none',
	csatRaw: i % 4 === 0 ? 'Great' : '',
	agentReplies: 2,
	reopens: 0,
	...overrides
});

describe('encodeText / decodeText', () => {
	it('keeps few distinct values as a dictionary of codes', () => {
		const values = Array.from({ length: 100 }, (_, i) => ['Ana', 'Bo', ''][i % 3] ?? '');
		const encoded = encodeText(values, 100, 'repeats');
		expect(encoded.kind).toBe('dict');
		if (encoded.kind === 'dict') {
			expect(encoded.values).toEqual(['Ana', 'Bo', '']);
			expect(encoded.codes).toBeInstanceOf(Uint8Array);
			expect(Array.from(encoded.codes.slice(0, 4))).toEqual([0, 1, 2, 0]);
		}
		expect(decodeText(encoded, 100)).toEqual(values);
	});

	it('joins values that rarely repeat into one UTF-8 buffer with their ends', () => {
		const values = ['héllo', '', '你好', '😀 ok', 'x'];
		const encoded = encodeText(values, 5, 'repeats');
		expect(encoded.kind).toBe('utf8');
		if (encoded.kind === 'utf8') {
			expect(Array.from(encoded.ends)).toEqual([5, 5, 7, 12, 13]);
			expect(new TextDecoder().decode(encoded.bytes)).toBe('héllo你好😀 okx');
		}
		expect(decodeText(encoded, 5)).toEqual(values);
	});

	it('keeps a lone surrogate unchanged (not through UTF-8)', () => {
		const values = ['a\uD800b', 'ok'];
		const encoded = encodeText(values, 2, 'unique');
		expect(encoded.kind).toBe('joined');
		expect(decodeText(encoded, 2)).toEqual(values);
	});

	it('stores keys as a prefix of the id column only when every row has that form', () => {
		const ids = ['1', '22', '333'];
		const keys = ids.map((id) => `zendesk:${id}`);
		const encoded = encodePrefixedText(keys, ids, 'externalIds', 3);
		expect(encoded).toEqual({ kind: 'prefixed', prefix: 'zendesk:', column: 'externalIds' });
		expect(decodeText(encoded, 3, () => ids)).toEqual(keys);
		const odd = [...keys.slice(0, 2), 'zendesk:334'];
		expect(encodePrefixedText(odd, ids, 'externalIds', 3).kind).toBe('utf8');
		expect(encodePrefixedText(['a:1', 'b:22'], ['1', '22'], 'externalIds', 2).kind).toBe('utf8');
	});

	it('reads missing entries of a short array as empty strings', () => {
		expect(decodeText(encodeText(['a'], 3, 'unique'), 3)).toEqual(['a', '', '']);
	});
});

describe('ticket chunks', () => {
	const chunk = (): TicketChunk => ({
		...toTicketColumns(Array.from({ length: 200 }, (_, i) => ticket(i))),
		importId: 3,
		id: 9
	});

	it('round-trips every column unchanged', () => {
		const original = chunk();
		const encoded = encodeTicketChunk(original);
		expect(encoded.format).toBe(CHUNK_FORMAT_ENCODED);
		expect('keys' in encoded).toBe(false);
		expect(encoded.text.keys?.kind).toBe('prefixed');
		expect(encoded.text.agents?.kind).toBe('dict');
		// Through a structured clone, as IndexedDB stores it.
		const stored = structuredClone(encoded);
		expect(decodeTicketChunk(stored)).toEqual(original);
	});

	it('reads a chunk written before format 2 as it is', () => {
		const old = chunk();
		expect(decodeTicketChunk(old)).toBe(old);
		expect(decodeTicketChunk(undefined)).toBeUndefined();
	});

	it('a chunk without the optional csatRaw column stays without it', () => {
		const older = chunk();
		delete older.csatRaw;
		const decoded = decodeTicketChunk(structuredClone(encodeTicketChunk(older)));
		expect('csatRaw' in decoded).toBe(false);
		expect(decoded).toEqual(older);
	});

	it('costs less to serialise than the plain chunk', () => {
		const original = chunk();
		expect(serialize(encodeTicketChunk(original)).length).toBeLessThan(
			serialize(original).length * 0.8
		);
	});
});

describe('message chunks', () => {
	it('round-trips every column unchanged, keys from the message ids', () => {
		const columns = emptyMessageColumns(50);
		for (let i = 0; i < 50; i++)
			writeMessageAt(
				columns,
				columns.size++,
				{
					conversationId: `c${Math.floor(i / 10)}`,
					messageId: `m${i}`,
					role: i % 2 === 0 ? 'customer' : 'agent',
					isPublic: true,
					isAutomated: i % 5 === 0,
					event: 'message',
					sentAtMs: 1_700_000_000_000 + i,
					text: `text ${i} ✓`,
					authorId: i % 2 === 0 ? '@cust' : 'shop',
					channel: 'social',
					subject: ''
				},
				`twcs:m${i}`
			);
		const { size, keys, ...rest } = columns;
		const original: MessageChunk = { id: 4, importId: 2, size, keys, columns: rest };
		const encoded = encodeMessageChunk(original);
		expect(encoded.text.keys).toEqual({ kind: 'prefixed', prefix: 'twcs:', column: 'messageIds' });
		expect(encoded.text.conversationIds.kind).toBe('dict');
		expect(decodeMessageChunk(structuredClone(encoded))).toEqual(original);
		expect(decodeMessageChunk(original)).toBe(original);
	});
});
