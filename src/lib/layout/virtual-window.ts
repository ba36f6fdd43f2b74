/**
 * Browsers cap an element's height (Chromium near 33.5M px); a million 40 px rows would be
 * 40M px. Above this height the scroll range is compressed and rows are placed relative to
 * the viewport, so the list still spans every row.
 */
export const MAX_SCROLL_HEIGHT_PX = 10_000_000;

export interface VirtualWindow {
	/** First row to render and how many. */
	first: number;
	count: number;
	/** Top of the first rendered row within the scroll content, in px. */
	offsetPx: number;
	/** Height of the scroll content, in px. */
	totalHeightPx: number;
}

/**
 * Which rows of a fixed-height list are visible at `scrollTop`, plus `overscan` rows either
 * side: a list of 1M tickets renders a few dozen rows at a time.
 */
export function virtualWindow(
	scrollTop: number,
	viewportHeight: number,
	total: number,
	rowHeight: number,
	overscan = 6,
	maxHeightPx = MAX_SCROLL_HEIGHT_PX
): VirtualWindow {
	if (total <= 0) return { first: 0, count: 0, offsetPx: 0, totalHeightPx: 0 };
	const naturalHeight = total * rowHeight;
	const totalHeightPx = Math.min(naturalHeight, maxHeightPx);
	const maxScroll = Math.max(0, totalHeightPx - viewportHeight);
	const top = Math.max(0, Math.min(scrollTop, maxScroll));
	const visibleRows = Math.ceil(viewportHeight / rowHeight);
	// The row at the top of the viewport, fractional; compressed lists map scroll linearly.
	const exactFirst =
		naturalHeight <= maxHeightPx
			? top / rowHeight
			: maxScroll === 0
				? 0
				: (top / maxScroll) * Math.max(0, total - visibleRows);
	const first = Math.max(0, Math.floor(exactFirst) - overscan);
	const last = Math.min(total, Math.ceil(exactFirst) + visibleRows + overscan);
	return {
		first,
		count: Math.max(0, last - first),
		offsetPx: top + (first - exactFirst) * rowHeight,
		totalHeightPx
	};
}
