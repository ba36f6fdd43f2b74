import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage, fixturePath } from './support/app-page';

/*
 * First responses of the derived tickets, worked by hand from the fixtures and confirmed with
 * Python (mailbox/email for the mbox; see src/lib/pipeline/import-messages.spec.ts):
 * twcs-threads.csv 720, 2730, 7200 s; support-mailbox.mbox 5400, 1200, 2700 s.
 * Median of the six = (2700 + 2730) / 2 = 2715 s.
 */
const EXPECTED_MEDIAN_SECONDS = 2715;

test('several message exports dropped at once: each imported, tickets derived, KPIs from them', async ({
	page
}) => {
	const app = new AppPage(page);
	await app.open();
	const files = [
		{ name: 'twcs-threads.csv', type: 'text/csv' },
		{ name: 'support-mailbox.mbox', type: 'application/mbox' }
	].map((file) => ({ ...file, contents: readFileSync(fixturePath(file.name), 'utf8') }));
	const dataTransfer = await page.evaluateHandle((list) => {
		const transfer = new DataTransfer();
		for (const file of list)
			transfer.items.add(new File([file.contents], file.name, { type: file.type }));
		return transfer;
	}, files);
	const zone = page.getByTestId('drop-zone');
	await zone.dispatchEvent('dragenter', { dataTransfer });
	await zone.dispatchEvent('drop', { dataTransfer });

	expect(await app.waitForImportEnd()).toBe('done');
	// Counts are messages: 11 tweets (1 with an unreadable time) + 8 mails.
	const counts = await app.importCounts();
	expect(counts).toEqual({ rowsRead: 19, imported: 18, duplicates: 0, quarantined: 1 });

	const rows = page.getByTestId('import-row');
	await expect(rows).toHaveCount(2);
	const twitter = rows.filter({ has: page.getByText('twcs-threads.csv') });
	await expect(twitter).toHaveAttribute('data-vendor', 'twitter');
	await expect(twitter).toHaveAttribute('data-source-kind', 'messages');
	await expect(twitter).toHaveAttribute('data-rows-read', '11');
	await expect(twitter).toHaveAttribute('data-quarantined', '1');
	await expect(twitter).toHaveAttribute('data-derived-tickets', '3');
	await expect(twitter.getByTestId('import-derived')).toContainText('4 conversations: 3 tickets');
	const mailbox = rows.filter({ has: page.getByText('support-mailbox.mbox') });
	await expect(mailbox).toHaveAttribute('data-vendor', 'email');
	await expect(mailbox).toHaveAttribute('data-rows-read', '8');
	await expect(mailbox).toHaveAttribute('data-derived-tickets', '3');

	await app.waitForTicketCount(6);
	const kpis = await app.kpiValues();
	expect(kpis.first_response_median_s).toBe(EXPECTED_MEDIAN_SECONDS);
	// No status in either export: nothing is counted as resolved.
	expect(kpis.resolution_median_s).toBeNull();

	// The history with message imports (derived-ticket lines) stays accessible.
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	// Removing the mailbox import removes its messages and the tickets derived from them.
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: 'Remove support-mailbox.mbox and all its rows' }).click();
	await app.waitForTicketCount(3);
	await expect(rows).toHaveCount(1);
	expect((await app.kpiValues()).first_response_median_s).toBe(2730);
});
