import type { SourcesSummary } from '$lib/core/metrics/sources-summary';
import { formatCount, formatPercent } from '$lib/format/format';
import { formatPoints } from '$lib/format/points';
import { sourcesText } from '$lib/i18n/sources-messages';
import type { Locale } from '$lib/i18n/messages';
import { surveyExplainText, type SurveyExplainMessages } from '$lib/i18n/survey-explain-messages';
import type { SurveyKpiId } from '$lib/core/metrics/survey-population';

/** Saves the answers a survey tile counted or excluded (the explain panel's links). */
export type SurveyAnswersDownload = (kpi: SurveyKpiId, part: 'included' | 'excluded') => void;

/**
 * "How is this computed?" for a survey tile: its definition, n, the excluded answers and why,
 * what is out of scope and why, and downloads of the answers counted and excluded (survey
 * answers have no list page: the CSV is where they are listed).
 */
export function explainSurveyKpi(
	kpi: SurveyKpiId,
	summary: SourcesSummary,
	locale: Locale,
	onDownload: SurveyAnswersDownload
) {
	const x = (key: keyof SurveyExplainMessages, params?: Record<string, string | number>) =>
		surveyExplainText(locale, key, params);
	const counts = summary.surveyPopulations[kpi];
	const count = (n: number) => formatCount(n, locale);
	return {
		buttonLabel: x('surveyExplain.button'),
		closeLabel: x('surveyExplain.close'),
		definition: x(`surveyExplain.def.${kpi}`),
		nText: x('surveyExplain.n', { n: count(counts.included) }),
		excludedText:
			counts.excluded === 0
				? x('surveyExplain.noneExcluded')
				: x('surveyExplain.excluded', { count: count(counts.excluded) }),
		outText: [
			counts.other_scale > 0
				? x(`surveyExplain.outOtherScale.${kpi}`, { count: count(counts.other_scale) })
				: '',
			counts.no_score > 0 ? x('surveyExplain.outNoScore', { count: count(counts.no_score) }) : ''
		]
			.filter((text) => text !== '')
			.join(' '),
		includedLink: null,
		excludedLink: null,
		includedAction:
			counts.included === 0
				? null
				: { text: x('surveyExplain.showIncluded'), onSelect: () => onDownload(kpi, 'included') },
		excludedAction:
			counts.excluded === 0
				? null
				: {
						text: `${x('surveyExplain.showExcluded')} (${count(counts.excluded)})`,
						onSelect: () => onDownload(kpi, 'excluded')
					}
	};
}

/** The survey and order tiles (KPI tile contract: `kpi-<id>`, value in base units). */
export function sourceTiles(
	summary: SourcesSummary,
	locale: Locale,
	onDownload: SurveyAnswersDownload | null = null
) {
	const st = (key: Parameters<typeof sourcesText>[1], params?: Record<string, string | number>) =>
		sourcesText(locale, key, params);
	const basedOn = (n: number) => st('sources.basedOn', { n: formatCount(n, locale) });
	return [
		{
			id: 'survey_answers',
			label: st('sources.surveyAnswers'),
			value: summary.surveyAnswers,
			display: formatCount(summary.surveyAnswers, locale),
			detail: ''
		},
		{
			id: 'survey_csat_rate',
			label: st('sources.surveyCsat'),
			value: summary.surveyCsat.value,
			display: formatPercent(summary.surveyCsat.value, locale),
			detail: basedOn(summary.surveyCsat.n),
			n: summary.surveyCsat.n,
			excluded: summary.surveyCsat.excluded,
			...(onDownload === null
				? {}
				: { explain: explainSurveyKpi('survey_csat_rate', summary, locale, onDownload) })
		},
		{
			id: 'survey_nps',
			label: st('sources.nps'),
			value: summary.nps.value,
			display: formatPoints(summary.nps.value, locale),
			detail: basedOn(summary.nps.n),
			n: summary.nps.n,
			excluded: summary.nps.excluded,
			...(onDownload === null
				? {}
				: { explain: explainSurveyKpi('survey_nps', summary, locale, onDownload) })
		},
		{
			id: 'orders_placed',
			label: st('sources.orders'),
			value: summary.orders,
			display: formatCount(summary.orders, locale),
			detail: st('sources.cancelled', { n: formatCount(summary.cancelledOrders, locale) })
		},
		{
			id: 'repeat_customer_rate',
			label: st('sources.repeatCustomers'),
			value: summary.repeatCustomerRate.value,
			display: formatPercent(summary.repeatCustomerRate.value, locale),
			detail: basedOn(summary.repeatCustomerRate.n)
		}
	];
}
