/**
 * Variance-stabilising transform chosen from the data: log when every value is positive (M4,
 * busy queues), log(1 + y) when there are zeros (quiet hours of a small shop), else none.
 */
export type TransformKind = 'log' | 'log1p' | 'identity';

export interface Transform {
	kind: TransformKind;
	forward(value: number): number;
	inverse(value: number): number;
}

export function chooseTransform(series: ArrayLike<number>): Transform {
	let min = Infinity;
	for (let i = 0; i < series.length; i++) min = Math.min(min, series[i]!);
	return transformOf(min > 0 ? 'log' : min >= 0 ? 'log1p' : 'identity');
}

export function transformOf(kind: TransformKind): Transform {
	if (kind === 'log') return { kind, forward: Math.log, inverse: Math.exp };
	if (kind === 'log1p') return { kind, forward: Math.log1p, inverse: Math.expm1 };
	return { kind, forward: (value) => value, inverse: (value) => value };
}

export function applyTransform(series: Float64Array, transform: Transform): Float64Array {
	return series.map((value) => transform.forward(value));
}
