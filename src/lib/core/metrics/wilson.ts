/**
 * Wilson score interval for a proportion: honest for small n (an agent with 4 ratings gets
 * a wide interval instead of a confident 100%). z = 1.96 gives 95%.
 */
export function wilsonInterval(
	successes: number,
	n: number,
	z = 1.96
): { low: number; high: number } | null {
	if (n <= 0) return null;
	const p = successes / n;
	const z2 = z * z;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const halfWidth = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}
