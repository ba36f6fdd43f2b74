import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page';

/**
 * The README's first quick-start command runs the development server, not the build:
 * check that the app, its workers and the demo work there too.
 */
const DEV_PORT = 5188;
const devUrl = `http://127.0.0.1:${DEV_PORT}`;
let server: ChildProcess | null = null;

test.beforeAll(async () => {
	server = spawn(
		'npx',
		['vite', 'dev', '--port', String(DEV_PORT), '--strictPort', '--host', '127.0.0.1'],
		{
			stdio: 'ignore',
			detached: true
		}
	);
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		const isUp = await fetch(devUrl).then(
			(response) => response.ok,
			() => false
		);
		if (isUp) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`The dev server did not answer on ${devUrl} within 90 s`);
});

test.afterAll(() => {
	// The server runs in its own process group: end npx and vite together.
	if (server?.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
});

test('npm start: the development server runs the app, its workers and the demo', async ({
	page
}) => {
	test.setTimeout(180_000);
	const app = new AppPage(page);
	await page.goto(devUrl);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Try the demo shop' }).click();
	await expect(app.importStatus()).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
	await expect(page.getByTestId('kpi-tickets')).not.toHaveAttribute('data-value', '', {
		timeout: 60_000
	});
	expect(Number(await page.getByTestId('kpi-tickets').getAttribute('data-value'))).toBeGreaterThan(
		1000
	);
});
