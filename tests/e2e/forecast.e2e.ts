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
	// Opening hours (default 08-20): nobody is scheduled at night, somebody in the day.
	const openHour = (i: number) => i % 24 >= 8 && i % 24 < 20;
	after.forEach((agents, i) => {
		if (!openHour(i)) expect(agents, `hour ${i % 24}`).toBe(0);
	});
	expect(after.filter((_, i) => openHour(i)).every((agents) => agents > 0)).toBe(true);
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
