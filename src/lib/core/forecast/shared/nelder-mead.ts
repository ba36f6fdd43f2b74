export interface NelderMeadOptions {
	maxIterations?: number;
	/** Stop when the simplex's objective values span less than this. */
	tolerance?: number;
	/** Initial simplex step per coordinate. */
	step?: number;
}

/** Derivative-free minimiser (Nelder-Mead, standard coefficients), for a handful of params. */
export function nelderMead(
	objective: (point: Float64Array) => number,
	start: Float64Array,
	{ maxIterations = 300, tolerance = 1e-8, step = 0.1 }: NelderMeadOptions = {}
): { point: Float64Array; value: number } {
	const dims = start.length;
	const simplex: Float64Array[] = [Float64Array.from(start)];
	for (let i = 0; i < dims; i++) {
		const vertex = Float64Array.from(start);
		vertex[i] = vertex[i]! + (vertex[i] !== 0 ? step * Math.abs(vertex[i]!) + step : step);
		simplex.push(vertex);
	}
	const values = simplex.map(objective);
	const order = simplex.map((_, i) => i);
	const centroid = new Float64Array(dims);
	const along = (coefficient: number, worst: Float64Array): Float64Array =>
		centroid.map((c, i) => c + coefficient * (worst[i]! - c));

	for (let iteration = 0; iteration < maxIterations; iteration++) {
		order.sort((a, b) => values[a]! - values[b]!);
		const best = order[0]!;
		const worst = order[dims]!;
		const secondWorst = order[dims - 1]!;
		if (Math.abs(values[worst]! - values[best]!) <= tolerance * (Math.abs(values[best]!) + 1e-12))
			break;
		centroid.fill(0);
		for (const index of order.slice(0, dims)) {
			for (let i = 0; i < dims; i++) centroid[i] = centroid[i]! + simplex[index]![i]! / dims;
		}
		const reflected = along(-1, simplex[worst]!);
		const reflectedValue = objective(reflected);
		if (reflectedValue < values[best]!) {
			const expanded = along(-2, simplex[worst]!);
			const expandedValue = objective(expanded);
			const takeExpanded = expandedValue < reflectedValue;
			simplex[worst] = takeExpanded ? expanded : reflected;
			values[worst] = takeExpanded ? expandedValue : reflectedValue;
		} else if (reflectedValue < values[secondWorst]!) {
			simplex[worst] = reflected;
			values[worst] = reflectedValue;
		} else {
			const contracted = along(reflectedValue < values[worst]! ? -0.5 : 0.5, simplex[worst]!);
			const contractedValue = objective(contracted);
			if (contractedValue < Math.min(values[worst]!, reflectedValue)) {
				simplex[worst] = contracted;
				values[worst] = contractedValue;
			} else {
				const bestVertex = simplex[best]!;
				for (const index of order.slice(1)) {
					simplex[index] = simplex[index]!.map(
						(x, i) => bestVertex[i]! + 0.5 * (x - bestVertex[i]!)
					);
					values[index] = objective(simplex[index]!);
				}
			}
		}
	}
	let bestIndex = 0;
	for (let i = 1; i <= dims; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
	return { point: simplex[bestIndex]!, value: values[bestIndex]! };
}
