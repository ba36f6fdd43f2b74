import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../model/ticket';
import { mapTicketHeaders } from './map-ticket-headers';
import { createTicketNormalizer, type NormalizedRow } from './normalize-ticket';

const IMPORT_ID = 7;

/** A normalizer for `headers`, mapped the way an import maps them (samples settle time/duration). */
function normalizerFor(
	headers: string[],
	samples: string[][] = [],
	timeZone = 'UTC'
): (cells: string[], rowNumber?: number) => NormalizedRow {
	const match = mapTicketHeaders(headers, samples);
	const normalize = createTicketNormalizer({
		headers,
		mapping: match.mapping,
		vendor: match.vendor,
		importId: IMPORT_ID,
		timeZone
	});
	return (cells, rowNumber = 1) => normalize(cells, rowNumber);
}

function ticketOf(result: NormalizedRow): Ticket {
	if (!result.ok) throw new Error(`expected a ticket, got quarantined ${result.row.reason}`);
	return result.ticket;
}

/** Every field at its "nothing known" value; tests override what they exercise. */
const blank: Omit<Ticket, 'key' | 'externalId' | 'createdAtMs'> = {
	importId: IMPORT_ID,
	firstResponseSeconds: null,
	solvedAtMs: null,
	resolutionSeconds: null,
	status: 'unknown',
	channel: 'unknown',
	priority: 'unknown',
	agent: '',
	group: '',
	subject: '',
	tags: [],
	customerKey: '',
	csatScore: null,
	csatScale: 'none',
	agentReplies: null,
	reopens: null
};

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
	Date.UTC(y, mo - 1, d, h, mi, s);

describe('createTicketNormalizer: stated and derived durations', () => {
	const headers = [
		'Id',
		'Created at',
		'First reply at',
		'First reply time in minutes',
		'Solved at',
		'Full resolution time in minutes',
		'Status'
	];
	const samples = [
		[
			'1',
			'2024-03-04 09:00:00',
			'2024-03-04 09:10:00',
			'35',
			'2024-03-04 12:00:00',
			'150',
			'Solved'
		]
	];
	const normalize = normalizerFor(headers, samples);

	it('lets stated minutes win over the timestamps', () => {
		const [row] = samples;
		expect(ticketOf(normalize(row ?? []))).toEqual({
			...blank,
			key: 'generic:1',
			externalId: '1',
			createdAtMs: utc(2024, 3, 4, 9),
			// 35 min stated, not the 10 min between the timestamps.
			firstResponseSeconds: 2100,
			solvedAtMs: utc(2024, 3, 4, 12),
			// 150 min stated, not the 3 h between the timestamps.
			resolutionSeconds: 9000,
			status: 'solved'
		});
	});

	it('derives first response and resolution from the timestamps when no duration is stated', () => {
		const ticket = ticketOf(
			normalize([
				'2',
				'2024-03-04 09:00:00',
				'2024-03-04 09:10:30',
				'',
				'2024-03-05 11:30:00',
				'',
				'Closed'
			])
		);
		expect(ticket.firstResponseSeconds).toBe(630);
		// 1 day 2 h 30 min.
		expect(ticket.resolutionSeconds).toBe(95_400);
		expect(ticket.status).toBe('closed');
	});

	it('keeps negative derived durations (the KPI layer excludes them)', () => {
		const ticket = ticketOf(
			normalize([
				'3',
				'2024-03-04 09:00:00',
				'2024-03-04 08:50:00',
				'',
				'2024-03-04 08:00:00',
				'',
				'Solved'
			])
		);
		expect(ticket.firstResponseSeconds).toBe(-600);
		expect(ticket.resolutionSeconds).toBe(-3600);
	});

	it('keeps a negative stated duration too', () => {
		const ticket = ticketOf(normalize(['4', '2024-03-04 09:00:00', '', '-5', '', '', 'Open']));
		expect(ticket.firstResponseSeconds).toBe(-300);
	});

	it('leaves first response null when there is neither a duration nor a reply time', () => {
		const ticket = ticketOf(normalize(['5', '2024-03-04 09:00:00', '', '', '', '', 'New']));
		expect(ticket.firstResponseSeconds).toBeNull();
		expect(ticket.status).toBe('new');
	});

	it('gives no resolution to an unresolved ticket even when the export states one', () => {
		const ticket = ticketOf(
			normalize(['6', '2024-03-04 09:00:00', '', '', '2024-03-04 12:00:00', '150', 'Open'])
		);
		expect(ticket.status).toBe('open');
		expect(ticket.resolutionSeconds).toBeNull();
		// The solve time of a reopened ticket is still kept.
		expect(ticket.solvedAtMs).toBe(utc(2024, 3, 4, 12));
	});

	it('reads a status-less row with a solve time as solved, and derives its resolution', () => {
		const ticket = ticketOf(
			normalize(['7', '2024-03-04 09:00:00', '', '', '2024-03-04 10:00:00', '', ''])
		);
		expect(ticket.status).toBe('solved');
		expect(ticket.resolutionSeconds).toBe(3600);
	});

	it('reads an unknown status word with a solve time as solved', () => {
		const ticket = ticketOf(
			normalize(['8', '2024-03-04 09:00:00', '', '', '2024-03-04 10:00:00', '', 'Escalated'])
		);
		expect(ticket.status).toBe('solved');
	});

	it('leaves an unknown status unknown when there is no solve time', () => {
		const ticket = ticketOf(normalize(['9', '2024-03-04 09:00:00', '', '', '', '', 'Escalated']));
		expect(ticket.status).toBe('unknown');
		expect(ticket.resolutionSeconds).toBeNull();
	});
});

describe('createTicketNormalizer: units and closed times', () => {
	it('reads plain numbers in a "(in hrs)" column as hours', () => {
		const normalize = normalizerFor(
			[
				'Ticket ID',
				'Created time',
				'Status',
				'First response time (in hrs)',
				'Resolution time (in hrs)'
			],
			[]
		);
		const ticket = ticketOf(normalize(['11', '2024-03-04 09:00:00', 'Resolved', '1.5', '2:30:00']));
		expect(ticket.firstResponseSeconds).toBe(5400);
		expect(ticket.resolutionSeconds).toBe(9000);
		expect(ticket.key).toBe('freshdesk:11');
	});

	it('reads a two-part clock in an hours column as h:mm', () => {
		const normalize = normalizerFor(
			['Ticket ID', 'Created time', 'Status', 'First response time (in hrs)'],
			[]
		);
		const ticket = ticketOf(normalize(['12', '2024-03-04 09:00:00', 'Open', '0:45']));
		expect(ticket.firstResponseSeconds).toBe(2700);
	});

	it('uses the closed time when there is no solve time', () => {
		const normalize = normalizerFor(
			['Id', 'Created at', 'Closed at'],
			[['1', '2024-03-04 09:00:00', '2024-03-06 09:00:00']]
		);
		const ticket = ticketOf(normalize(['13', '2024-03-04 09:00:00', '2024-03-06 09:00:00']));
		expect(ticket.solvedAtMs).toBe(utc(2024, 3, 6, 9));
		expect(ticket.status).toBe('solved');
		expect(ticket.resolutionSeconds).toBe(172_800);
	});
});

describe('createTicketNormalizer: every other field of a Zendesk row', () => {
	const headers = [
		'Id',
		'Requester',
		'Requester id',
		'Requester email',
		'Assignee',
		'Group',
		'Subject',
		'Tags',
		'Status',
		'Priority',
		'Via',
		'Created at',
		'Solved at',
		'Satisfaction Score',
		'Reopens',
		'Replies',
		'First reply time in minutes',
		'First reply time in minutes within business hours',
		'Full resolution time in minutes'
	];
	const samples = [
		[
			'#101',
			'Ann Lee',
			'42',
			' Ann@Example.COM ',
			'Bo',
			'Support',
			'Refund please',
			'refund vip',
			'Solved',
			'High',
			'Web form',
			'2024-03-04 09:00:00',
			'2024-03-04 11:00:00',
			'Good',
			'1',
			'3',
			'20',
			'5',
			'120'
		]
	];
	const normalize = normalizerFor(headers, samples);

	it('maps the whole row', () => {
		expect(ticketOf(normalize(samples[0] ?? [], 1))).toEqual({
			key: 'zendesk:101',
			externalId: '101',
			importId: IMPORT_ID,
			createdAtMs: utc(2024, 3, 4, 9),
			firstResponseSeconds: 1200,
			solvedAtMs: utc(2024, 3, 4, 11),
			resolutionSeconds: 7200,
			status: 'solved',
			channel: 'web',
			priority: 'high',
			agent: 'Bo',
			group: 'Support',
			subject: 'Refund please',
			tags: ['refund', 'vip'],
			customerKey: 'ann@example.com',
			csatScore: 1,
			csatScale: 'good_bad',
			csatRaw: 'Good',
			agentReplies: 3,
			reopens: 1
		});
	});

	const withCells = (changes: Record<string, string>) =>
		(samples[0] ?? []).map((cell, i) => changes[headers[i] ?? ''] ?? cell);

	it('keys the customer by id when there is no e-mail, and by nobody when neither is given', () => {
		expect(ticketOf(normalize(withCells({ 'Requester email': '' }))).customerKey).toBe('id:42');
		expect(
			ticketOf(normalize(withCells({ 'Requester email': '  ', 'Requester id': '' }))).customerKey
		).toBe('');
	});

	it('reads bad counts as unknown rather than guessing', () => {
		const ticket = ticketOf(normalize(withCells({ Replies: 'many', Reopens: '-1' })));
		expect(ticket.agentReplies).toBeNull();
		expect(ticket.reopens).toBeNull();
		expect(ticketOf(normalize(withCells({ Replies: '0' }))).agentReplies).toBe(0);
	});

	it('reads an unoffered survey as no answer', () => {
		const ticket = ticketOf(normalize(withCells({ 'Satisfaction Score': 'Offered' })));
		expect(ticket.csatScore).toBeNull();
		expect(ticket.csatScale).toBe('none');
	});
});

describe('createTicketNormalizer: quarantine', () => {
	const headers = ['Id', 'Subject', 'Created at'];
	const normalize = normalizerFor(headers, []);

	it('quarantines a row without a creation time, keeping its cells', () => {
		const cells = ['21', 'No date', '  '];
		expect(normalize(cells, 1)).toEqual({
			ok: false,
			row: {
				rowNumber: 1,
				reason: 'missing_created_at',
				column: 'Created at',
				raw: ['21', 'No date', '  ']
			}
		});
	});

	it('quarantines a row whose creation time does not parse, with its row number', () => {
		expect(normalize(['22', 'Bad date', 'next Tuesday'], 14)).toEqual({
			ok: false,
			row: {
				rowNumber: 14,
				reason: 'invalid_created_at',
				column: 'Created at',
				raw: ['22', 'Bad date', 'next Tuesday']
			}
		});
	});

	it('quarantines a short row whose created cell is missing altogether', () => {
		const result = normalize(['23', 'Cut off'], 3);
		expect(result.ok ? null : result.row.reason).toBe('missing_created_at');
	});

	it('copies the raw cells, so the caller may reuse its row array', () => {
		const cells = ['24', 'x', ''];
		const result = normalize(cells, 2);
		cells[0] = 'changed';
		expect(result.ok ? null : result.row.raw[0]).toBe('24');
	});

	it('names no column when the mapping has no creation time', () => {
		const noCreated = createTicketNormalizer({
			headers: ['Id', 'Subject'],
			mapping: { externalId: 0, subject: 1 },
			vendor: 'generic',
			importId: IMPORT_ID,
			timeZone: 'UTC'
		});
		expect(noCreated(['1', 'x'], 5)).toEqual({
			ok: false,
			row: { rowNumber: 5, reason: 'missing_created_at', column: null, raw: ['1', 'x'] }
		});
	});
});

describe('createTicketNormalizer: ids', () => {
	const normalize = normalizerFor(['Id', 'Created at', 'Subject'], []);

	it('strips a leading # from the id', () => {
		expect(ticketOf(normalize(['#1234', '2024-03-04 09:00:00', 'x'])).externalId).toBe('1234');
	});

	it('gives an id-less row a stable content hash of all its cells', () => {
		// FNV-1a over the cells with a 0x1f separator, computed independently.
		const ticket = ticketOf(normalize(['', '2024-03-04 09:00:00', 'Refund please']));
		expect(ticket.externalId).toBe('row-66b68de6');
		expect(ticket.key).toBe('generic:row-66b68de6');
	});

	it('gives the same cells the same id and different cells a different one', () => {
		const noId = normalizerFor(['Created at', 'Subject', 'Status'], []);
		const a = ticketOf(noId(['2024-03-04 09:00:00', 'Refund please'], 1));
		const again = ticketOf(noId(['2024-03-04 09:00:00', 'Refund please'], 9));
		const other = ticketOf(noId(['2024-03-04 09:00:00', 'Refund please!'], 1));
		expect(a.externalId).toBe('row-135447c5');
		expect(again.externalId).toBe(a.externalId);
		expect(other.externalId).toBe('row-8828bf6c');
	});
});

describe('createTicketNormalizer: time zones', () => {
	const headers = ['Id', 'Created at', 'Solved at'];
	const samples = [['1', '2024-07-01 12:00:00', '2024-07-01 13:00:00']];

	it('reads wall times in the given zone: Berlin summer time is UTC+2', () => {
		const normalize = normalizerFor(headers, samples, 'Europe/Berlin');
		const ticket = ticketOf(normalize(['1', '2024-07-01 12:00:00', '2024-07-01 13:00:00']));
		expect(ticket.createdAtMs).toBe(utc(2024, 7, 1, 10));
		expect(ticket.solvedAtMs).toBe(utc(2024, 7, 1, 11));
	});

	it('reads Berlin winter time as UTC+1', () => {
		const normalize = normalizerFor(headers, samples, 'Europe/Berlin');
		expect(ticketOf(normalize(['2', '2024-01-15 12:00:00', ''])).createdAtMs).toBe(
			utc(2024, 1, 15, 11)
		);
	});

	it('lets an explicit offset in the text win over the zone', () => {
		const normalize = normalizerFor(headers, samples, 'Europe/Berlin');
		expect(ticketOf(normalize(['3', '2024-07-01T12:00:00Z', ''])).createdAtMs).toBe(
			utc(2024, 7, 1, 12)
		);
	});
});

describe('createTicketNormalizer: first resolution', () => {
	const headers = [
		'Id',
		'Created at',
		'Status',
		'Reopens',
		'First resolution time in minutes',
		'Full resolution time in minutes'
	];
	const samples = [['1', '2026-01-05 09:00:00', 'Solved', '1', '30', '1500']];
	const normalize = normalizerFor(headers, samples);

	it('takes the stated first resolution beside the full one (reopened ticket)', () => {
		const ticket = ticketOf(normalize(['1', '2026-01-05 09:00:00', 'Solved', '1', '30', '1500']));
		expect(ticket.firstResolutionSeconds).toBe(1800);
		expect(ticket.resolutionSeconds).toBe(90_000);
	});

	it('keeps a first solve of a ticket reopened and open again', () => {
		const ticket = ticketOf(normalize(['2', '2026-01-05 09:00:00', 'Open', '1', '45', '']));
		expect(ticket.firstResolutionSeconds).toBe(2700);
		expect(ticket.resolutionSeconds).toBeNull();
	});

	it('uses the full resolution when the ticket was solved once and never reopened', () => {
		const ticket = ticketOf(normalize(['3', '2026-01-05 09:00:00', 'Solved', '0', '', '90']));
		expect(ticket.firstResolutionSeconds).toBe(5400);
	});

	it('does not guess when reopens are unknown or the ticket was reopened', () => {
		const unknown = ticketOf(normalize(['4', '2026-01-05 09:00:00', 'Solved', '', '', '90']));
		expect(unknown.firstResolutionSeconds).toBeUndefined();
		const reopened = ticketOf(normalize(['5', '2026-01-05 09:00:00', 'Solved', '2', '', '90']));
		expect(reopened.firstResolutionSeconds).toBeUndefined();
	});
});
