import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { AppPage, KPI_IDS, fixturePath } from './support/app-page';
import { expectKpisClose, expectedZendeskKpis } from './support/expected-kpis';

const FIXTURE = 'zendesk-basic.csv';

/** The fixture's tickets as the app should see them (quarantined rows dropped, 102 merged). */
function fixtureTickets(): Map<string, Record<string, string>> {
	const rows = Papa.parse<Record<string, string>>(readFileSync(fixturePath(FIXTURE), 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
	const byId = new Map<string, Record<string, string>>();
	for (const row of rows) {
		if (Number.isNaN(Date.parse((row['Created at'] ?? '').replace(' ', 'T')))) continue;
		const merged = { ...(byId.get(row['Id'] ?? '') ?? {}) };
		for (const [key, value] of Object.entries(row)) if (value !== '') merged[key] = value;
		byId.set(row['Id'] ?? '', merged);
	}
	return byId;
}

async function importFixture(page: Page): Promise<AppPage> {
	const app = new AppPage(page);
	await app.open();
	await app.chooseFiles(FIXTURE);
	expect(await app.waitForImportEnd()).toBe('done');
	await app.waitForTicketCount(7);
	return app;
}

/** Waits until the tiles show the overview of exactly this query string. */
async function waitForFilter(page: Page, query: string): Promise<void> {
	await expect(page.getByTestId('overview')).toHaveAttribute('data-filter', query, {
		timeout: 30_000
	});
}

async function tileValues(page: Page): Promise<Record<string, number | null>> {
	const values: Record<string, number | null> = {};
	for (const id of KPI_IDS) {
		const raw = await page.getByTestId(`kpi-${id}`).getAttribute('data-value');
		values[id] = raw === null || raw === '' ? null : Number(raw);
	}
	return values;
}

async function ticketKeys(page: Page): Promise<string[]> {
	const rows = page.getByTestId('ticket-row');
	const keys = await rows.evaluateAll((elements) =>
		elements.map((element) => element.getAttribute('data-key') ?? '')
	);
	return keys.sort();
}

test.describe('interactive dashboard', () => {
	test('filters by agent and channel: tiles match an independent computation, the URL restores the view', async ({
		page
	}) => {
		await importFixture(page);
		await waitForFilter(page, '');

		await page.getByTestId('filter-agent').locator('summary').click();
		await page.getByTestId('filter-agent').getByLabel('Anna Weber').check();
		await waitForFilter(page, 'agent=Anna+Weber');
		const anna = expectedZendeskKpis(fixturePath(FIXTURE), (t) => t['Assignee'] === 'Anna Weber');
		expect(anna.tickets).toBe(2);
		expect(expectKpisClose(await tileValues(page), anna)).toEqual([]);

		await page.getByTestId('filter-channel').locator('summary').click();
		await page.getByTestId('filter-channel').getByLabel('Chat').check();
		await page.getByTestId('filter-agent').getByLabel('Chloé Martin').check();
		const query = 'channel=chat&agent=Anna+Weber&agent=Chlo%C3%A9+Martin';
		await waitForFilter(page, query);
		const chatOfTwo = expectedZendeskKpis(
			fixturePath(FIXTURE),
			(t) => ['Anna Weber', 'Chloé Martin'].includes(t['Assignee'] ?? '') && t['Via'] === 'Chat'
		);
		expect(chatOfTwo.tickets).toBe(1);
		expect(expectKpisClose(await tileValues(page), chatOfTwo)).toEqual([]);
		await expect(page.getByTestId('filter-matching')).toHaveText('1 of 7 tickets match');
		expect(new URL(page.url()).search).toBe(`?${query}`);

		await page.reload();
		await waitForFilter(page, query);
		expect(expectKpisClose(await tileValues(page), chatOfTwo)).toEqual([]);
		await page.getByTestId('filter-agent').locator('summary').click();
		await expect(page.getByTestId('filter-agent').getByLabel('Chloé Martin')).toBeChecked();
		await expect(page.getByTestId('filter-agent').getByLabel('Ben Okafor')).not.toBeChecked();

		await page.getByTestId('filter-clear').click();
		await waitForFilter(page, '');
		expect(
			expectKpisClose(await tileValues(page), expectedZendeskKpis(fixturePath(FIXTURE)))
		).toEqual([]);
	});

	test('a date range compares with the previous period of the same length', async ({ page }) => {
		await importFixture(page);
		await page.goto('/?from=2026-07-02&to=2026-07-03');
		await waitForFilter(page, 'from=2026-07-02&to=2026-07-03');
		// Current: tickets 103-107 (5); previous period 2026-06-30..07-01: 101 and 102 (2).
		const tickets = page.getByTestId('kpi-tickets');
		await expect(tickets).toHaveAttribute('data-value', '5');
		await expect(tickets).toHaveAttribute('data-previous-value', '2');
		await expect(tickets).toHaveAttribute('data-delta', '3');
		await expect(tickets).toHaveAttribute('data-delta-verdict', 'neutral');
		// First response median: now 60 min (90, 60, 1), before 16 min (30, 2): slower = worse.
		const firstResponse = page.getByTestId('kpi-first_response_median_s');
		await expect(firstResponse).toHaveAttribute('data-value', '3600');
		await expect(firstResponse).toHaveAttribute('data-delta', String(3600 - 960));
		await expect(firstResponse).toHaveAttribute('data-delta-direction', 'up');
		await expect(firstResponse).toHaveAttribute('data-delta-verdict', 'worse');
		await expect(page.getByTestId('comparison')).toContainText('2026-06-30');
		await expect(page.getByTestId('volume-chart')).toHaveAttribute('data-from', '2026-07-02');
	});

	test('brushing the volume chart sets the date range', async ({ page }) => {
		await importFixture(page);
		await waitForFilter(page, '');
		const bars = page.locator('[data-testid="volume-chart"] rect.bar');
		await expect(bars).toHaveCount(3);
		await page.getByTestId('volume-chart').scrollIntoViewIfNeeded();
		const first = await bars.nth(1).boundingBox();
		const last = await bars.nth(2).boundingBox();
		if (!first || !last) throw new Error('bars not drawn');
		const y = first.y + first.height / 2;
		await page.mouse.move(first.x + 2, Math.min(y, last.y + last.height - 2));
		await page.mouse.down();
		await page.mouse.move(last.x + last.width - 2, Math.min(y, last.y + last.height - 2), {
			steps: 8
		});
		await page.mouse.up();
		await waitForFilter(page, 'from=2026-07-02&to=2026-07-03');
		await expect(page.getByTestId('kpi-tickets')).toHaveAttribute('data-value', '5');
	});

	test('drill-down: a breakdown row, a chart day and a heatmap cell lead to exactly their tickets', async ({
		page
	}) => {
		await importFixture(page);
		await waitForFilter(page, '');
		const tickets = fixtureTickets();
		const keysWhere = (keep: (t: Record<string, string>) => boolean) =>
			[...tickets.values()]
				.filter(keep)
				.map((t) => `zendesk:${t['Id']}`)
				.sort();

		await page
			.getByTestId('breakdown-agent')
			.getByTestId('breakdown-link')
			.filter({ hasText: 'Ben Okafor' })
			.click();
		await expect(page).toHaveURL(/\/tickets\?agent=Ben\+Okafor$/);
		const list = page.getByTestId('ticket-list');
		await expect(list).toHaveAttribute('data-total', '2');
		expect(await ticketKeys(page)).toEqual(keysWhere((t) => t['Assignee'] === 'Ben Okafor'));

		await page.getByTestId('back-to-dashboard').click();
		await waitForFilter(page, 'agent=Ben+Okafor');
		await page.getByTestId('filter-clear').click();
		await waitForFilter(page, '');

		// Click the bar of 2 July (no drag): that day's tickets.
		const bar = page.locator('[data-testid="volume-chart"] rect.bar[data-day="2026-07-02"]');
		await page.getByTestId('volume-chart').scrollIntoViewIfNeeded();
		const box = await bar.boundingBox();
		if (!box) throw new Error('bar not drawn');
		await page.mouse.click(box.x + box.width / 2, box.y + box.height - 3);
		await expect(page).toHaveURL(/\/tickets\?from=2026-07-02&to=2026-07-02$/);
		await expect(list).toHaveAttribute('data-total', '2');
		expect(await ticketKeys(page)).toEqual(
			keysWhere((t) => (t['Created at'] ?? '').startsWith('2026-07-02'))
		);

		// 2026-07-03 was a Friday (weekday 4); 15:00 local holds ticket 106 only.
		await page.goto('/');
		await waitForFilter(page, '');
		await page.locator('td[data-weekday="4"][data-hour="15"] a').click();
		await expect(page).toHaveURL(/\/tickets\?weekday=4&hour=15$/);
		await expect(list).toHaveAttribute('data-total', '1');
		expect(await ticketKeys(page)).toEqual(['zendesk:106']);

		// The ticket opens to its fields and computed timings.
		await page.getByTestId('ticket-open').click();
		const detail = page.getByTestId('ticket-detail');
		await expect(detail).toBeVisible();
		await expect(detail).toHaveAttribute('data-key', 'zendesk:106');
		await expect(detail).toHaveAttribute('data-first-response-s', '60');
		await expect(detail).toHaveAttribute('data-resolution-s', '1200');
		await expect(detail).toContainText('f@example.com');
		await expect(detail).toContainText('discount_code');
		await page.keyboard.press('Escape');
		await expect(detail).toBeHidden();
	});

	test('the ticket list sorts, searches, and exports exactly the fixture’s tickets as CSV', async ({
		page
	}) => {
		await importFixture(page);
		await page.goto('/tickets');
		const list = page.getByTestId('ticket-list');
		await expect(list).toHaveAttribute('data-total', '7');
		// Newest first by default.
		await expect(page.getByTestId('ticket-row').first()).toHaveAttribute('data-key', 'zendesk:107');
		await page.getByTestId('sort-first_response').click();
		await expect(page.getByTestId('ticket-row').first()).toHaveAttribute('data-key', 'zendesk:106');
		await page.getByTestId('ticket-search').fill('REFUND');
		await expect(list).toHaveAttribute('data-total', '1');
		await expect(page.getByTestId('ticket-row').first()).toHaveAttribute('data-key', 'zendesk:102');
		await page.getByTestId('ticket-search').fill('');
		await expect(list).toHaveAttribute('data-total', '7');

		const download = page.waitForEvent('download');
		await page.getByTestId('export-ticket-csv').click();
		const file = await (await download).path();
		const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
		const rows = Papa.parse<Record<string, string>>(text, {
			header: true,
			skipEmptyLines: true
		}).data;
		const tickets = fixtureTickets();
		expect(rows.map((row) => row['ticket_id']).sort()).toEqual([...tickets.keys()].sort());
		for (const row of rows) {
			const source = tickets.get(row['ticket_id'] ?? '') ?? {};
			const minutes = (value: string | undefined) => (value ? String(Number(value) * 60) : '');
			expect(row['first_response_s']).toBe(minutes(source['First reply time in minutes']));
			expect(row['resolution_s']).toBe(minutes(source['Full resolution time in minutes']));
			expect(row['subject']).toBe(source['Subject']);
			expect(row['agent']).toBe(source['Assignee'] ?? '');
			expect(row['status']).toBe((source['Status'] ?? '').toLowerCase());
			// Offset-less fixture times are Berlin wall time (CEST in July).
			expect(row['created_at']).toBe(`${(source['Created at'] ?? '').replace(' ', 'T')}+02:00`);
			expect(row['import_file']).toBe(FIXTURE);
		}
	});

	test('"how is this computed?" shows the definition, n and exclusions, and links to the tickets', async ({
		page
	}) => {
		await importFixture(page);
		await waitForFilter(page, '');
		await page.getByTestId('kpi-explain-button-first_response_median_s').click();
		const panel = page.getByTestId('kpi-explain-first_response_median_s');
		await expect(panel).toContainText('first public agent reply');
		await expect(panel).toContainText('Computed from 5 tickets.');
		await expect(panel).toContainText('No ticket was excluded.');
		await panel.getByTestId('kpi-included-link').click();
		await expect(page).toHaveURL(/subset=included%3Afirst_response_median_s/);
		const list = page.getByTestId('ticket-list');
		await expect(list).toHaveAttribute('data-total', '5');
		expect(await ticketKeys(page)).toEqual(
			['101', '102', '103', '104', '106'].map((id) => `zendesk:${id}`)
		);
	});
});

test('exports the KPI table as CSV and the volume chart as SVG and PNG', async ({ page }) => {
	await importFixture(page);
	await page.goto('/?agent=Anna+Weber');
	await waitForFilter(page, 'agent=Anna+Weber');
	const expected = expectedZendeskKpis(fixturePath(FIXTURE), (t) => t['Assignee'] === 'Anna Weber');

	let download = page.waitForEvent('download');
	await page.getByTestId('export-kpi-csv').click();
	const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
	const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
	const values = Object.fromEntries(
		rows.map((row) => [row['kpi_id'] ?? '', row['value'] === '' ? null : Number(row['value'])])
	);
	expect(expectKpisClose(values, expected)).toEqual([]);
	expect(rows[0]?.['filters']).toBe('Agent: Anna Weber');

	download = page.waitForEvent('download');
	await page.getByTestId('export-chart-svg').click();
	const svg = readFileSync(await (await download).path(), 'utf8');
	expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
	// Anna's tickets were created on 1 and 2 July: two bars.
	expect(svg.match(/<rect[^>]*data-day=/g)?.length).toBe(2);
	expect(svg).not.toContain('var(--');

	download = page.waitForEvent('download');
	await page.getByTestId('export-chart-png').click();
	const png = readFileSync(await (await download).path());
	expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
});
