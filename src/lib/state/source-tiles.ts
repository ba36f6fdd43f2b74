import type { SourcesSummary } from '$lib/core/metrics/sources-summary';
import { formatCount, formatPercent } from '$lib/format/format';
import { formatPoints } from '$lib/format/points';
import { sourcesText } from '$lib/i18n/sources-messages';
import type { Locale } from '$lib/i18n/messages';

/** The survey and order tiles (KPI tile contract: `kpi-<id>`, value in base units). */
export function sourceTiles(summary: SourcesSummary, locale: Locale) {
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
			detail: basedOn(summary.surveyCsat.n)
		},
		{
			id: 'survey_nps',
			label: st('sources.nps'),
			value: summary.nps.value,
			display: formatPoints(summary.nps.value, locale),
			detail: basedOn(summary.nps.n)
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
