/**
 * Ridge least squares via the normal equations and Cholesky: solves
 * (XᵀX + λ·diag(0, 1, …, 1)) β = Xᵀy, rows of `design` stored row-major with `columns` each.
 * The first column (the intercept) is not penalised.
 */
export function ridgeLeastSquares(
	design: Float64Array,
	target: Float64Array,
	columns: number,
	ridge: number
): Float64Array {
	const rows = target.length;
	const gram = new Float64Array(columns * columns);
	const moment = new Float64Array(columns);
	for (let r = 0; r < rows; r++) {
		const offset = r * columns;
		const y = target[r]!;
		for (let i = 0; i < columns; i++) {
			const xi = design[offset + i]!;
			moment[i] = moment[i]! + xi * y;
			for (let j = 0; j <= i; j++)
				gram[i * columns + j] = gram[i * columns + j]! + xi * design[offset + j]!;
		}
	}
	for (let i = 1; i < columns; i++) gram[i * columns + i] = gram[i * columns + i]! + ridge * rows;
	return solveSymmetricPositive(gram, moment, columns);
}

/** Cholesky solve of A x = b (A symmetric positive definite, lower triangle read). */
export function solveSymmetricPositive(
	matrix: Float64Array,
	rhs: Float64Array,
	size: number
): Float64Array {
	const lower = new Float64Array(size * size);
	for (let i = 0; i < size; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = matrix[i * size + j]!;
			for (let k = 0; k < j; k++) sum -= lower[i * size + k]! * lower[j * size + k]!;
			if (i === j) {
				// A tiny jitter keeps a rank-deficient design (constant lags) solvable.
				lower[i * size + i] = Math.sqrt(Math.max(sum, 1e-10));
			} else {
				lower[i * size + j] = sum / lower[j * size + j]!;
			}
		}
	}
	const forward = new Float64Array(size);
	for (let i = 0; i < size; i++) {
		let sum = rhs[i]!;
		for (let k = 0; k < i; k++) sum -= lower[i * size + k]! * forward[k]!;
		forward[i] = sum / lower[i * size + i]!;
	}
	const solution = new Float64Array(size);
	for (let i = size - 1; i >= 0; i--) {
		let sum = forward[i]!;
		for (let k = i + 1; k < size; k++) sum -= lower[k * size + i]! * solution[k]!;
		solution[i] = sum / lower[i * size + i]!;
	}
	return solution;
}
