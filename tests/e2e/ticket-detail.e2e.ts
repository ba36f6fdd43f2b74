import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { AppPage, fixturePath } from './support/app-page';

/** Intercom parts of one conversation, in time order, as the fixture states them. */
function intercomConversation(conversationId: string) {
	const rows = Papa.parse<Record<string, string>>(
		readFileSync(fixturePath('intercom-parts.csv'), 'utf8'),
		{ header: true, skipEmptyLines: true }
	).data.filter((row) => row['conversation_id'] === conversationId);
	return rows
		.map((row): Record<string, string> & { atMs: number } =>
			Object.assign({}, row, { atMs: Date.parse(row['message_created_at'] ?? '') })
		)
		.sort((a, b) => a.atMs - b.atMs);
}

/** Files generated in the test: a survey and a Shopify order export naming the same customer. */
function customerFiles() {
	const survey = [
		'Response ID,Submitted at,How likely are you to recommend us?,Comment,Email,Order number',
		'r-ann,2026-03-03 10:00:00,9,Kim was quick,ann@example.com,#2001'
	].join('\n');
	const shopify = Papa.parse<Record<string, string>>(
		readFileSync(fixturePath('shopify-orders.csv'), 'utf8'),
		{ header: true, skipEmptyLines: true }
	);
	const template = shopify.data[0] ?? {};
	const order = (name: string, total: string, created: string) => {
		const row: Record<string, string> = {};
		for (const field of shopify.meta.fields ?? [])
			row[field] = /phone/i.test(field) ? '' : (template[field] ?? '');
		return {
			...row,
			Name: name,
			Email: 'ann@example.com',
			'Billing Name': 'Ann Lee',
			Subtotal: total,
			Total: total,
			'Created at': created,
			'Paid at': created
		};
	};
	const orders = Papa.unparse(
		[
			order('#2001', '30.00', '2026-02-20 10:00:00 +0100'),
			order('#2002', '12.50', '2026-02-25 10:00:00 +0100')
		],
		{ columns: shopify.meta.fields }
	);
	// The shop's customer list names her, with a phone and tags (Shopify customers header).
	const listHeader = Papa.parse<Record<string, string>>(
		readFileSync(fixturePath('shopify-customers.csv'), 'utf8'),
		{ header: true, preview: 1 }
	).meta.fields;
	const customers = Papa.unparse(
		[
			{
				'Customer ID': "'9001",
				'First Name': 'Ann',
				'Last Name': 'Lee',
				Email: 'ann@example.com',
				'Accepts Email Marketing': 'no',
				Phone: "'+49 151 2345678",
				'Total Spent': '42.50',
				'Total Orders': '2',
				Tags: 'vip, returning'
			}
		],
		{ columns: listHeader }
	);
	return [
		{ name: 'ann-survey.csv', mimeType: 'text/csv', buffer: Buffer.from(survey) },
		{ name: 'ann-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(orders) },
		{ name: 'ann-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(customers) }
	];
}

async function openTicket(page: Page, externalId: string) {
	await page.goto('/tickets');
	const link = page.getByTestId('ticket-open').filter({ hasText: `#${externalId}` });
	await expect(link).toBeVisible({ timeout: 30_000 });
	await link.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByTestId('ticket-detail');
	await expect(dialog).toBeVisible();
	return dialog;
}

test.describe('ticket detail', () => {
	test('a message-level ticket shows its conversation, timings and linked customer', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles(
			'intercom-parts.csv',
			'support-mailbox.mbox',
			'chatwoot-conversations.csv'
		);
		expect(await app.waitForImportEnd()).toBe('done');
		await expect(page.getByTestId('import-row')).toHaveCount(3);
		await page.getByTestId('file-input').setInputFiles(customerFiles());
		await expect(page.getByTestId('import-row')).toHaveCount(6, { timeout: 60_000 });
		expect(await app.waitForImportEnd()).toBe('done');

		const dialog = await openTicket(page, 'conv-1');
		await expect(dialog).toHaveAttribute('data-key', 'intercom:conv-1');
		// The link can be shared: the URL names the ticket, and a reload reopens it.
		expect(new URL(page.url()).searchParams.get('ticket')).toBe('intercom:conv-1');

		// Expected values from the fixture itself.
		const parts = intercomConversation('conv-1');
		const created = parts.find((p) => p['message_author_type'] === 'user')?.atMs ?? NaN;
		const firstReply = parts.find(
			(p) => p['message_author_type'] === 'admin' && p['message_type'] === 'comment'
		)?.atMs;
		const closes = parts.filter((p) => p['message_type'] === 'close').map((p) => p.atMs);
		const firstResponseS = ((firstReply ?? NaN) - created) / 1000;
		const firstResolutionS = ((closes[0] ?? NaN) - created) / 1000;
		const fullResolutionS = ((closes.at(-1) ?? NaN) - created) / 1000;
		expect([firstResponseS, firstResolutionS, fullResolutionS]).toEqual([1800, 3600, 5100]);

		const timing = (id: string) => dialog.locator(`[data-testid=detail-timing][data-timing=${id}]`);
		await expect(timing('first_response')).toHaveAttribute(
			'data-calendar-s',
			String(firstResponseS)
		);
		await expect(timing('first_resolution')).toHaveAttribute(
			'data-calendar-s',
			String(firstResolutionS)
		);
		await expect(timing('full_resolution')).toHaveAttribute(
			'data-calendar-s',
			String(fullResolutionS)
		);
		// Monday 2 March 2026 08:00–09:25 UTC; the tests' zone is Europe/Berlin (UTC+1 in March),
		// so the default Mon–Fri 09:00–17:00 opens at 08:00 UTC: business time counts from then.
		const businessS = (end: number) =>
			Math.max(0, end - Math.max(created, Date.UTC(2026, 2, 2, 8))) / 1000;
		await expect(timing('first_response')).toHaveAttribute(
			'data-business-s',
			String(businessS(firstReply ?? NaN))
		);
		await expect(timing('full_resolution')).toHaveAttribute(
			'data-business-s',
			String(businessS(closes.at(-1) ?? NaN))
		);
		const sla = dialog.locator('[data-testid=detail-sla][data-kind=first_response]');
		const target = Number(await sla.getAttribute('data-target-s'));
		expect([3600, 86_400]).toContain(target);
		await expect(sla).toHaveAttribute('data-state', firstResponseS <= target ? 'met' : 'breached');

		// Every message in time order, with who wrote it and how.
		const messages = dialog.getByTestId('message');
		await expect(messages).toHaveCount(parts.length);
		const roleOf: Record<string, string> = {
			user: 'customer',
			lead: 'customer',
			admin: 'agent',
			bot: 'bot'
		};
		const seen = await messages.evaluateAll((items) =>
			items.map((item) => ({
				role: item.getAttribute('data-role'),
				isPublic: item.getAttribute('data-public'),
				event: item.getAttribute('data-event'),
				at: Number(item.getAttribute('data-sent-at-ms')),
				markers: item.getAttribute('data-markers'),
				text: item.querySelector('[data-testid=message-text]')?.textContent ?? ''
			}))
		);
		expect(seen.map((m) => m.at)).toEqual(parts.map((p) => p.atMs));
		expect(seen.map((m) => m.role)).toEqual(
			// Status events (close) are stored as system lines, whoever clicked.
			parts.map((p) =>
				p['message_type'] === 'close' ? 'system' : roleOf[p['message_author_type'] ?? '']
			)
		);
		expect(seen.map((m) => m.isPublic)).toEqual(
			// Notes are internal; status lines are not messages to the customer either.
			parts.map((p) => String(p['message_type'] === 'comment'))
		);
		expect(seen.map((m) => m.event)).toEqual(
			parts.map((p) => (p['message_type'] === 'close' ? 'solved' : 'message'))
		);
		expect(seen[0]?.text).toBe('Hi! My discount code does not work');
		expect(seen[0]?.markers).toBe('created');
		// The bot and the note do not stop the clock: the admin comment does.
		expect(seen.findIndex((m) => m.markers?.includes('first_response'))).toBe(
			parts.findIndex((p) => p.atMs === firstReply)
		);

		// Intercom's user u-9 has an e-mail column: the ticket is keyed by it, so it joins Ann's
		// Chatwoot tickets #42 and #44 and her mailbox thread; the customer list names her.
		const intercomCustomer = dialog.getByTestId('customer-panel');
		await expect(intercomCustomer).toHaveAttribute('data-key', 'ann@example.com');
		await expect(intercomCustomer).toHaveAttribute('data-other-tickets', '3');
		await expect(dialog.getByTestId('detail-customer')).toHaveText('Ann Lee · ann@example.com');
		for (const text of ['Ann Lee', 'ann@example.com', '491512345678', 'returning, vip'])
			await expect(intercomCustomer).toContainText(text);
		await page.keyboard.press('Escape');
		await expect(dialog).toHaveCount(0);

		// Ann's e-mail thread: the auto-reply does not stop the clock, Kim's reply at 09:30 does.
		const mail = page.getByTestId('ticket-row').filter({ hasText: 'Where is my order #1001?' });
		await mail.getByTestId('ticket-open').click();
		await expect(dialog).toBeVisible();
		await expect(timing('first_response')).toHaveAttribute('data-calendar-s', String(90 * 60));
		const mailMessages = dialog.getByTestId('message');
		await expect(mailMessages).toHaveCount(4);
		await expect(mailMessages.nth(1)).toHaveAttribute('data-automated', 'true');
		await expect(mailMessages.nth(2)).toHaveAttribute('data-markers', 'first_response');

		// The customer: two Chatwoot tickets, the Intercom chat, two orders and a survey answer
		// share her e-mail.
		const customer = dialog.getByTestId('customer-panel');
		await expect(customer).toHaveAttribute('data-key', 'ann@example.com');
		await expect(customer).toHaveAttribute('data-other-tickets', '3');
		await expect(customer).toHaveAttribute('data-orders', '2');
		await expect(customer).toHaveAttribute('data-spent', '42.5');
		await expect(customer.getByTestId('customer-survey')).toHaveCount(1);
		await expect(customer.getByTestId('customer-survey')).toContainText('Kim was quick');

		expect(
			(await new AxeBuilder({ page }).include('[data-testid=ticket-detail]').analyze()).violations
		).toEqual([]);

		// Another ticket of the customer opens in place; Escape closes; a reload reopens by URL.
		await customer.getByTestId('customer-ticket').first().click();
		await expect(dialog).toHaveAttribute('data-key', /^chatwoot:/);
		await expect(dialog.getByTestId('conversation-none')).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(dialog).toHaveCount(0);
		expect(new URL(page.url()).searchParams.get('ticket')).toBeNull();
		await page.goto('/tickets?ticket=intercom%3Aconv-1');
		await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-key', 'intercom:conv-1');
	});

	test('a ticket-level import says it has no conversation; message text is never HTML', async ({
		page
	}) => {
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('zendesk-basic.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		const dialog = await openTicket(page, '101');
		await expect(dialog.getByTestId('conversation-none')).toBeVisible();
		await expect(dialog.getByTestId('conversation')).toHaveCount(0);
		await page.keyboard.press('Escape');

		const hostile = '<img src=x onerror="window.__pwned=1">Hello <b>there</b>';
		await app.open();
		await app.dropFile(
			'chat.csv',
			Papa.unparse([
				['Conversation ID', 'Role', 'Sent at', 'Message'],
				['x-1', 'customer', '2026-03-04 10:00:00', hostile],
				['x-1', 'agent', '2026-03-04 10:05:00', 'Hi!']
			])
		);
		await expect(page.getByTestId('import-row')).toHaveCount(2, { timeout: 60_000 });
		const chat = await openTicket(page, 'x-1');
		await expect(chat.getByTestId('message-text').first()).toHaveText(hostile);
		await expect(chat.locator('img, b')).toHaveCount(0);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
			undefined
		);
		await expect(
			chat.locator('[data-testid=detail-timing][data-timing=first_response]')
		).toHaveAttribute('data-calendar-s', '300');
	});

	test('the detail fits a 375 px phone without sideways scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 740 });
		const app = new AppPage(page);
		await app.open();
		await app.chooseFiles('intercom-parts.csv');
		expect(await app.waitForImportEnd()).toBe('done');
		const dialog = await openTicket(page, 'conv-1');
		await expect(dialog.getByTestId('message')).toHaveCount(7);
		const overflow = await dialog.evaluate((node) => node.scrollWidth - node.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		const pageOverflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(pageOverflow).toBeLessThanOrEqual(0);
	});
});
