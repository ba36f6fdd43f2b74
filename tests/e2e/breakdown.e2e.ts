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

test('the weekday × hour heatmap accounts for every ticket and toggles to first response', async ({
	page
}) => {
	const app = new AppPage(page);
	await app.open();
	await page.getByRole('button', { name: 'Try the demo shop' }).click();
	expect(await app.waitForImportEnd()).toBe('done');
	const heatmap = page.getByTestId('hour-weekday-heatmap');
	const cells = heatmap.locator('td[data-hour]');
	await expect(cells).toHaveCount(168);
	const values = await cells.evaluateAll((elements) =>
		elements.map((element) => Number(element.getAttribute('data-value')))
	);
	const tickets = Number(await page.getByTestId('kpi-tickets').getAttribute('data-value'));
	expect(values.reduce((sum, value) => sum + value, 0)).toBe(tickets);
	// The demo shop (Berlin, same as the browser here) is busy on Monday late morning, quiet at night.
	const at = (weekday: number, hour: number) => values[weekday * 24 + hour] ?? 0;
	expect(at(0, 11)).toBeGreaterThan(5 * at(6, 3));

	await heatmap.getByRole('radio', { name: 'First response (median)' }).click();
	await expect(heatmap).toHaveAttribute('data-metric', 'firstResponse');
	await expect(heatmap.locator('td[data-weekday="0"][data-hour="11"]')).not.toHaveAttribute(
		'data-value',
		''
	);
});
