/**
 * Seeded generator of a large Twitter customer-support export (the TWCS columns) for the
 * message-import benchmark: threads of 2-4 tweets linked by in_response_to_tweet_id, the
 * customer side numeric ids, the brand side a handle, Twitter's created_at format. Like
 * bulk-tickets.ts it yields pieces of text, so the browser never holds one giant string.
 */
import { mulberry32, pick, randomInt, type Rng } from './random';

export const BULK_MESSAGES_HEADER =
	'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

const DEFAULT_SEED = 20260302;
const DEFAULT_ROWS_PER_PIECE = 10_000;
const PERIOD_START_MS = Date.UTC(2025, 9, 1);
const THREAD_GAP_MS = 20_000;

const BRANDS = ['ShopCare', 'LumenHelp', 'AsterSupport', 'NordicHome'];
const CUSTOMER_TEXTS = [
	'my parcel has not moved for days',
	'is the blue lamp back in stock?',
	'wrong size delivered, need an exchange',
	'still waiting for my refund',
	'the discount code does not work at checkout',
	'hello?? nobody answers my DMs'
];
const BRAND_TEXTS = [
	'Sorry about that! Could you DM us your order number?',
	'Thanks for reaching out, we are on it.',
	'We have sent you a return label by e-mail.',
	'The refund was issued today; it shows in 3-5 days.'
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/** "Tue Oct 31 22:10:47 +0000 2017", from UTC fields only. */
export function twitterTime(epochMs: number): string {
	const date = new Date(epochMs);
	return (
		`${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ` +
		`${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000 ${date.getUTCFullYear()}`
	);
}

export function* bulkMessageCsvPieces(
	rows: number,
	options: { seed?: number; rowsPerPiece?: number } = {}
): Generator<string> {
	const rng: Rng = mulberry32(options.seed ?? DEFAULT_SEED);
	const rowsPerPiece = options.rowsPerPiece ?? DEFAULT_ROWS_PER_PIECE;
	let lines: string[] = [BULK_MESSAGES_HEADER];
	let written = 0;
	let nextId = 1;
	let threadStartMs = PERIOD_START_MS;
	const emit = (line: string) => {
		lines.push(line);
		written++;
	};
	while (written < rows) {
		const brand = pick(rng, BRANDS);
		const customer = String(100_000 + randomInt(rng, 0, 400_000));
		const tweets = Math.min(rows - written, 2 + randomInt(rng, 0, 2));
		let atMs = threadStartMs;
		let parent = '';
		for (let i = 0; i < tweets; i++) {
			const id = nextId++;
			const inbound = i % 2 === 0;
			const text = inbound
				? `@${brand} ${pick(rng, CUSTOMER_TEXTS)}`
				: `"@${customer} ${pick(rng, BRAND_TEXTS)}"`;
			const response = i + 1 < tweets ? String(id + 1) : '';
			emit(
				[
					id,
					inbound ? customer : brand,
					inbound ? 'True' : 'False',
					twitterTime(atMs),
					text,
					response,
					parent === '' ? '' : `${parent}.0`
				].join(',')
			);
			parent = String(id);
			atMs += randomInt(rng, 60, 6 * 3600) * 1000;
			if (lines.length >= rowsPerPiece) {
				yield lines.join('\n') + '\n';
				lines = [];
			}
		}
		threadStartMs += THREAD_GAP_MS;
	}
	if (lines.length > 0) yield lines.join('\n') + '\n';
}
