import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage, fixturePath } from './support/app-page';

const importRow = (page: import('@playwright/test').Page, fileName: string) =>
	page.locator(`[data-testid=import-row][data-file-name="${fileName}"]`);

test.describe('tickets, surveys and orders together', () => {
	test('a ticket export, a survey and a Shopify export dropped at once all import', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('zendesk-basic.csv', 'nps-survey.csv', 'shopify-orders.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		// Zendesk 10 rows (7 + 1 duplicate + 2 quarantined), NPS 7 (5 + 2), Shopify 6 (4 lines + 2).
		expect(await app.importCounts()).toEqual({
			rowsRead: 10 + 7 + 6,
			imported: 7 + 5 + 4,
			duplicates: 1,
			quarantined: 2 + 2 + 2
		});
		await app.waitForTicketCount(7);
		await expect(page.getByTestId('import-row')).toHaveCount(3);
		for (const [file, vendor, kind, counts] of [
			['zendesk-basic.csv', 'zendesk', 'tickets', [10, 7, 1, 2]],
			['nps-survey.csv', 'generic', 'surveys', [7, 5, 0, 2]],
			['shopify-orders.csv', 'shopify', 'orders', [6, 4, 0, 2]]
		] as const) {
			const row = importRow(page, file);
			await expect(row).toHaveAttribute('data-vendor', vendor);
			await expect(row).toHaveAttribute('data-source-kind', kind);
			await expect(row).toHaveAttribute('data-rows-read', String(counts[0]));
			await expect(row).toHaveAttribute('data-imported', String(counts[1]));
			await expect(row).toHaveAttribute('data-duplicates', String(counts[2]));
			await expect(row).toHaveAttribute('data-quarantined', String(counts[3]));
		}
		await expect(importRow(page, 'shopify-orders.csv')).toContainText('orders · shopify');
		// Tickets a-g, survey answers b, c, d, x, new, orders b and x: 9 people (b's ticket, NPS
		// answer and orders #1001/#1003 are one customer; x's order and answer too).
		await expect(page.getByTestId('customer-count')).toHaveAttribute('data-value', '9');

		// Survey and order tiles: NPS answers 10, 9, 7, 3, 8 → +20; Shopify #1001 and #1003 placed
		// (#1002 cancelled), both by b@example.com, so every customer with orders came back.
		await expect(page.getByTestId('kpi-survey_answers')).toHaveAttribute('data-value', '5');
		await expect(page.getByTestId('kpi-survey_nps')).toHaveAttribute('data-value', '20');
		await expect(page.getByTestId('kpi-survey_nps')).toContainText('+20');
		await expect(page.getByTestId('kpi-orders_placed')).toHaveAttribute('data-value', '2');
		await expect(page.getByTestId('kpi-repeat_customer_rate')).toHaveAttribute('data-value', '1');

		// Removing the survey removes its answers and the one customer only it knew (new@…).
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Remove nps-survey.csv and all its rows' }).click();
		await expect(page.getByTestId('import-row')).toHaveCount(2);
		await expect(page.getByTestId('customer-count')).toHaveAttribute('data-value', '8');
		await expect(page.getByTestId('kpi-survey_answers')).toHaveAttribute('data-value', '0');
		await expect(page.getByTestId('kpi-survey_nps')).toHaveAttribute('data-value', '');
		await app.waitForTicketCount(7);
	});
});

test.describe('the mapping screen', () => {
	test('an unrecognised file is mapped by hand, imported, and mapped automatically next time', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('odd-headers.csv');
		expect(await app.waitForImportEnd()).toBe('error');
		const screen = page.getByTestId('mapping-screen');
		await expect(screen).toBeVisible();
		await expect(screen).toHaveAttribute('data-file-name', 'odd-headers.csv');
		// The preview shows the first rows as text.
		await expect(screen.getByRole('table')).toContainText('V-4');
		// "Eingang" holds dates: proposed as the creation time.
		await expect(screen.getByLabel('Eingang', { exact: true })).toHaveValue('createdAt');
		await screen.getByLabel('Vorgang', { exact: true }).selectOption('externalId');
		await screen.getByLabel('Bearbeiter', { exact: true }).selectOption('agent');
		await screen.getByLabel('Kanal', { exact: true }).selectOption('channel');
		await screen
			.getByLabel('Erste Antwort Minuten', { exact: true })
			.selectOption('firstResponseDuration');
		await screen.getByTestId('mapping-import').click();
		expect(await app.waitForImportEnd()).toBe('done');
		await expect(screen).toHaveCount(0);
		const values = await app.kpiValues();
		expect(values.tickets).toBe(4);
		// First responses 30, 5, 60, 15 minutes: median 22.5 min.
		expect(values.first_response_median_s).toBe(22.5 * 60);
		await expect(importRow(page, 'odd-headers.csv')).toHaveAttribute('data-vendor', 'mapped');

		// The same headers again: the saved mapping applies itself, with a note.
		await app.chooseFiles('odd-headers.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		await expect(page.getByTestId('mapping-screen')).toHaveCount(0);
		await expect(page.getByTestId('mapping-applied')).toContainText('applied the column mapping');
		expect(await app.importCounts()).toEqual({
			rowsRead: 4,
			imported: 0,
			duplicates: 4,
			quarantined: 0
		});
	});

	test('the mapping screen has no axe violations and speaks Chinese', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('odd-headers.csv');
		await expect(page.getByTestId('mapping-screen')).toBeVisible();
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.getByTestId('language-select').selectOption('zh-CN');
		await expect(page.getByTestId('mapping-import')).toHaveText('按此对应导入');
		await expect(page.getByLabel('Eingang', { exact: true })).toHaveValue('createdAt');
	});

	test('the mapping screen fits a phone screen', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 800 });
		const app = new AppPage(page);
		await app.open();
		await page.getByTestId('file-input').setInputFiles(fixturePath('odd-headers.csv'));
		await expect(page.getByTestId('mapping-screen')).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});
