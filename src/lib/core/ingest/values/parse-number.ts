/**
 * Reads an amount or count as exported: "184.76", "1,234.50", "1.234,50", "€ 19,90", "'42"
 * (Shopify's text guard), "(12.00)" as negative. Empty or not a number gives null.
 */
export function parseNumber(text: string): number | null {
	let t = text.trim().replace(/^'/, '');
	if (t === '') return null;
	let sign = 1;
	if (/^\(.*\)$/.test(t)) {
		sign = -1;
		t = t.slice(1, -1);
	}
	t = t.replace(/[^\d.,\-+eE]/g, '');
	if (t === '' || !/\d/.test(t)) return null;
	const lastComma = t.lastIndexOf(',');
	const lastDot = t.lastIndexOf('.');
	if (lastComma >= 0 && lastDot >= 0) {
		// The later separator is the decimal one.
		t = lastComma > lastDot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
	} else if (lastComma >= 0) {
		// "19,90" is a decimal comma; "1,234" and "1,234,567" group thousands.
		t = /^-?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
	}
	const value = Number(t);
	return Number.isFinite(value) ? sign * value : null;
}
