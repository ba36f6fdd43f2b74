import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page';

test.describe('imported files: accounting, quality, removal', () => {
	test('several files dropped at once are each recorded, and the counts add up', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('zendesk-basic.csv', 'tickets-generic.ndjson', 'chinese-gbk.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		expect(await app.importCounts()).toEqual({
			rowsRead: 10 + 4 + 4,
			imported: 7 + 4 + 4,
			duplicates: 1,
			quarantined: 2
		});
		await app.waitForTicketCount(15);
		const rows = page.getByTestId('import-row');
		await expect(rows).toHaveCount(3);
		await expect(
			page.locator('[data-testid=import-row][data-file-name="chinese-gbk.csv"]')
		).toHaveAttribute('data-encoding', 'gb18030');
		await expect(
			page.locator('[data-testid=import-row][data-file-name="zendesk-basic.csv"]')
		).toHaveAttribute('data-vendor', 'zendesk');
	});

	test('a broken CSV shows its quarantine, downloadable as CSV', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('broken.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		expect(await app.importCounts()).toEqual({
			rowsRead: 4,
			imported: 1,
			duplicates: 0,
			quarantined: 3
		});
		const row = page.getByTestId('import-row');
		await expect(row).toContainText('4 rows read: 1 imported, 0 merged duplicates, 3 quarantined');
		await row.getByText('Data quality').click();
		const downloadPromise = page.waitForEvent('download');
		await row.getByTestId('download-quarantine').click();
		const download = await downloadPromise;
		expect(download.suggestedFilename()).toBe('broken-quarantined.csv');
		const text = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
		const lines = text.trimEnd().split('\r\n');
		expect(lines[0]).toBe('row_number,reason,column,Id,Created at,Status,Subject');
		expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
			'2,malformed_row',
			'3,invalid_created_at',
			'4,malformed_row'
		]);
	});

	test('removing an import removes its rows from the dashboard', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('zendesk-basic.csv', 'tickets-generic.ndjson');
		expect(await app.waitForImportEnd()).toBe('done');
		await app.waitForTicketCount(11);
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Remove zendesk-basic.csv and all its rows' }).click();
		await app.waitForTicketCount(4);
		await expect(page.getByTestId('import-row')).toHaveCount(1);
		await page.reload();
		await app.waitForTicketCount(4);
	});
});

test('the shop time zone sets the day boundaries and is remembered', async ({ page }) => {
	const app = new AppPage(page);
	await app.open();
	await expect(page.getByTestId('time-zone-select')).toHaveValue('Europe/Berlin');
	await app.chooseFiles('tickets-generic.ndjson');
	expect(await app.waitForImportEnd()).toBe('done');
	await expect(page.getByTestId('import-row')).toHaveAttribute('data-time-zone', 'Europe/Berlin');
	// Created 3 Aug 09:00 and 10:00, 4 Aug 23:30, 5 Aug 08:00 (+02:00): three Berlin days…
	await expect(page.getByTestId('volume-chart')).toHaveAttribute('data-days', '3');
	// …but in Los Angeles (UTC−7) 3 Aug 00:00 and 01:00, 4 Aug 14:30 and 23:00: two days.
	await page.getByTestId('time-zone-select').selectOption('America/Los_Angeles');
	await expect(page.getByTestId('volume-chart')).toHaveAttribute('data-days', '2');
	await page.reload();
	await expect(page.getByTestId('time-zone-select')).toHaveValue('America/Los_Angeles');
	await expect(page.getByTestId('volume-chart')).toHaveAttribute('data-days', '2');
});
