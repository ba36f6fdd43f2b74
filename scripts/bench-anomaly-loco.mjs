// Leave-one-category-out check of the ensemble's member choice (docs/anomaly-detection.md).
// Every candidate member set tried while choosing the default runs over the stored NAB files;
// for each category, the candidate with the best standard score on the two other categories
// is scored on the held-out one. If the held-out scores hold up against the previous default,
// the gain is not only the benchmark fitting itself.
//
//   node scripts/bench-anomaly-loco.mjs            (about 16 full NAB runs: minutes)
import { readdir, readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NAB_DIR = process.env.NAB_DIR ?? join(ROOT, '..', 'shared', 'datasets', 'nab');
const { module: loaded } = await runnerImport(join(ROOT, 'src/lib/core/anomaly/index.ts'), {
	root: ROOT,
	logLevel: 'error'
});
const anomaly = /** @type {typeof import('../src/lib/core/anomaly/index')} */ (loaded);

const RAW = { scales: [6, 96], spreadScales: [96] };
const LOG = { transform: 'log', scales: [6, 96] };
const diff = (extra) => ({
	difference: true,
	point: false,
	scales: [],
	spreadScales: [],
	...extra
});
const logDiff = (extra) => diff({ transform: 'log', ...extra });
/** Every member set measured while choosing the new default (the first is the old default). */
const CANDIDATES = [
	['previous default (raw + log)', [RAW, LOG]],
	['+ diff mean step 6', [RAW, LOG, diff({ scales: [6] })]],
	['+ diff step 6, |step| 96', [RAW, LOG, diff({ scales: [6], spreadScales: [96] })]],
	['+ log-diff step 6, |step| 96 (new)', [RAW, LOG, logDiff({ scales: [6], spreadScales: [96] })]],
	['+ log-diff step 6', [RAW, LOG, logDiff({ scales: [6] })]],
	['+ diff 6 + log-diff 6', [RAW, LOG, diff({ scales: [6] }), logDiff({ scales: [6] })]],
	[
		'+ both diffs 6, |step| 96',
		[
			RAW,
			LOG,
			diff({ scales: [6], spreadScales: [96] }),
			logDiff({ scales: [6], spreadScales: [96] })
		]
	],
	[
		'+ diff 6 + log-diff |step| 96',
		[RAW, LOG, diff({ scales: [6] }), logDiff({ spreadScales: [96] })]
	],
	[
		'+ diff 6 + unseasonal log-diff |step| 96',
		[RAW, LOG, diff({ scales: [6] }), logDiff({ season: 'none', spreadScales: [96] })]
	],
	[
		'+ log-diff with point test',
		[RAW, LOG, logDiff({ point: true, scales: [6], spreadScales: [96] })]
	],
	['+ log-diff 6, |step| 24', [RAW, LOG, logDiff({ scales: [6], spreadScales: [24] })]],
	['+ log-diff 6, |step| 288', [RAW, LOG, logDiff({ scales: [6], spreadScales: [288] })]],
	['+ log-diff 24, |step| 96', [RAW, LOG, logDiff({ scales: [24], spreadScales: [96] })]],
	['+ log-diff 6 and 24, |step| 96', [RAW, LOG, logDiff({ scales: [6, 24], spreadScales: [96] })]],
	[
		'greedy 3 steps',
		[
			{ ...RAW, scales: [6, 96, 288] },
			LOG,
			diff({ scales: [6] }),
			logDiff({ season: 'none', spreadScales: [96] })
		]
	],
	[
		'greedy 4 steps',
		[
			{ ...RAW, scales: [6, 96, 288] },
			{ ...LOG, scales: [96] },
			diff({ scales: [6] }),
			logDiff({ season: 'none', spreadScales: [96] })
		]
	]
];

const labels = JSON.parse(await readFile(join(NAB_DIR, 'labels/combined_windows.json'), 'utf8'));
const categories = (await readdir(join(NAB_DIR, 'data'))).sort();
const series = [];
for (const category of categories) {
	for (const name of (await readdir(join(NAB_DIR, 'data', category))).sort()) {
		if (!name.endsWith('.csv')) continue;
		const key = `${category}/${name}`;
		const parsed = anomaly.parseNabCsv(await readFile(join(NAB_DIR, 'data', key), 'utf8'));
		series.push({
			key,
			category,
			parsed,
			windows: anomaly.windowsToRows(parsed.timestamps, labels[key] ?? [])
		});
	}
}

const standard = anomaly.nabProfile('standard');
const windowCount = (files) => files.reduce((sum, file) => sum + file.windows.length, 0);
const scoreAt = (files, threshold) =>
	anomaly.normaliseScore(
		anomaly.scoreCorpus(files, standard, threshold).raw,
		windowCount(files),
		standard
	);
const best = (files) => scoreAt(files, anomaly.optimiseThreshold(files, standard).threshold);

const loadBefore = loadavg()[0];
const runs = CANDIDATES.map(([name, seasonal]) => {
	const files = series.map(({ key, category, parsed, windows }) => {
		const detector = anomaly.createDetector('ensemble', { seasonal });
		const scores = anomaly
			.scoreSeries(detector, parsed.timesMs, parsed.values)
			.map((score) => Math.round(score * 1e6) / 1e6);
		return { name: key, category, scores, windows };
	});
	console.log(`${name.padEnd(44)} standard ${best(files).toFixed(1)}`);
	return { name, files };
});

console.log(
	'\nheld out        picked on the other two (their score)            held out  previous default held out  new default held out'
);
for (const held of categories) {
	const rows = runs.map(({ name, files }) => {
		const train = files.filter((file) => file.category !== held);
		const test = files.filter((file) => file.category === held);
		return { name, train: best(train), test: best(test) };
	});
	const picked = rows.reduce((top, row) => (row.train > top.train ? row : top));
	const newDefault = rows.find((row) => row.name.endsWith('(new)'));
	console.log(
		`${held.padEnd(22)} ${`${picked.name} (${picked.train.toFixed(1)})`.padEnd(44)} ${picked.test.toFixed(1).padStart(6)}` +
			`${rows[0].test.toFixed(1).padStart(20)}${newDefault.test.toFixed(1).padStart(22)}`
	);
}
console.log(
	`(held-out scores with the threshold optimised on the held-out files; load average ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}, ${cpus().length} cores)`
);
