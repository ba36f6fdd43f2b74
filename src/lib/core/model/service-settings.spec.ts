import { describe, expect, it } from 'vitest';
import { CHANNELS, PRIORITIES } from './ticket';
import {
	SLA_TABLE_STRIDE,
	defaultServiceSettings,
	parseServiceSettings,
	slaTargetTable
} from './service-settings';

const HOUR = 3600;

describe('defaultServiceSettings', () => {
	it('is Mon-Fri 09:00-17:00 with chat 1 h and e-mail 24 h first-response targets', () => {
		const settings = defaultServiceSettings();
		expect(settings.week.slice(0, 5)).toEqual(
			Array.from({ length: 5 }, () => ({ openMinute: 540, closeMinute: 1020 }))
		);
		expect(settings.week.slice(5)).toEqual([null, null]);
		expect(settings.sla.firstResponse.chat.urgent).toBe(HOUR);
		expect(settings.sla.firstResponse.email.low).toBe(24 * HOUR);
		expect(settings.sla.resolution.email.normal).toBe(72 * HOUR);
		expect(settings.sla.clock).toBe('calendar');
	});

	it('returns a fresh copy each time', () => {
		const a = defaultServiceSettings();
		a.sla.firstResponse.chat.urgent = 1;
		a.week[0] = null;
		expect(defaultServiceSettings().sla.firstResponse.chat.urgent).toBe(HOUR);
		expect(defaultServiceSettings().week[0]).not.toBeNull();
	});
});

describe('parseServiceSettings', () => {
	it('keeps valid parts and falls back to defaults for the rest', () => {
		const parsed = parseServiceSettings({
			week: [
				{ openMinute: 480, closeMinute: 960 },
				null,
				{ openMinute: 900, closeMinute: 800 }, // close before open: default
				'x', // not a window: default
				{ openMinute: 540, closeMinute: 1020 },
				{ openMinute: 600, closeMinute: 840 },
				null
			],
			holidays: ['2026-12-25', '2026-02-30', 5, '2026-01-01', '2026-12-25'],
			sla: {
				clock: 'business',
				firstResponse: { chat: { urgent: 600, high: -5, normal: null }, email: 'x' },
				resolution: { nope: {} }
			}
		});
		expect(parsed.week[0]).toEqual({ openMinute: 480, closeMinute: 960 });
		expect(parsed.week[1]).toBeNull();
		expect(parsed.week[2]).toEqual({ openMinute: 540, closeMinute: 1020 });
		expect(parsed.week[3]).toEqual({ openMinute: 540, closeMinute: 1020 });
		expect(parsed.week[5]).toEqual({ openMinute: 600, closeMinute: 840 });
		expect(parsed.holidays).toEqual(['2026-01-01', '2026-12-25']);
		expect(parsed.sla.clock).toBe('business');
		expect(parsed.sla.firstResponse.chat).toEqual({
			urgent: 600,
			high: HOUR,
			normal: null,
			low: HOUR
		});
		expect(parsed.sla.firstResponse.email.normal).toBe(24 * HOUR);
		expect(parsed.sla.resolution).toEqual(defaultServiceSettings().sla.resolution);
	});

	it('gives the defaults for nothing stored or garbage', () => {
		expect(parseServiceSettings(undefined)).toEqual(defaultServiceSettings());
		expect(parseServiceSettings('week')).toEqual(defaultServiceSettings());
		expect(parseServiceSettings({ week: [null] })).toEqual(defaultServiceSettings());
	});
});

describe('slaTargetTable', () => {
	it('maps unknown channel to other and unknown priority to normal', () => {
		const targets = defaultServiceSettings().sla.firstResponse;
		targets.other.normal = 5 * HOUR;
		targets.chat.urgent = 600;
		targets.web.normal = null;
		const table = slaTargetTable(targets);
		const cell = (channel: (typeof CHANNELS)[number], priority: (typeof PRIORITIES)[number]) =>
			table[CHANNELS.indexOf(channel) * SLA_TABLE_STRIDE + PRIORITIES.indexOf(priority)];
		expect(cell('unknown', 'unknown')).toBe(5 * HOUR);
		expect(cell('chat', 'urgent')).toBe(600);
		expect(cell('chat', 'unknown')).toBe(HOUR);
		expect(cell('web', 'normal')).toBeNaN();
		expect(cell('web', 'high')).toBe(24 * HOUR);
	});
});
