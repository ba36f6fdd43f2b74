import { describe, expect, it } from 'vitest';
import { defaultServiceSettings } from '$lib/core/model/service-settings';
import {
	fromSettingsForm,
	hoursText,
	parseClockText,
	parseHoursText,
	toSettingsForm
} from './settings-form';

describe('parseClockText', () => {
	it('reads HH:MM, with 00:00 as a closing time meaning the end of the day', () => {
		expect(parseClockText('09:00', false)).toBe(540);
		expect(parseClockText('9:30', false)).toBe(570);
		expect(parseClockText('00:00', false)).toBe(0);
		expect(parseClockText('00:00', true)).toBe(1440);
		expect(parseClockText('24:00', true)).toBeNull();
		expect(parseClockText('12:60', false)).toBeNull();
		expect(parseClockText('', false)).toBeNull();
	});
});

describe('hours text', () => {
	it('round-trips hours and seconds, empty meaning no target', () => {
		expect(hoursText(3600)).toBe('1');
		expect(hoursText(5400)).toBe('1.5');
		expect(hoursText(600)).toBe('0.167');
		expect(hoursText(null)).toBe('');
		expect(parseHoursText('1.5')).toBe(5400);
		expect(parseHoursText('0,25')).toBe(900);
		expect(parseHoursText(' ')).toBeNull();
		expect(parseHoursText('0')).toBeUndefined();
		expect(parseHoursText('-2')).toBeUndefined();
		expect(parseHoursText('soon')).toBeUndefined();
	});
});

describe('settings form', () => {
	it('round-trips the defaults', () => {
		const form = toSettingsForm(defaultServiceSettings());
		expect(form.days[0]).toEqual({ open: true, opens: '09:00', closes: '17:00' });
		expect(form.days[6]?.open).toBe(false);
		expect(form.firstResponse.chat.urgent).toBe('1');
		expect(fromSettingsForm(form)).toEqual({ ok: true, settings: defaultServiceSettings() });
	});

	it('applies edits: a Saturday until midnight, a holiday, a tighter chat target', () => {
		const form = toSettingsForm(defaultServiceSettings());
		form.days[5] = { open: true, opens: '10:00', closes: '00:00' };
		form.holidays = ['2026-12-25', '2026-12-25', '2026-02-30'];
		form.firstResponse.chat.urgent = '0.25';
		form.resolution.email.low = '';
		form.clock = 'business';
		const result = fromSettingsForm(form);
		if (!result.ok) throw new Error('expected valid form');
		expect(result.settings.week[5]).toEqual({ openMinute: 600, closeMinute: 1440 });
		expect(result.settings.holidays).toEqual(['2026-12-25']);
		expect(result.settings.sla.firstResponse.chat.urgent).toBe(900);
		expect(result.settings.sla.resolution.email.low).toBeNull();
		expect(result.settings.sla.clock).toBe('business');
		// And back: midnight shows as 00:00 again.
		expect(toSettingsForm(result.settings).days[5]?.closes).toBe('00:00');
	});

	it('names the wrong fields instead of saving', () => {
		const form = toSettingsForm(defaultServiceSettings());
		form.days[1] = { open: true, opens: '17:00', closes: '09:00' };
		form.days[6] = { open: false, opens: 'x', closes: 'y' }; // closed: times ignored
		form.firstResponse.web.high = '-1';
		expect(fromSettingsForm(form)).toEqual({
			ok: false,
			errors: { days: [1], targets: ['firstResponse.web.high'] }
		});
	});
});
