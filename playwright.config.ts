import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests drive Chromium against the built static site (vite preview of build/).
 * Debian's /usr/bin/chromium is used when present (Playwright cannot download its own
 * browser on our machines); elsewhere Playwright's own Chromium.
 */
const systemChromium =
	process.env.CHROMIUM_PATH ||
	['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/** E2E_PORT lets several checkouts (git worktrees) run their browser tests side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		timezoneId: 'Europe/Berlin',
		locale: 'en-GB'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					...(systemChromium ? { executablePath: systemChromium } : {}),
					args: CHROMIUM_ARGS
				}
			}
		}
	],
	webServer: {
		command: `npm run build && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: !process.env.CI,
		timeout: 240_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
