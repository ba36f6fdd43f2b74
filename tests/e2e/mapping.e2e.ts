import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './support/app-page';

const importRow = (page: Page, fileName: string) =>
	page.locator(`[data-testid=import-row][data-file-name="${fileName}"]`);
const columnSelect = (page: Page, header: string) =>
	page.getByTestId('mapping-screen').getByLabel(header, { exact: true });

test.describe('mapping unrecognised survey and order exports', () => {
	test('a Typeform survey is mapped as survey answers, counted, and remembered', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('typeform-survey.csv');
		expect(await app.waitForImportEnd()).toBe('error');
		const screen = page.getByTestId('mapping-screen');
		await expect(screen).toHaveAttribute('data-kind', 'surveys');
		await expect(screen.getByTestId('mapping-kind')).toHaveValue('surveys');
		await expect(screen.getByRole('table')).toContainText('Fast and friendly');
		// Proposed: the 1-5 answers as the score (by their values), e-mail and order by name.
		await expect(columnSelect(page, 'How satisfied were you with our support?')).toHaveValue(
			'score'
		);
		await expect(columnSelect(page, 'Email')).toHaveValue('customerEmail');
		await expect(columnSelect(page, 'Order number')).toHaveValue('orderId');
		// The user fixes it: the answer time is the submit date, the id is "#".
		await columnSelect(page, 'Submit Date (UTC)').selectOption('respondedAt');
		await expect(columnSelect(page, 'Start Date (UTC)')).toHaveValue('');
		await columnSelect(page, 'Start Date (UTC)').selectOption('sentAt');
		await columnSelect(page, '#').selectOption('externalId');
		await expect(columnSelect(page, 'Network ID')).toHaveValue('');
		await columnSelect(page, 'Anything we could do better?').selectOption('comment');
		await screen.getByTestId('mapping-import').click();
		expect(await app.waitForImportEnd()).toBe('done');
		// 6 rows: tf02 twice, tf04 without an answer.
		expect(await app.importCounts()).toEqual({
			rowsRead: 6,
			imported: 4,
			duplicates: 1,
			quarantined: 1
		});
		await expect(importRow(page, 'typeform-survey.csv')).toHaveAttribute('data-vendor', 'mapped');
		await expect(page.getByTestId('kpi-survey_answers')).toHaveAttribute('data-value', '4');
		// Satisfied (4-5): 5 and 4 of 5, 4, 2, 1.
		await expect(page.getByTestId('kpi-survey_csat_rate')).toHaveAttribute('data-value', '0.5');

		await app.chooseFiles('typeform-survey.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		await expect(page.getByTestId('mapping-screen')).toHaveCount(0);
		await expect(page.getByTestId('mapping-applied')).toBeVisible();
		expect(await app.importCounts()).toEqual({
			rowsRead: 6,
			imported: 0,
			duplicates: 5,
			quarantined: 1
		});
	});

	test('an Etsy orders export is mapped as orders from the proposal; Import waits for what it needs', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('etsy-sold-orders.csv');
		expect(await app.waitForImportEnd()).toBe('error');
		const screen = page.getByTestId('mapping-screen');
		await expect(screen.getByTestId('mapping-kind')).toHaveValue('orders');
		await expect(columnSelect(page, 'Order ID')).toHaveValue('orderNumber');
		await expect(columnSelect(page, 'Sale Date')).toHaveValue('createdAt');
		await expect(columnSelect(page, 'Order Total')).toHaveValue('total');
		// Without an order number the import cannot start, and says why.
		await columnSelect(page, 'Order ID').selectOption('');
		await expect(screen.getByTestId('mapping-import')).toBeDisabled();
		await expect(screen.getByTestId('mapping-gaps')).toContainText('order number');
		await columnSelect(page, 'Order ID').selectOption('orderNumber');
		await screen.getByTestId('mapping-import').click();
		expect(await app.waitForImportEnd()).toBe('done');
		// 6 rows: #3102 twice, #3104 dated "yesterday".
		expect(await app.importCounts()).toEqual({
			rowsRead: 6,
			imported: 4,
			duplicates: 1,
			quarantined: 1
		});
		// #3101, #3102, #3105 placed; #3103 was cancelled.
		await expect(page.getByTestId('kpi-orders_placed')).toHaveAttribute('data-value', '3');
	});

	test('choosing another kind offers that kind’s fields; axe and a phone screen', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('typeform-survey.csv');
		const screen = page.getByTestId('mapping-screen');
		await expect(screen).toBeVisible();
		await screen.getByTestId('mapping-kind').selectOption('customers');
		await expect(screen).toHaveAttribute('data-kind', 'customers');
		await expect(columnSelect(page, 'Email')).toHaveValue('email');
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.getByTestId('language-select').selectOption('zh-CN');
		await expect(screen.getByTestId('mapping-kind').locator('option[value=orders]')).toHaveText(
			'订单或订单明细'
		);
		await page.setViewportSize({ width: 375, height: 800 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

test.describe('customer lists', () => {
	test('a Shopify customer list names and tags the customers of tickets; removal takes it back', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('zendesk-basic.csv', 'shopify-customers.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		await expect(importRow(page, 'shopify-customers.csv')).toHaveAttribute(
			'data-vendor',
			'shopify'
		);
		await page.getByTestId('app-nav').getByRole('link', { name: 'Customers' }).click();
		await page.getByTestId('customer-search').fill('anna');
		const anna = page.locator('[data-testid=customer-row][data-key="a@example.com"]');
		await expect(anna).toHaveAttribute('data-name', 'Anna Adler');
		await expect(anna).toHaveAttribute('data-tags', 'newsletter|vip');
		// Zendesk ticket #101 is Anna's.
		await expect(anna).toHaveAttribute('data-tickets', '1');
		await expect(page.getByTestId('customer-row')).toHaveCount(1);
		// A phone spelled as people type it finds Bea (Default Address Phone in the list).
		await page.getByTestId('customer-search').fill('+49 170 1234567');
		await expect(page.getByTestId('customer-row')).toHaveAttribute('data-name', 'Bea Example');

		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.setViewportSize({ width: 375, height: 800 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);

		await page.getByTestId('app-nav').getByRole('link', { name: 'Overview' }).click();
		page.once('dialog', (dialog) => void dialog.accept());
		await page
			.getByRole('button', { name: 'Remove shopify-customers.csv and all its rows' })
			.click();
		await expect(page.getByTestId('import-row')).toHaveCount(1);
		await page.getByTestId('app-nav').getByRole('link', { name: 'Customers' }).click();
		await page.getByTestId('customer-search').fill('a@example.com');
		await expect(
			page.locator('[data-testid=customer-row][data-key="a@example.com"]')
		).toHaveAttribute('data-name', '');
	});
});

test.describe('a conversation split across two exports', () => {
	test('the agent’s first reply in the second file counts; removing it brings the first file back', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('chat-july.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		await app.waitForTicketCount(3);
		// July alone: only c-11 was answered (5 min).
		expect((await app.kpiValues()).first_response_median_s).toBe(300);

		await app.chooseFiles('chat-august.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		expect(await app.importCounts()).toEqual({
			rowsRead: 6,
			imported: 5,
			duplicates: 1,
			quarantined: 0
		});
		await app.waitForTicketCount(4);
		// First responses 47 h (c-10), 5 min (c-11), 9 h 10 min (c-12), 30 min (c-13):
		// median (30 min + 9 h 10 min) / 2 = 17,400 s.
		await expect(page.getByTestId('kpi-first_response_median_s')).toHaveAttribute(
			'data-value',
			'17400'
		);

		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Remove chat-august.csv and all its rows' }).click();
		await app.waitForTicketCount(3);
		await expect(page.getByTestId('kpi-first_response_median_s')).toHaveAttribute(
			'data-value',
			'300'
		);
	});
});
