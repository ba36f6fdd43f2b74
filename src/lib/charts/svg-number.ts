/**
 * A coordinate as an SVG attribute: hundredths of a pixel, as text. Svelte writes a string
 * attribute straight away and skips an unchanged one; a number makes it look up the element's
 * property setters first (hundreds of bars per filter change).
 */
export function svgNumber(value: number): string {
	return String(Math.round(value * 100) / 100);
}
