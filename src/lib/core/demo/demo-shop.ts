/**
 * Seeded generator of the "Try the demo shop" dataset: a Zendesk-style full
 * ticket export of "Lumen & Loom", a small Berlin home-goods web shop.
 *
 * Pure and deterministic: no fs, no DOM, no Math.random, no local-time Date
 * getters. All instants are UTC milliseconds; Berlin wall-clock time is UTC
 * plus an offset computed from the EU daylight-saving rule.
 * See docs/demo-data.md for the planted patterns.
 */
import {
	chance,
	lognormalWithMedian,
	mulberry32,
	pick,
	pickWeighted,
	poisson,
	randomInt,
	weightedPicker,
	type Rng
} from './random';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const DEFAULT_SEED = 20260601;

export const DEMO_SHOP_HEADER = [
	'Id',
	'Requester',
	'Requester email',
	'Assignee',
	'Group',
	'Subject',
	'Tags',
	'Status',
	'Priority',
	'Via',
	'Created at',
	'Updated at',
	'Solved at',
	'Satisfaction Score',
	'Replies',
	'Reopens',
	'First reply time in minutes',
	'First reply time in minutes within business hours',
	'First resolution time in minutes',
	'Full resolution time in minutes'
] as const;

const AGENTS = [
	'Anna Weber',
	'Ben Okafor',
	'Chloé Martin',
	'Daniel Kim',
	'Eva Novak',
	'Felix Braun'
] as const;
type AgentName = (typeof AGENTS)[number];
const SLOW_AGENT: AgentName = 'Felix Braun';
/**
 * Felix needs 4x the time to first reply on every channel: wall-clock minutes for chat and
 * phone, agent working time in the e-mail/social queue (where nights stretch it further).
 */
const SLOW_AGENT_FIRST_REPLY_FACTOR = 4;
/** Felix is also a bit slower to finish, not only to answer. */
const SLOW_AGENT_HANDLING_FACTOR = 1.3;
/** Felix works part time on the queue, so he gets slightly fewer tickets. */
const AGENT_WEIGHTS: readonly number[] = [1.05, 1, 0.95, 1, 1, 0.85];
/**
 * Late-August holiday cover: Anna and Ben are away, Felix takes their share on top of his
 * own and, swamped, replies three times as slowly again (the slump the alerts should explain).
 */
const HOLIDAY_FIRST_DAY = '2026-08-17';
const HOLIDAY_LAST_DAY = '2026-08-30';
const AGENTS_ON_HOLIDAY: readonly AgentName[] = ['Anna Weber', 'Ben Okafor'];
const HOLIDAY_AGENT_WEIGHTS: readonly number[] = [0, 0, 0.8, 0.8, 0.8, 2.9];
const SLOW_AGENT_HOLIDAY_REPLY_FACTOR = 3;

/**
 * Customers who claim refunds over and over (the "Customers to review" list should find
 * them): own names outside the pool, 8-11 claims each over the four months, most of them
 * compensated, some abusive, unhappy when they rate. Drawn from their own stream, so the
 * rest of the file does not move.
 */
const SERIAL_CLAIMERS: readonly Customer[] = [
	{ name: 'Kai Brenner', email: 'kai.brenner@example.net', isVip: false },
	{ name: 'Dana Voss', email: 'dana.voss@example.org', isVip: false },
	{ name: 'Rico Falk', email: 'rico.falk@example.com', isVip: false },
	{ name: 'Tess Marlow', email: 'tess.marlow@example.net', isVip: false }
];

type TopicTag =
	| 'order_status'
	| 'delivery_delay'
	| 'returns_refunds'
	| 'damaged_item'
	| 'product_question'
	| 'payment_issue'
	| 'change_address'
	| 'discount_code'
	| 'account_login';

interface SubjectContext {
	orderNumber: string;
	product: string;
	daysWaiting: number;
	isPromo: boolean;
}

interface TopicSpec {
	tag: TopicTag;
	group: 'Support' | 'Orders';
	/** Relative share outside the promotion. */
	weight: number;
	/** Relative share during the sale and the shipping backlog right after it. */
	promoWeight: number;
	subjects: readonly ((context: SubjectContext) => string)[];
	/** Median agent working time from first reply to first solve. */
	handlingWorkMinutesMedian: number;
	/** Share of chat/phone tickets solved within the conversation itself. */
	solvedInSessionShare: number;
	/** Chance of a satisfied 4 or 5 when rated, before penalties for reopens or slow replies. */
	satisfiedShare: number;
	/** How the 1-5 scores spread within satisfied and unsatisfied ratings. */
	scoreMix: CsatScoreMix;
	reopenShares: readonly [one: number, two: number];
	carrierTag: boolean;
	/** High or Urgent more often (money or broken goods). */
	urgent: boolean;
}

/** Zendesk's newer CSAT: a 1-5 score, where 4 and 5 count as satisfied. */
type CsatScore = 1 | 2 | 3 | 4 | 5;

interface CsatScoreMix {
	/** Share of 5s among satisfied ratings; the rest are 4s. */
	fiveShare: number;
	/** Shares of 1, 2 and 3 among unsatisfied ratings (summing to 1). */
	unsatisfiedShares: readonly [one: number, two: number, three: number];
}

const BAD_TOPIC_SATISFIED_SHARE = 0.35;
const OTHER_TOPICS_SATISFIED_SHARE = 0.92;
/** A late parcel angers: unhappy customers mostly give a 1 or 2, happy ones more often a 4. */
const BAD_TOPIC_SCORE_MIX: CsatScoreMix = { fiveShare: 0.6, unsatisfiedShares: [0.55, 0.3, 0.15] };
/** Elsewhere satisfied customers mostly give 5, and the unhappy few spread over 1-3. */
const OTHER_TOPICS_SCORE_MIX: CsatScoreMix = {
	fiveShare: 0.75,
	unsatisfiedShares: [0.3, 0.3, 0.4]
};

const TOPICS: readonly TopicSpec[] = [
	{
		tag: 'order_status',
		group: 'Orders',
		weight: 0.2,
		promoWeight: 0.27,
		subjects: [
			() => 'Where is my order?',
			(c) => `Order status for ${c.orderNumber}`,
			() => 'Has my order shipped yet?',
			(c) => `Tracking link not working, order ${c.orderNumber}`
		],
		handlingWorkMinutesMedian: 25,
		solvedInSessionShare: 0.8,
		satisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
		scoreMix: OTHER_TOPICS_SCORE_MIX,
		reopenShares: [0.07, 0.01],
		carrierTag: true,
		urgent: false
	},
	{
		tag: 'delivery_delay',
		group: 'Orders',
		weight: 0.1,
		promoWeight: 0.17,
		subjects: [
			() => 'Delivery delay',
			(c) => `Delivery delay - order ${c.orderNumber}`,
			() => 'My order is late',
			(c) => `Package still not delivered after ${c.daysWaiting} days`,
			() => 'Delivery delayed, when will it arrive?'
		],
		handlingWorkMinutesMedian: 600,
		solvedInSessionShare: 0.3,
		satisfiedShare: BAD_TOPIC_SATISFIED_SHARE,
		scoreMix: BAD_TOPIC_SCORE_MIX,
		reopenShares: [0.2, 0.05],
		carrierTag: true,
		urgent: false
	},
	{
		tag: 'returns_refunds',
		group: 'Orders',
		weight: 0.16,
		promoWeight: 0.1,
		subjects: [
			(c) => `Return request for order ${c.orderNumber}`,
			() => 'How do I return an item?',
			() => 'Refund not received yet',
			(c) => `Exchange the ${c.product} for another colour`
		],
		handlingWorkMinutesMedian: 900,
		solvedInSessionShare: 0.3,
		satisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
		scoreMix: OTHER_TOPICS_SCORE_MIX,
		reopenShares: [0.12, 0.03],
		carrierTag: true,
		urgent: false
	},
	{
		tag: 'damaged_item',
		group: 'Orders',
		weight: 0.08,
		promoWeight: 0.06,
		subjects: [
			() => 'Item arrived damaged',
			(c) => `Broken ${c.product} in my parcel`,
			(c) => `The ${c.product} arrived cracked`,
			() => 'Damaged parcel, parts missing'
		],
		handlingWorkMinutesMedian: 480,
		solvedInSessionShare: 0.2,
		satisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
		scoreMix: OTHER_TOPICS_SCORE_MIX,
		reopenShares: [0.1, 0.02],
		carrierTag: true,
		urgent: true
	},
	{
		tag: 'product_question',
		group: 'Support',
		weight: 0.14,
		promoWeight: 0.08,
		subjects: [
			(c) => `Question about the "${c.product}"`,
			(c) => `Is the ${c.product} machine washable?`,
			(c) => `Dimensions of the ${c.product}`,
			(c) => `Will the ${c.product} be back in stock?`
		],
		handlingWorkMinutesMedian: 15,
		solvedInSessionShare: 0.9,
		satisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
		scoreMix: OTHER_TOPICS_SCORE_MIX,
		reopenShares: [0.04, 0.005],
		carrierTag: false,
		urgent: false
	},
	{
		tag: 'payment_issue',
		group: 'Orders',
		weight: 0.08,
		promoWeight: 0.1,
		subjects: [
			() => 'Payment failed at checkout',
			(c) => `Charged twice for order ${c.orderNumber}`,
			() => 'PayPal payment not going through',
			(c) => `Invoice for order ${c.orderNumber}, please`
		],
		handlingWorkMinutesMedian: 240,
		solvedInSessionShare: 0.5,
		satisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
		scoreMix: OTHER_TOPICS_SCORE_MIX,
		reopenShares: [0.08, 0.02],
		carrierTag: false,
		urgent: true
	},
	{
		tag: 'change_address',
		group: 'Orders',
		weight: 0.06,
		promoWeight: 0.06,
		subjects: [
			() => 'Change delivery address',
			(c) => `Wrong shipping address on order ${c.orderNumber}`,
			() => 'Can I update my address?'
		],
		handlingWorkMinutesMedian: 20,
		solvedInSessionShare: 0.85,
		satisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
		scoreMix: OTHER_TOPICS_SCORE_MIX,
		reopenShares: [0.05, 0.01],
		carrierTag: false,
		urgent: false
	},
	{
		tag: 'discount_code',
		group: 'Support',
		weight: 0.08,
		promoWeight: 0.12,
		subjects: [
			() => 'Discount code not working',
			(c) =>
				c.isPromo ? 'SUMMER25 code rejected at checkout' : 'WELCOME10 code rejected at checkout',
			() => 'Forgot to apply my voucher',
			() => 'Newsletter discount code not received'
		],
		handlingWorkMinutesMedian: 15,
		solvedInSessionShare: 0.9,
		satisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
		scoreMix: OTHER_TOPICS_SCORE_MIX,
		reopenShares: [0.04, 0.005],
		carrierTag: false,
		urgent: false
	},
	{
		tag: 'account_login',
		group: 'Support',
		weight: 0.1,
		promoWeight: 0.04,
		subjects: [
			() => "Can't log in to my account",
			() => 'Password reset email not arriving',
			() => 'Please delete my account',
			() => 'Change the email address on my account'
		],
		handlingWorkMinutesMedian: 30,
		solvedInSessionShare: 0.8,
		satisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
		scoreMix: OTHER_TOPICS_SCORE_MIX,
		reopenShares: [0.05, 0.01],
		carrierTag: false,
		urgent: false
	}
];

const PRODUCTS = [
	'Aurora linen duvet cover',
	'Fjord ceramic vase',
	'Moss wool throw',
	'Oslo oak side table',
	'Amber scented candle',
	'Tide cotton bath towels',
	'Nest rattan basket',
	'Halo table lamp',
	'Ember stoneware mug set',
	'Dune jute rug'
] as const;

type Channel = 'Email' | 'Chat' | 'Web form' | 'Phone call' | 'Facebook' | 'Twitter';

const WEEKDAY_CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
	['Email', 0.5],
	['Chat', 0.3],
	['Web form', 0.1],
	['Phone call', 0.05],
	['Facebook', 0.03],
	['Twitter', 0.02]
];
/** The phone line is closed at weekends; those customers write an e-mail instead. */
const WEEKEND_CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
	['Email', 0.55],
	['Chat', 0.3],
	['Web form', 0.1],
	['Facebook', 0.03],
	['Twitter', 0.02]
];

/** Berlin-local hour of creation, 0..23: low at night, peak late morning to early afternoon. */
const WEEKDAY_HOUR_WEIGHTS: readonly number[] = [
	0.25, 0.15, 0.08, 0.05, 0.05, 0.08, 0.2, 0.45, 0.85, 1.25, 1.6, 1.75, 1.7, 1.65, 1.55, 1.4, 1.25,
	1.15, 1.05, 1, 0.95, 0.85, 0.65, 0.4
];
/** Weekends start later and stay flatter into the evening. */
const WEEKEND_HOUR_WEIGHTS: readonly number[] = [
	0.35, 0.2, 0.1, 0.05, 0.05, 0.06, 0.1, 0.25, 0.55, 0.95, 1.3, 1.5, 1.55, 1.5, 1.45, 1.35, 1.3,
	1.25, 1.2, 1.15, 1.1, 0.95, 0.75, 0.5
];

/** Opening hours per weekday (0 = Sunday) as [openHour, closeHour) Berlin local time. */
type WeeklyHours = readonly (readonly [open: number, close: number] | null)[];
const CHAT_HOURS: WeeklyHours = [
	[8, 20],
	[8, 20],
	[8, 20],
	[8, 20],
	[8, 20],
	[8, 20],
	[8, 20]
];
const PHONE_HOURS: WeeklyHours = [null, [9, 18], [9, 18], [9, 18], [9, 18], [9, 18], null];
/** When agents work the e-mail/social queue: long weekdays, short Saturday, no Sunday. */
const QUEUE_HOURS: WeeklyHours = [null, [8, 20], [8, 20], [8, 20], [8, 20], [8, 20], [10, 16]];
/** The business-hours schedule behind the "within business hours" column. */
const BUSINESS_HOURS: WeeklyHours = [null, [9, 18], [9, 18], [9, 18], [9, 18], [9, 18], null];

/** Monday busiest, weekend ~45% of a weekday (index 0 = Sunday). */
const WEEKDAY_VOLUME_FACTORS: readonly number[] = [0.45, 1.25, 1.1, 1.05, 1, 0.95, 0.5];
const MEAN_WEEKDAY_VOLUME_FACTOR =
	WEEKDAY_VOLUME_FACTORS.reduce((sum, factor) => sum + factor, 0) / WEEKDAY_VOLUME_FACTORS.length;

const BASE_TICKETS_PER_DAY = 55;
const PERIOD_FIRST_DAY = '2026-06-01';
const PERIOD_LAST_DAY = '2026-09-30';
const PROMO_FIRST_DAY = '2026-07-13';
const PROMO_LAST_DAY = '2026-07-19';
/** Volume multiplier per sale day, Monday launch highest. */
const PROMO_VOLUME_FACTORS: readonly number[] = [3, 2.9, 2.8, 2.75, 2.7, 2.6, 2.5];
/** Shipping backlog after the sale: extra order/delivery questions for three days. */
const POST_PROMO_VOLUME_FACTORS: readonly number[] = [1.5, 1.3, 1.15];

const CUSTOMER_POOL_SIZE = 3500;
/**
 * Customer activity ~ 1 / (rank + offset)^exponent: regulars with ~20 tickets, a long tail of
 * one-off buyers; the offset keeps the top customers from dominating.
 */
const CUSTOMER_ACTIVITY_OFFSET = 40;
const CUSTOMER_ACTIVITY_EXPONENT = 0.7;
const VIP_CUSTOMER_COUNT = 40;
const RATED_SHARE = 0.35;
const OFFERED_SHARE = 0.5;
const STUCK_OPEN_SHARE = 0.02;
/** Zendesk closes solved tickets automatically after 4 days. */
const CLOSE_AFTER_SOLVED_MS = 4 * DAY_MS;

export const DEMO_SHOP_FACTS = {
	shopName: 'Lumen & Loom',
	description: 'Small home-goods web shop in Berlin',
	timeZone: 'Europe/Berlin',
	utcOffset: '+02:00',
	defaultSeed: DEFAULT_SEED,
	firstDay: PERIOD_FIRST_DAY,
	lastDay: PERIOD_LAST_DAY,
	/** Export instant: statuses are as of this moment. */
	exportedAt: '2026-10-01T00:00:00+02:00',
	/** Path of the generated file under static/, i.e. its URL in the app. */
	publicPath: '/demo/demo-shop-tickets.csv',
	header: DEMO_SHOP_HEADER,
	agents: AGENTS,
	groups: ['Support', 'Orders'],
	channels: ['Email', 'Chat', 'Web form', 'Phone call', 'Facebook', 'Twitter'],
	topicTags: TOPICS.map((topic) => topic.tag),
	baseTicketsPerDay: BASE_TICKETS_PER_DAY,
	customerPoolSize: CUSTOMER_POOL_SIZE,
	promo: {
		name: 'Summer Sale',
		tag: 'summer_sale',
		firstDay: PROMO_FIRST_DAY,
		lastDay: PROMO_LAST_DAY,
		volumeMultiplierMin: Math.min(...PROMO_VOLUME_FACTORS),
		volumeMultiplierMax: Math.max(...PROMO_VOLUME_FACTORS)
	},
	slowAgent: { name: SLOW_AGENT, firstReplyMultiplier: SLOW_AGENT_FIRST_REPLY_FACTOR },
	/** Anna and Ben away; Felix covers with a larger share and replies 3x slower again. */
	holidayCover: {
		firstDay: HOLIDAY_FIRST_DAY,
		lastDay: HOLIDAY_LAST_DAY,
		agentsAway: AGENTS_ON_HOLIDAY,
		coveringAgent: SLOW_AGENT,
		extraReplyMultiplier: SLOW_AGENT_HOLIDAY_REPLY_FACTOR
	},
	/** Planted customers who claim refunds over and over (e-mails). */
	serialClaimers: SERIAL_CLAIMERS.map((customer) => customer.email),
	/**
	 * Planted chance that a rating is satisfied (a 4 or 5 on the 1-5 scale), before the small
	 * penalties for reopens and slow replies (measured shares come out ~2 points lower; see
	 * docs/demo-data.md).
	 */
	badTopic: {
		tag: 'delivery_delay',
		subject: 'Delivery delay',
		plantedSatisfiedShare: BAD_TOPIC_SATISFIED_SHARE,
		scoreMix: BAD_TOPIC_SCORE_MIX
	},
	otherTopicsPlantedSatisfiedShare: OTHER_TOPICS_SATISFIED_SHARE,
	otherTopicsScoreMix: OTHER_TOPICS_SCORE_MIX,
	/** Rated tickets carry a 1-5 score; the others `Offered` or `Not Offered`. */
	csatScale: { min: 1, max: 5, satisfiedMin: 4 },
	ratedShare: RATED_SHARE,
	/** Schedule of the "within business hours" column; Berlin has no public holiday in Jun-Sep 2026. */
	businessHours: { days: 'Mon-Fri', open: '09:00', close: '18:00' },
	chatHours: { days: 'Mon-Sun', open: '08:00', close: '20:00' },
	phoneHours: { days: 'Mon-Fri', open: '09:00', close: '18:00' }
} as const;

// ---------------------------------------------------------------------------
// Berlin time without the machine's time zone

/** UTC ms of 00:00 UTC on the last Sunday of a month. */
function lastSundayUtcMs(year: number, monthIndex: number): number {
	const lastDayMs = Date.UTC(year, monthIndex + 1, 0);
	return lastDayMs - new Date(lastDayMs).getUTCDay() * DAY_MS;
}

/** CEST bounds of the year looked up last: a pure memo that only saves Date work. */
let summerTimeMemo = { yearStartMs: 0, yearEndMs: -1, summerStartMs: 0, summerEndMs: 0 };

/**
 * Europe/Berlin offset in minutes: CEST (+120) from the last Sunday of March to the last
 * Sunday of October, switching at 01:00 UTC (EU rule); CET (+60) otherwise.
 */
export function berlinOffsetMinutes(utcMs: number): number {
	let memo = summerTimeMemo;
	if (utcMs < memo.yearStartMs || utcMs >= memo.yearEndMs) {
		const year = new Date(utcMs).getUTCFullYear();
		memo = {
			yearStartMs: Date.UTC(year, 0, 1),
			yearEndMs: Date.UTC(year + 1, 0, 1),
			summerStartMs: lastSundayUtcMs(year, 2) + HOUR_MS,
			summerEndMs: lastSundayUtcMs(year, 9) + HOUR_MS
		};
		summerTimeMemo = memo;
	}
	return utcMs >= memo.summerStartMs && utcMs < memo.summerEndMs ? 120 : 60;
}

/** Berlin wall-clock time encoded as if it were UTC ms (so getUTC* read local fields). */
function toBerlinLocalMs(utcMs: number): number {
	return utcMs + berlinOffsetMinutes(utcMs) * MINUTE_MS;
}

/** Inverse of toBerlinLocalMs; in the skipped/repeated DST hour it picks one plausible instant. */
function berlinLocalToUtcMs(localMs: number): number {
	const guessMs = localMs - berlinOffsetMinutes(localMs - HOUR_MS) * MINUTE_MS;
	return localMs - berlinOffsetMinutes(guessMs) * MINUTE_MS;
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** ISO 8601 with the Berlin offset of that instant, seconds precision. */
export function formatBerlinIso(utcMs: number): string {
	const offsetMinutes = berlinOffsetMinutes(utcMs);
	const local = new Date(utcMs + offsetMinutes * MINUTE_MS);
	const sign = offsetMinutes >= 0 ? '+' : '-';
	const offsetAbs = Math.abs(offsetMinutes);
	return (
		`${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
		`T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
		`${sign}${pad2(Math.floor(offsetAbs / 60))}:${pad2(offsetAbs % 60)}`
	);
}

function isoDayToUtcMs(isoDay: string): number {
	const [year, month, day] = isoDay.split('-').map(Number);
	return Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN);
}

/**
 * Moves forward from `startAtMs` by `workMs` of open time in a weekly schedule
 * (time outside the hours does not count), e.g. an agent's queue working time.
 */
function advanceWorkingTime(startAtMs: number, workMs: number, hours: WeeklyHours): number {
	let localMs = toBerlinLocalMs(startAtMs);
	let remainingMs = Math.max(0, workMs);
	// Bounded: a year of days is far more than any generated delay needs.
	for (let guard = 0; guard < 366; guard++) {
		const dayStartMs = Math.floor(localMs / DAY_MS) * DAY_MS;
		const window = hours[new Date(dayStartMs).getUTCDay()];
		if (window) {
			const openMs = dayStartMs + window[0] * HOUR_MS;
			const closeMs = dayStartMs + window[1] * HOUR_MS;
			if (localMs < openMs) localMs = openMs;
			if (localMs < closeMs) {
				const stepMs = Math.min(remainingMs, closeMs - localMs);
				localMs += stepMs;
				remainingMs -= stepMs;
				if (remainingMs <= 0) break;
			}
		}
		localMs = dayStartMs + DAY_MS;
	}
	return berlinLocalToUtcMs(localMs);
}

/** Open time of a weekly schedule that lies between two instants, in ms. */
function workingMsBetween(startAtMs: number, endAtMs: number, hours: WeeklyHours): number {
	const startLocalMs = toBerlinLocalMs(startAtMs);
	const endLocalMs = toBerlinLocalMs(endAtMs);
	let totalMs = 0;
	for (
		let dayStartMs = Math.floor(startLocalMs / DAY_MS) * DAY_MS;
		dayStartMs < endLocalMs;
		dayStartMs += DAY_MS
	) {
		const window = hours[new Date(dayStartMs).getUTCDay()];
		if (!window) continue;
		const fromMs = Math.max(startLocalMs, dayStartMs + window[0] * HOUR_MS);
		const toMs = Math.min(endLocalMs, dayStartMs + window[1] * HOUR_MS);
		if (toMs > fromMs) totalMs += toMs - fromMs;
	}
	return totalMs;
}

// ---------------------------------------------------------------------------
// Customers

const FIRST_NAMES: readonly string[] = (
	'Lena|Jonas|Mia|Lukas|Sophie|Leon|Emma|Paul|Hannah|Marie|Elias|Clara|Noah|Lea|' +
	'Finn|Laura|Tim|Julia|Max|Sarah|Tobias|Katharina|Jan|Nina|Moritz|Johanna|David|' +
	'Lisa|Simon|Zoë|Jürgen|Sören|Björn|Ayşe|Mehmet|Elif|Can|Agnieszka|Piotr|' +
	'Magdalena|Tomasz|Sofia|Luca|Giulia|Marco|Camille|Louis|Inès|Hugo|Emily|James|' +
	'Olivia|Liam|Priya|Arjun|Yuki|Mateo|Lucía|Fatima|Omar|Ingrid|Lars|Astrid|Aoife'
).split('|');

const LAST_NAMES: readonly string[] = (
	'Müller|Schmidt|Schneider|Fischer|Meyer|Wagner|Becker|Schulz|Hoffmann|Koch|' +
	'Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Krüger|Hartmann|Lange|' +
	'Werner|Krause|Lehmann|Köhler|Yılmaz|Kaya|Demir|Çelik|Nowak|Kowalski|Wiśniewska|' +
	'Rossi|Bianchi|Dubois|Lefèvre|García|López|Jansen|de Vries|Andersson|Nielsen|' +
	"O'Brien|Murphy|Smith|Brown|Patel|Sato|Horváth|Papadopoulos|Silva|Costa|Berg|" +
	'Lindqvist|Ahmed|Haddad|Nguyen'
).split('|');

/** Explicit ASCII spelling for the letters in the name lists (no locale-dependent case mapping). */
const ASCII_LETTERS: Readonly<Record<string, string>> = {
	ä: 'ae',
	ö: 'oe',
	ü: 'ue',
	ß: 'ss',
	é: 'e',
	è: 'e',
	ë: 'e',
	ç: 'c',
	ş: 's',
	ı: 'i',
	ś: 's',
	á: 'a',
	í: 'i',
	ó: 'o',
	ú: 'u',
	ñ: 'n'
};

function emailLocalPart(name: string): string {
	let ascii = '';
	for (const letter of name.toLowerCase()) {
		const mapped = ASCII_LETTERS[letter] ?? letter;
		if (/^[a-z0-9]+$/.test(mapped)) ascii += mapped;
	}
	return ascii;
}

interface Customer {
	name: string;
	email: string;
	isVip: boolean;
}

function createCustomers(rng: Rng): Customer[] {
	const customers: Customer[] = [];
	const usedEmails = new Set<string>();
	for (let index = 0; index < CUSTOMER_POOL_SIZE; index++) {
		const firstName = pick(rng, FIRST_NAMES);
		const lastName = pick(rng, LAST_NAMES);
		const domain = pickWeighted(rng, [
			['example.com', 0.7],
			['example.org', 0.15],
			['example.net', 0.15]
		] as const);
		const localPart = `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}`;
		let email = `${localPart}@${domain}`;
		// Namesakes get a number, as real mailboxes do.
		for (let suffix = 2; usedEmails.has(email); suffix++) email = `${localPart}${suffix}@${domain}`;
		usedEmails.add(email);
		customers.push({ name: `${firstName} ${lastName}`, email, isVip: index < VIP_CUSTOMER_COUNT });
	}
	return customers;
}

// ---------------------------------------------------------------------------
// Tickets

type Status = 'New' | 'Open' | 'Pending' | 'Solved' | 'Closed';
type Satisfaction = CsatScore | 'Offered' | 'Not Offered';
type Priority = 'Low' | 'Normal' | 'High' | 'Urgent';

interface DemoTicket {
	createdAtMs: number;
	updatedAtMs: number;
	solvedAtMs: number | null;
	requester: Customer;
	assignee: AgentName | null;
	group: string;
	subject: string;
	tags: string;
	status: Status;
	priority: Priority;
	via: Channel;
	satisfaction: Satisfaction;
	replies: number;
	reopens: number;
	firstReplyMinutes: number | null;
	firstReplyBusinessMinutes: number | null;
	firstResolutionMinutes: number | null;
	fullResolutionMinutes: number | null;
}

interface DayPlan {
	dayIndex: number;
	dayStartLocalMs: number;
	weekday: number;
	isWeekend: boolean;
	/** During the sale itself (tagged summer_sale). */
	isPromo: boolean;
	/** Anna and Ben on holiday, Felix covering. */
	isHolidayCover: boolean;
	/** Sale or the backlog days right after it: more order and delivery questions. */
	hasPromoTopicMix: boolean;
	expectedTickets: number;
}

function planDays(rng: Rng): DayPlan[] {
	const firstDayMs = isoDayToUtcMs(PERIOD_FIRST_DAY);
	const lastDayMs = isoDayToUtcMs(PERIOD_LAST_DAY);
	const promoFirstMs = isoDayToUtcMs(PROMO_FIRST_DAY);
	const promoLastMs = isoDayToUtcMs(PROMO_LAST_DAY);
	const dayCount = Math.round((lastDayMs - firstDayMs) / DAY_MS) + 1;
	const days: DayPlan[] = [];
	for (let dayIndex = 0; dayIndex < dayCount; dayIndex++) {
		const dayStartLocalMs = firstDayMs + dayIndex * DAY_MS;
		const weekday = new Date(dayStartLocalMs).getUTCDay();
		const promoDayIndex = Math.round((dayStartLocalMs - promoFirstMs) / DAY_MS);
		const isPromo = dayStartLocalMs >= promoFirstMs && dayStartLocalMs <= promoLastMs;
		const postPromoFactor = POST_PROMO_VOLUME_FACTORS[promoDayIndex - PROMO_VOLUME_FACTORS.length];
		const promoFactor = isPromo
			? (PROMO_VOLUME_FACTORS[promoDayIndex] ?? 1)
			: (postPromoFactor ?? 1);
		// The shop grows a little over the summer (~±5% around the base).
		const trendFactor = 0.95 + (0.1 * dayIndex) / Math.max(1, dayCount - 1);
		const noiseFactor = lognormalWithMedian(rng, 1, 0.08);
		const weekdayFactor = (WEEKDAY_VOLUME_FACTORS[weekday] ?? 1) / MEAN_WEEKDAY_VOLUME_FACTOR;
		days.push({
			dayIndex,
			dayStartLocalMs,
			weekday,
			isWeekend: weekday === 0 || weekday === 6,
			isPromo,
			isHolidayCover:
				dayStartLocalMs >= isoDayToUtcMs(HOLIDAY_FIRST_DAY) &&
				dayStartLocalMs <= isoDayToUtcMs(HOLIDAY_LAST_DAY),
			hasPromoTopicMix: isPromo || postPromoFactor !== undefined,
			expectedTickets:
				BASE_TICKETS_PER_DAY * weekdayFactor * trendFactor * promoFactor * noiseFactor
		});
	}
	return days;
}

type HourPicker = (rng: Rng) => number;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function hourPicker(baseWeights: readonly number[], openHours?: WeeklyHours[number]): HourPicker {
	return weightedPicker(
		HOURS,
		baseWeights.map((weight, hour) =>
			openHours === undefined || (openHours && hour >= openHours[0] && hour < openHours[1])
				? weight
				: 0
		)
	);
}

/** Creation-hour pickers per weekday: [any channel, chat, phone]; chat and phone only when open. */
const HOUR_PICKERS_BY_WEEKDAY: readonly (readonly [HourPicker, HourPicker, HourPicker])[] =
	Array.from({ length: 7 }, (_, weekday) => {
		const base = weekday === 0 || weekday === 6 ? WEEKEND_HOUR_WEIGHTS : WEEKDAY_HOUR_WEIGHTS;
		// No phone tickets at weekends (line closed); base hours keep that picker valid anyway.
		const phoneHours = PHONE_HOURS[weekday] ?? undefined;
		return [
			hourPicker(base),
			hourPicker(base, CHAT_HOURS[weekday]),
			hourPicker(base, phoneHours)
		] as const;
	});

function pickCreationHour(rng: Rng, channel: Channel, weekday: number): number {
	const pickers = HOUR_PICKERS_BY_WEEKDAY[weekday];
	if (pickers === undefined) throw new Error(`Bad weekday ${weekday}`);
	const picker =
		channel === 'Chat' ? pickers[1] : channel === 'Phone call' ? pickers[2] : pickers[0];
	return picker(rng);
}

const pickTopic = weightedPicker(
	TOPICS,
	TOPICS.map((topic) => topic.weight)
);
const pickPromoTopic = weightedPicker(
	TOPICS,
	TOPICS.map((topic) => topic.promoWeight)
);

function pickPriority(rng: Rng, topic: TopicSpec): Priority {
	return topic.urgent
		? pickWeighted(rng, [
				['Low', 0.05],
				['Normal', 0.6],
				['High', 0.27],
				['Urgent', 0.08]
			] as const)
		: pickWeighted(rng, [
				['Low', 0.14],
				['Normal', 0.74],
				['High', 0.1],
				['Urgent', 0.02]
			] as const);
}

/**
 * Instant of the first agent reply: chat and phone in wall-clock minutes, the e-mail/social
 * queue in agent working time (so night and weekend tickets wait for the morning).
 */
function firstReplyAt(
	rng: Rng,
	createdAtMs: number,
	channel: Channel,
	speedFactor: number
): number {
	switch (channel) {
		case 'Chat':
			return createdAtMs + lognormalWithMedian(rng, 2, 0.6) * speedFactor * MINUTE_MS;
		case 'Phone call':
			return createdAtMs + lognormalWithMedian(rng, 0.4, 0.6) * speedFactor * MINUTE_MS;
		case 'Facebook':
		case 'Twitter':
			return advanceWorkingTime(
				createdAtMs,
				lognormalWithMedian(rng, 35, 0.7) * speedFactor * MINUTE_MS,
				QUEUE_HOURS
			);
		case 'Email':
		case 'Web form':
			return advanceWorkingTime(
				createdAtMs,
				lognormalWithMedian(rng, channel === 'Email' ? 80 : 65, 0.9) * speedFactor * MINUTE_MS,
				QUEUE_HOURS
			);
	}
}

/**
 * Turns one uniform draw in [0, 1) into a 1-5 score: below `satisfiedShare` it is satisfied (5 or
 * 4), above it 1-3, each part rescaled to [0, 1) to pick the score. A single draw keeps the
 * satisfied share exact and the later draws (every other column) independent of the score mix.
 */
function csatScoreFromDraw(draw: number, satisfiedShare: number, mix: CsatScoreMix): CsatScore {
	if (draw < satisfiedShare) return draw / satisfiedShare < mix.fiveShare ? 5 : 4;
	const within = (draw - satisfiedShare) / (1 - satisfiedShare);
	const [one, two] = mix.unsatisfiedShares;
	return within < one ? 1 : within < one + two ? 2 : 3;
}

const roundToSecondMs = (ms: number): number => Math.round(ms / SECOND_MS) * SECOND_MS;
const wholeMinutes = (ms: number): number => Math.round(ms / MINUTE_MS);

function createTicket(
	rng: Rng,
	day: DayPlan,
	customerPicker: (rng: Rng) => Customer,
	agentPicker: (rng: Rng, day: DayPlan) => AgentName,
	periodEndMs: number,
	/** A planted serial claimer: forces the topic (the draw is still made, keeping streams aligned). */
	claimTopic?: TopicSpec
): DemoTicket {
	const via = pickWeighted(rng, day.isWeekend ? WEEKEND_CHANNEL_WEIGHTS : WEEKDAY_CHANNEL_WEIGHTS);
	const hour = pickCreationHour(rng, via, day.weekday);
	const createdLocalMs = day.dayStartLocalMs + hour * HOUR_MS + randomInt(rng, 0, 3599) * SECOND_MS;
	const createdAtMs = berlinLocalToUtcMs(createdLocalMs);

	const pickedTopic = day.hasPromoTopicMix ? pickPromoTopic(rng) : pickTopic(rng);
	const topic = claimTopic ?? pickedTopic;
	const requester = customerPicker(rng);
	const agent = agentPicker(rng, day);
	const priority = pickPriority(rng, topic);
	const isSlowAgent = agent === SLOW_AGENT;

	const subjectContext: SubjectContext = {
		// Order numbers grow with time; the order was placed a few days before writing in.
		orderNumber: `#LL-${48200 + day.dayIndex * 70 - randomInt(rng, 0, 400)}`,
		product: pick(rng, PRODUCTS),
		daysWaiting: randomInt(rng, 5, 14),
		isPromo: day.isPromo
	};
	const subject = pick(rng, topic.subjects)(subjectContext);

	const tags: string[] = [topic.tag];
	if (topic.carrierTag) {
		tags.push(
			pickWeighted(rng, [
				['dhl', 0.6],
				['dpd', 0.25],
				['hermes', 0.15]
			] as const)
		);
	}
	if (topic.tag === 'returns_refunds' && chance(rng, 0.4)) tags.push('refund_issued');
	if (topic.tag === 'damaged_item' && chance(rng, 0.5)) tags.push('replacement_sent');
	if (day.isPromo) tags.push('summer_sale');
	if (requester.isVip) tags.push('vip');

	// Urgent work is picked up sooner; the slow agent is ~4x slower on every channel.
	const priorityFactor = priority === 'High' || priority === 'Urgent' ? 0.7 : 1;
	const slowFactor =
		SLOW_AGENT_FIRST_REPLY_FACTOR * (day.isHolidayCover ? SLOW_AGENT_HOLIDAY_REPLY_FACTOR : 1);
	const replySpeedFactor = priorityFactor * (isSlowAgent ? slowFactor : 1);
	const replyAtMs = roundToSecondMs(firstReplyAt(rng, createdAtMs, via, replySpeedFactor));

	const handlingFactor = isSlowAgent ? SLOW_AGENT_HANDLING_FACTOR : 1;
	const solvedInSession =
		(via === 'Chat' || via === 'Phone call') && chance(rng, topic.solvedInSessionShare);
	const firstSolvedAtMs = roundToSecondMs(
		solvedInSession
			? replyAtMs + lognormalWithMedian(rng, 8, 0.7) * handlingFactor * MINUTE_MS
			: advanceWorkingTime(
					replyAtMs,
					lognormalWithMedian(rng, topic.handlingWorkMinutesMedian, 1) * handlingFactor * MINUTE_MS,
					QUEUE_HOURS
				)
	);
	const [reopenOne, reopenTwo] = topic.reopenShares;
	const reopens = pickWeighted(rng, [
		[0, 1 - reopenOne - reopenTwo],
		[1, reopenOne],
		[2, reopenTwo]
	] as const);
	let solvedAtMs = firstSolvedAtMs;
	for (let reopen = 0; reopen < reopens; reopen++) {
		// The customer writes back a day or two later, then an agent works on it again.
		const customerBackAtMs = solvedAtMs + lognormalWithMedian(rng, 1.5 * 24 * 60, 0.8) * MINUTE_MS;
		solvedAtMs = roundToSecondMs(
			advanceWorkingTime(
				customerBackAtMs,
				lognormalWithMedian(rng, 60, 1) * handlingFactor * MINUTE_MS,
				QUEUE_HOURS
			)
		);
	}
	const isStuck = chance(rng, STUCK_OPEN_SHARE);
	const extraReplies = poisson(rng, topic.handlingWorkMinutesMedian > 100 ? 1.2 : 0.5);
	const isRated = chance(rng, RATED_SHARE);
	const isOffered = chance(rng, OFFERED_SHARE / (1 - RATED_SHARE));
	const ratingDelayMs = lognormalWithMedian(rng, 18 * 60, 1) * MINUTE_MS;
	const activityFraction = rng();
	const closeDelayMs = randomInt(rng, 0, 3599) * SECOND_MS;

	const lastInstantMs = periodEndMs - SECOND_MS;
	// Starts as Zendesk's New (nobody has touched it yet, unassigned) and is filled in below.
	// One literal with every field keeps the object shape stable (spreads were ~2x slower).
	const ticket: DemoTicket = {
		createdAtMs,
		updatedAtMs: createdAtMs,
		solvedAtMs: null,
		requester,
		assignee: null,
		group: topic.group,
		subject,
		tags: tags.join(' '),
		status: 'New',
		priority,
		via,
		satisfaction: 'Not Offered',
		replies: 0,
		reopens: 0,
		firstReplyMinutes: null,
		firstReplyBusinessMinutes: null,
		firstResolutionMinutes: null,
		fullResolutionMinutes: null
	};
	if (replyAtMs > lastInstantMs) return ticket;

	const firstReplyMinutes = wholeMinutes(replyAtMs - createdAtMs);
	ticket.assignee = agent;
	ticket.firstReplyMinutes = firstReplyMinutes;
	ticket.firstReplyBusinessMinutes = wholeMinutes(
		workingMsBetween(createdAtMs, replyAtMs, BUSINESS_HOURS)
	);
	if (isStuck || solvedAtMs > lastInstantMs) {
		ticket.status = isStuck || activityFraction >= 0.55 ? 'Open' : 'Pending';
		ticket.updatedAtMs = roundToSecondMs(
			replyAtMs + activityFraction * (lastInstantMs - replyAtMs)
		);
		ticket.replies = 1 + Math.min(extraReplies, 2);
		return ticket;
	}

	ticket.solvedAtMs = solvedAtMs;
	ticket.updatedAtMs = solvedAtMs;
	ticket.satisfaction = isOffered ? 'Offered' : 'Not Offered';
	if (isRated) {
		// Reopened or slow-to-answer tickets get rated a bit worse.
		const satisfiedShare =
			topic.satisfiedShare - (reopens > 0 ? 0.12 : 0) - (firstReplyMinutes > 24 * 60 ? 0.06 : 0);
		ticket.satisfaction = csatScoreFromDraw(rng(), satisfiedShare, topic.scoreMix);
		ticket.updatedAtMs = roundToSecondMs(Math.min(lastInstantMs, solvedAtMs + ratingDelayMs));
	}
	const isClosed = solvedAtMs < periodEndMs - CLOSE_AFTER_SOLVED_MS;
	if (isClosed) {
		ticket.status = 'Closed';
		ticket.updatedAtMs = Math.min(lastInstantMs, solvedAtMs + CLOSE_AFTER_SOLVED_MS + closeDelayMs);
	} else {
		ticket.status = 'Solved';
	}
	ticket.replies = Math.min(6, 1 + reopens + extraReplies);
	ticket.reopens = reopens;
	ticket.firstResolutionMinutes = wholeMinutes(firstSolvedAtMs - createdAtMs);
	ticket.fullResolutionMinutes = wholeMinutes(solvedAtMs - createdAtMs);
	return ticket;
}

// ---------------------------------------------------------------------------
// Planted serial claimers

const CLAIM_TOPICS = TOPICS.filter((topic) =>
	(['returns_refunds', 'delivery_delay', 'damaged_item'] as const).some((tag) => tag === topic.tag)
);

/** What a serial claimer writes; some subjects insult or threaten (the abusive-language feature). */
const CLAIM_SUBJECTS: readonly string[] = [
	'Parcel never arrived, I want my money back',
	'Item not received AGAIN',
	'Refund now or I call my lawyer',
	'Your useless courier lost my order',
	'Broken again, refund please',
	'Scam shop, never received my order',
	'Missing item in my parcel, refund',
	'Not received, refund me today'
];

/** Share of a serial claimer's solved tickets that end with money or goods sent back. */
const SERIAL_CLAIM_COMPENSATED_SHARE = 0.85;

function serialClaimTickets(
	rng: Rng,
	days: readonly DayPlan[],
	agentPicker: (rng: Rng, day: DayPlan) => AgentName,
	periodEndMs: number
): DemoTicket[] {
	const tickets: DemoTicket[] = [];
	for (const claimer of SERIAL_CLAIMERS) {
		const count = randomInt(rng, 8, 11);
		for (let index = 0; index < count; index++) {
			// The last two weeks are left out so every claim has had time to be settled.
			const day = days[randomInt(rng, 0, days.length - 15)]!;
			const topic = pick(rng, CLAIM_TOPICS);
			const ticket = createTicket(rng, day, () => claimer, agentPicker, periodEndMs, topic);
			if (chance(rng, 0.6)) ticket.subject = pick(rng, CLAIM_SUBJECTS);
			const compensated = chance(rng, SERIAL_CLAIM_COMPENSATED_SHARE);
			if (compensated && ticket.solvedAtMs !== null) {
				const tag = topic.tag === 'damaged_item' ? 'replacement_sent' : 'refund_issued';
				if (!ticket.tags.split(' ').includes(tag)) ticket.tags += ` ${tag}`;
			}
			if (typeof ticket.satisfaction === 'number' && chance(rng, 0.8))
				ticket.satisfaction = pick(rng, [1, 2] as const);
			tickets.push(ticket);
		}
	}
	return tickets;
}

// ---------------------------------------------------------------------------
// CSV

/** RFC 4180: quote when the value has a comma, quote or line break; double inner quotes. */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const optionalNumber = (value: number | null): string => (value === null ? '' : String(value));

/** Numbers and our ISO timestamps never need quoting; only the text fields go through csvField. */
function ticketRow(id: number, ticket: DemoTicket): string {
	return (
		`${id},${csvField(ticket.requester.name)},${csvField(ticket.requester.email)},` +
		`${csvField(ticket.assignee ?? '')},${csvField(ticket.group)},${csvField(ticket.subject)},` +
		`${csvField(ticket.tags)},${ticket.status},${ticket.priority},${ticket.via},` +
		`${formatBerlinIso(ticket.createdAtMs)},${formatBerlinIso(ticket.updatedAtMs)},` +
		`${ticket.solvedAtMs === null ? '' : formatBerlinIso(ticket.solvedAtMs)},` +
		`${ticket.satisfaction},${ticket.replies},${ticket.reopens},` +
		`${optionalNumber(ticket.firstReplyMinutes)},${optionalNumber(ticket.firstReplyBusinessMinutes)},` +
		`${optionalNumber(ticket.firstResolutionMinutes)},${optionalNumber(ticket.fullResolutionMinutes)}`
	);
}

export interface DemoShopOptions {
	/** Any 32-bit integer; defaults to DEMO_SHOP_FACTS.defaultSeed. */
	seed?: number;
}

/** Returns the demo shop's ticket export as CSV text (LF line endings, trailing newline, no BOM). */
export function generateDemoShopCsv(options: DemoShopOptions = {}): string {
	const seed = options.seed ?? DEFAULT_SEED;
	// Separate streams, so tuning one part does not reshuffle the others.
	const customerRng = mulberry32(seed ^ 0x5bd1e995);
	const volumeRng = mulberry32(seed ^ 0x27d4eb2f);
	const ticketRng = mulberry32(seed);

	const customers = createCustomers(customerRng);
	const customerPicker = weightedPicker(
		customers,
		customers.map(
			(_, rank) => 1 / Math.pow(rank + 1 + CUSTOMER_ACTIVITY_OFFSET, CUSTOMER_ACTIVITY_EXPONENT)
		)
	);
	const usualAgents = weightedPicker(AGENTS, AGENT_WEIGHTS);
	const holidayAgents = weightedPicker(AGENTS, HOLIDAY_AGENT_WEIGHTS);
	// One draw either way, so the holiday changes who answers, not the rest of the file.
	const agentPicker = (rng: Rng, day: DayPlan) =>
		day.isHolidayCover ? holidayAgents(rng) : usualAgents(rng);
	const periodEndMs = berlinLocalToUtcMs(isoDayToUtcMs(PERIOD_LAST_DAY) + DAY_MS);

	const tickets: DemoTicket[] = [];
	const days = planDays(volumeRng);
	for (const day of days) {
		const count = poisson(volumeRng, day.expectedTickets);
		for (let index = 0; index < count; index++) {
			tickets.push(createTicket(ticketRng, day, customerPicker, agentPicker, periodEndMs));
		}
	}
	tickets.push(
		...serialClaimTickets(mulberry32(seed ^ 0x1b873593), days, agentPicker, periodEndMs)
	);
	// Ids follow creation order; the sort is stable, so ties keep generation order.
	tickets.sort((a, b) => a.createdAtMs - b.createdAtMs);

	const lines = [DEMO_SHOP_HEADER.map(csvField).join(',')];
	tickets.forEach((ticket, index) => lines.push(ticketRow(1001 + index, ticket)));
	return lines.join('\n') + '\n';
}
