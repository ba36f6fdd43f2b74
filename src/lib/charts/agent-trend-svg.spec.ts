import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { WeekPoint } from '$lib/core/metrics/agent-scorecard';
import { agentTrendSvgBody } from './agent-trend-svg';
import { svgDocument } from './svg-document';

/** Parses strictly: any well-formedness error throws. */
function parse(text: string) {
	return new DOMParser({
		onError: (level, message) => {
			throw new Error(`${level}: ${message}`);
		}
	}).parseFromString(text, 'image/svg+xml');
}

const week = (
	weekStart: string,
	tickets: number,
	firstResponseMedianSeconds: number | null,
	csatSatisfiedRate: number | null = null,
	csatRated = 0
): WeekPoint => ({
	weekStart,
	tickets,
	firstResponseMedianSeconds,
	firstResponseN: firstResponseMedianSeconds === null ? 0 : tickets,
	csatSatisfiedRate,
	csatRated
});

const labels = {
	tickets: 'Tickets',
	firstResponse: 'First response (median)',
	agentLine: 'Eva <Novak> & "co"',
	teamLine: 'Team',
	csat: 'CSAT',
	count: (value: number) => String(value),
	duration: (seconds: number) => `${seconds / 60} min`,
	percent: (fraction: number) => `${Math.round(fraction * 100)}%`
};

const agent = [
	week('2026-06-01', 4, 600, 0.5, 2),
	week('2026-06-08', 0, null),
	week('2026-06-15', 2, 1200, 1, 1)
];
const team = [week('2026-06-01', 9, 900), week('2026-06-08', 3, 300), week('2026-06-15', 5, 1800)];

const all = (xml: ReturnType<typeof parse>, tag: string) =>
	Array.from({ length: xml.getElementsByTagName(tag).length }, (_, i) => {
		const node = xml.getElementsByTagName(tag)[i];
		if (node === undefined) throw new Error('missing node');
		return node;
	});

describe('agentTrendSvgBody', () => {
	const marks = agentTrendSvgBody(agent, team, labels);
	const file = svgDocument({
		...marks,
		title: 'Agent scorecard: Eva <Novak> — Trend by week',
		caption: 'Filters: Channel: Chat & "web"'
	});
	const xml = parse(file);

	it('is a well-formed standalone file, sized to its weeks, with title and filters', () => {
		// 96 px labels + 3 weeks × 44 px + 16 px margin; 340 px of marks + the 56 px header.
		expect(marks).toMatchObject({ width: 244, height: 340 });
		const root = xml.documentElement;
		expect(root?.getAttribute('viewBox')).toBe('0 0 244 396');
		expect(xml.getElementsByTagName('title')[0]?.textContent).toBe(
			'Agent scorecard: Eva <Novak> — Trend by week'
		);
		expect(xml.getElementsByTagName('desc')[0]?.textContent).toBe('Filters: Channel: Chat & "web"');
		expect(xml.getElementsByTagName('script')).toHaveLength(0);
		// The agent's name from the data is text, not markup.
		expect(all(xml, 'text').some((node) => node.textContent === 'Eva <Novak> & "co"')).toBe(true);
	});

	it('draws one bar per week, its height in proportion to the tickets', () => {
		const bars = all(xml, 'rect').filter((node) => node.getAttribute('data-week') !== null);
		expect(
			bars.map((bar) => [bar.getAttribute('data-week'), bar.getAttribute('data-value')])
		).toEqual([
			['2026-06-01', '4'],
			['2026-06-08', '0'],
			['2026-06-15', '2']
		]);
		// The tallest week fills the 96 px band; 2 of 4 tickets is half of it; an empty week is 0.
		expect(bars.map((bar) => Number(bar.getAttribute('height')))).toEqual([96, 0, 48]);
	});

	it('first response: a point per week with a value, none for a week without replies', () => {
		const points = all(xml, 'circle');
		expect(points.map((point) => point.getAttribute('data-value'))).toEqual(['600', '1200']);
		// One axis 0..1800 s (the team's largest) over 96 px from y = 166: 600 s → 262 − 32.
		expect(points.map((point) => Number(point.getAttribute('cy')))).toEqual([230, 198]);
		const lines = all(xml, 'polyline');
		// The agent's line breaks at the empty week (two lone points: no segment); the team's runs
		// through all three weeks at x = 118, 162, 206.
		expect(lines.filter((line) => line.getAttribute('data-series') === 'agent')).toHaveLength(0);
		expect(
			lines
				.filter((line) => line.getAttribute('data-series') === 'team')
				.map((line) => line.getAttribute('points'))
		).toEqual(['118,214 162,246 206,166']);
	});

	it('writes the CSAT share with its n, and a dash for a week without ratings', () => {
		const texts = all(xml, 'text').map((node) => node.textContent);
		expect(texts).toEqual(expect.arrayContaining(['50%', 'n=2', '–', 'n=0', '100%', 'n=1']));
		expect(texts).toEqual(expect.arrayContaining(['06-01', '06-08', '06-15', '2026']));
		expect(texts).toEqual(expect.arrayContaining(['30 min', '0 min']));
	});
});
