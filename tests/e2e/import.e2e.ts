import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { AppPage, fixturePath } from './support/app-page';
import { expectKpisClose, expectedZendeskKpis } from './support/expected-kpis';

test.describe('import a helpdesk export and see its KPIs', () => {
	test('the landing page offers a drop zone, a real file picker and the demo', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		await expect(
			page.getByRole('heading', { name: 'Drop your helpdesk, chat, survey or order exports here' })
		).toBeVisible();
		const input = page.getByTestId('file-input');
		await expect(input).toHaveAttribute('type', 'file');
		await expect(input).toHaveAttribute('multiple', '');
		await expect(page.getByRole('button', { name: 'Choose files' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Try the demo shop' })).toBeVisible();
		await expect(page.getByTestId('overview-empty')).toBeVisible();
	});

	test('chosen file: progress ends, counts add up, every tile matches, reload keeps it', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('zendesk-basic.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		const counts = await app.importCounts();
		expect(counts).toEqual({ rowsRead: 10, imported: 7, duplicates: 1, quarantined: 2 });
		expect(counts.imported + counts.duplicates + counts.quarantined).toBe(counts.rowsRead);
		await expect(page.getByTestId('count-quarantined')).toHaveText('2');

		const expected = expectedZendeskKpis(fixturePath('zendesk-basic.csv'));
		await app.waitForTicketCount(expected.tickets ?? -1);
		expect(expectKpisClose(await app.kpiValues(), expected)).toEqual([]);
		// Humane display of the same numbers.
		await expect(page.getByTestId('kpi-first_response_median_s')).toContainText('30 min');
		await expect(page.getByTestId('kpi-resolution_median_s')).toContainText('1.8 h');
		await expect(page.getByTestId('kpi-resolution_rate')).toContainText('57.1%');
		await expect(page.getByTestId('volume-chart')).toHaveAttribute('data-days', '3');

		await page.reload();
		await app.waitForTicketCount(expected.tickets ?? -1);
		expect(expectKpisClose(await app.kpiValues(), expected)).toEqual([]);
	});

	test('dropped file is imported like a chosen one', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		await app.dropFile('dropped.csv', readFileSync(fixturePath('zendesk-basic.csv'), 'utf8'));
		expect(await app.waitForImportEnd()).toBe('done');
		expect(await app.importCounts()).toEqual({
			rowsRead: 10,
			imported: 7,
			duplicates: 1,
			quarantined: 2
		});
		await app.waitForTicketCount(7);
	});

	test('a GBK-encoded Chinese export is read correctly', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('chinese-gbk.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		expect(await app.importCounts()).toEqual({
			rowsRead: 4,
			imported: 4,
			duplicates: 0,
			quarantined: 0
		});
		await app.waitForTicketCount(4);
		const values = await app.kpiValues();
		// First responses 5 min, 2 h 15 min, 1 min, 35 min; ratings 5, 2, 4 of 5.
		expect(values.first_response_median_s).toBe(20 * 60);
		expect(values.resolution_rate).toBe(0.75);
		expect(values.csat_mean).toBeCloseTo(11 / 3, 9);
	});

	test('bad files get a clear message and the app stays usable', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		for (const [name, message] of [
			['empty.csv', /is empty/],
			['image.png', /PNG image, not an export/],
			['not-tickets.csv', /No ticket columns recognised/]
		] as const) {
			await app.chooseFiles(name);
			expect(await app.waitForImportEnd()).toBe('error');
			await expect(page.getByTestId('import-error')).toContainText(message);
		}
		await expect(page.getByTestId('overview-empty')).toBeVisible();
		await app.chooseFiles('zendesk-basic.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		await app.waitForTicketCount(7);
	});

	test('the demo button fills the dashboard', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		await page.getByRole('button', { name: 'Try the demo shop' }).click();
		expect(await app.waitForImportEnd()).toBe('done');
		const demoRows = Papa.parse(readFileSync('static/demo/demo-shop-tickets.csv', 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data.length;
		const counts = await app.importCounts();
		expect(counts).toEqual({
			rowsRead: demoRows,
			imported: demoRows,
			duplicates: 0,
			quarantined: 0
		});
		await app.waitForTicketCount(demoRows);
		const values = await app.kpiValues();
		for (const id of Object.keys(values)) expect(values[id], id).not.toBeNull();
		expect(
			Number(await page.getByTestId('volume-chart').getAttribute('data-days'))
		).toBeGreaterThan(100);
	});
});
