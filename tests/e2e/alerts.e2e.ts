import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './support/app-page';

async function loadDemoAndOpenAlerts(page: Page): Promise<void> {
	const app = new AppPage(page);
	await app.open();
	await page.getByRole('button', { name: 'Try the demo shop' }).click();
	expect(await app.waitForImportEnd()).toBe('done');
	await page.getByTestId('app-nav').getByRole('link', { name: 'Alerts' }).click();
	await expect(page.getByTestId('alerts-status')).toHaveAttribute('data-state', 'done', {
		timeout: 60_000
	});
}

test('the demo shop: the sale spike and the slow agent are alerts with their causes; a dismissal sticks', async ({
	page
}) => {
	test.setTimeout(180_000);
	await loadDemoAndOpenAlerts(page);

	// The Summer Sale (Mon 13 July): daily volume, explained by the sale's tag.
	const sale = page.locator('[data-testid=alert][data-metric="volume"]', {
		has: page.locator('xpath=self::*[@data-start="2026-07-13"]')
	});
	await expect(sale).toHaveCount(1);
	await expect(sale).toHaveAttribute('data-cause', 'summer_sale');
	await expect(sale).toHaveAttribute('data-severity', 'high');
	await expect(sale.getByTestId('alert-cause')).toContainText('summer_sale');
	await expect(sale.getByTestId('alert-chart')).toBeVisible();

	// The sale week's alerts on related series form one incident led by the daily volume.
	const saleIncident = page.locator('[data-testid=incident][data-incident-id="volume:2026-07-13"]');
	await expect(saleIncident).toHaveCount(1);
	expect(Number(await saleIncident.getAttribute('data-members'))).toBeGreaterThan(2);
	await expect(saleIncident.locator('[data-testid=alert]').first()).toHaveAttribute(
		'data-alert-id',
		'volume:2026-07-13'
	);
	await expect(
		saleIncident.locator('[data-testid=alert][data-alert-id="volume:tag:summer_sale:2026-07-13"]')
	).toHaveCount(1);

	// Felix covers for two colleagues (17-30 Aug): first replies slump on chat and e-mail.
	const slumps = page.locator(
		'[data-testid=alert][data-kind="first_response_median"][data-cause="Felix Braun"]'
	);
	expect(await slumps.count()).toBeGreaterThanOrEqual(2);
	const starts = await slumps.evaluateAll((nodes) =>
		nodes.map((node) => node.getAttribute('data-start') ?? '')
	);
	for (const start of starts) {
		expect(start >= '2026-08-17' && start <= '2026-08-21').toBe(true);
	}
	const metrics = await slumps.evaluateAll((nodes) =>
		nodes.map((node) => node.getAttribute('data-metric'))
	);
	expect(metrics).toEqual(
		expect.arrayContaining([
			'first_response_median:channel:chat',
			'first_response_median:channel:email'
		])
	);
	await expect(slumps.first().getByTestId('alert-cause')).toContainText('Felix Braun');

	// The autoencoder judges the daily metrics together: on Felix's first day of cover chat
	// replies are slow while the volume is ordinary; it says which metric drove the miss.
	const joint = page.locator('[data-testid=alert][data-alert-id="multivariate:2026-08-17"]');
	await expect(joint).toHaveCount(1);
	await expect(joint).toHaveAttribute('data-detector', 'autoencoder');
	await expect(joint).toHaveAttribute('data-kind', 'first_response_median');
	await expect(joint).toHaveAttribute('data-cause', 'Felix Braun');
	await expect(joint.getByTestId('alert-drivers')).toContainText('Median first response · Chat');
	await expect(joint.getByTestId('alert-chart')).toBeVisible();

	// Dismiss the sale spike ("not an issue"), annotate the slump; both survive a reload.
	await sale.getByTestId('alert-dismiss').click();
	await expect(sale).toHaveAttribute('data-state', 'dismissed');
	const slump = slumps.first();
	const slumpId = await slump.getAttribute('data-alert-id');
	await slump.getByTestId('alert-note').fill('Anna and Ben on holiday');
	await slump.getByRole('button', { name: 'Save note' }).click();
	await page.reload();
	await expect(page.getByTestId('alerts-status')).toHaveAttribute('data-state', 'done', {
		timeout: 60_000
	});
	await expect(
		page.locator('[data-testid=alert][data-alert-id="volume:2026-07-13"]')
	).toHaveAttribute('data-state', 'dismissed');
	await expect(
		page.locator(`[data-testid=alert][data-alert-id="${slumpId}"]`).getByTestId('alert-note')
	).toHaveValue('Anna and Ben on holiday');
});

test('customers to review: the planted serial claimers come first; verdicts stick', async ({
	page
}) => {
	test.setTimeout(180_000);
	await loadDemoAndOpenAlerts(page);
	const customers = page.getByTestId('risky-customer');
	await expect(customers.first()).toBeVisible({ timeout: 60_000 });
	const top = await customers.evaluateAll((nodes) =>
		nodes.slice(0, 4).map((node) => node.getAttribute('data-customer'))
	);
	// The demo generator's four planted serial claimers (docs/demo-data.md).
	expect([...top].sort()).toEqual([
		'dana.voss@example.org',
		'kai.brenner@example.net',
		'rico.falk@example.com',
		'tess.marlow@example.net'
	]);
	const scores = await customers.evaluateAll((nodes) =>
		nodes.map((node) => Number(node.getAttribute('data-score')))
	);
	expect(scores).toEqual([...scores].sort((a, b) => b - a));
	const first = customers.first();
	await expect(first).toContainText('refund, return or "not received" claims');
	const firstKey = (await first.getAttribute('data-customer'))!;
	await first.getByTestId('verdict-fraud').click();
	await expect(
		page.locator(`[data-testid=risky-customer][data-customer="${firstKey}"]`)
	).toHaveAttribute('data-verdict', 'fraud');
	const secondKey = (await customers.nth(1).getAttribute('data-customer'))!;
	await customers.nth(1).getByTestId('verdict-fine').click();
	await expect(
		page.locator(`[data-testid=risky-customer][data-customer="${secondKey}"]`)
	).toHaveCount(0);
	await page.reload();
	await expect(
		page.locator(`[data-testid=risky-customer][data-customer="${firstKey}"]`)
	).toHaveAttribute('data-verdict', 'fraud', { timeout: 60_000 });
	await page.getByTestId('risk-show-fine').check();
	await expect(
		page.locator(`[data-testid=risky-customer][data-customer="${secondKey}"]`)
	).toHaveAttribute('data-verdict', 'fine');
});

test('the Alerts page has no axe violations and fits a phone screen', async ({ browser }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({
		viewport: { width: 375, height: 740 },
		isMobile: true,
		hasTouch: true
	});
	const page = await context.newPage();
	await loadDemoAndOpenAlerts(page);
	await expect(page.getByTestId('alert').first()).toBeVisible();
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await context.close();
});
