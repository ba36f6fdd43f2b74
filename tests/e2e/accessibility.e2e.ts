import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page';

test.describe('accessibility, language and mobile layout', () => {
	test('the dashboard with data has no axe violations', async ({ page }) => {
		// Import plus axe over every table (group, tag, priority, segment too) on a shared machine.
		test.setTimeout(120_000);
		const app = new AppPage(page);
		await app.open();
		await page.getByRole('button', { name: 'Try the demo shop' }).click();
		expect(await app.waitForImportEnd()).toBe('done');
		await expect(page.getByTestId('volume-chart')).toBeVisible();
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});

	test('the UI switches to Simplified Chinese and remembers it', async ({ page }) => {
		const app = new AppPage(page);
		await app.open();
		await page.getByTestId('language-select').selectOption('zh-CN');
		await expect(page.getByRole('button', { name: '试用示例店铺' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await page.reload();
		await expect(page.getByRole('heading', { name: /拖放到这里/ })).toBeVisible();
	});

	test('on a phone the page fits the screen without sideways scrolling', async ({ browser }) => {
		const context = await browser.newContext({
			viewport: { width: 375, height: 740 },
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		const app = new AppPage(page);
		await app.open();
		await page.getByRole('button', { name: 'Try the demo shop' }).click();
		expect(await app.waitForImportEnd()).toBe('done');
		await expect(page.getByTestId('volume-chart')).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await context.close();
	});

	test('the agent scorecard has no axe violations and fits a phone', async ({ browser }) => {
		const context = await browser.newContext({
			viewport: { width: 375, height: 740 },
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		const app = new AppPage(page);
		await app.open();
		await page.getByRole('button', { name: 'Try the demo shop' }).click();
		expect(await app.waitForImportEnd()).toBe('done');
		await page.goto('/agent?channel=email&name=Anna+Weber');
		await expect(page.getByTestId('scorecard-kpi-tickets')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByTestId('trend-week').first()).toBeVisible();
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await context.close();
	});

	test('the ticket detail (conversation, timings, customer) has no axe violations, in Chinese too', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('support-mailbox.mbox');
		expect(await app.waitForImportEnd()).toBe('done');
		await page.goto('/tickets');
		await page.getByTestId('ticket-open').first().click();
		await expect(page.getByTestId('conversation')).toBeVisible();
		let results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.keyboard.press('Escape');
		await page.goto('/');
		await page.getByTestId('language-select').selectOption('zh-CN');
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		// Opened by its link (the detail is URL-addressable).
		await page.goto('/tickets');
		const href = await page.getByTestId('ticket-open').first().getAttribute('href');
		await page.goto(href ?? '');
		await expect(page.getByTestId('conversation')).toBeVisible();
		await expect(page.getByTestId('ticket-detail')).toContainText('会话');
		// Two fields share a Chinese label (解决时间): the detail must not trip over it.
		expect(errors).toEqual([]);
		results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});
