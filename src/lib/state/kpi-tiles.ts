import type { OverviewKpi } from '$lib/core/metrics/overview-kpis';
import type { DashboardKpi } from '$lib/pipeline/overview';
import { formatKpiSubset, hasKpiPopulation } from '$lib/core/table/kpi-population';
import type { KpiDelta } from '$lib/core/table/kpi-delta';
import { formatCount } from '$lib/format/format';
import { formatKpiChange } from '$lib/format/delta';
import { formatKpiValue } from '$lib/format/kpi';
import { DASHBOARD_MESSAGES, type DashboardMessages } from '$lib/i18n/dashboard-messages';
import { kpiDefinition, kpiLabel, kpiText } from '$lib/i18n/kpi-messages';
import type { Locale } from '$lib/i18n/messages';
import type { DashboardLabels } from '$lib/i18n/dashboard-labels';

/** "How is this computed?" of one tile, as KpiTile shows it. */
export interface KpiExplanation {
	buttonLabel: string;
	closeLabel: string;
	definition: string;
	nText: string;
	excludedText: string;
	includedLink: { href: string; text: string } | null;
	excludedLink: { href: string; text: string } | null;
}

/** One tile, ready for KpiTile. */
export interface KpiTileView {
	id: string;
	label: string;
	value: number | null;
	display: string;
	detail: string;
	delta: KpiDelta | null;
	previousValue: number | null;
	deltaText: string;
	explain: KpiExplanation;
	n: number;
	excluded: number;
}

/** Why a KPI's excluded tickets were dropped (KPIs not listed: "impossible or invalid values"). */
const EXCLUSION_REASONS: Partial<Record<string, keyof DashboardMessages>> = {
	first_response_median_s: 'explain.reason.negativeResponse',
	first_response_p90_s: 'explain.reason.negativeResponse',
	first_response_business_median_s: 'explain.reason.negativeResponse',
	sla_first_response_rate: 'explain.reason.negativeResponse',
	resolution_median_s: 'explain.reason.negativeResolution',
	resolution_business_median_s: 'explain.reason.negativeResolution',
	sla_resolution_rate: 'explain.reason.negativeResolution',
	csat_satisfied_rate: 'explain.reason.invalidScore',
	csat_mean: 'explain.reason.invalidScore'
};

/**
 * The explanation of a tile: definition, n, how many tickets were excluded and why, and links to
 * the tickets counted and excluded (`ticketsHref(subset)` keeps the dashboard's filters).
 */
export function explainKpi(
	kpi: Pick<OverviewKpi, 'id' | 'n' | 'excluded'>,
	locale: Locale,
	labels: DashboardLabels,
	ticketsHref: (subset: string) => string
): KpiExplanation {
	const { d } = labels;
	const definitionKey = `explain.def.${kpi.id}`;
	// Core KPIs are defined in dashboard-messages, the service KPIs in kpi-messages.
	const definition =
		definitionKey in DASHBOARD_MESSAGES[locale]
			? d(definitionKey as keyof DashboardMessages)
			: (kpiDefinition(locale, kpi.id) ?? d('explain.def.other'));
	const hasTickets = hasKpiPopulation(kpi.id);
	return {
		buttonLabel: d('explain.button'),
		closeLabel: d('explain.close'),
		definition,
		nText: d('explain.n', { n: formatCount(kpi.n, locale) }),
		excludedText:
			kpi.excluded === 0
				? d('explain.noneExcluded')
				: d('explain.excluded', {
						count: formatCount(kpi.excluded, locale),
						reason: d(EXCLUSION_REASONS[kpi.id] ?? 'explain.reason.other')
					}),
		includedLink: hasTickets
			? {
					href: ticketsHref(formatKpiSubset({ kpiId: kpi.id, part: 'included' })),
					text: d('explain.showIncluded')
				}
			: null,
		excludedLink:
			hasTickets && kpi.excluded > 0
				? {
						href: ticketsHref(formatKpiSubset({ kpiId: kpi.id, part: 'excluded' })),
						text: `${d('explain.showExcluded')} (${formatCount(kpi.excluded, locale)})`
					}
				: null
	};
}

/** Every overview tile with its texts: value, n (and SLA split), delta against the previous period. */
export function kpiTileViews(
	kpis: readonly DashboardKpi[],
	locale: Locale,
	labels: DashboardLabels,
	ticketsHref: (subset: string) => string
): KpiTileView[] {
	const { t, d } = labels;
	return kpis.map((kpi) => {
		const basedOn = t('overview.basedOn', { n: formatCount(kpi.n, locale) });
		const verdict =
			kpi.delta === null
				? 'delta.flat'
				: kpi.delta.verdict === 'better'
					? 'delta.better'
					: kpi.delta.verdict === 'worse'
						? 'delta.worse'
						: kpi.delta.direction === 'flat'
							? 'delta.flat'
							: 'delta.changed';
		return {
			id: kpi.id,
			label: kpiLabel(locale, kpi.id),
			value: kpi.value,
			display: formatKpiValue(kpi.value, kpi.unit, locale),
			detail: kpi.sla
				? `${basedOn} · ${kpiText(locale, 'sla.detail', {
						breached: formatCount(kpi.sla.breached, locale),
						pending: formatCount(kpi.sla.pending, locale)
					})}`
				: basedOn,
			delta: kpi.delta,
			previousValue: kpi.previousValue,
			deltaText:
				kpi.delta === null
					? ''
					: `${formatKpiChange(kpi.delta, kpi.unit, locale)} (${d(verdict)}) · ${d(
							'delta.previous',
							{ value: formatKpiValue(kpi.previousValue, kpi.unit, locale) }
						)}`,
			explain: explainKpi(kpi, locale, labels, ticketsHref),
			n: kpi.n,
			excluded: kpi.excluded
		};
	});
}
