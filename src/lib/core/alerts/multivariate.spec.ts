import { describe, expect, it } from 'vitest';
import type { MetricSeries } from './monitored-series';
import {
	groupMultivariateAlerts,
	multivariateInput,
	MIN_MULTIVARIATE_DAYS,
	type MultivariateScores,
	type VectorMetric
} from './multivariate';

const START = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

function series(
	id: string,
	kind: MetricSeries['kind'],
	value: number,
	segment: MetricSeries['segment'] = null,
	granularity: MetricSeries['granularity'] = 'day',
	days = MIN_MULTIVARIATE_DAYS
): MetricSeries {
	return {
		id,
		kind,
		segment,
		granularity,
		startWallMs: START,
		values: new Array<number>(days).fill(value),
		transform: kind === 'backlog' || kind === 'csat_satisfied_rate' ? 'none' : 'log'
	};
}

describe('multivariateInput', () => {
	const shop = [
		series('volume', 'volume', 50),
		series('volume:hourly', 'volume', 2, null, 'hour', MIN_MULTIVARIATE_DAYS * 24),
		series('volume:channel:email', 'volume', 30, { dimension: 'channel', value: 'email' }),
		series('volume:channel:chat', 'volume', 20, { dimension: 'channel', value: 'chat' }),
		series('volume:tag:refund', 'volume', 6, { dimension: 'tag', value: 'refund' }),
		series('complaints', 'complaints', 8),
		series('first_response_median:channel:email', 'first_response_median', 3600, {
			dimension: 'channel',
			value: 'email'
		}),
		series('first_response_median:channel:chat', 'first_response_median', 120, {
			dimension: 'channel',
			value: 'chat'
		}),
		series('resolution_median', 'resolution_median', 7200),
		series('csat_satisfied_rate', 'csat_satisfied_rate', 0.85),
		series('negative_share', 'negative_share', 0.1),
		series('backlog', 'backlog', 40)
	];

	it('takes volume and first response per channel, resolution, CSAT and the backlog', () => {
		const input = multivariateInput(shop)!;
		expect(input.metrics.map((m) => m.id)).toEqual([
			'volume:channel:email',
			'volume:channel:chat',
			'first_response_median:channel:email',
			'first_response_median:channel:chat',
			'resolution_median',
			'csat_satisfied_rate',
			'backlog'
		]);
		expect(input.values[0]).toEqual([30, 20, 3600, 120, 7200, 0.85, 40]);
		// Counts and durations on the log scale, shares and the backlog as they are.
		expect(input.rows[0]).toEqual([
			Math.log1p(30),
			Math.log1p(20),
			Math.log1p(3600),
			Math.log1p(120),
			Math.log1p(7200),
			0.85,
			40
		]);
	});

	it('uses the whole-shop volume when there are no channel series; needs 3 metrics and 70 days', () => {
		const single = multivariateInput([
			series('volume', 'volume', 50),
			series('first_response_median', 'first_response_median', 600),
			series('backlog', 'backlog', 40)
		])!;
		expect(single.metrics.map((m) => m.id)).toEqual(['volume', 'first_response_median', 'backlog']);
		expect(
			multivariateInput([series('volume', 'volume', 50), series('backlog', 'backlog', 40)])
		).toBeNull();
		const short = (s: MetricSeries) => ({ ...s, values: s.values.slice(0, 69) });
		expect(multivariateInput(shop.map(short))).toBeNull();
	});
});

describe('groupMultivariateAlerts', () => {
	const metrics: VectorMetric[] = [
		{
			id: 'volume:channel:email',
			kind: 'volume',
			segment: { dimension: 'channel', value: 'email' },
			transform: 'log'
		},
		{
			id: 'first_response_median:channel:chat',
			kind: 'first_response_median',
			segment: { dimension: 'channel', value: 'chat' },
			transform: 'log'
		},
		{ id: 'backlog', kind: 'backlog', segment: null, transform: 'none' }
	];
	/** 20 quiet days; chat replies slow (600 s against 150 s) on days 10, 11 and 13. */
	function scores(): MultivariateScores {
		const days = 20;
		const fill = (make: (day: number) => number[]) =>
			Array.from({ length: days }, (_, d) => make(d));
		const slow = (day: number) => day === 10 || day === 11 || day === 13;
		return {
			metrics,
			startWallMs: START,
			values: fill((d) => [30, slow(d) ? 600 : 150, 40]),
			scores: Array.from({ length: days }, (_, d) => (slow(d) ? (d === 11 ? 0.97 : 0.93) : 0.3)),
			expected: fill(() => [30, 150, 40]),
			lower: fill(() => [20, 100, 30]),
			upper: fill(() => [40, 220, 50]),
			// Chat's miss is 6 robust σ, e-mail's 2 (it spreads through the bottleneck), backlog 0.
			missZ: fill((d) => (slow(d) ? [2, 6, 0] : [0.1, 0.2, -0.1]))
		};
	}

	it('groups days with gaps up to 3, reads the alert as its leading driver, shares by z²', () => {
		const [alert, ...rest] = groupMultivariateAlerts(scores());
		expect(rest).toEqual([]);
		expect(alert).toMatchObject({
			id: 'multivariate:2026-06-11',
			metric: 'multivariate',
			kind: 'first_response_median',
			segment: { dimension: 'channel', value: 'chat' },
			startIndex: 10,
			endIndex: 13,
			startWallMs: START + 10 * DAY,
			direction: 'up',
			severity: 'high',
			peakScore: 0.97,
			observed: 600,
			expected: 150,
			threshold: 0.85
		});
		// z² over the three days: chat 3·36 = 108, e-mail 3·4 = 12, backlog 0 → 0.9, 0.1, 0.
		expect(alert!.drivers.map((d) => d.id)).toEqual([
			'first_response_median:channel:chat',
			'volume:channel:email'
		]);
		expect(alert!.drivers[0]!.share).toBeCloseTo(0.9, 10);
		expect(alert!.drivers[1]!.share).toBeCloseTo(0.1, 10);
		expect(alert!.drivers[0]!.peakZ).toBe(6);
		// Counts add up over the days (3 × 30), durations are the mean.
		expect(alert!.drivers[1]).toMatchObject({ observed: 90, expected: 90 });
	});

	it('skips days whose worst-missed metric did not move materially', () => {
		const input = scores();
		// 150 → 200 s: unusual for the network, but under the 2-minute materiality bar.
		for (const day of [10, 11, 13]) input.values[day]![1] = 200;
		expect(groupMultivariateAlerts(input)).toEqual([]);
	});

	it('a dismissal raises the threshold for later multivariate alerts only', () => {
		const input = scores();
		for (const day of [17, 18]) {
			input.scores[day] = 0.9;
			input.values[day]![1] = 600;
			input.missZ[day] = [2, 6, 0];
		}
		expect(groupMultivariateAlerts(input).map((a) => a.id)).toEqual([
			'multivariate:2026-06-11',
			'multivariate:2026-06-18'
		]);
		// Dismissed: the next alert needs 0.925; days 17-18 score 0.9.
		expect(
			groupMultivariateAlerts(input, new Set(['multivariate:2026-06-11'])).map((a) => a.id)
		).toEqual(['multivariate:2026-06-11']);
	});
});
