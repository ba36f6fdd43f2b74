import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTicketVendor, mapTicketHeaders } from './map-ticket-headers';
import { normalizeHeader } from './ticket-fields';

/** First line of a shared sample file, split on commas (these headers hold no quotes). */
const headerOf = (path: string) =>
	(readFileSync(path, 'utf8').split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF/, '').split(',');

/** One sample row with `values` at the named columns, '' elsewhere. */
function sampleRow(headers: readonly string[], values: Record<string, string>): string[] {
	return headers.map((header) => values[header] ?? '');
}

/** /work/shared/reference/export-formats.md §3.1, Zendesk full ticket export, in order. */
const ZENDESK_HEADER = [
	'Summation column',
	'Id',
	'Requester',
	'Requester id',
	'Requester external id',
	'Requester email',
	'Requester domain',
	'Submitter',
	'Assignee',
	'Group',
	'Subject',
	'Tags',
	'Status',
	'Priority',
	'Via',
	'Ticket type',
	'Created at',
	'Updated at',
	'Assigned at',
	'Organization',
	'Due date',
	'Initially assigned at',
	'Solved at',
	'Resolution time',
	'Satisfaction Score',
	'Group stations',
	'Assignee stations',
	'Reopens',
	'Replies',
	'First reply time in minutes',
	'First reply time in minutes within business hours',
	'First resolution time in minutes',
	'First resolution time in minutes within business hours',
	'Full resolution time in minutes',
	'Full resolution time in minutes within business hours',
	'Agent wait time in minutes',
	'Agent wait time in minutes within business hours',
	'Requester wait time in minutes',
	'Requester wait time in minutes within business hours',
	'On hold time in minutes',
	'On hold time in minutes within business hours',
	'Ticket Category [list]'
];

describe('mapTicketHeaders: Zendesk full export', () => {
	const samples = [
		sampleRow(ZENDESK_HEADER, {
			Id: '101',
			'Created at': '2024-03-04 09:00:00',
			'Solved at': '2024-03-05 10:00:00',
			'Resolution time': '25',
			'First reply time in minutes': '35',
			'Full resolution time in minutes': '1500'
		}),
		sampleRow(ZENDESK_HEADER, {
			Id: '102',
			'Created at': '2024-03-04 11:00:00',
			'Solved at': '2024-03-04 12:30:00'
		})
	];
	const match = mapTicketHeaders(ZENDESK_HEADER, samples);
	const col = (name: string) => ZENDESK_HEADER.indexOf(name);

	it('detects the vendor and reports no problem', () => {
		expect(match.vendor).toBe('zendesk');
		expect(match.problem).toBeNull();
	});

	it('maps every ticket field to its Zendesk column, and nothing else', () => {
		expect(match.mapping).toEqual({
			externalId: col('Id'),
			createdAt: col('Created at'),
			firstResponseDuration: col('First reply time in minutes'),
			solvedAt: col('Solved at'),
			resolutionDuration: col('Full resolution time in minutes'),
			firstResolutionDuration: col('First resolution time in minutes'),
			status: col('Status'),
			channel: col('Via'),
			priority: col('Priority'),
			agent: col('Assignee'),
			group: col('Group'),
			subject: col('Subject'),
			tags: col('Tags'),
			customerEmail: col('Requester email'),
			customerId: col('Requester id'),
			customerName: col('Requester'),
			csat: col('Satisfaction Score'),
			agentReplies: col('Replies'),
			reopens: col('Reopens')
		});
		// Spot-check the indexes by hand so a reordered constant cannot hide a mistake.
		expect(match.mapping.createdAt).toBe(16);
		expect(match.mapping.firstResponseDuration).toBe(29);
		expect(match.mapping.resolutionDuration).toBe(33);
	});

	it('takes calendar minutes, not the business-hours twin, for first reply', () => {
		expect(match.mappedHeaders.firstResponseDuration).toBe('First reply time in minutes');
	});

	it('prefers "Full resolution time in minutes" over "Resolution time"', () => {
		expect(match.mappedHeaders.resolutionDuration).toBe('Full resolution time in minutes');
		expect(Object.values(match.mappedHeaders)).not.toContain('Resolution time');
	});

	it('names the source header of each mapped field', () => {
		expect(match.mappedHeaders).toMatchObject({
			externalId: 'Id',
			createdAt: 'Created at',
			solvedAt: 'Solved at',
			status: 'Status',
			channel: 'Via',
			agent: 'Assignee',
			group: 'Group',
			subject: 'Subject',
			tags: 'Tags',
			customerEmail: 'Requester email',
			csat: 'Satisfaction Score',
			agentReplies: 'Replies',
			reopens: 'Reopens'
		});
		expect(match.mappedHeaders.firstResolutionDuration).toBe('First resolution time in minutes');
		expect(Object.keys(match.mappedHeaders)).toHaveLength(19);
	});

	it('falls back to "Resolution time" when the full-resolution column is missing', () => {
		const headers = ['Id', 'Created at', 'Resolution time'];
		const result = mapTicketHeaders(headers, [['1', '2024-03-04 09:00:00', '25']]);
		expect(result.mapping.resolutionDuration).toBe(2);
	});
});

describe('mapTicketHeaders: Freshdesk ticket export', () => {
	const headers = headerOf(
		'/work/shared/datasets/platform-export-samples/freshdesk/freshdesk_tickets.csv'
	);

	it('reads the sample file header as expected', () => {
		expect(headers.slice(0, 8)).toEqual([
			'Ticket ID',
			'Subject',
			'Description',
			'Status',
			'Priority',
			'Type',
			'Created time',
			'Resolved time'
		]);
	});

	it('detects Freshdesk and maps created and resolved times when samples show timestamps', () => {
		const samples = [
			sampleRow(headers, {
				'Ticket ID': '7',
				'Created time': '2025-12-03 16:29:08',
				'Resolved time': '2025-12-04 09:00:00'
			})
		];
		const match = mapTicketHeaders(headers, samples);
		expect(match.vendor).toBe('freshdesk');
		expect(match.problem).toBeNull();
		expect(match.mapping).toMatchObject({
			externalId: 0,
			subject: 1,
			status: 3,
			priority: 4,
			createdAt: 6,
			solvedAt: 7
		});
		expect(match.mapping.resolutionDuration).toBeUndefined();
		expect(match.mappedHeaders.createdAt).toBe('Created time');
		expect(match.mappedHeaders.solvedAt).toBe('Resolved time');
		expect(match.mappedHeaders.customerEmail).toBe('Email');
		expect(match.mappedHeaders.customerName).toBe('Full name');
		expect(match.mappedHeaders.customerId).toBe('Contact ID');
	});

	// Regression: with no sample values a time-or-duration column was re-mapped as a duration,
	// and every later solve time was lost.
	it('keeps "Resolved time" as solvedAt when no sample row has a value in it', () => {
		const match = mapTicketHeaders(headers, []);
		expect(match.vendor).toBe('freshdesk');
		expect(match.mapping.createdAt).toBe(6);
		expect(match.mapping.solvedAt).toBe(7);
		expect(match.mapping.resolutionDuration).toBeUndefined();
	});
});

describe('mapTicketHeaders: problems', () => {
	it('reads the Kaggle generic table, which has no creation column, dated by its first reply', () => {
		const headers = headerOf(
			'/work/shared/datasets/customer-support-tickets/customer_support_tickets.csv'
		);
		expect(headers).toHaveLength(17);
		const match = mapTicketHeaders(headers, []);
		expect(match.vendor).toBe('generic');
		expect(match.problem).toBeNull();
		// The first-response timestamp stands in for the missing creation time.
		expect(match.createdFromFirstResponse).toBe(true);
		expect(match.mappedHeaders.createdAt).toBe('First Response Time');
		expect(match.mapping.firstReplyAt).toBeUndefined();
		expect(match.mapping).toMatchObject({
			externalId: 0,
			customerName: 1,
			customerEmail: 2,
			subject: 8,
			status: 10,
			priority: 12,
			channel: 13,
			createdAt: 14,
			solvedAt: 15,
			csat: 16
		});
		// "Date of Purchase" is not a creation time.
		expect(Object.values(match.mappedHeaders)).not.toContain('Date of Purchase');
	});

	it('still asks for a creation column when there is no first-reply timestamp either', () => {
		const match = mapTicketHeaders(['Ticket ID', 'Subject', 'Status'], [['1', 'Hi', 'Open']]);
		expect(match.problem?.code).toBe('no_created_column');
		expect(match.createdFromFirstResponse).toBe(false);
	});

	it('flags a price list as having no ticket columns, listing what it found', () => {
		const match = mapTicketHeaders(['SKU', 'Product', 'Price', 'Currency'], [['A1', 'Mug', '9']]);
		expect(match.mapping).toEqual({});
		expect(match.mappedHeaders).toEqual({});
		expect(match.problem).toEqual({
			code: 'no_ticket_columns',
			message: 'No ticket columns recognised. Found: SKU, Product, Price, Currency'
		});
	});

	it('needs two recognised columns: a lone "Name" is not a ticket file', () => {
		const match = mapTicketHeaders(['Name', 'Price'], []);
		expect(match.mapping).toEqual({ customerName: 0 });
		expect(match.problem?.code).toBe('no_ticket_columns');
	});

	it('accepts the minimum of an id and a creation time', () => {
		const match = mapTicketHeaders(['Ticket', 'Opened at'], []);
		expect(match.mapping).toEqual({ externalId: 0, createdAt: 1 });
		expect(match.problem).toBeNull();
	});
});

describe('mapTicketHeaders: Chinese headers', () => {
	const headers = [
		'工单编号',
		'创建时间',
		'首次响应时间',
		'解决时间',
		'状态',
		'满意度',
		'客服',
		'渠道'
	];
	const samples = [
		['A-1', '2024-03-04 09:00:00', '2024-03-04 09:35:00', '2024-03-05 10:00:00', '已解决', '满意'],
		['A-2', '2024-03-04 10:00:00', '', '', '处理中', '']
	];

	it('maps every column to its canonical field', () => {
		const match = mapTicketHeaders(headers, samples);
		expect(match.mapping).toEqual({
			externalId: 0,
			createdAt: 1,
			firstReplyAt: 2,
			solvedAt: 3,
			status: 4,
			csat: 5,
			agent: 6,
			channel: 7
		});
		expect(match.vendor).toBe('generic');
		expect(match.problem).toBeNull();
	});
});

describe('mapTicketHeaders: time or duration, decided from the values', () => {
	const headers = ['Ticket ID', 'Created', 'First response time'];

	it('keeps a "First response time" of timestamps as firstReplyAt', () => {
		const match = mapTicketHeaders(headers, [
			['1', '2024-03-04 09:00:00', '2024-03-04 09:35:00'],
			['2', '2024-03-04 10:00:00', '2024-03-04T11:20:00Z'],
			['3', '2024-03-04 11:00:00', '']
		]);
		expect(match.mapping.firstReplyAt).toBe(2);
		expect(match.mapping.firstResponseDuration).toBeUndefined();
	});

	it('turns a "First response time" of "35" / "1:20:00" into firstResponseDuration', () => {
		const match = mapTicketHeaders(headers, [
			['1', '2024-03-04 09:00:00', '35'],
			['2', '2024-03-04 10:00:00', '1:20:00']
		]);
		expect(match.mapping.firstReplyAt).toBeUndefined();
		expect(match.mapping.firstResponseDuration).toBe(2);
		expect(match.mappedHeaders.firstResponseDuration).toBe('First response time');
	});

	it('keeps the timestamp reading at exactly half timestamps (the threshold is ≥ 0.5)', () => {
		const match = mapTicketHeaders(headers, [
			['1', '2024-03-04 09:00:00', '2024-03-04 09:35:00'],
			['2', '2024-03-04 10:00:00', '80']
		]);
		expect(match.mapping.firstReplyAt).toBe(2);
	});

	it('drops an ambiguous duration column when an explicit duration column already exists', () => {
		const match = mapTicketHeaders(
			[...headers, 'First response time in minutes'],
			[['1', '2024-03-04 09:00:00', '35', '35']]
		);
		expect(match.mapping.firstReplyAt).toBeUndefined();
		expect(match.mapping.firstResponseDuration).toBe(3);
		expect(Object.values(match.mapping)).not.toContain(2);
	});

	it('applies the same rule to resolution: "Time to resolution" of hours is a duration', () => {
		const match = mapTicketHeaders(
			['Id', 'Created at', 'Time to Resolution'],
			[
				['1', '2024-03-04 09:00:00', '2.5'],
				['2', '2024-03-04 09:00:00', '4']
			]
		);
		expect(match.mapping.solvedAt).toBeUndefined();
		expect(match.mapping.resolutionDuration).toBe(2);
	});
});

describe('header normalisation', () => {
	it('folds a BOM, underscores, case and runs of spaces', () => {
		expect(normalizeHeader('\uFEFFTicket_ID')).toBe('ticket id');
		expect(normalizeHeader('  Created   At  ')).toBe('created at');
		expect(normalizeHeader('First_Reply__Time in\tMinutes')).toBe('first reply time in minutes');
	});

	it('maps headers that only match after normalisation', () => {
		const match = mapTicketHeaders(
			['\uFEFFTicket_ID', '  CREATED   AT ', 'First_Reply_Time_In_Minutes', 'requester_EMAIL'],
			[['1', '2024-03-04 09:00:00', '12', 'a@b.c']]
		);
		expect(match.mapping).toEqual({
			externalId: 0,
			createdAt: 1,
			firstResponseDuration: 2,
			customerEmail: 3
		});
		// The original spelling is kept for display.
		expect(match.mappedHeaders.createdAt).toBe('  CREATED   AT ');
	});
});

describe('detectTicketVendor', () => {
	const detect = (headers: string[]) => detectTicketVendor(headers.map(normalizeHeader));

	it('recognises Zendesk by "Summation column" or a business-hours metric', () => {
		expect(detect(['Summation column', 'Id'])).toBe('zendesk');
		expect(detect(['Id', 'Reply time in minutes within business hours'])).toBe('zendesk');
	});

	it('recognises Freshservice by Ticket Id + Requester Email + "(in Hrs)"', () => {
		expect(detect(['Ticket Id', 'Requester Email', 'First Response Time (in Hrs)'])).toBe(
			'freshservice'
		);
	});

	it('recognises Freshdesk by its interaction counts or "(in hrs)" column', () => {
		expect(detect(['Agent interactions', 'Customer interactions'])).toBe('freshdesk');
		expect(detect(['Ticket ID', 'First response time (in hrs)'])).toBe('freshdesk');
	});

	it('calls anything else generic', () => {
		expect(detect(['Id', 'Created at', 'Status'])).toBe('generic');
	});
});
