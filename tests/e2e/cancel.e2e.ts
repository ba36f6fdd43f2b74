import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page';

/** A ticket CSV big enough to take a few seconds: `rows` lines of ~60 bytes. */
function bigTicketCsv(rows: number): Buffer {
	const lines = ['Id,Created at,Status,Via,First reply time in minutes'];
	for (let i = 0; i < rows; i++)
		lines.push(
			`${i + 1},2026-07-${String((i % 28) + 1).padStart(2, '0')} 10:00:00,Solved,Email,${i % 90}`
		);
	return Buffer.from(lines.join('\n'));
}

test('a long import shows live progress and Cancel removes everything it wrote', async ({
	page
}) => {
	const app = new AppPage(page);
	await app.open();
	await page.getByTestId('file-input').setInputFiles({
		name: 'big.csv',
		mimeType: 'text/csv',
		buffer: bigTicketCsv(600_000)
	});
	await expect(app.importStatus()).toHaveAttribute('data-state', 'running');
	const progressbar = page.getByRole('progressbar', { name: 'Import progress' });
	await expect(progressbar).toBeVisible();
	// Rows and rate are shown while the import runs.
	await expect
		.poll(async () =>
			Number((await page.getByTestId('progress-rows').textContent())?.replace(/\D/g, ''))
		)
		.toBeGreaterThan(0);
	await expect(page.getByTestId('progress-rate')).toContainText('rows/s');
	// The page stays responsive while the worker imports.
	const started = Date.now();
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
	expect(Date.now() - started).toBeLessThan(1000);

	await page.getByRole('button', { name: 'Cancel' }).click();
	expect(await app.waitForImportEnd()).toBe('error');
	await expect(page.getByTestId('import-error')).toContainText('cancelled');
	await expect(page.getByTestId('overview-empty')).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('overview-empty')).toBeVisible();
});
