import { expect, type Page } from '@playwright/test';

export const KPI_IDS = [
	'tickets',
	'first_response_median_s',
	'first_response_p90_s',
	'resolution_median_s',
	'resolution_rate',
	'csat_satisfied_rate',
	'csat_mean'
] as const;

export const fixturePath = (name: string) => `tests/fixtures/exports/${name}`;

/** What a person does on the landing page, and what they read back. */
export class AppPage {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/');
		await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
	}

	async chooseFiles(...names: string[]): Promise<void> {
		await this.page.getByTestId('file-input').setInputFiles(names.map(fixturePath));
	}

	/** Drops files on the drop zone the way a browser delivers a drag and drop. */
	async dropFile(name: string, contents: string, type = 'text/csv'): Promise<void> {
		const dataTransfer = await this.page.evaluateHandle(
			({ name, contents, type }) => {
				const transfer = new DataTransfer();
				transfer.items.add(new File([contents], name, { type }));
				return transfer;
			},
			{ name, contents, type }
		);
		const zone = this.page.getByTestId('drop-zone');
		await zone.dispatchEvent('dragenter', { dataTransfer });
		await zone.dispatchEvent('drop', { dataTransfer });
	}

	importStatus() {
		return this.page.getByTestId('import-status');
	}

	async waitForImportEnd(): Promise<'done' | 'error'> {
		await expect(this.importStatus()).toHaveAttribute('data-state', /^(done|error)$/, {
			timeout: 60_000
		});
		return (await this.importStatus().getAttribute('data-state')) as 'done' | 'error';
	}

	async importCounts() {
		const status = this.importStatus();
		const read = async (name: string) => Number(await status.getAttribute(`data-${name}`));
		return {
			rowsRead: await read('rows-read'),
			imported: await read('imported'),
			duplicates: await read('duplicates'),
			quarantined: await read('quarantined')
		};
	}

	/** Every KPI tile's raw value (null when the tile is empty). */
	async kpiValues(): Promise<Record<string, number | null>> {
		await expect(this.page.getByTestId('kpi-tickets')).toBeVisible({ timeout: 30_000 });
		const values: Record<string, number | null> = {};
		for (const id of KPI_IDS) {
			const raw = await this.page.getByTestId(`kpi-${id}`).getAttribute('data-value');
			values[id] = raw === null || raw === '' ? null : Number(raw);
		}
		return values;
	}

	async waitForTicketCount(count: number): Promise<void> {
		await expect(this.page.getByTestId('kpi-tickets')).toHaveAttribute(
			'data-value',
			String(count),
			{
				timeout: 30_000
			}
		);
	}
}
