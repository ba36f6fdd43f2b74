import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	DEMO_SHOP_FACTS,
	berlinOffsetMinutes,
	formatBerlinIso,
	generateDemoShopCsv
} from './demo-shop';
import { lognormalWithMedian, mulberry32, pickWeighted, poisson, weightedPicker } from './random';

type Row = Record<string, string>;

const STATIC_CSV_URL = new URL('../../../../static/demo/demo-shop-tickets.csv', import.meta.url);
const MAX_FILE_BYTES = 3 * 1024 * 1024;

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	if (sorted.length === 0) return NaN;
	return sorted.length % 2 === 1
		? (sorted[middle] ?? NaN)
		: ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

const mean = (values: readonly number[]): number =>
	values.reduce((sum, value) => sum + value, 0) / values.length;

/** Berlin-local calendar fields read straight off the exported text, not via Date. */
const localDay = (row: Row): string => (row['Created at'] ?? '').slice(0, 10);
const localHour = (row: Row): number => Number((row['Created at'] ?? '').slice(11, 13));
const weekdayOf = (isoDay: string): number => new Date(`${isoDay}T00:00:00Z`).getUTCDay();
const tagsOf = (row: Row): string[] => (row.Tags ?? '').split(' ');
const isSolved = (row: Row): boolean => row.Status === 'Solved' || row.Status === 'Closed';

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
	return counts;
}

/** Zendesk's newer CSAT writes a rated ticket's score as an integer 1..5. */
const CSAT_SCORE = /^[1-5]$/;
const isRated = (row: Row): boolean => CSAT_SCORE.test(row['Satisfaction Score'] ?? '');

/** 1..5 scores of the rated rows. */
const scoresOf = (rows: readonly Row[]): number[] =>
	rows.filter(isRated).map((row) => Number(row['Satisfaction Score']));

/** Share of rated rows that are satisfied, i.e. scored 4 or 5. */
function satisfiedShare(rows: readonly Row[]): number {
	const scores = scoresOf(rows);
	return scores.filter((score) => score >= 4).length / scores.length;
}

const STATUSES = ['New', 'Open', 'Pending', 'Solved', 'Closed'];
const PRIORITIES = ['Low', 'Normal', 'High', 'Urgent'];
const SATISFACTION_SCORES = ['1', '2', '3', '4', '5', 'Offered', 'Not Offered'];
const EXPORTED_AT_MS = Date.parse(DEMO_SHOP_FACTS.exportedAt);
const CLOSE_AFTER_SOLVED_MS = 4 * 86_400_000;
const WHOLE_MINUTES = /^\d+$/;

/** Everything wrong with one row, as readable messages (empty when the row is consistent). */
function rowProblems(row: Row): string[] {
	const problems: string[] = [];
	const check = (ok: boolean, message: string): void => {
		if (!ok) problems.push(message);
	};
	const inList = (list: readonly string[], value: string | undefined): boolean =>
		list.includes(value ?? '');
	check(inList(STATUSES, row.Status), `status ${row.Status}`);
	check(inList(PRIORITIES, row.Priority), `priority ${row.Priority}`);
	check(inList(DEMO_SHOP_FACTS.channels, row.Via), `via ${row.Via}`);
	check(inList(DEMO_SHOP_FACTS.groups, row.Group), `group ${row.Group}`);
	check(inList(SATISFACTION_SCORES, row['Satisfaction Score']), 'satisfaction score');
	check(/^[a-z0-9.]+@example\.(com|org|net)$/.test(row['Requester email'] ?? ''), 'email');
	check(inList(DEMO_SHOP_FACTS.topicTags, tagsOf(row)[0]), `first tag ${row.Tags}`);
	check(/^[a-z0-9_]+( [a-z0-9_]+)*$/.test(row.Tags ?? ''), `tags ${row.Tags}`);

	const createdAtMs = Date.parse(row['Created at'] ?? '');
	const updatedAtMs = Date.parse(row['Updated at'] ?? '');
	check(updatedAtMs >= createdAtMs && updatedAtMs < EXPORTED_AT_MS, 'updated at');
	const replies = Number(row.Replies);
	const firstReply = row['First reply time in minutes'] ?? '';
	const firstReplyBusiness = row['First reply time in minutes within business hours'] ?? '';
	if (row.Status === 'New') {
		check(row.Assignee === '' && firstReply === '' && replies === 0, 'new ticket was touched');
	} else {
		check(inList(DEMO_SHOP_FACTS.agents, row.Assignee), `assignee ${row.Assignee}`);
		check(WHOLE_MINUTES.test(firstReply) && WHOLE_MINUTES.test(firstReplyBusiness), 'minutes');
		check(Number(firstReplyBusiness) <= Number(firstReply), 'business > calendar minutes');
		check(replies >= 1 && replies <= 6, `replies ${replies}`);
	}

	if (row.Status === 'Solved' || row.Status === 'Closed') {
		const solvedAtMs = Date.parse(row['Solved at'] ?? '');
		const fullMinutes = Number(row['Full resolution time in minutes']);
		const firstResolutionMinutes = Number(row['First resolution time in minutes']);
		check(Math.abs(fullMinutes - (solvedAtMs - createdAtMs) / 60_000) <= 0.5, 'full resolution');
		check(firstResolutionMinutes >= Number(firstReply), 'resolved before first reply');
		check(fullMinutes >= firstResolutionMinutes, 'full < first resolution');
		check(updatedAtMs >= solvedAtMs, 'updated before solved');
		check(inList(['0', '1', '2'], row.Reopens), `reopens ${row.Reopens}`);
		// Zendesk closes tickets 4 days after solving.
		const solvedLongAgo = solvedAtMs < EXPORTED_AT_MS - CLOSE_AFTER_SOLVED_MS;
		check(row.Status === (solvedLongAgo ? 'Closed' : 'Solved'), 'closed vs solved');
	} else {
		check(row['Solved at'] === '', 'unsolved with solved at');
		check(
			row['First resolution time in minutes'] === '' &&
				row['Full resolution time in minutes'] === '',
			'unsolved with resolution minutes'
		);
		check(inList(['Offered', 'Not Offered'], row['Satisfaction Score']), 'unsolved but rated');
	}
	return problems;
}

let csv = '';
let rows: Row[] = [];

beforeAll(() => {
	csv = generateDemoShopCsv();
	const parsed = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	rows = parsed.data;
});

describe('generateDemoShopCsv determinism', () => {
	it('returns the same text for the same seed and different text for another seed', () => {
		expect(generateDemoShopCsv({ seed: DEMO_SHOP_FACTS.defaultSeed })).toBe(csv);
		expect(generateDemoShopCsv({ seed: 42 })).toBe(generateDemoShopCsv({ seed: 42 }));
		expect(generateDemoShopCsv({ seed: 42 })).not.toBe(csv);
	});

	it('does not depend on the machine time zone', () => {
		const previousTz = process.env.TZ;
		try {
			// Node re-reads TZ on assignment, so local-time Date getters would shift here.
			process.env.TZ = 'America/Los_Angeles';
			expect(new Date(Date.UTC(2026, 6, 1)).getHours()).toBe(17);
			expect(generateDemoShopCsv()).toBe(csv);
		} finally {
			if (previousTz === undefined) delete process.env.TZ;
			else process.env.TZ = previousTz;
		}
	});

	it('matches the committed static/demo/demo-shop-tickets.csv (run npm run demo:generate)', () => {
		const committed = readFileSync(STATIC_CSV_URL, 'utf8');
		// Compare sizes first: a stale 2 MB file makes a useless diff.
		expect(committed.length).toBe(csv.length);
		expect(committed === csv).toBe(true);
	});
});

describe('demo CSV format', () => {
	it('has the Zendesk header, LF endings, a trailing newline and no BOM', () => {
		expect(csv.split('\n')[0]).toBe(DEMO_SHOP_FACTS.header.join(','));
		expect(csv.charCodeAt(0)).not.toBe(0xfeff);
		expect(csv).not.toContain('\r');
		expect(csv.endsWith('\n')).toBe(true);
		expect(csv.endsWith('\n\n')).toBe(false);
	});

	it('stays well under 3 MB with 7-9k tickets', () => {
		expect(new TextEncoder().encode(csv).length).toBeLessThan(MAX_FILE_BYTES);
		expect(rows.length).toBeGreaterThan(7000);
		expect(rows.length).toBeLessThan(9000);
	});

	it('quotes subjects with commas or quotes per RFC 4180', () => {
		expect(csv).toMatch(/,"Question about the ""[^"]+""",/);
		expect(rows.some((row) => row.Subject?.includes(','))).toBe(true);
		expect(rows.some((row) => row.Subject?.includes('"'))).toBe(true);
		// Every row parsed into exactly the header's columns.
		const columnCount = DEMO_SHOP_FACTS.header.length;
		expect(rows.filter((row) => Object.keys(row).length !== columnCount)).toEqual([]);
	});

	it('numbers ids from 1001 in creation order', () => {
		expect(rows.filter((row, index) => row.Id !== String(1001 + index))).toEqual([]);
		const createdAtMs = rows.map((row) => Date.parse(row['Created at'] ?? ''));
		const outOfOrder = createdAtMs.filter(
			(atMs, index) => index > 0 && atMs < (createdAtMs[index - 1] ?? -Infinity)
		);
		expect(outOfOrder).toEqual([]);
	});

	it('uses ISO 8601 timestamps with the Berlin summer offset inside the period', () => {
		const isoWithOffset = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+02:00$/;
		const badRows = rows.filter(
			(row) =>
				!isoWithOffset.test(row['Created at'] ?? '') ||
				!isoWithOffset.test(row['Updated at'] ?? '') ||
				(row['Solved at'] !== '' && !isoWithOffset.test(row['Solved at'] ?? '')) ||
				localDay(row) < DEMO_SHOP_FACTS.firstDay ||
				localDay(row) > DEMO_SHOP_FACTS.lastDay
		);
		expect(badRows).toEqual([]);
		expect(localDay(rows[0] ?? {})).toBe(DEMO_SHOP_FACTS.firstDay);
		expect(localDay(rows[rows.length - 1] ?? {})).toBe(DEMO_SHOP_FACTS.lastDay);
	});

	it('keeps value sets, domains and time relations consistent', () => {
		// Checks collect messages instead of calling expect per row: 7k rows x 30 expects is slow.
		const problems = rows.flatMap((row) =>
			rowProblems(row).map((problem) => `${row.Id}: ${problem}`)
		);
		expect(problems.slice(0, 10)).toEqual([]);
	});

	it('leaves most old tickets solved and a few (~2%) still open', () => {
		const oldRows = rows.filter((row) => localDay(row) < '2026-09-25');
		const unsolvedShare = oldRows.filter((row) => !isSolved(row)).length / oldRows.length;
		expect(unsolvedShare).toBeGreaterThan(0.005);
		expect(unsolvedShare).toBeLessThan(0.05);
		const lastDays = rows.filter((row) => localDay(row) >= '2026-09-28');
		expect(lastDays.some((row) => row.Status === 'Pending' || row.Status === 'Open')).toBe(true);
	});

	it('has the channel mix, rated share and repeat customers of a small shop', () => {
		const viaShares = countBy(rows, (row) => row.Via ?? '');
		const share = (via: string): number => (viaShares.get(via) ?? 0) / rows.length;
		expect(share('Email')).toBeCloseTo(0.5, 1);
		expect(share('Chat')).toBeCloseTo(0.3, 1);
		expect(share('Web form')).toBeCloseTo(0.1, 1);
		expect(share('Phone call') + share('Facebook') + share('Twitter')).toBeCloseTo(0.1, 1);

		const solved = rows.filter(isSolved);
		const ratedShare = solved.filter(isRated).length / solved.length;
		expect(ratedShare).toBeCloseTo(DEMO_SHOP_FACTS.ratedShare, 1);
		// Unrated solved tickets still show whether the survey went out (the response rate).
		const unratedScores = countBy(
			solved.filter((row) => !isRated(row)),
			(row) => row['Satisfaction Score'] ?? ''
		);
		expect([...unratedScores.keys()].sort()).toEqual(['Not Offered', 'Offered']);

		const ticketsPerCustomer = [...countBy(rows, (row) => row['Requester email'] ?? '').values()];
		expect(ticketsPerCustomer.length).toBeLessThanOrEqual(DEMO_SHOP_FACTS.customerPoolSize);
		expect(ticketsPerCustomer.some((count) => count >= 10)).toBe(true);
		expect(ticketsPerCustomer.filter((count) => count === 1).length).toBeGreaterThan(500);
	});
});

describe('planted patterns', () => {
	it('the Summer Sale week has more than twice the usual daily volume', () => {
		const { firstDay, lastDay } = DEMO_SHOP_FACTS.promo;
		const perDay = countBy(rows, localDay);
		const isPromoDay = (day: string): boolean => day >= firstDay && day <= lastDay;
		const promoDaily = [...perDay].filter(([day]) => isPromoDay(day)).map(([, count]) => count);
		const otherDaily = [...perDay].filter(([day]) => !isPromoDay(day)).map(([, count]) => count);
		expect(promoDaily).toHaveLength(7);
		expect(mean(promoDaily)).toBeGreaterThan(2 * median(otherDaily));
		// More order and shipping questions during the sale.
		const orderShare = (subset: Row[]): number =>
			subset.filter((row) => ['order_status', 'delivery_delay'].includes(tagsOf(row)[0] ?? ''))
				.length / subset.length;
		const promoRows = rows.filter((row) => isPromoDay(localDay(row)));
		expect(orderShare(promoRows)).toBeGreaterThan(orderShare(rows) + 0.05);
		expect(promoRows.every((row) => tagsOf(row).includes(DEMO_SHOP_FACTS.promo.tag))).toBe(true);
	});

	it('Felix Braun takes more than 3x as long to first reply as the other agents', () => {
		const minutes = (agentFilter: (agent: string) => boolean): number[] =>
			rows
				.filter((row) => row['First reply time in minutes'] && agentFilter(row.Assignee ?? ''))
				.map((row) => Number(row['First reply time in minutes']));
		const slowName = DEMO_SHOP_FACTS.slowAgent.name;
		const slowMedian = median(minutes((agent) => agent === slowName));
		const othersMedian = median(minutes((agent) => agent !== slowName));
		expect(slowMedian).toBeGreaterThan(3 * othersMedian);
		// Also within one channel, so it is not a channel-mix artefact.
		const chatMinutes = (isSlow: boolean): number[] =>
			rows
				.filter((row) => row.Via === 'Chat' && row['First reply time in minutes'])
				.filter((row) => (row.Assignee === slowName) === isSlow)
				.map((row) => Number(row['First reply time in minutes']));
		expect(median(chatMinutes(true))).toBeGreaterThan(3 * median(chatMinutes(false)));
	});

	it('holiday cover: Anna and Ben are away, Felix takes the most tickets and slows down', () => {
		const cover = DEMO_SHOP_FACTS.holidayCover;
		const inCover = (row: Row) => localDay(row) >= cover.firstDay && localDay(row) <= cover.lastDay;
		const covered = rows.filter((row) => inCover(row) && row.Assignee);
		for (const away of cover.agentsAway)
			expect(covered.filter((row) => row.Assignee === away)).toHaveLength(0);
		const felix = covered.filter((row) => row.Assignee === cover.coveringAgent);
		expect(felix.length / covered.length).toBeGreaterThan(0.45);
		const chatMedian = (subset: Row[]) =>
			median(
				subset
					.filter((row) => row.Via === 'Chat' && row['First reply time in minutes'])
					.map((row) => Number(row['First reply time in minutes']))
			);
		const felixElsewhere = rows.filter(
			(row) => !inCover(row) && row.Assignee === cover.coveringAgent
		);
		expect(chatMedian(felix)).toBeGreaterThan(2 * chatMedian(felixElsewhere));
	});

	it('four serial claimers: 8-11 claims each, mostly compensated', () => {
		for (const email of DEMO_SHOP_FACTS.serialClaimers) {
			const own = rows.filter((row) => row['Requester email'] === email);
			expect(own.length).toBeGreaterThanOrEqual(8);
			expect(own.length).toBeLessThanOrEqual(11);
			for (const row of own)
				expect(['returns_refunds', 'delivery_delay', 'damaged_item']).toContain(tagsOf(row)[0]);
			const compensated = own.filter((row) =>
				tagsOf(row).some((tag) => tag === 'refund_issued' || tag === 'replacement_sent')
			);
			expect(compensated.length / own.length).toBeGreaterThan(0.5);
		}
	});

	it('delivery delays drag satisfaction down while other topics stay above 80% satisfied', () => {
		const badTag = DEMO_SHOP_FACTS.badTopic.tag;
		const badTopicRows = rows.filter((row) => tagsOf(row).includes(badTag));
		const otherRows = rows.filter((row) => !tagsOf(row).includes(badTag));
		expect(satisfiedShare(badTopicRows)).toBeLessThan(0.5);
		expect(satisfiedShare(otherRows)).toBeGreaterThan(0.8);
		for (const topic of DEMO_SHOP_FACTS.topicTags.filter((tag) => tag !== badTag)) {
			expect(satisfiedShare(rows.filter((row) => tagsOf(row)[0] === topic))).toBeGreaterThan(0.8);
		}
	});

	it('delivery delays score below 2.8 on average (1-5), every other topic above 4.2', () => {
		const badTag = DEMO_SHOP_FACTS.badTopic.tag;
		const badTopicScores = scoresOf(rows.filter((row) => tagsOf(row).includes(badTag)));
		expect(mean(badTopicScores)).toBeLessThan(2.8);
		expect(mean(scoresOf(rows.filter((row) => !tagsOf(row).includes(badTag))))).toBeGreaterThan(
			4.2
		);
		for (const topic of DEMO_SHOP_FACTS.topicTags.filter((tag) => tag !== badTag)) {
			expect(mean(scoresOf(rows.filter((row) => tagsOf(row)[0] === topic)))).toBeGreaterThan(4.2);
		}
		// Realistic spread: satisfied mostly 5, and an unhappy late delivery mostly a 1 or 2.
		const countOf = (scores: number[], score: number): number =>
			scores.filter((value) => value === score).length;
		const allScores = scoresOf(rows);
		expect(countOf(allScores, 5)).toBeGreaterThan(2 * countOf(allScores, 4));
		for (const score of [1, 2, 3, 4, 5]) expect(countOf(allScores, score)).toBeGreaterThan(0);
		expect(countOf(badTopicScores, 1) + countOf(badTopicScores, 2)).toBeGreaterThan(
			2 * countOf(badTopicScores, 3)
		);
	});

	it('weekends are quieter than weekdays, Monday is the busiest day', () => {
		const perDay = [...countBy(rows, localDay)];
		// Leave the sale and its three backlog days out, so they do not skew single weekdays.
		const normalDays = perDay.filter(
			([day]) => day < DEMO_SHOP_FACTS.promo.firstDay || day > '2026-07-22'
		);
		const dailyByWeekday = (weekdays: number[]): number[] =>
			normalDays.filter(([day]) => weekdays.includes(weekdayOf(day))).map(([, count]) => count);
		const weekendMean = mean(dailyByWeekday([0, 6]));
		const weekdayMean = mean(dailyByWeekday([1, 2, 3, 4, 5]));
		expect(weekendMean).toBeLessThan(0.6 * weekdayMean);
		expect(weekendMean).toBeGreaterThan(0.3 * weekdayMean);
		const mondayMean = mean(dailyByWeekday([1]));
		for (const weekday of [2, 3, 4, 5]) {
			expect(mondayMean).toBeGreaterThan(mean(dailyByWeekday([weekday])));
		}
	});

	it('nights (02-05 Berlin time) are far quieter than the 10-14 peak; chat only runs 08-20', () => {
		const hours = rows.map(localHour);
		const night = hours.filter((hour) => hour >= 2 && hour <= 5).length;
		const peak = hours.filter((hour) => hour >= 10 && hour <= 14).length;
		expect(night * 20).toBeLessThan(peak);
		const chatHours = rows.filter((row) => row.Via === 'Chat').map(localHour);
		expect(Math.min(...chatHours)).toBeGreaterThanOrEqual(8);
		expect(Math.max(...chatHours)).toBeLessThan(20);
	});

	it('the committed file is under 3 MB', () => {
		const committedBytes = readFileSync(STATIC_CSV_URL).length;
		expect(committedBytes).toBeLessThan(MAX_FILE_BYTES);
	});
});

describe('Berlin time helpers', () => {
	it('switch between CET and CEST on the EU dates', () => {
		expect(berlinOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
		expect(berlinOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
		expect(berlinOffsetMinutes(Date.UTC(2026, 9, 25, 0, 59))).toBe(120);
		expect(berlinOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0))).toBe(60);
		expect(formatBerlinIso(Date.UTC(2026, 6, 14, 8, 3, 27))).toBe('2026-07-14T10:03:27+02:00');
		expect(formatBerlinIso(Date.UTC(2026, 11, 31, 23, 0, 0))).toBe('2027-01-01T00:00:00+01:00');
	});
});

describe('random helpers', () => {
	it('are reproducible per seed', () => {
		const a = mulberry32(7);
		const b = mulberry32(7);
		const c = mulberry32(8);
		const first = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(first);
		expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
		expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
	});

	it('poisson and lognormal have the right centre, picks follow their weights', () => {
		const rng = mulberry32(1);
		const draws = (count: number, draw: () => number): number[] =>
			Array.from({ length: count }, draw);
		expect(mean(draws(20_000, () => poisson(rng, 3)))).toBeCloseTo(3, 1);
		expect(mean(draws(20_000, () => poisson(rng, 150)))).toBeCloseTo(150, 0);
		expect(median(draws(20_000, () => lognormalWithMedian(rng, 60, 0.9)))).toBeGreaterThan(55);
		expect(median(draws(20_000, () => lognormalWithMedian(rng, 60, 0.9)))).toBeLessThan(65);
		const picks = draws(20_000, () =>
			pickWeighted(rng, [
				[0, 1],
				[1, 3]
			] as const)
		);
		expect(mean(picks)).toBeCloseTo(0.75, 1);
		const picker = weightedPicker([0, 1, 2], [0, 1, 1]);
		const picked = draws(20_000, () => picker(rng));
		expect(picked).not.toContain(0);
		expect(mean(picked)).toBeCloseTo(1.5, 1);
	});
});
