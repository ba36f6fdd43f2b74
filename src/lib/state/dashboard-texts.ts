import { peakDay } from '$lib/charts/volume-chart';
import type { DailyBacklogPoint } from '$lib/core/metrics/backlog';
import type { DailyVolumePoint } from '$lib/core/metrics/daily-volume';
import type { ServiceSettings } from '$lib/core/model/service-settings';
import { describeWeek } from '$lib/format/business-hours';
import { weekdayLabels } from '$lib/format/kpi';
import { kpiText } from '$lib/i18n/kpi-messages';
import type { DashboardLabels } from '$lib/i18n/dashboard-labels';
import type { Locale } from '$lib/i18n/messages';

/** The volume chart's text summary (for screen readers and the SVG description). */
export function volumeSummary(daily: readonly DailyVolumePoint[], labels: DashboardLabels): string {
	const peak = peakDay(daily);
	if (peak === null || daily.length === 0) return '';
	return labels.t('chart.summary', {
		days: daily.length,
		from: daily[0]?.day ?? '',
		to: daily[daily.length - 1]?.day ?? '',
		peakDay: peak.day,
		peak: peak.tickets
	});
}

export function backlogSummary(points: readonly DailyBacklogPoint[], locale: Locale): string {
	return kpiText(locale, 'backlog.summary', {
		from: points[0]?.day ?? '',
		to: points.at(-1)?.day ?? '',
		created: points.reduce((sum, point) => sum + point.created, 0),
		solved: points.reduce((sum, point) => sum + point.solved, 0),
		open: points.at(-1)?.openAtEnd ?? 0
	});
}

export function backlogPointTitle(point: DailyBacklogPoint, locale: Locale): string {
	return kpiText(locale, 'backlog.point', {
		day: point.day,
		open: point.openAtEnd,
		created: point.created,
		solved: point.solved
	});
}

/** "Business hours Mon–Fri 09:00–17:00 (Europe/Berlin, 2 holidays). SLA clock: …". */
export function serviceSettingsText(
	service: ServiceSettings,
	timeZone: string,
	locale: Locale
): string {
	const hours = describeWeek(service.week, weekdayLabels(locale));
	const hoursText =
		hours === ''
			? kpiText(locale, 'service.noHoursNote')
			: kpiText(locale, 'service.hoursNote', {
					hours,
					zone: timeZone,
					holidays: kpiText(locale, 'service.holidayCount', { n: service.holidays.length })
				});
	const slaText = kpiText(locale, 'service.slaNote', {
		clock: kpiText(
			locale,
			service.sla.clock === 'business' ? 'service.slaBusiness' : 'service.slaCalendar'
		)
	});
	return `${hoursText} ${slaText}`;
}
