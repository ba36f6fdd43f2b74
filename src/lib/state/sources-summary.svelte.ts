import type { SourcesSummary } from '$lib/core/metrics/sources-summary';
import { analyzeWorker } from '$lib/bridge/workers';
import type { SurveyKpiId } from '$lib/core/metrics/survey-population';
import { downloadBlob } from './download';

/** Survey and order figures, recomputed in the analysis worker when the data changes. */
class SourcesSummaryManager {
	#summary = $state.raw<SourcesSummary | null>(null);
	#request = 0;

	get summary(): SourcesSummary | null {
		return this.#summary;
	}

	/** Saves the answers a survey tile counted or excluded (its explain panel's links). */
	async downloadAnswers(
		kpi: SurveyKpiId,
		part: 'included' | 'excluded',
		timeZone: string
	): Promise<void> {
		const blob = await analyzeWorker().surveyAnswersCsv(kpi, part, timeZone);
		downloadBlob(blob, `service-lens-${kpi.replace(/_/g, '-')}-${part}.csv`);
	}

	async refresh(): Promise<void> {
		const request = ++this.#request;
		const summary = await analyzeWorker()
			.sourcesSummary()
			.catch(() => null);
		// A newer refresh may have finished first.
		if (request === this.#request) this.#summary = summary;
	}
}

export const sourcesSummary = new SourcesSummaryManager();
