import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './support/app-page';

async function heatmapAgents(page: Page): Promise<number[]> {
	return page
		.getByTestId('staffing-heatmap')
		.locator('td[data-agents]')
		.evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-agents'))));
}

async function setSlider(page: Page, key: string, value: number): Promise<void> {
	await page.getByTestId(`slider-${key}`).evaluate((input, next) => {
		(input as HTMLInputElement).value = String(next);
		input.dispatchEvent(new Event('input', { bubbles: true }));
	}, value);
}

test('forecast the demo shop: accuracy, chart, staffing what-if, CSV, cached on reopen', async ({
	page
}) => {
	test.setTimeout(240_000);
	const app = new AppPage(page);
	await app.open();
	await page.getByRole('button', { name: 'Try the demo shop' }).click();
	expect(await app.waitForImportEnd()).toBe('done');

	await page.goto('/forecast');
	await expect(page.getByTestId('app-nav').getByRole('link', { name: 'Overview' })).toBeVisible();
	await expect(
		page.getByTestId('app-nav').getByRole('link', { name: 'Forecast & staffing' })
	).toHaveAttribute('aria-current', 'page');
	const status = page.getByTestId('forecast-status');
	await expect(status).toHaveAttribute('data-state', 'idle');
	await page.getByTestId('forecast-weeks').selectOption('1');
	await page.getByTestId('forecast-run').click();
	await expect(status).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
	const method = await status.getAttribute('data-method');
	expect(method).toBeTruthy();
	await expect(status).toHaveAttribute('data-cached', 'false');

	// Accuracy: the chosen model is in the table with a finite MASE.
	const chosen = page.locator('[data-testid="forecast-model"][data-chosen="true"]');
	await expect(chosen).toHaveCount(1);
	await expect(chosen).toHaveAttribute('data-method', method!);
	expect(Number.isFinite(Number(await chosen.getAttribute('data-mase')))).toBe(true);
	expect(await page.getByTestId('forecast-model').count()).toBeGreaterThanOrEqual(5);
	// The total's backtest includes the tfjs network (four months of history).
	await expect(page.locator('[data-testid="forecast-model"][data-method="mlp"]')).toHaveCount(1);
	await expect(page.getByTestId('forecast-reason')).toContainText('Backtest of All channels.');
	// Per channel: its own table, with its own chosen model and reason.
	await page.getByTestId('forecast-series').selectOption('chat');
	await expect(page.getByTestId('forecast-reason')).toContainText('Backtest of Chat.');
	await expect(chosen).toHaveCount(1);
	expect(Number.isFinite(Number(await chosen.getAttribute('data-mase')))).toBe(true);
	await expect(page.locator('[data-testid="forecast-model"][data-method="mlp"]')).toHaveCount(0);
	await page.getByTestId('forecast-series').selectOption('total');
	await expect(chosen).toHaveAttribute('data-method', method!);

	// Chart: history, forecast and bands are drawn.
	const chart = page.getByTestId('forecast-chart');
	await expect(chart).toHaveAttribute('data-points', '168');
	for (const id of [
		'forecast-history-line',
		'forecast-mean-line',
		'forecast-band80',
		'forecast-band95'
	])
		expect(((await chart.getByTestId(id).getAttribute('d')) ?? '').length).toBeGreaterThan(20);

	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	// Per day: 7 days of expected contacts.
	await expect(page.getByTestId('forecast-daily')).toHaveAttribute('data-days', '7');

	// Staffing: 7 × 24 integer cells; a higher target never lowers a cell.
	const before = await heatmapAgents(page);
	expect(before).toHaveLength(168);
	expect(before.every((agents) => Number.isInteger(agents) && agents >= 0)).toBe(true);
	expect(before.some((agents) => agents > 0)).toBe(true);
	await setSlider(page, 'serviceLevel', 95);
	await expect(page.getByText('Answered within target: 95%')).toBeVisible();
	const after = await heatmapAgents(page);
	expect(after).toHaveLength(168);
	after.forEach((agents, i) => expect(agents).toBeGreaterThanOrEqual(before[i]!));
	// Opening hours come from Settings (default Mon-Fri 09:00-17:00): nobody is scheduled at
	// night or at weekends, somebody in every open hour.
	await expect(page.getByTestId('staffing-hours')).toHaveAttribute('data-from', 'settings');
	await expect(page.getByTestId('staffing-hours')).toContainText('09:00–17:00');
	await expect(page.getByTestId('slider-openFrom')).toHaveCount(0);
	const days = await page
		.getByTestId('staffing-heatmap')
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-day') ?? ''));
	expect(days).toHaveLength(7);
	const weekend = days.map((day) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()));
	const openHour = (i: number) => !weekend[Math.floor(i / 24)] && i % 24 >= 9 && i % 24 < 17;
	after.forEach((agents, i) => {
		if (!openHour(i)) expect(agents, `${days[Math.floor(i / 24)]} ${i % 24}:00`).toBe(0);
	});
	expect(after.filter((_, i) => openHour(i)).every((agents) => agents > 0)).toBe(true);
	// What-if hours tried here: round the clock staffs every hour.
	await page.getByTestId('staffing-custom-hours').check();
	await expect(page.getByTestId('staffing-hours')).toHaveAttribute('data-from', 'custom');
	await setSlider(page, 'openFrom', 0);
	await setSlider(page, 'openTo', 24);
	await expect(page.getByText('Open until: 24:00')).toBeVisible();
	const roundTheClock = await heatmapAgents(page);
	expect(roundTheClock.every((agents) => agents > 0)).toBe(true);
	// The headline adds up the same cells.
	await expect(
		page.getByText(
			`Peak: ${Math.max(...roundTheClock)} agents; ${roundTheClock.reduce((a, b) => a + b, 0)} agent-hours in the week.`
		)
	).toBeVisible();

	// CSV: a header and one line per forecast hour.
	const download = page.waitForEvent('download');
	await page.getByTestId('forecast-export').click();
	const csv = readFileSync((await (await download).path())!, 'utf8');
	const lines = csv.split(/\r?\n/).filter((line) => line.length > 0);
	expect(lines).toHaveLength(169);
	expect(lines[0]).toMatch(/^local_hour,total_mean,/);

	// On a phone the page does not scroll sideways (the heatmap scrolls inside its box).
	await page.setViewportSize({ width: 375, height: 740 });
	await expect(page.getByTestId('staffing-heatmap')).toBeVisible();
	expect(
		await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		)
	).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 720 });

	// Reopening the page shows the stored result without refitting.
	await page.goto('/');
	await page.goto('/forecast');
	await expect(status).toHaveAttribute('data-state', 'done', { timeout: 5_000 });
	await expect(status).toHaveAttribute('data-cached', 'true');
	await expect(status).toHaveAttribute('data-method', method!);
	await expect(page.getByTestId('staffing-heatmap').locator('td[data-agents]')).toHaveCount(168);

	// Staffing options: Erlang A (impatient chat customers) never needs more agents than
	// Erlang C; staffing the upper 80% bound never fewer than the median.
	const erlangC = await heatmapAgents(page);
	await page.getByTestId('staffing-model-erlang-a').check();
	await expect(page.getByTestId('slider-patience')).toBeVisible();
	const erlangA = await heatmapAgents(page);
	erlangA.forEach((agents, i) => expect(agents).toBeLessThanOrEqual(erlangC[i]!));
	await page.getByTestId('staffing-upper-bound').check();
	const upper = await heatmapAgents(page);
	upper.forEach((agents, i) => expect(agents).toBeGreaterThanOrEqual(erlangA[i]!));
	expect(upper.reduce((a, b) => a + b, 0)).toBeGreaterThan(erlangA.reduce((a, b) => a + b, 0));
	// The demo's chats are handled in one session: a measured handle time is offered.
	const measured = page.getByTestId('handle-measured');
	expect(Number(await measured.getAttribute('data-seconds'))).toBeGreaterThan(60);
	await page.getByTestId('use-measured-handle').click();
});

async function dailyTotals(page: Page): Promise<Map<string, number>> {
	const rows = await page
		.getByTestId('forecast-day')
		.evaluateAll((cells) =>
			cells.map((cell) => [cell.getAttribute('data-day')!, Number(cell.getAttribute('data-total'))])
		);
	return new Map(rows as [string, number][]);
}

async function addEvent(page: Page, name: string, kind: string, first: string, last: string) {
	await page.getByTestId('event-name').fill(name);
	await page.getByTestId('event-kind').selectOption(kind);
	await page.getByTestId('event-first-day').fill(first);
	await page.getByTestId('event-last-day').fill(last);
	await page.getByTestId('event-add').click();
}

/** Waits until the shown forecast was fitted with the stored events (they refit it). */
async function waitForRefit(page: Page) {
	await expect
		.poll(
			async () => {
				const status = page.getByTestId('forecast-status');
				const stored = await page.getByTestId('forecast-events').getAttribute('data-events-key');
				return (
					(await status.getAttribute('data-state')) === 'done' &&
					(await status.getAttribute('data-events-key')) === stored
				);
			},
			{ timeout: 180_000 }
		)
		.toBe(true);
}

test('events: marking the summer sale and a planned promotion and holiday changes the forecast', async ({
	page
}) => {
	// Five fits of the demo (each event change refits), with the tfjs candidate on the total.
	test.setTimeout(480_000);
	const app = new AppPage(page);
	await app.open();
	await page.getByRole('button', { name: 'Try the demo shop' }).click();
	expect(await app.waitForImportEnd()).toBe('done');
	await page.goto('/forecast');
	const status = page.getByTestId('forecast-status');
	await page.getByTestId('forecast-weeks').selectOption('1');
	await page.getByTestId('forecast-run').click();
	await expect(status).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
	const before = await dailyTotals(page);
	const days = [...before.keys()];
	expect(days).toHaveLength(7);

	// The demo's Summer Sale (13-19 July) as a past promotion, a planned one on forecast day 3.
	await addEvent(page, 'Summer Sale', 'promotion', '2026-07-13', '2026-07-19');
	await expect(page.getByTestId('event-item')).toHaveCount(1);
	await waitForRefit(page);
	await addEvent(page, 'Autumn sale', 'promotion', days[2]!, days[3]!);
	await expect(page.getByTestId('event-item')).toHaveCount(2);
	await waitForRefit(page);
	await expect(status).toHaveAttribute('data-cached', 'false');
	// The learnt effect: the sale more than doubled the contacts (demo: ×2-3 volume).
	const effect = page.getByTestId('forecast-effects').locator('li[data-kind="promotion"]');
	await expect(effect).toHaveAttribute('data-source', 'learnt');
	const factor = Number(await effect.getAttribute('data-factor'));
	expect(factor).toBeGreaterThan(1.8);
	const withPromo = await dailyTotals(page);
	for (const day of [days[2]!, days[3]!])
		expect(withPromo.get(day)! / before.get(day)!, day).toBeGreaterThan(1.6);
	// The planned sale is shaded on the chart (the past one is older than the 4 weeks drawn).
	await expect(page.getByTestId('forecast-event-span')).toHaveCount(1);

	// A holiday on forecast day 5: quieter than before, and staffed with fewer agent-hours.
	const agentsBefore = await heatmapAgents(page);
	await addEvent(page, 'Shop holiday', 'holiday', days[5]!, days[5]!);
	await expect(page.getByTestId('event-item')).toHaveCount(3);
	await waitForRefit(page);
	await expect(page.getByTestId('forecast-event-span')).toHaveCount(2);
	await expect(
		page.getByTestId('forecast-effects').locator('li[data-kind="holiday"]')
	).toHaveAttribute('data-source', 'quietest-day');
	const withHoliday = await dailyTotals(page);
	expect(withHoliday.get(days[5]!)!).toBeLessThan(withPromo.get(days[5]!)!);
	const agentsAfter = await heatmapAgents(page);
	const dayAgents = (agents: number[]) => agents.slice(5 * 24, 6 * 24).reduce((a, b) => a + b, 0);
	expect(dayAgents(agentsAfter)).toBeLessThanOrEqual(dayAgents(agentsBefore));

	// Removing the planned sale brings its days back to the baseline.
	await page.getByRole('button', { name: 'Remove Autumn sale' }).click();
	await expect(page.getByTestId('event-item')).toHaveCount(2);
	await waitForRefit(page);
	await expect(page.getByTestId('forecast-event-span')).toHaveCount(1);
	const afterRemove = await dailyTotals(page);
	expect(afterRemove.get(days[2]!)! / before.get(days[2]!)!).toBeLessThan(1.3);

	// A bad entry is explained, nothing is stored.
	await addEvent(page, 'Backwards', 'launch', '2026-10-10', '2026-10-01');
	await expect(page.getByTestId('event-problem')).toContainText(
		'The last day is before the first day.'
	);
	await expect(page.getByTestId('event-item')).toHaveCount(2);

	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a running forecast can be cancelled and the page stays usable', async ({ page }) => {
	test.setTimeout(120_000);
	const app = new AppPage(page);
	await app.open();
	await page.getByRole('button', { name: 'Try the demo shop' }).click();
	expect(await app.waitForImportEnd()).toBe('done');
	await page.goto('/forecast');
	const status = page.getByTestId('forecast-status');
	await expect(status).toHaveAttribute('data-state', 'idle');
	await page.getByTestId('forecast-weeks').selectOption('8');
	// The demo fits in well under a second, so cancel one frame after starting, in the page.
	const sawRunning = await page.evaluate(async () => {
		document.querySelector<HTMLButtonElement>('[data-testid="forecast-run"]')!.click();
		await new Promise((resolve) => requestAnimationFrame(resolve));
		const running =
			document.querySelector('[data-testid="forecast-status"]')?.getAttribute('data-state') ===
			'running';
		document.querySelector<HTMLButtonElement>('[data-testid="forecast-cancel"]')?.click();
		return running;
	});
	expect(sawRunning).toBe(true);
	await expect(status).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
	await expect(status).toContainText('Forecast cancelled.');
	// Nothing was stored: reopening shows no forecast.
	await page.reload();
	await expect(page.getByTestId('forecast-run')).toBeEnabled();
	await expect(status).toHaveAttribute('data-state', 'idle');

	// In Simplified Chinese.
	await page.evaluate(() => localStorage.setItem('service-lens.locale', 'zh-CN'));
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: '预测' })).toBeVisible();
	await expect(page.getByTestId('forecast-run')).toHaveText('开始预测');
});
