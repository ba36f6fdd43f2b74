import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { AppPage } from './support/app-page';

test('the demo shop breaks down by agent and channel, and the slow agent stands out', async ({
	page
}) => {
	const app = new AppPage(page);
	await app.open();
	await page.getByRole('button', { name: 'Try the demo shop' }).click();
	expect(await app.waitForImportEnd()).toBe('done');

	// Worked out from the file itself: tickets per assignee, and Felix's median first reply.
	const rows = Papa.parse<Record<string, string>>(
		readFileSync('static/demo/demo-shop-tickets.csv', 'utf8'),
		{ header: true, skipEmptyLines: true }
	).data;
	const felix = rows.filter((row) => row['Assignee'] === 'Felix Braun');
	const replies = felix
		.map((row) => row['First reply time in minutes'])
		.filter((value): value is string => value !== undefined && value !== '')
		.map((value) => Number(value) * 60)
		.sort((a, b) => a - b);
	const middle = (replies.length - 1) / 2;
	const felixMedian = ((replies[Math.floor(middle)] ?? 0) + (replies[Math.ceil(middle)] ?? 0)) / 2;

	const agents = page.getByTestId('breakdown-agent').getByTestId('breakdown-row');
	await expect(agents).toHaveCount(new Set(rows.map((row) => row['Assignee'])).size);
	const felixRow = page.locator('[data-testid=breakdown-agent] [data-key="Felix Braun"]');
	await expect(felixRow).toHaveAttribute('data-tickets', String(felix.length));
	await expect(felixRow).toHaveAttribute('data-first-response-median-s', String(felixMedian));
	// The slowest first response of all agents.
	const medians = await agents.evaluateAll((elements) =>
		elements.map((element) => Number(element.getAttribute('data-first-response-median-s')))
	);
	expect(Math.max(...medians)).toBe(felixMedian);

	const channels = page.getByTestId('breakdown-channel').getByTestId('breakdown-row');
	await expect(channels.first()).toHaveAttribute('data-key', 'email');
	await expect(page.getByTestId('breakdown-channel')).toContainText('Web form');
});
