import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, fixturePath } from './support/app-page';
import { expectKpisClose } from './support/expected-kpis';
import {
	REFERENCE_DEFAULTS,
	expectedDailyOpen,
	expectedServiceKpis,
	type ReferenceSettings
} from './support/expected-service-kpis';

const SERVICE_KPI_IDS = [
	'solved_tickets',
	'backlog_open',
	'first_response_business_median_s',
	'resolution_business_median_s',
	'one_touch_rate',
	'reopen_rate',
	'replies_median',
	'replies_mean',
	'sla_first_response_rate',
	'sla_resolution_rate'
] as const;

async function serviceKpiValues(page: Page): Promise<Record<string, number | null>> {
	const values: Record<string, number | null> = {};
	for (const id of SERVICE_KPI_IDS) {
		const raw = await page.getByTestId(`kpi-${id}`).getAttribute('data-value');
		values[id] = raw === null || raw === '' ? null : Number(raw);
	}
	return values;
}

async function importFixture(app: AppPage, name: string, tickets: number) {
	await app.open();
	await app.chooseFiles(name);
	expect(await app.waitForImportEnd()).toBe('done');
	await app.waitForTicketCount(tickets);
}

test.describe('service KPIs: business hours, touches, SLA', () => {
	test('zendesk-basic.csv: the new tiles match an independent computation', async ({ page }) => {
		const app = new AppPage(page);
		await importFixture(app, 'zendesk-basic.csv', 7);
		const expected = expectedServiceKpis(fixturePath('zendesk-basic.csv'));
		// Worked by hand as well: 4 solved, 3 open; business-hours medians 30 min and 105 min.
		expect(expected).toMatchObject({
			solved_tickets: 4,
			backlog_open: 3,
			first_response_business_median_s: 1800,
			resolution_business_median_s: 6300,
			one_touch_rate: null,
			sla_first_response_rate: 1
		});
		expect(expectKpisClose(await serviceKpiValues(page), expected)).toEqual([]);
		// The page states which schedule the business-hours figures used.
		await expect(page.getByTestId('service-settings-note')).toContainText(
			'Mon–Fri 09:00–17:00, time zone Europe/Berlin'
		);
		// No reply counts in this export: the tile says so with a dash, not a made-up 0 %.
		await expect(page.getByTestId('kpi-one_touch_rate')).toContainText('–');
	});

	test('zendesk-service.csv: weekend, SLA per channel, one-touch and reopens', async ({ page }) => {
		const app = new AppPage(page);
		await importFixture(app, 'zendesk-service.csv', 8);
		const expected = expectedServiceKpis(fixturePath('zendesk-service.csv'));
		// Hand values (see tests/fixtures/exports/README.md): the weekend makes business time
		// differ from calendar time.
		expect(expected).toMatchObject({
			solved_tickets: 5,
			backlog_open: 3,
			first_response_business_median_s: 1800,
			resolution_business_median_s: 3600,
			one_touch_rate: 0.6,
			reopen_rate: 0.2,
			replies_median: 1,
			replies_mean: 1.4,
			sla_first_response_rate: 4 / 6,
			sla_resolution_rate: 4 / 6
		});
		expect(expectKpisClose(await serviceKpiValues(page), expected)).toEqual([]);
		const calendarMedian = Number(
			await page.getByTestId('kpi-first_response_median_s').getAttribute('data-value')
		);
		expect(calendarMedian).toBe(5400);
		await expect(page.getByTestId('kpi-one_touch_rate')).toContainText('60%');
		await expect(page.getByTestId('kpi-replies_mean')).toContainText('1.4');
		// 205 waited past its 24 h web-form target, 207 replied after 90 min on chat; 208 waits.
		await expect(page.getByTestId('kpi-sla_first_response_rate')).toContainText(
			'n = 6 · 2 breached, 1 waiting within target'
		);

		// Backlog over time: open at the end of each day, Fri 3 – Tue 7 July.
		const daily = expectedDailyOpen(fixturePath('zendesk-service.csv'));
		expect(daily.map((d) => d.open)).toEqual([2, 3, 3, 2, 3]);
		const chart = page.getByTestId('backlog-chart');
		await expect(chart).toHaveAttribute('data-days', '5');
		await expect(chart).toHaveAttribute('data-open-at-end', String(expected.backlog_open));
		const titles = await chart.locator('circle title').allTextContents();
		expect(
			titles.map((title) => {
				const [day, rest] = title.split(': ');
				return { day, open: Number(rest?.split(' ')[0]) };
			})
		).toEqual(daily);
	});

	test('settings: a holiday and a chat target change the tiles, and survive a reload', async ({
		page
	}) => {
		const app = new AppPage(page);
		await importFixture(app, 'zendesk-service.csv', 8);

		await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
		const hours = page.getByTestId('settings-business-hours');
		await expect(hours).toBeVisible();
		await hours.getByLabel('Holiday date').fill('2026-07-06');
		await hours.getByRole('button', { name: 'Add holiday' }).click();
		await expect(hours.getByTestId('holiday-list')).toContainText('2026-07-06');
		const sla = page.getByTestId('settings-sla');
		await sla.getByLabel('First response target (hours): Chat, Normal', { exact: true }).fill('2');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');

		const settings: ReferenceSettings = {
			...REFERENCE_DEFAULTS,
			holidays: ['2026-07-06'],
			firstResponseHours: (channel, priority) =>
				channel === 'chat' && priority === 'normal'
					? 2
					: REFERENCE_DEFAULTS.firstResponseHours(channel, priority)
		};
		const expected = expectedServiceKpis(fixturePath('zendesk-service.csv'), settings);
		// Monday off: resolution median 60 → 30 business minutes; 207 (chat, no priority = normal,
		// 90 min) now meets its 2 h target: 5 of 6.
		expect(expected).toMatchObject({
			resolution_business_median_s: 1800,
			sla_first_response_rate: 5 / 6
		});

		await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
		await expect(page.getByTestId('kpi-resolution_business_median_s')).toHaveAttribute(
			'data-value',
			'1800'
		);
		expect(expectKpisClose(await serviceKpiValues(page), expected)).toEqual([]);
		await expect(page.getByTestId('service-settings-note')).toContainText('1 holiday(s)');

		// Stored in IndexedDB: a reload of the settings page shows them again.
		await page.goto('/settings');
		await expect(page.getByTestId('holiday-list')).toContainText('2026-07-06');
		await expect(
			page.getByLabel('First response target (hours): Chat, Normal', { exact: true })
		).toHaveValue('2');
	});

	test('settings: closing every day gives no business-hours figure, never a silent 0', async ({
		page
	}) => {
		const app = new AppPage(page);
		await importFixture(app, 'zendesk-service.csv', 8);
		await page.goto('/settings');
		for (let day = 0; day < 5; day++) await page.getByTestId(`day-${day}-open`).uncheck();
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
		await page.goto('/');
		await app.waitForTicketCount(8);
		await expect(page.getByTestId('service-settings-note')).toContainText('No opening hours');
		await expect(page.getByTestId('kpi-first_response_business_median_s')).toHaveAttribute(
			'data-value',
			''
		);
	});

	test('settings: a closing time before the opening is refused with a message', async ({
		page
	}) => {
		await page.goto('/settings');
		await page.getByTestId('day-0-opens').fill('18:00');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'invalid');
		await expect(page.getByText('the closing time must be after the opening time')).toBeVisible();
	});

	test('the settings page: no axe violations, keyboard reachable, fits a phone, in Chinese too', async ({
		browser
	}) => {
		const context = await browser.newContext({
			viewport: { width: 375, height: 740 },
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		await page.goto('/settings');
		await expect(page.getByTestId('settings-sla')).toBeVisible();
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		// Keyboard: Tab from Monday's checkbox reaches its opening time.
		await page.getByTestId('day-0-open').focus();
		await page.keyboard.press('Tab');
		await expect(page.getByTestId('day-0-opens')).toBeFocused();

		await page.goto('/');
		await page.getByTestId('language-select').selectOption('zh-CN');
		await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
		await expect(page.getByRole('heading', { level: 1, name: '服务设置' })).toBeVisible();
		await expect(page.getByTestId('settings-sla')).toContainText('首次响应目标（小时）');
		const zhResults = await new AxeBuilder({ page }).analyze();
		expect(zhResults.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await context.close();
	});
});
