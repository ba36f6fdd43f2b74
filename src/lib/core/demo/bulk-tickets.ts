/**
 * Fast seeded generator of a large Zendesk-style ticket export for throughput benchmarks
 * (100k to millions of rows). Unlike the demo shop it plants no patterns: it only has to look
 * like a real export to the importer (same header, value mixes, ISO timestamps with a Berlin
 * offset, ~2% quoted subjects with commas) and be cheap to produce.
 *
 * Pure and deterministic: no DOM, no Math.random, no local-time Date getters. The text comes
 * as an iterator of pieces of `rowsPerPiece` rows, so a browser can build a Blob piece by
 * piece without ever holding one giant string.
 */
import { DEMO_SHOP_HEADER, berlinOffsetMinutes } from './demo-shop';
import { mulberry32, pick, weightedPicker, type Rng } from './random';

export const BULK_TICKETS_HEADER = DEMO_SHOP_HEADER;

const DEFAULT_SEED = 20260714;
const DEFAULT_ROWS_PER_PIECE = 10_000;
const FLATTEN_EVERY_ROWS = 256;
/** First ticket id; ids then count up by one, so they are unique. */
const FIRST_ID = 100_001;
/** Tickets are spread over this period, in id order (2025-07-01T00:00Z onwards). */
const PERIOD_START_MS = Date.UTC(2025, 6, 1);
const PERIOD_DAYS = 365;

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface BulkTicketOptions {
	/** Any 32-bit integer. */
	seed?: number;
	/** Rows per yielded piece (the header rides with the first piece). */
	rowsPerPiece?: number;
}

const FIRST_NAMES = [
	'Anna',
	'Ben',
	'Chloé',
	'Daniel',
	'Eva',
	'Felix',
	'Greta',
	'Hugo',
	'Ines',
	'Jonas',
	'Kemal',
	'Lena',
	'Mia',
	'Noah',
	'Olga',
	'Paul',
	'Rosa',
	'Sven',
	'Tara',
	'Yusuf',
	'Zoë',
	'Li',
	'Maria',
	'Tom'
] as const;
const LAST_NAMES = [
	'Weber',
	'Okafor',
	'Martin',
	'Kim',
	'Novak',
	'Braun',
	'Schmidt',
	'Müller',
	'Lefèvre',
	'García',
	'Rossi',
	'Yilmaz',
	'Nowak',
	'Jensen',
	'Silva',
	'Chen',
	'Wagner',
	'Fischer',
	'Becker',
	'Hoffmann'
] as const;
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example'] as const;

const AGENTS = [
	'Anna Weber',
	'Ben Okafor',
	'Chloé Martin',
	'Daniel Kim',
	'Eva Novak',
	'Felix Braun',
	'Greta Lund',
	'Hugo Alves',
	'Ines Costa',
	'Jonas Berg',
	'Kemal Aydin',
	'Lena Vogt'
] as const;

const PRODUCTS = ['lamp', 'duvet', 'vase', 'rug', 'mug set', 'throw', 'cushion', 'mirror'] as const;

interface Topic {
	tag: string;
	group: string;
	weight: number;
	subjects: readonly ((order: string, product: string) => string)[];
	/** Subjects with a comma (CSV-quoted); drawn for ~2% of all rows. */
	commaSubjects: readonly ((order: string, product: string) => string)[];
}

const TOPICS: readonly Topic[] = [
	{
		tag: 'order_status',
		group: 'Orders',
		weight: 0.24,
		subjects: [() => 'Where is my order?', (o) => `Order status ${o}`, () => 'Has it shipped?'],
		commaSubjects: [(o) => `Hi, where is order ${o}?`]
	},
	{
		tag: 'delivery_delay',
		group: 'Orders',
		weight: 0.14,
		subjects: [() => 'Delivery delay', (o) => `Late parcel ${o}`, () => 'My order is late'],
		commaSubjects: [(o) => `Order ${o} late, please check`]
	},
	{
		tag: 'returns_refunds',
		group: 'Orders',
		weight: 0.18,
		subjects: [(o) => `Return ${o}`, () => 'Refund not received', (_, p) => `Exchange ${p}`],
		commaSubjects: [(o) => `Return, refund or exchange? ${o}`]
	},
	{
		tag: 'damaged_item',
		group: 'Orders',
		weight: 0.08,
		subjects: [() => 'Item arrived damaged', (_, p) => `Broken ${p}`],
		commaSubjects: [(_, p) => `The "${p}" arrived cracked, parts missing`]
	},
	{
		tag: 'product_question',
		group: 'Support',
		weight: 0.18,
		subjects: [(_, p) => `Question about the ${p}`, (_, p) => `Is the ${p} in stock?`],
		commaSubjects: [(_, p) => `${p}: size, colour and care`]
	},
	{
		tag: 'payment_issue',
		group: 'Billing',
		weight: 0.1,
		subjects: [() => 'Payment failed', () => 'Charged twice', (o) => `Invoice for ${o}`],
		commaSubjects: [(o) => `Charged twice, order ${o}`]
	},
	{
		tag: 'account_login',
		group: 'Support',
		weight: 0.08,
		subjects: [() => 'Cannot log in', () => 'Password reset link expired'],
		commaSubjects: [() => 'Login broken, reset mail never came']
	}
];
const pickTopic = weightedPicker(
	TOPICS,
	TOPICS.map((topic) => topic.weight)
);
const COMMA_SUBJECT_SHARE = 0.02;

const CARRIERS = ['dhl', 'dhl', 'dhl', 'dpd', 'hermes'] as const;
const STATUSES = weightedPicker(
	['Closed', 'Solved', 'Open', 'Pending', 'New'] as const,
	[0.56, 0.2, 0.12, 0.08, 0.04]
);
const PRIORITIES = weightedPicker(
	['Low', 'Normal', 'High', 'Urgent'] as const,
	[0.14, 0.7, 0.13, 0.03]
);
const CHANNELS = weightedPicker(
	['Email', 'Web form', 'Chat', 'Phone call', 'Facebook', 'Twitter'] as const,
	[0.44, 0.2, 0.22, 0.08, 0.04, 0.02]
);
const SATISFACTION = weightedPicker(
	['Not Offered', 'Offered', '5', '4', '3', '2', '1'] as const,
	[0.48, 0.27, 0.15, 0.04, 0.02, 0.015, 0.025]
);

const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** RFC 4180: quote when the value has a comma, quote or line break; double inner quotes. */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function asciiLower(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace('ß', 'ss')
		.toLowerCase();
}

interface Customer {
	/** Already CSV-escaped "name,email". */
	cells: string;
}

function createCustomers(rng: Rng, count: number): Customer[] {
	const customers: Customer[] = [];
	for (let index = 0; index < count; index++) {
		const first = pick(rng, FIRST_NAMES);
		const last = pick(rng, LAST_NAMES);
		const domain = pick(rng, DOMAINS);
		// The index keeps every mailbox distinct; several names per person would be unrealistic.
		const email = `${asciiLower(first)}.${asciiLower(last)}${index}@${domain}`;
		customers.push({ cells: `${csvField(`${first} ${last}`)},${email}` });
	}
	return customers;
}

/**
 * Formats UTC ms as Berlin wall time with its offset, e.g. 2026-07-14T10:03:27+02:00.
 * The date part is memoised per local day, which is most of the cost.
 */
function createIsoFormatter(): (utcMs: number) => string {
	let memoDay = NaN;
	let memoPrefix = '';
	return (utcMs) => {
		const offsetMinutes = berlinOffsetMinutes(utcMs);
		const localMs = utcMs + offsetMinutes * MINUTE_MS;
		const day = Math.floor(localMs / DAY_MS);
		if (day !== memoDay) {
			const date = new Date(day * DAY_MS);
			memoDay = day;
			memoPrefix = `${date.getUTCFullYear()}-${PAD2[date.getUTCMonth() + 1]}-${PAD2[date.getUTCDate()]}T`;
		}
		const secondOfDay = Math.floor((localMs - day * DAY_MS) / SECOND_MS);
		const hour = Math.floor(secondOfDay / 3600);
		const minute = Math.floor(secondOfDay / 60) % 60;
		return (
			`${memoPrefix}${PAD2[hour]}:${PAD2[minute]}:${PAD2[secondOfDay % 60]}` +
			(offsetMinutes === 120 ? '+02:00' : '+01:00')
		);
	};
}

/** exp(N(ln median, sigma)) without Box-Muller's trig: a sum of 4 uniforms is near-normal. */
function skewed(rng: Rng, median: number, sigma: number): number {
	const z = (rng() + rng() + rng() + rng() - 2) * 1.7320508;
	return median * Math.exp(sigma * z);
}

/**
 * Yields the CSV text (header first, LF line endings, trailing newline, no BOM) in pieces of
 * `rowsPerPiece` rows. Same rows and seed → byte-identical text.
 */
export function* bulkTicketCsvPieces(
	rows: number,
	options: BulkTicketOptions = {}
): Generator<string, void, undefined> {
	const seed = options.seed ?? DEFAULT_SEED;
	const rowsPerPiece = Math.max(1, Math.floor(options.rowsPerPiece ?? DEFAULT_ROWS_PER_PIECE));
	const rng = mulberry32(seed);
	const customers = createCustomers(mulberry32(seed ^ 0x5bd1e995), Math.max(50, rows >> 3));
	// Few customers write a lot, most write once or twice.
	const pickCustomer = (): Customer =>
		customers[Math.floor(customers.length * rng() * rng())] ?? (customers[0] as Customer);
	const iso = createIsoFormatter();
	const meanGapMs = (PERIOD_DAYS * DAY_MS) / Math.max(1, rows);
	const headerLine = BULK_TICKETS_HEADER.map(csvField).join(',') + '\n';

	let createdAtMs = PERIOD_START_MS;
	// A row is a rope of ~40 short strings. Holding 10k of them until the piece is done keeps
	// millions of rope nodes alive through young-generation GCs (GC was 80% of the time), so
	// every few hundred rows are joined into one flat string right away.
	let flat: string[] = [headerLine];
	let lines: string[] = [];
	let inPiece = 0;
	for (let index = 0; index < rows; index++) {
		createdAtMs += Math.floor(rng() * 2 * meanGapMs);
		const topic = pickTopic(rng);
		const order = `#LL-${4_820_000 + ((index * 7) >> 3) - Math.floor(rng() * 400)}`;
		const product = pick(rng, PRODUCTS);
		const subject =
			rng() < COMMA_SUBJECT_SHARE
				? csvField(pick(rng, topic.commaSubjects)(order, product))
				: pick(rng, topic.subjects)(order, product);
		const carrier = topic.group === 'Orders' ? ` ${pick(rng, CARRIERS)}` : '';
		const status = STATUSES(rng);
		const priority = PRIORITIES(rng);
		const via = CHANNELS(rng);
		const isLive = via === 'Chat' || via === 'Phone call';
		const assignee = status === 'New' ? '' : pick(rng, AGENTS);

		let replyMinutes = '';
		let replyBusinessMinutes = '';
		let firstResolution = '';
		let fullResolution = '';
		let solvedAt = '';
		let satisfaction = 'Not Offered';
		let replies = 0;
		let reopens = 0;
		let updatedAtMs = createdAtMs;
		if (status !== 'New') {
			const reply = Math.round(isLive ? skewed(rng, 2, 0.6) : skewed(rng, 90, 1.1));
			replyMinutes = String(reply);
			replyBusinessMinutes = String(Math.round(reply * (0.3 + 0.7 * rng())));
			replies = 1 + Math.floor(rng() * rng() * 5);
			updatedAtMs = createdAtMs + reply * MINUTE_MS + Math.floor(rng() * 3600) * SECOND_MS;
			if (status === 'Solved' || status === 'Closed') {
				const first = reply + Math.round(isLive ? skewed(rng, 8, 0.7) : skewed(rng, 600, 1.2));
				const r = rng();
				reopens = r < 0.88 ? 0 : r < 0.97 ? 1 : 2;
				const full = reopens === 0 ? first : first + Math.round(skewed(rng, 2400 * reopens, 0.8));
				firstResolution = String(first);
				fullResolution = String(full);
				const solvedAtMs = createdAtMs + full * MINUTE_MS;
				solvedAt = iso(solvedAtMs);
				satisfaction = SATISFACTION(rng);
				updatedAtMs =
					status === 'Closed'
						? solvedAtMs + 4 * DAY_MS + Math.floor(rng() * 3600) * SECOND_MS
						: solvedAtMs + Math.floor(rng() * 3600) * SECOND_MS;
			}
		}
		const tags =
			topic.tag + carrier + (rng() < 0.03 ? ' vip' : '') + (index % 97 === 0 ? ' summer_sale' : '');

		lines.push(
			`${FIRST_ID + index},${pickCustomer().cells},${assignee},${topic.group},${subject},` +
				`${tags},${status},${priority},${via},${iso(createdAtMs)},${iso(updatedAtMs)},${solvedAt},` +
				`${satisfaction},${replies},${reopens},${replyMinutes},${replyBusinessMinutes},` +
				`${firstResolution},${fullResolution}\n`
		);
		inPiece++;
		if (lines.length === FLATTEN_EVERY_ROWS || inPiece === rowsPerPiece) {
			flat.push(lines.join(''));
			lines = [];
		}
		if (inPiece === rowsPerPiece) {
			yield flat.join('');
			flat = [];
			inPiece = 0;
		}
	}
	if (lines.length > 0) flat.push(lines.join(''));
	if (flat.length > 0) yield flat.join('');
}

/** The whole export as one string: for tests and small sizes only. */
export function bulkTicketCsv(rows: number, options: BulkTicketOptions = {}): string {
	let text = '';
	for (const piece of bulkTicketCsvPieces(rows, options)) text += piece;
	return text;
}
