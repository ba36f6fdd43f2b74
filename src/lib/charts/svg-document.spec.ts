import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { escapeXml, inertSvgMarkup, svgDocument, svgDocumentSize } from './svg-document';
import { heatmapSvgBody } from './heatmap-svg';
import type { HourWeekdayCell } from '$lib/core/metrics/hour-weekday';

/** Parses strictly: any well-formedness error throws. */
function parse(text: string) {
	return new DOMParser({
		onError: (level, message) => {
			throw new Error(`${level}: ${message}`);
		}
	}).parseFromString(text, 'image/svg+xml');
}

const doc = (body: string, title = 'Tickets per day', caption = 'Filters: Agent: Anna') =>
	svgDocument({ body, width: 640.4, height: 240, title, caption });

describe('svgDocument', () => {
	it('is well-formed SVG with size, viewBox, title and the filters', () => {
		const xml = parse(doc('<rect x="1" y="2" width="3" height="4" style="fill:#123456"/>'));
		const root = xml.documentElement;
		expect(root?.nodeName).toBe('svg');
		expect(root?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		// Header: 8 + 2 lines × 20 + 8 = 56 px above the chart.
		expect(root?.getAttribute('width')).toBe('640');
		expect(root?.getAttribute('height')).toBe(String(240 + 56));
		expect(root?.getAttribute('viewBox')).toBe('0 0 640 296');
		expect(xml.getElementsByTagName('title')[0]?.textContent).toBe('Tickets per day');
		expect(xml.getElementsByTagName('desc')[0]?.textContent).toBe('Filters: Agent: Anna');
		const texts = Array.from(
			{ length: xml.getElementsByTagName('text').length },
			(_, i) => xml.getElementsByTagName('text')[i]?.textContent
		);
		expect(texts).toEqual(['Tickets per day', 'Filters: Agent: Anna']);
		expect(xml.getElementsByTagName('rect')).toHaveLength(2); // background + the mark
	});

	it('escapes titles and captions from data (names with <, &, quotes)', () => {
		const text = doc('', 'Agent <Anna> & "Ben"', "Tag: it's\u0007 <b>");
		const xml = parse(text);
		expect(xml.getElementsByTagName('title')[0]?.textContent).toBe('Agent <Anna> & "Ben"');
		expect(xml.getElementsByTagName('desc')[0]?.textContent).toBe("Tag: it's <b>");
		expect(xml.getElementsByTagName('b')).toHaveLength(0);
	});

	it('contains no script, foreignObject, event handler or javascript: link', () => {
		const hostile =
			'<script>alert(1)</script><g onclick="alert(2)" onload=\'x()\'><a href="javascript:alert(3)"><rect width="1" height="1"/></a></g>' +
			'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject><script src="y.js"/>';
		const text = doc(hostile);
		expect(text).not.toMatch(/<script|foreignObject|onclick|onload|javascript:/i);
		const xml = parse(text);
		expect(xml.getElementsByTagName('rect')).toHaveLength(2);
		expect(inertSvgMarkup('<rect onmouseover="x" width="2"/>')).toBe('<rect width="2"/>');
	});

	it('has one header line without a caption', () => {
		expect(svgDocumentSize({ width: 100, height: 50, caption: '' })).toEqual({
			width: 100,
			height: 50 + 36,
			headerHeight: 36
		});
		expect(parse(doc('', 'T', '')).getElementsByTagName('desc')).toHaveLength(0);
	});

	it('escapeXml removes characters XML 1.0 forbids', () => {
		expect(escapeXml('a\u0000b\tc\n')).toBe('ab\tc\n');
	});
});

describe('heatmapSvgBody', () => {
	const cells: HourWeekdayCell[] = [];
	for (let weekday = 0; weekday < 7; weekday++)
		for (let hour = 0; hour < 24; hour++)
			cells.push({
				weekday,
				hour,
				tickets: weekday === 0 && hour === 9 ? 4 : weekday === 2 && hour === 14 ? 1 : 0,
				firstResponseMedianSeconds: weekday === 0 && hour === 9 ? 1800 : null,
				firstResponseN: weekday === 0 && hour === 9 ? 4 : 0
			});
	const labels = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', '<Sun>'];

	it('draws 168 cells with their values, labels escaped, as a well-formed document', () => {
		const body = heatmapSvgBody(cells, 'tickets', labels, (value) => String(value));
		const xml = parse(svgDocument({ ...body, title: 'Heatmap', caption: '' }));
		const rects = xml.getElementsByTagName('rect');
		expect(rects).toHaveLength(168 + 1);
		const nonZero = Array.from({ length: rects.length }, (_, i) => rects[i])
			.filter((rect) => (rect?.getAttribute('data-value') ?? '0') !== '0')
			.map((rect) => ['weekday', 'hour', 'value'].map((k) => rect?.getAttribute(`data-${k}`)));
		expect(nonZero).toEqual([
			['0', '9', '4'],
			['2', '14', '1']
		]);
		expect(body.body).toContain('&lt;Sun&gt;');
		expect(body.width).toBe(48 + 24 * 28 + 4);
		expect(body.height).toBe(22 + 7 * 28 + 4);
	});

	it('shows first-response medians only where there are some', () => {
		const body = heatmapSvgBody(cells, 'firstResponse', labels, (value) => `${value}s`);
		expect(body.body.match(/>1800s</g)).toHaveLength(1);
		expect(body.body).not.toContain('>nulls<');
	});
});
