// NAB benchmark of the tfjs autoencoder (src/lib/ml/stream-autoencoder.ts) as a streaming
// detector (each point scored with only the past), beside the default ensemble and the
// ensemble combined with it (pointwise max). Scored with the project's NAB scorer, one corpus
// threshold per profile. Prints a table and writes bench/out/autoencoder.json.
// Runs after the NAB and risk parts of `npm run bench:anomaly`; alone:
//
//   BENCH_PART=autoencoder npm run bench:anomaly
//   node scripts/bench-autoencoder.mjs
//   BENCH_AE_CONFIG='{"lags":16}' node scripts/bench-autoencoder.mjs   (partial config)
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NAB_DIR = process.env.NAB_DIR ?? join(ROOT, '..', 'shared', 'datasets', 'nab');
const OUT_DIR = join(ROOT, 'bench', 'out');
const AE_CONFIG = JSON.parse(process.env.BENCH_AE_CONFIG ?? '{}');

const load = async (path) =>
	(await runnerImport(join(ROOT, path), { root: ROOT, logLevel: 'error' })).module;
const anomaly = /** @type {typeof import('../src/lib/core/anomaly/index')} */ (
	await load('src/lib/core/anomaly/index.ts')
);
const ml = /** @type {typeof import('../src/lib/ml/stream-autoencoder')} */ (
	await load('src/lib/ml/stream-autoencoder.ts')
);
const tf = await import('@tensorflow/tfjs');
// The wasm backend, as in the app's worker (about 5× the cpu backend here); cpu if it fails.
const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
setWasmPaths(join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/') + '/');
if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu');
await tf.ready();

if (!existsSync(join(NAB_DIR, 'data'))) {
	console.error(`No NAB data at ${NAB_DIR}/data (set NAB_DIR): autoencoder part skipped.`);
	process.exit(0);
}
const allWindows = JSON.parse(
	await readFile(join(NAB_DIR, 'labels/combined_windows.json'), 'utf8')
);
const categories = (await readdir(join(NAB_DIR, 'data'))).sort();
const round = (score) => Math.round(score * 1e6) / 1e6;

const variants = { autoencoder: [], ensemble: [], 'ensemble + autoencoder (max)': [] };
let aeMs = 0;
let ensembleMs = 0;
const tensorsBefore = tf.memory().numTensors;
const loadBefore = loadavg()[0];
for (const category of categories) {
	for (const name of (await readdir(join(NAB_DIR, 'data', category))).sort()) {
		if (!name.endsWith('.csv')) continue;
		const key = `${category}/${name}`;
		const series = anomaly.parseNabCsv(await readFile(join(NAB_DIR, 'data', key), 'utf8'));
		const windows = anomaly.windowsToRows(series.timestamps, allWindows[key] ?? []);
		let t0 = performance.now();
		const ae = Array.from(await ml.scoreStreamWithAutoencoder(series.values, AE_CONFIG), round);
		aeMs += performance.now() - t0;
		t0 = performance.now();
		const ensemble = anomaly
			.scoreSeries(anomaly.createDetector('ensemble'), series.timesMs, series.values)
			.map(round);
		ensembleMs += performance.now() - t0;
		const both = ensemble.map((score, index) => Math.max(score, ae[index]));
		for (const [variant, scores] of [
			['autoencoder', ae],
			['ensemble', ensemble],
			['ensemble + autoencoder (max)', both]
		])
			variants[variant].push({ name: key, category, scores, windows });
		process.stdout.write('.');
	}
}
process.stdout.write('\n');
const leaked = tf.memory().numTensors - tensorsBefore;

const windowCount = (subset) => subset.reduce((sum, file) => sum + file.windows.length, 0);
const results = {};
for (const [variant, files] of Object.entries(variants)) {
	results[variant] = {};
	for (const profile of anomaly.NAB_PROFILES) {
		const { threshold } = anomaly.optimiseThreshold(files, profile);
		const corpus = anomaly.scoreCorpus(files, profile, threshold);
		const byCategory = {};
		for (const category of categories) {
			const subset = corpus.files.filter((file) => file.name.startsWith(`${category}/`));
			const raw = subset.reduce((sum, file) => sum + file.score, 0);
			byCategory[category] = anomaly.normaliseScore(
				raw,
				windowCount(files.filter((file) => file.category === category)),
				profile
			);
		}
		results[variant][profile.name] = { score: corpus.normalised, threshold, byCategory };
	}
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const files = variants.ensemble;
console.log(
	`\nAutoencoder on NAB: ${files.length} files, ${windowCount(files)} windows, ${files.reduce((n, f) => n + f.scores.length, 0)} points`
);
console.log(
	['detector'.padEnd(32), 'standard', 'low FP', 'low FN', ...categories.map((c) => c.slice(0, 12))]
		.map((h, i) => (i === 0 ? h : h.padStart(14)))
		.join('')
);
for (const [variant, profiles] of Object.entries(results)) {
	console.log(
		[
			variant.padEnd(32),
			fmt(profiles.standard.score),
			fmt(profiles.reward_low_FP_rate.score),
			fmt(profiles.reward_low_FN_rate.score),
			...categories.map((category) => fmt(profiles.standard.byCategory[category]))
		]
			.map((cell, i) => (i === 0 ? cell : cell.padStart(14)))
			.join('')
	);
}
console.log(
	`Autoencoder ${(aeMs / 1000).toFixed(1)} s, ensemble ${(ensembleMs / 1000).toFixed(1)} s; tensors left: ${leaked}; backend ${tf.getBackend()}; load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`
);
if (leaked !== 0) {
	console.error('The autoencoder left tensors behind.');
	process.exitCode = 1;
}

await mkdir(OUT_DIR, { recursive: true });
await writeFile(
	join(OUT_DIR, 'autoencoder.json'),
	JSON.stringify(
		{
			config: { ...ml.STREAM_AUTOENCODER_DEFAULTS, ...AE_CONFIG },
			files: files.length,
			windows: windowCount(files),
			autoencoderSeconds: aeMs / 1000,
			ensembleSeconds: ensembleMs / 1000,
			loadAverage: [loadBefore, loadavg()[0]],
			results
		},
		null,
		'\t'
	) + '\n'
);
