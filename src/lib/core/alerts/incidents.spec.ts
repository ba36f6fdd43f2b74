import { describe, expect, it } from 'vitest';
import type { SeriesAlert } from './group-alerts';
import { areRelated, groupIncidents } from './incidents';
import { compareAlerts } from '$lib/pipeline/alerts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const JUL = (day: number) => Date.UTC(2026, 6, day);

function alert(
	metric: string,
	kind: SeriesAlert['kind'],
	startDay: number,
	endDay: number,
	extra: Partial<SeriesAlert> = {}
): SeriesAlert {
	const [, dimension, value] = metric.split(':');
	return {
		id: `${metric}:${new Date(JUL(startDay)).toISOString().slice(0, 10)}`,
		metric,
		kind,
		segment:
			dimension === 'channel' || dimension === 'tag' ? { dimension, value: value ?? '' } : null,
		granularity: 'day',
		startWallMs: JUL(startDay),
		endWallMs: JUL(endDay),
		startIndex: 0,
		endIndex: 0,
		severity: 'high',
		peakScore: 0.99,
		direction: 'up',
		observed: 100,
		expected: 50,
		threshold: 0.85,
		...extra
	};
}

describe('areRelated', () => {
	it('joins related kinds that overlap in time, in the way they move together', () => {
		expect(
			areRelated(alert('volume', 'volume', 13, 15), alert('complaints', 'complaints', 15, 16))
		).toBe(true);
		// Touching is not overlapping: the 13th-15th and the 16th are two spans.
		expect(
			areRelated(alert('volume', 'volume', 13, 15), alert('complaints', 'complaints', 16, 16))
		).toBe(false);
		// Slower replies and fewer satisfied ratings move in opposite directions.
		const slow = alert('first_response_median', 'first_response_median', 17, 30);
		expect(
			areRelated(
				slow,
				alert('csat_satisfied_rate', 'csat_satisfied_rate', 20, 22, { direction: 'down' })
			)
		).toBe(true);
		expect(areRelated(slow, alert('csat_satisfied_rate', 'csat_satisfied_rate', 20, 22))).toBe(
			false
		);
		// A volume surge and a CSAT drop are not one story by themselves.
		expect(
			areRelated(
				alert('volume', 'volume', 13, 15),
				alert('csat_satisfied_rate', 'csat_satisfied_rate', 13, 15, { direction: 'down' })
			)
		).toBe(false);
		// Volume up and volume down on a channel: not the same event.
		expect(
			areRelated(
				alert('volume', 'volume', 13, 15),
				alert('volume:channel:chat', 'volume', 13, 15, { direction: 'down' })
			)
		).toBe(false);
	});

	it('compares an hourly alert with a day alert by wall-clock time', () => {
		const hourly = alert('volume:hourly', 'volume', 13, 13, {
			granularity: 'hour',
			startWallMs: JUL(14) + 10 * HOUR,
			endWallMs: JUL(14) + 12 * HOUR
		});
		expect(areRelated(hourly, alert('volume', 'volume', 14, 14))).toBe(true);
		expect(areRelated(hourly, alert('volume', 'volume', 15, 15))).toBe(false);
		expect(JUL(15) - JUL(14)).toBe(DAY);
	});
});

describe('groupIncidents', () => {
	it('makes one incident of the sale week and keeps an unrelated slump apart', () => {
		const alerts = [
			alert('volume:tag:summer_sale', 'volume', 13, 18),
			alert('complaints', 'complaints', 14, 19, { severity: 'medium', peakScore: 0.92 }),
			alert('volume', 'volume', 13, 17),
			alert('backlog', 'backlog', 18, 21, { severity: 'low', peakScore: 0.87 }),
			alert('volume:channel:chat', 'volume', 13, 16),
			alert('first_response_median:channel:chat', 'first_response_median', 20, 22),
			alert('first_response_median:channel:email', 'first_response_median', 30, 31)
		];
		const incidents = groupIncidents(alerts, compareAlerts);
		expect(incidents.map((incident) => incident.members.map((m) => m.metric))).toEqual([
			// The e-mail slump's lead is newer than the sale's: first (compareAlerts), alone.
			['first_response_median:channel:email'],
			// Volume → backlog (18th-21st) → chat replies (20th-22nd): one chain, one incident,
			// led by the earliest of the high alerts, whole shop first.
			[
				'volume',
				'volume:channel:chat',
				'volume:tag:summer_sale',
				'first_response_median:channel:chat',
				'complaints',
				'backlog'
			]
		]);
		const sale = incidents[1]!;
		expect(sale.id).toBe('volume:2026-07-13');
		expect(sale.startWallMs).toBe(JUL(13));
		expect(sale.endWallMs).toBe(JUL(22));
		expect(sale.severity).toBe('high');
		expect(sale.kinds).toEqual(['volume', 'complaints', 'backlog', 'first_response_median']);
	});

	it('keeps every alert exactly once', () => {
		const alerts = [
			alert('volume', 'volume', 1, 2),
			alert('csat_satisfied_rate', 'csat_satisfied_rate', 1, 2, { direction: 'down' }),
			alert('resolution_median', 'resolution_median', 5, 6)
		];
		const incidents = groupIncidents(alerts, compareAlerts);
		expect(incidents).toHaveLength(3);
		expect(incidents.flatMap((i) => i.members).sort(compareAlerts)).toEqual(
			[...alerts].sort(compareAlerts)
		);
		expect(groupIncidents([], compareAlerts)).toEqual([]);
	});
});
