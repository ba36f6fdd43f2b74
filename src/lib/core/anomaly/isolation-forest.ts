import { mulberry32 } from '../demo/random';

/**
 * Isolation Forest (Liu, Ting & Zhou, 2008): anomalies are few and different, so random
 * axis-parallel splits isolate them in fewer steps. Each tree is grown on a random subsample
 * of ψ rows down to the height limit ⌈log₂ ψ⌉; a point's score is 2^(−E[h(x)] / c(ψ)), with
 * h(x) its path length (plus c(size) for the rows left in its leaf) and c(n) the average path
 * length of an unsuccessful search in a binary search tree of n nodes. Scores are in (0, 1]:
 * near 1 isolated, ≤ 0.5 ordinary. Seeded and deterministic.
 */
export interface IsolationForestOptions {
	trees: number;
	/** ψ: rows per tree (the paper's 256). */
	sampleSize: number;
	seed: number;
}

export const ISOLATION_FOREST_DEFAULTS: IsolationForestOptions = {
	trees: 100,
	sampleSize: 256,
	seed: 1
};

/** One tree in flat arrays; node 0 is the root, feature −1 marks a leaf. */
interface Tree {
	feature: Int32Array;
	threshold: Float64Array;
	left: Int32Array;
	right: Int32Array;
	/** Rows that reached a leaf (0 for inner nodes). */
	size: Int32Array;
}

export interface IsolationForest {
	trees: Tree[];
	dims: number;
	sampleSize: number;
}

const EULER_GAMMA = 0.5772156649015329;

/** Average path length of an unsuccessful BST search among n points: 2H(n−1) − 2(n−1)/n. */
export function averagePathLength(n: number): number {
	if (n > 2) return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
	return n === 2 ? 1 : 0;
}

/**
 * Fits a forest on `rows` (each a feature vector of the same length). Features are used as
 * given: scale does not matter (splits are uniform within each node's range).
 */
export function fitIsolationForest(
	rows: readonly ArrayLike<number>[],
	options: Partial<IsolationForestOptions> = {}
): IsolationForest {
	const { trees, sampleSize, seed } = { ...ISOLATION_FOREST_DEFAULTS, ...options };
	const dims = rows[0]?.length ?? 0;
	const psi = Math.max(1, Math.min(sampleSize, rows.length));
	const heightLimit = Math.ceil(Math.log2(Math.max(2, psi)));
	const rng = mulberry32(seed);
	const forest: Tree[] = [];
	const sample = new Int32Array(psi);
	for (let t = 0; t < trees; t++) {
		// Sample ψ distinct rows (partial Fisher–Yates over an index map of touched slots).
		const swapped = new Map<number, number>();
		for (let i = 0; i < psi; i++) {
			const j = i + Math.floor(rng() * (rows.length - i));
			const atJ = swapped.get(j) ?? j;
			swapped.set(j, swapped.get(i) ?? i);
			sample[i] = atJ;
		}
		forest.push(growTree(rows, Int32Array.from(sample), dims, heightLimit, rng));
	}
	return { trees: forest, dims, sampleSize: psi };
}

function growTree(
	rows: readonly ArrayLike<number>[],
	indices: Int32Array,
	dims: number,
	heightLimit: number,
	rng: () => number
): Tree {
	const capacity = 2 * indices.length;
	const tree: Tree = {
		feature: new Int32Array(capacity).fill(-1),
		threshold: new Float64Array(capacity),
		left: new Int32Array(capacity),
		right: new Int32Array(capacity),
		size: new Int32Array(capacity)
	};
	let nodes = 1;
	// Explicit stack: (node, start, end, depth) over a shared index buffer, partitioned in place.
	const stack: [number, number, number, number][] = [[0, 0, indices.length, 0]];
	const lows = new Float64Array(dims);
	const highs = new Float64Array(dims);
	while (stack.length > 0) {
		const [node, start, end, depth] = stack.pop()!;
		const count = end - start;
		if (depth >= heightLimit || count <= 1) {
			tree.size[node] = count;
			continue;
		}
		lows.fill(Infinity);
		highs.fill(-Infinity);
		for (let i = start; i < end; i++) {
			const row = rows[indices[i]!]!;
			for (let d = 0; d < dims; d++) {
				const value = row[d]!;
				if (value < lows[d]!) lows[d] = value;
				if (value > highs[d]!) highs[d] = value;
			}
		}
		let splittable = 0;
		for (let d = 0; d < dims; d++) if (highs[d]! > lows[d]!) splittable++;
		if (splittable === 0) {
			tree.size[node] = count;
			continue;
		}
		// A random feature among those that vary here, a uniform threshold within its range.
		let pick = Math.floor(rng() * splittable);
		let feature = 0;
		for (let d = 0; d < dims; d++)
			if (highs[d]! > lows[d]! && pick-- === 0) {
				feature = d;
				break;
			}
		const threshold = lows[feature]! + rng() * (highs[feature]! - lows[feature]!);
		let middle = start;
		for (let i = start; i < end; i++) {
			if (rows[indices[i]!]![feature]! < threshold) {
				const swap = indices[i]!;
				indices[i] = indices[middle]!;
				indices[middle++] = swap;
			}
		}
		const left = nodes++;
		const right = nodes++;
		tree.feature[node] = feature;
		tree.threshold[node] = threshold;
		tree.left[node] = left;
		tree.right[node] = right;
		stack.push([right, middle, end, depth + 1], [left, start, middle, depth + 1]);
	}
	return tree;
}

export interface IsolationScore {
	/** 2^(−E[h(x)] / c(ψ)), in (0, 1]. */
	score: number;
	/** Mean path length over the trees. */
	meanPathLength: number;
	/**
	 * Per feature: the share of trees whose isolating split (the last one on x's path) was on
	 * that feature. Which features set x apart, as the forest saw it.
	 */
	attribution: Float64Array;
}

export function scoreIsolation(forest: IsolationForest, x: ArrayLike<number>): IsolationScore {
	const attribution = new Float64Array(forest.dims);
	let total = 0;
	for (const tree of forest.trees) {
		let node = 0;
		let depth = 0;
		let lastFeature = -1;
		while (tree.feature[node]! >= 0) {
			lastFeature = tree.feature[node]!;
			node = x[lastFeature]! < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
			depth++;
		}
		total += depth + averagePathLength(tree.size[node]!);
		if (lastFeature >= 0) attribution[lastFeature]! += 1;
	}
	const trees = Math.max(1, forest.trees.length);
	const meanPathLength = total / trees;
	for (let d = 0; d < attribution.length; d++) attribution[d]! /= trees;
	const normaliser = averagePathLength(forest.sampleSize);
	const score = normaliser > 0 ? Math.pow(2, -meanPathLength / normaliser) : 0.5;
	return { score, meanPathLength, attribution };
}
