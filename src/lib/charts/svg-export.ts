/**
 * A chart's SVG as a standalone file: the page styles the chart through CSS classes and
 * custom properties, which a saved SVG does not have, so the computed paint of each element is
 * written onto it. Browser-only (getComputedStyle, canvas).
 */
const PAINT_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'opacity',
	'font-size',
	'font-family',
	'font-weight',
	'display'
] as const;

export function standaloneSvg(svg: SVGSVGElement, title: string): string {
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
	// The brush overlay is interaction, not content.
	clone.querySelectorAll('[data-testid="volume-brush"]').forEach((node) => node.remove());
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const width = svg.width.baseVal.value;
	const height = svg.height.baseVal.value;
	clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
	const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	background.setAttribute('width', '100%');
	background.setAttribute('height', '100%');
	background.setAttribute('fill', '#ffffff');
	clone.insertBefore(background, clone.firstChild);
	const titleElement = document.createElementNS('http://www.w3.org/2000/svg', 'title');
	titleElement.textContent = title;
	clone.insertBefore(titleElement, clone.firstChild);
	return new XMLSerializer().serializeToString(clone);
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
