import { analyzeWorker } from '$lib/bridge/workers';
import { kpiTableCsv } from '$lib/core/table/kpi-csv';
import type { TicketFilter } from '$lib/core/table/ticket-filter';
import { svgDocument, svgDocumentSize } from '$lib/charts/svg-document';
import { paintedSvgBody, svgToPng } from '$lib/charts/svg-export';
import { kpiLabel } from '$lib/i18n/kpi-messages';
import type { Locale } from '$lib/i18n/messages';
import type { Overview } from '$lib/pipeline/overview';
import { downloadBlob } from './download';

/** A chart to save: its marks (read from the page, or drawn from data), title and file name. */
export interface ChartExport {
	/** `service-lens-<name>.svg|png`. */
	name: string;
	title: string;
	/** The filters the chart was drawn under, stated in the file. */
	caption: string;
	marks: () => { body: string; width: number; height: number } | null;
}

/** The SVG inside the element with this test id, as marks (null when it is not on the page). */
export function marksOfChart(testId: string): ChartExport['marks'] {
	return () => {
		const svg = document.querySelector<SVGSVGElement>(`[data-testid="${testId}"] svg`);
		return svg === null ? null : paintedSvgBody(svg);
	};
}

/** The dashboard's downloads: KPI table, per-ticket CSV, each chart as SVG or PNG. */
class DashboardExports {
	#error = $state<string | null>(null);
	#isExportingTickets = $state(false);

	get error(): string | null {
		return this.#error;
	}
	get isExportingTickets(): boolean {
		return this.#isExportingTickets;
	}

	kpis(shown: Overview, locale: Locale, filterDescription: string): void {
		const csv = kpiTableCsv(
			shown.kpis.map((kpi) => ({
				id: kpi.id,
				label: kpiLabel(locale, kpi.id),
				unit: kpi.unit,
				value: kpi.value,
				n: kpi.n,
				excluded: kpi.excluded,
				previousValue: kpi.previousValue,
				change: kpi.delta?.change ?? null
			})),
			filterDescription,
			shown.comparison === null ? '' : `${shown.comparison.from} – ${shown.comparison.to}`
		);
		downloadBlob(
			new Blob(['\uFEFF' + csv], { type: 'text/csv;charset=utf-8' }),
			'service-lens-kpis.csv'
		);
	}

	async tickets(filter: TicketFilter, timeZone: string): Promise<void> {
		this.#isExportingTickets = true;
		try {
			const plain = JSON.parse(JSON.stringify(filter)) as TicketFilter;
			const blob = await analyzeWorker().ticketCsv({
				filter: plain,
				timeZone,
				search: '',
				sort: 'created',
				descending: false,
				subset: null
			});
			downloadBlob(blob, 'service-lens-tickets.csv');
			this.#error = null;
		} catch (error) {
			this.#error = error instanceof Error ? error.message : String(error);
		} finally {
			this.#isExportingTickets = false;
		}
	}

	async chart(chart: ChartExport, format: 'svg' | 'png'): Promise<void> {
		const marks = chart.marks();
		if (marks === null) return;
		const input = { ...marks, title: chart.title, caption: chart.caption };
		const text = svgDocument(input);
		try {
			if (format === 'svg') {
				downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `service-lens-${chart.name}.svg`);
			} else {
				const size = svgDocumentSize(input);
				downloadBlob(
					await svgToPng(text, size.width, size.height),
					`service-lens-${chart.name}.png`
				);
			}
			this.#error = null;
		} catch (error) {
			this.#error = error instanceof Error ? error.message : String(error);
		}
	}
}

export const dashboardExports = new DashboardExports();
