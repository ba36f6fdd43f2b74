import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Fails early, with a clear message, when no Chromium is there to drive. */
export default function globalSetup(): void {
	const candidates = [
		process.env.CHROMIUM_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		chromium.executablePath()
	].filter((path): path is string => typeof path === 'string' && path !== '');
	if (!candidates.some((path) => existsSync(path)))
		throw new Error(
			"No Chromium found for the browser tests. Install Debian's package (apt-get install -y chromium), " +
				'set CHROMIUM_PATH to a Chromium binary, or run "npx playwright install chromium" where downloads work.'
		);
}
