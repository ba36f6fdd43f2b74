import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { AppPage } from './support/app-page';

/** The demo file, read independently of the app (papaparse, not the importer). */
const rows = Papa.parse<Record<string, string>>(
	readFileSync('static/demo/demo-shop-tickets.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;

/** numpy's linear median of a list (the app's quantile rule). */
function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const h = (sorted.length - 1) / 2;
	const low = sorted[Math.floor(h)] ?? 0;
	const high = sorted[Math.ceil(h)] ?? 0;
	return low + (high - low) * (h - Math.floor(h));
}

const minutes = (rowsOf: Record<string, string>[], column: string) =>
	rowsOf.filter((row) => (row[column] ?? '') !== '').map((row) => Number(row[column]) * 60);
const isResolved = (row: Record<string, string>) =>
	row['Status'] === 'Solved' || row['Status'] === 'Closed';
const isRated = (row: Record<string, string>) => /^[1-5]$/.test(row['Satisfaction Score'] ?? '');

/** Wilson 95% lower bound, written out again here. */
function wilsonLow(successes: number, n: number): number {
	const z = 1.96;
	const p = successes / n;
	const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
	const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
	return Math.max(0, centre - half);
}

/** What the scorecard should say for some tickets, worked out from the CSV rows. */
function expected(rowsOf: Record<string, string>[]) {
	const rated = rowsOf.filter(isRated);
	const satisfied = rated.filter((row) => Number(row['Satisfaction Score']) >= 4).length;
	const resolvedWithReopens = rowsOf.filter(isResolved).filter((row) => row['Reopens'] !== '');
	return {
		tickets: rowsOf.length,
		first_response_median_s: median(minutes(rowsOf, 'First reply time in minutes')),
		first_resolution_median_s: median(minutes(rowsOf, 'First resolution time in minutes')),
		resolution_median_s: median(
			minutes(rowsOf.filter(isResolved), 'Full resolution time in minutes')
		),
		reopen_rate:
			resolvedWithReopens.filter((row) => Number(row['Reopens']) >= 1).length /
			resolvedWithReopens.length,
		csat_satisfied_rate: satisfied / rated.length,
		csatLow: wilsonLow(satisfied, rated.length),
		rated: rated.length,
		satisfied
	};
}

async function importDemo(page: Page): Promise<AppPage> {
	const app = new AppPage(page);
	await app.open();
	await page.getByRole('button', { name: 'Try the demo shop' }).click();
	expect(await app.waitForImportEnd()).toBe('done');
	await expect(page.getByTestId('kpi-tickets')).toHaveAttribute('data-value', String(rows.length));
	return app;
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
	const pending = page.waitForEvent('download');
	await page.getByTestId(testId).click();
	const file = await pending;
	return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const numberOf = async (page: Page, testId: string, attribute = 'data-value') =>
	Number(await page.getByTestId(testId).getAttribute(attribute));

test('an agent scorecard under the chat filter matches the export, beside the team', async ({
	page
}) => {
	await importDemo(page);
	// The dashboard under a filter: the scorecard keeps it.
	await page.goto('/?channel=chat');
	const chat = rows.filter((row) => row['Via'] === 'Chat');
	await expect(page.getByTestId('kpi-tickets')).toHaveAttribute('data-value', String(chat.length), {
		timeout: 30_000
	});

	const agent = 'Eva Novak';
	await page
		.locator(`[data-testid=breakdown-agent] [data-key="${agent}"]`)
		.getByRole('link', { name: `Scorecard of ${agent}` })
		.click();
	await expect(page).toHaveURL(/\/agent\?channel=chat&name=Eva\+Novak$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Agent scorecard: ${agent}`);

	const mine = chat.filter((row) => row['Assignee'] === agent);
	const want = expected(mine);
	const team = expected(chat);
	await expect(page.getByTestId('scorecard-kpi-tickets')).toHaveAttribute(
		'data-value',
		String(want.tickets),
		{ timeout: 30_000 }
	);
	await expect(page.getByTestId('scorecard-kpi-tickets')).toHaveAttribute(
		'data-team-value',
		String(team.tickets)
	);
	for (const id of [
		'first_response_median_s',
		'first_resolution_median_s',
		'resolution_median_s'
	] as const) {
		expect(await numberOf(page, `scorecard-kpi-${id}`), id).toBeCloseTo(want[id] ?? NaN, 6);
		expect(await numberOf(page, `scorecard-kpi-${id}`, 'data-team-value'), id).toBeCloseTo(
			team[id] ?? NaN,
			6
		);
	}
	// Reopens make the full resolution longer than the first one.
	expect(want.resolution_median_s ?? 0).toBeGreaterThan(want.first_resolution_median_s ?? 0);
	expect(await numberOf(page, 'scorecard-kpi-reopen_rate')).toBeCloseTo(want.reopen_rate, 9);
	const csat = page.getByTestId('scorecard-kpi-csat_satisfied_rate');
	expect(Number(await csat.getAttribute('data-value'))).toBeCloseTo(want.csat_satisfied_rate, 9);
	await expect(csat).toHaveAttribute('data-n', String(want.rated));
	expect(Number(await csat.getAttribute('data-low'))).toBeCloseTo(want.csatLow, 9);

	// The ranking is by the Wilson lower bound, computed here for every agent on chat.
	const agents = [...new Set(chat.map((row) => row['Assignee'] ?? ''))];
	const order = agents
		.map((name) => ({ name, ...expected(chat.filter((row) => row['Assignee'] === name)) }))
		.filter((entry) => entry.rated > 0)
		.sort((a, b) => b.csatLow - a.csatLow || b.rated - a.rated || a.name.localeCompare(b.name));
	const shown = await page
		.getByTestId('ranking-row')
		.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-key')));
	expect(shown).toEqual(order.map((entry) => entry.name));
	await expect(page.getByTestId('scorecard-rank')).toHaveAttribute(
		'data-rank',
		String(order.findIndex((entry) => entry.name === agent) + 1)
	);

	// The weekly trend accounts for every one of the agent's tickets.
	const weeks = await page
		.getByTestId('trend-week')
		.evaluateAll((elements) => elements.map((element) => Number(element.dataset.tickets)));
	expect(weeks.reduce((sum, count) => sum + count, 0)).toBe(want.tickets);

	// The trend downloads as SVG (a strict XML parse in the browser; a bar per week with the
	// table's counts; title and filters stated) and as PNG at twice its size.
	const trendSvg = await download(page, 'export-trend-svg');
	expect(trendSvg.name).toBe('service-lens-agent-trend.svg');
	const svg = await page.evaluate((source) => {
		const xml = new DOMParser().parseFromString(source, 'image/svg+xml');
		const root = xml.documentElement;
		return {
			error: xml.getElementsByTagName('parsererror').length > 0,
			root: root.nodeName,
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height')),
			title: xml.querySelector('svg > title')?.textContent ?? '',
			caption: xml.querySelector('svg > desc')?.textContent ?? '',
			scripts: xml.getElementsByTagName('script').length,
			bars: [...xml.querySelectorAll('rect[data-week]')].map((bar) =>
				Number(bar.getAttribute('data-value'))
			)
		};
	}, trendSvg.bytes.toString('utf8'));
	expect(svg).toMatchObject({ error: false, root: 'svg', scripts: 0 });
	expect(svg.title).toBe(`Agent scorecard: ${agent} — Trend by week`);
	expect(svg.caption).toMatch(/^Filters: /);
	expect(svg.caption).toContain('Chat');
	expect(svg.caption).toContain(agent);
	expect(svg.bars).toEqual(weeks);
	const trendPng = await download(page, 'export-trend-png');
	expect(trendPng.name).toBe('service-lens-agent-trend.png');
	expect([...trendPng.bytes.subarray(0, 8)]).toEqual([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a
	]);
	expect(trendPng.bytes.readUInt32BE(16)).toBe(svg.width * 2);
	expect(trendPng.bytes.readUInt32BE(20)).toBe(svg.height * 2);

	// Its tickets: the list shows exactly the agent's chat tickets, then only the rated ones.
	await page.getByTestId('scorecard-tickets-link').click();
	await expect(page.getByTestId('ticket-list')).toHaveAttribute(
		'data-total',
		String(want.tickets),
		{
			timeout: 30_000
		}
	);
	await page.goBack();
	await page.getByTestId('scorecard-rated-link').click();
	await expect(page.getByTestId('ticket-list')).toHaveAttribute('data-total', String(want.rated), {
		timeout: 30_000
	});
});

test('group, tag and priority rows lead to exactly the tickets behind them', async ({ page }) => {
	await importDemo(page);
	const tagsOf = (row: Record<string, string>) =>
		(row['Tags'] ?? '').split(/\s+/).filter((tag) => tag !== '');
	const cases = [
		{
			table: 'breakdown-group',
			key: 'Support',
			count: rows.filter((r) => r['Group'] === 'Support').length
		},
		{
			table: 'breakdown-tag',
			key: 'vip',
			count: rows.filter((r) => tagsOf(r).includes('vip')).length
		},
		{
			table: 'breakdown-priority',
			key: 'urgent',
			count: rows.filter((r) => r['Priority'] === 'Urgent').length
		}
	];
	// A ticket counts in each of its tags: the tag rows add up to more than the tickets.
	const tagPairs = rows.reduce((sum, row) => sum + Math.max(1, tagsOf(row).length), 0);
	const tagCounts = await page
		.getByTestId('breakdown-tag')
		.getByTestId('breakdown-row')
		.evaluateAll((elements) => elements.map((element) => Number(element.dataset.tickets)));
	expect(tagCounts.reduce((sum, count) => sum + count, 0)).toBe(tagPairs);
	expect(tagPairs).toBeGreaterThan(rows.length);
	await expect(page.getByTestId('breakdown-tag').getByTestId('breakdown-note')).toContainText(
		`for ${rows.length.toLocaleString('en')} tickets`
	);
	// No order file: every ticket is "no orders imported".
	const segments = page.getByTestId('breakdown-segment').getByTestId('breakdown-row');
	await expect(segments).toHaveCount(1);
	await expect(segments).toHaveAttribute('data-key', 'no_orders_imported');
	await expect(segments).toHaveAttribute('data-tickets', String(rows.length));

	for (const { table, key, count } of cases) {
		const row = page.locator(`[data-testid=${table}] [data-key="${key}"]`);
		await expect(row, `${table} ${key}`).toHaveAttribute('data-tickets', String(count));
		await row.getByTestId('breakdown-link').click();
		await expect(page).toHaveURL(/\/tickets\?/);
		await expect(page.getByTestId('ticket-list')).toHaveAttribute('data-total', String(count));
		await page.goBack();
		await expect(page.getByTestId('extra-breakdowns')).toHaveAttribute(
			'data-matching',
			String(rows.length)
		);
	}

	// The first-resolution tile sits beside the full one on the dashboard.
	const firstResolution = median(minutes(rows, 'First resolution time in minutes'));
	expect(await numberOf(page, 'kpi-first_resolution_median_s')).toBeCloseTo(
		firstResolution ?? NaN,
		6
	);
});
