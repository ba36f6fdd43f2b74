/**
 * A chart as a standalone SVG file: the chart's marks under a header that says what it shows
 * (its title and the filters it was drawn under), on a white background, with the size and
 * viewBox a viewer or a PNG rasteriser needs. Pure string work, so Node tests can check it.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Height of each header line (title, caption) above the chart, px. */
const HEADER_LINE = 20;
const HEADER_PAD = 8;

export interface SvgDocumentInput {
	/** The chart's marks as SVG markup (children of the root element). */
	body: string;
	width: number;
	height: number;
	title: string;
	/** What the chart was drawn under ("Filters: …"); '' for none. */
	caption: string;
}

/** Control characters other than tab and line breaks: not allowed in XML 1.0. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Text escaped for XML character data and attribute values. */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		.replace(XML_FORBIDDEN, '');
}

/**
 * Removes what could run or reach out when the file is opened: scripts, foreignObject (HTML
 * inside SVG), event-handler attributes and javascript: links. Our charts contain none; this
 * keeps a downloaded file inert whatever a future chart draws.
 */
export function inertSvgMarkup(markup: string): string {
	return markup
		.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
		.replace(/<script\b[^>]*\/>/gi, '')
		.replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
		.replace(/<foreignObject\b[^>]*\/>/gi, '')
		.replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
		.replace(/\s(?:xlink:)?href\s*=\s*("\s*javascript:[^"]*"|'\s*javascript:[^']*')/gi, '');
}

/** Width, height and header offset of the document built from `input`. */
export function svgDocumentSize(input: Pick<SvgDocumentInput, 'width' | 'height' | 'caption'>): {
	width: number;
	height: number;
	headerHeight: number;
} {
	const lines = input.caption === '' ? 1 : 2;
	const headerHeight = HEADER_PAD * 2 + lines * HEADER_LINE;
	const width = Math.max(1, Math.round(input.width));
	return { width, height: Math.max(1, Math.round(input.height)) + headerHeight, headerHeight };
}

/** The standalone SVG document (UTF-8 XML, no scripts). */
export function svgDocument(input: SvgDocumentInput): string {
	const { width, height, headerHeight } = svgDocumentSize(input);
	const font = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
	const title = escapeXml(input.title);
	const caption = escapeXml(input.caption);
	const header = [
		`<text x="${HEADER_PAD}" y="${HEADER_PAD + 15}" font-size="15" font-weight="600" fill="#1f2328" ${font}>${title}</text>`,
		input.caption === ''
			? ''
			: `<text x="${HEADER_PAD}" y="${HEADER_PAD + HEADER_LINE + 14}" font-size="12" fill="#57606a" ${font}>${caption}</text>`
	].join('');
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<title>${title}</title>` +
		(input.caption === '' ? '' : `<desc>${caption}</desc>`) +
		`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>` +
		header +
		`<g transform="translate(0 ${headerHeight})">${inertSvgMarkup(input.body)}</g>` +
		`</svg>`
	);
}
