import { svgDocument } from './svg-document';

/**
 * Browser side of chart exports. The page styles charts through CSS classes and custom
 * properties, which a saved SVG does not have, so the computed paint of each element is written
 * onto a copy; `svg-document.ts` wraps it with the title and filters.
 */
const PAINT_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'opacity',
	'font-size',
	'font-family',
	'font-weight',
	'display'
] as const;

/** The chart's marks with their computed paint inlined, as markup (without the root element). */
export function paintedSvgBody(svg: SVGSVGElement): {
	body: string;
	width: number;
	height: number;
} {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const sources = [svg, ...svg.querySelectorAll('*')];
	const targets = [clone, ...clone.querySelectorAll('*')];
	sources.forEach((source, index) => {
		const target = targets[index] as SVGElement | undefined;
		if (!target) return;
		const computed = getComputedStyle(source);
		const style = PAINT_PROPERTIES.map(
			(property) => `${property}:${computed.getPropertyValue(property)}`
		).join(';');
		target.setAttribute('style', style);
		target.removeAttribute('class');
	});
	// The brush overlay is interaction, not content; the description repeats the summary.
	clone.querySelectorAll('[data-testid="volume-brush"], desc').forEach((node) => node.remove());
	const serializer = new XMLSerializer();
	const body = [...clone.childNodes].map((node) => serializer.serializeToString(node)).join('');
	return { body, width: svg.width.baseVal.value, height: svg.height.baseVal.value };
}

/** A chart on the page as a standalone SVG document with its title and filters. */
export function standaloneSvg(svg: SVGSVGElement, title: string, caption = ''): string {
	return svgDocument({ ...paintedSvgBody(svg), title, caption });
}

/** The SVG rendered to a PNG at `scale` × its size (2 = sharp on paper and retina screens). */
export async function svgToPng(
	svgText: string,
	width: number,
	height: number,
	scale = 2
): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.width = width;
		image.height = height;
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('No 2D canvas');
		context.scale(scale, scale);
		context.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
