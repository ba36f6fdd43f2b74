/** NAB's scaled sigmoid: 2 / (1 + e^{5y}) − 1, flat at −1 beyond three window widths. */
export function scaledSigmoid(y: number): number {
	if (y > 3) return -1;
	return 2 / (1 + Math.exp(5 * y)) - 1;
}

/** NAB ignores the first 15 % of each file, at most 750 rows. */
export function probationLength(rowCount: number): number {
	return Math.min(Math.floor(0.15 * rowCount), 750);
}
