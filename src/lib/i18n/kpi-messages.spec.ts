import { describe, expect, it } from 'vitest';
import { KPI_IDS, SERVICE_KPI_IDS } from '$lib/core/metrics/overview-kpis';
import { KPI_MESSAGES, kpiDefinition, kpiLabel } from './kpi-messages';
import { LOCALES } from './messages';

describe('kpi messages', () => {
	it('labels every tile in both languages, core KPIs from messages.ts', () => {
		for (const locale of LOCALES)
			for (const id of KPI_IDS) expect(kpiLabel(locale, id), `${locale} ${id}`).toMatch(/\S/);
		expect(kpiLabel('en', 'tickets')).toBe('Tickets');
		expect(kpiLabel('zh-CN', 'one_touch_rate')).toBe('一次回复解决率');
	});

	it('defines every service KPI in both languages', () => {
		for (const locale of LOCALES)
			for (const id of SERVICE_KPI_IDS) expect(kpiDefinition(locale, id)).toMatch(/\S/);
		expect(kpiDefinition('en', 'tickets')).toBeNull();
	});

	it('has the same keys in English and Chinese', () => {
		expect(Object.keys(KPI_MESSAGES['zh-CN']).sort()).toEqual(Object.keys(KPI_MESSAGES.en).sort());
	});
});
