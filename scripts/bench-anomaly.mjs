// NAB benchmark of the series anomaly detector (src/lib/core/anomaly), side by side with
// NAB's published detectors. Every data file under ../shared/datasets/nab/data/ runs as a
// stream (each point scored with only the past); the scores go to
// bench/out/nab/<category>/<file>.csv in NAB's results layout and are scored with the
// project's NAB scorer (one corpus threshold per profile, as NAB optimises it). The
// published detectors are re-normalised over the same files from NAB's per-file tables.
// Prints a table and writes bench/out/anomaly.json. See docs/anomaly-detection.md.
//
//   npm run bench:anomaly
//   BENCH_DETECTOR=seasonal-residual npm run bench:anomaly
//   BENCH_CONFIG='{"quietPoints":200}' npm run bench:anomaly     (partial detector config)
//   NAB_DIR=/path/to/nab npm run bench:anomaly
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

// BENCH_PART=risk runs only the "Customers to review" part (scripts/bench-risk.mjs).
if (process.env.BENCH_PART === 'risk') {
	await import('./bench-risk.mjs');
	process.exit(0);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NAB_DIR = process.env.NAB_DIR ?? join(ROOT, '..', 'shared', 'datasets', 'nab');
const OUT_DIR = join(ROOT, 'bench', 'out');
const KIND = process.env.BENCH_DETECTOR ?? 'ensemble';
const CONFIG = JSON.parse(process.env.BENCH_CONFIG ?? '{}');
const WRITE_CSV = process.env.BENCH_NO_CSV !== '1';
/** Published detectors shown beside ours (NAB's per-file score tables). */
const PUBLISHED = ['ARTime', 'numenta', 'contextOSE', 'htmjava', 'knncad', 'relativeEntropy'];
const PUBLISHED_MORE = ['earthgeckoSkyline', 'twitterADVec', 'randomCutForest', 'windowedGaussian'];

const { module: loaded } = await runnerImport(join(ROOT, 'src/lib/core/anomaly/index.ts'), {
	root: ROOT,
	logLevel: 'error'
});
const anomaly = /** @type {typeof import('../src/lib/core/anomaly/index')} */ (loaded);

if (!existsSync(join(NAB_DIR, 'data'))) {
	console.error(`No NAB data at ${NAB_DIR}/data (set NAB_DIR).`);
	process.exit(1);
}
const allWindows = JSON.parse(
	await readFile(join(NAB_DIR, 'labels/combined_windows.json'), 'utf8')
);
const categories = (await readdir(join(NAB_DIR, 'data'))).sort();

/** Scores written to the CSV are what gets scored: round once, use everywhere. */
const round = (score) => Math.round(score * 1e6) / 1e6;

/** The machine is shared: the 1-minute load average is printed beside the timings. */
const loadBefore = loadavg()[0];
const files = [];
let detectorMs = 0;
const startedAt = performance.now();
for (const category of categories) {
	for (const name of (await readdir(join(NAB_DIR, 'data', category))).sort()) {
		if (!name.endsWith('.csv')) continue;
		const key = `${category}/${name}`;
		const series = anomaly.parseNabCsv(await readFile(join(NAB_DIR, 'data', key), 'utf8'));
		const detector = anomaly.createDetector(KIND, CONFIG);
		const t0 = performance.now();
		const scores = anomaly.scoreSeries(detector, series.timesMs, series.values).map(round);
		detectorMs += performance.now() - t0;
		const windows = anomaly.windowsToRows(series.timestamps, allWindows[key] ?? []);
		files.push({ name: key, category, scores, windows });
		if (WRITE_CSV) {
			const lines = ['timestamp,value,anomaly_score'];
			series.timestamps.forEach((timestamp, index) =>
				lines.push(`${timestamp},${series.values[index]},${scores[index]}`)
			);
			await mkdir(join(OUT_DIR, 'nab', category), { recursive: true });
			await writeFile(join(OUT_DIR, 'nab', category, name), lines.join('\n') + '\n');
		}
	}
}

const windowCount = (subset) => subset.reduce((sum, file) => sum + file.windows.length, 0);
const ours = {};
for (const profile of anomaly.NAB_PROFILES) {
	const { threshold } = anomaly.optimiseThreshold(files, profile);
	const corpus = anomaly.scoreCorpus(files, profile, threshold);
	const byCategory = {};
	for (const category of categories) {
		const subset = corpus.files.filter((file) => file.name.startsWith(`${category}/`));
		const raw = subset.reduce((sum, file) => sum + file.score, 0);
		const count = windowCount(files.filter((file) => file.category === category));
		byCategory[category] = anomaly.normaliseScore(raw, count, profile);
	}
	// The app alerts at the fixed ALERT_SCORE, not at NAB's optimised threshold: shown beside.
	const atAlertScore = anomaly.scoreCorpus(files, profile, anomaly.ALERT_SCORE).normalised;
	ours[profile.name] = {
		threshold,
		raw: corpus.raw,
		score: corpus.normalised,
		atAlertScore,
		byCategory,
		files: corpus.files
	};
}
const totalMs = performance.now() - startedAt;
const loadAfter = loadavg()[0];

/** NAB's per-file raw scores of a published detector, summed over the files run here. */
async function published(detector) {
	const result = {};
	for (const profile of anomaly.NAB_PROFILES) {
		const path = join(NAB_DIR, 'results', detector, `${detector}_${profile.name}_scores.csv`);
		if (!existsSync(path)) return undefined;
		const rows = (await readFile(path, 'utf8')).trim().split('\n').slice(1);
		const rawByFile = new Map(rows.map((row) => row.split(',')).map((c) => [c[2], Number(c[4])]));
		const sum = (subset) =>
			subset.reduce((total, file) => total + (rawByFile.get(file.name) ?? NaN), 0);
		const byCategory = {};
		for (const category of categories) {
			const subset = files.filter((file) => file.category === category);
			byCategory[category] = anomaly.normaliseScore(sum(subset), windowCount(subset), profile);
		}
		result[profile.name] = {
			score: anomaly.normaliseScore(sum(files), windowCount(files), profile),
			byCategory
		};
	}
	return result;
}

const board = [{ detector: `Service Lens ${KIND} (this run)`, ...ours }];
for (const detector of [...PUBLISHED, ...PUBLISHED_MORE]) {
	const scores = await published(detector);
	if (scores) board.push({ detector: `${detector} (published)`, ...scores });
}
board.sort((a, b) => b.standard.score - a.standard.score);

/** NAB's own scoreboard over all 58 files (results/final_results.json), for reference. */
const finalPath = join(NAB_DIR, 'results', 'final_results.json');
const final = existsSync(finalPath) ? JSON.parse(await readFile(finalPath, 'utf8')) : {};
const SHORT = {
	artificialWithAnomaly: 'artificial',
	realKnownCause: 'knownCause',
	realTweets: 'tweets'
};

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const header = [
	'detector',
	'standard',
	'low FP',
	'low FN',
	...categories.map((c) => SHORT[c] ?? c.slice(0, 12)),
	'58 files std'
];
console.log(
	`\nNAB over ${files.length} files, ${windowCount(files)} windows (${categories.join(', ')})`
);
console.log(header.map((h, i) => (i === 0 ? h.padEnd(40) : h.padStart(14))).join(''));
for (const row of board) {
	const cells = [
		row.detector.padEnd(40),
		fmt(row.standard.score),
		fmt(row.reward_low_FP_rate.score),
		fmt(row.reward_low_FN_rate.score),
		...categories.map((category) => fmt(row.standard.byCategory[category])),
		fmt(final[row.detector.split(' ')[0]]?.standard)
	];
	console.log(cells.map((c, i) => (i === 0 ? c : c.padStart(14))).join(''));
}
const thresholds = anomaly.NAB_PROFILES.map((p) => `${p.name} ${ours[p.name].threshold}`).join(
	', '
);
console.log(`\nThresholds: ${thresholds}`);
console.log(
	`At the app's fixed ALERT_SCORE ${anomaly.ALERT_SCORE}: ` +
		anomaly.NAB_PROFILES.map((p) => `${p.name} ${fmt(ours[p.name].atAlertScore)}`).join(', ')
);
console.log(
	'\nBy category, every profile (ours, then the best published on the standard profile):'
);
const bestPublished = board.find((row) => row.detector.endsWith('(published)'));
for (const row of [board.find((r) => !r.detector.endsWith('(published)')), bestPublished]) {
	if (!row) continue;
	for (const p of anomaly.NAB_PROFILES) {
		const cells = categories.map((c) => `${SHORT[c] ?? c} ${fmt(row[p.name].byCategory[c])}`);
		console.log(
			`  ${row.detector.padEnd(38)} ${p.name.padEnd(20)} ${fmt(row[p.name].score).padStart(6)}  ${cells.join('  ')}`
		);
	}
}
console.log(
	`Detector ${(detectorMs / 1000).toFixed(1)} s for ${files.reduce((n, f) => n + f.scores.length, 0)} points; whole run ${(totalMs / 1000).toFixed(1)} s ` +
		`(load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; ${cpus().length} cores)`
);
if (process.env.BENCH_VERBOSE === '1') {
	for (const file of ours.standard.files) {
		console.log(
			`${file.name.padEnd(60)} ${file.score.toFixed(3).padStart(8)} tp ${file.tp} fp ${file.fp}`
		);
	}
}

await mkdir(OUT_DIR, { recursive: true });
await writeFile(
	join(OUT_DIR, 'anomaly.json'),
	JSON.stringify(
		{
			detector: KIND,
			config: CONFIG,
			files: files.length,
			windows: windowCount(files),
			detectorSeconds: detectorMs / 1000,
			totalSeconds: totalMs / 1000,
			loadAverage: { before: loadBefore, after: loadAfter, cores: cpus().length },
			board: board.map(({ detector, ...profiles }) => ({
				detector,
				...Object.fromEntries(
					Object.entries(profiles).map(([name, value]) => [
						name,
						{
							score: value.score,
							threshold: value.threshold,
							atAlertScore: value.atAlertScore,
							byCategory: value.byCategory
						}
					])
				)
			})),
			perFile: ours.standard.files
		},
		null,
		'\t'
	) + '\n'
);

// Second part: "Customers to review" precision/recall and Isolation Forest time at 1M tickets.
if (process.env.BENCH_PART !== 'nab') await import('./bench-risk.mjs');
