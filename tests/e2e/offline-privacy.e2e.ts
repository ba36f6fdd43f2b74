import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page';

test.describe('privacy and offline', () => {
	test('every request of a whole session stays on our origin', async ({ page, baseURL }) => {
		const origin = new URL(baseURL ?? '').origin;
		const foreign: string[] = [];
		page.context().on('request', (request) => {
			const url = request.url();
			if (url.startsWith('data:') || url.startsWith('blob:')) return;
			if (new URL(url).origin !== origin) foreign.push(url);
		});
		const cspViolations: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
		});

		const app = new AppPage(page);
		await app.open();
		await page.getByRole('button', { name: 'Try the demo shop' }).click();
		expect(await app.waitForImportEnd()).toBe('done');
		await app.chooseFiles('zendesk-basic.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		await page.getByRole('link', { name: 'About this device' }).click();
		await expect(page.getByTestId('ml-backend')).toHaveAttribute('data-backend', 'wasm', {
			timeout: 30_000
		});
		await page.reload();
		await expect(page.getByTestId('ml-backend')).toHaveAttribute('data-backend', 'wasm', {
			timeout: 30_000
		});

		expect(foreign).toEqual([]);
		expect(cspViolations).toEqual([]);
	});

	test('a Content-Security-Policy allows only our own origin', async ({ page }) => {
		await page.goto('/');
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("connect-src 'self'");
		expect(csp).not.toMatch(/https?:/);
	});

	test('after one visit the app and its data work offline', async ({ page, context }) => {
		const app = new AppPage(page);
		await app.open();
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 30_000
		});
		await app.chooseFiles('zendesk-basic.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		await app.waitForTicketCount(7);
		const online = await app.kpiValues();

		await context.setOffline(true);
		await page.reload();
		await app.waitForTicketCount(7);
		expect(await app.kpiValues()).toEqual(online);
		// The demo and the model runtime are precached too.
		await page.getByRole('button', { name: 'Try the demo shop' }).click();
		expect(await app.waitForImportEnd()).toBe('done');
		await page.goto('/about');
		await expect(page.getByTestId('ml-backend')).toHaveAttribute('data-backend', 'wasm', {
			timeout: 30_000
		});
		await context.setOffline(false);
	});

	test('the manifest makes the app installable', async ({ page, request }) => {
		await page.goto('/');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBeTruthy();
		const manifest = (await (await request.get(new URL(href ?? '', page.url()).href)).json()) as {
			name: string;
			display: string;
			icons: { sizes: string; type: string }[];
		};
		expect(manifest.name).toBe('Service Lens');
		expect(manifest.display).toBe('standalone');
		expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
			expect.arrayContaining(['192x192', '512x512'])
		);
	});
});
