import { isChannel } from './channel';
import { dashboardText, type DashboardMessages } from './dashboard-messages';
import { MESSAGES, interpolate, type Locale, type Messages } from './messages';
import { weekdayLabels } from '$lib/format/kpi';

/** How the dashboard, the ticket list and the detail name raw values, in one locale. */
export interface DashboardLabels {
	t: (key: keyof Messages, params?: Record<string, string | number>) => string;
	d: (key: keyof DashboardMessages, params?: Record<string, string | number>) => string;
	channel: (key: string) => string;
	status: (key: string) => string;
	priority: (key: string) => string;
	/** '' is "Unassigned". */
	agent: (key: string) => string;
	/** 0 = Monday. */
	weekday: (weekday: number) => string;
	/** A breakdown row's key: channel ids translated, '' unassigned, agents as they are. */
	breakdownKey: (dimension: string, key: string) => string;
}

export function dashboardLabels(locale: Locale): DashboardLabels {
	const t = (key: keyof Messages, params?: Record<string, string | number>) =>
		interpolate(MESSAGES[locale][key], params);
	const d = (key: keyof DashboardMessages, params?: Record<string, string | number>) =>
		dashboardText(locale, key, params);
	const channel = (key: string) => (isChannel(key) ? t(`channel.${key}`) : d('status.unknown'));
	const weekdays = weekdayLabels(locale);
	return {
		t,
		d,
		channel,
		status: (key) => d(`status.${key}` as keyof DashboardMessages),
		priority: (key) => d(`priority.${key}` as keyof DashboardMessages),
		agent: (key) => (key === '' ? t('breakdown.unassigned') : key),
		weekday: (weekday) => weekdays[weekday] ?? '',
		breakdownKey: (dimension, key) => {
			if (key === '') return t('breakdown.unassigned');
			return dimension === 'channel' && isChannel(key) ? t(`channel.${key}`) : key;
		}
	};
}
