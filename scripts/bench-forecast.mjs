// M4 Hourly benchmark of the forecasting core: every series fitted with the method Service Lens
// would pick (`auto`), next to seasonal naive and Naive2 computed in the same run, scored with
// M4's sMAPE / MASE (m = 24) / OWA. Writes bench/out/m4-hourly-forecasts.csv (M4 layout) and
// bench/out/forecast.json. Method and figures: docs/forecasting.md.
//
//   npm run bench:forecast                       all 414 series on 2 worker threads
//   BENCH_EVERY=10 npm run bench:forecast        every 10th series (H1, H11, …), quick look
//   BENCH_THREADS=1 BENCH_ALL_CANDIDATES=0 …     one thread; skip fitting unpicked candidates
//   BENCH_CANDIDATES=seasonal-naive,ar,sarima …  another candidate set for auto
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dataDir =
	process.env.M4_HOURLY_DIR ??
	fileURLToPath(new URL('../../shared/datasets/m4-hourly/', import.meta.url));
const outDir = fileURLToPath(new URL('../bench/out/', import.meta.url));
const HORIZON = 48;
const PERIOD = 24;

/** Published M4 Hourly figures (forecast-anchors.md); auto.arima has only a MASE (Nixtla). */
const PUBLISHED = [
	['sNaive (M4 official)', 13.912, 1.193, 0.627],
	['Naive2 (M4 official)', 18.383, 2.395, 1.0],
	['auto.arima (Nixtla, MASE only)', NaN, 1.02, NaN],
	['MSTL+AutoETS (augurs, measured)', 13.677, 1.1, 0.602],
	['Winner: Smyl ES-RNN', 9.328, 0.893, 0.44],
	['Best on Hourly: Doornik et al.', 8.913, 0.801, 0.41]
];

/** Wide M4 CSV: quoted header, then id and values, padded with empty cells. */
function readM4(path) {
	const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
	return lines.map((line) => {
		const cells = line.split(',').map((cell) => cell.replaceAll('"', ''));
		return {
			id: cells[0],
			values: cells
				.slice(1)
				.filter((cell) => cell !== '')
				.map(Number)
		};
	});
}

async function runWorker() {
	const { series, fitAll, candidates } = workerData;
	const { module } = await import('vite').then(({ runnerImport }) =>
		runnerImport(fileURLToPath(new URL('../src/lib/core/forecast/index.ts', import.meta.url)), {
			root: repoRoot,
			logLevel: 'error'
		})
	);
	/** @type {typeof import('../src/lib/core/forecast/index')} */
	const forecast = module;
	for (const { id, train } of series) {
		const values = Float64Array.from(train);
		const result = { id, forecasts: {}, ms: {}, selection: undefined };
		for (const kind of ['naive2', 'seasonal-naive']) {
			const started = performance.now();
			const model = forecast.createForecaster(kind, { period: PERIOD });
			model.fit(values);
			result.forecasts[kind] = Array.from(model.predict(HORIZON, []).mean);
			result.ms[kind] = performance.now() - started;
			model.dispose();
		}
		const auto = forecast.createAutoForecaster({
			fitAll,
			horizon: HORIZON,
			period: PERIOD,
			candidates
		});
		const started = performance.now();
		await auto.fit(values, { horizon: HORIZON });
		const picked = auto.predict(HORIZON, [95]);
		result.forecasts.picked = Array.from(picked.mean);
		result.interval95 = {
			lower: Array.from(picked.intervals[0].lower),
			upper: Array.from(picked.intervals[0].upper)
		};
		const selection = auto.selection;
		const fitAllMs = performance.now() - started;
		const memberMs = selection.members.reduce((sum, name) => sum + (selection.fitMs[name] ?? 0), 0);
		// The picked method's cost: the backtest plus refitting the chosen member(s).
		result.ms.picked = selection.backtestMs + memberMs;
		result.ms.autoWithAllCandidates = fitAllMs;
		if (fitAll) {
			for (const name of auto.config.candidates) {
				result.forecasts[name] ??= Array.from(auto.candidateForecast(name, HORIZON, []).mean);
				result.ms[`candidate:${name}`] = selection.fitMs[name];
			}
		}
		result.selection = {
			members: selection.members,
			combiner: selection.combiner,
			backtest: selection.backtest
		};
		auto.dispose();
		parentPort.postMessage(result);
	}
}

async function main() {
	const every = Number(process.env.BENCH_EVERY ?? 1);
	const threads = Number(process.env.BENCH_THREADS ?? Math.min(2, availableParallelism()));
	const fitAll = process.env.BENCH_ALL_CANDIDATES !== '0';
	// e.g. BENCH_CANDIDATES=seasonal-naive,ar,sarima; default: the app's DEFAULT_CANDIDATES.
	const candidates = process.env.BENCH_CANDIDATES?.split(',');
	const train = readM4(`${dataDir}/Hourly-train.csv`);
	const test = readM4(`${dataDir}/Hourly-test.csv`);
	const all = train.map((row, i) => ({ id: row.id, train: row.values, test: test[i].values }));
	const series = all.filter((_, i) => i % every === 0);
	const { smape, mase, owa, seasonalNaiveScale } = await loadMetrics();

	const startedMs = performance.now();
	const shards = Array.from({ length: threads }, (_, k) =>
		series.filter((_, i) => i % threads === k)
	);
	const results = new Map();
	await Promise.all(
		shards.map(
			(shard) =>
				new Promise((resolve, reject) => {
					const worker = new Worker(new URL(import.meta.url), {
						workerData: {
							series: shard.map(({ id, train }) => ({ id, train })),
							fitAll,
							candidates
						}
					});
					worker.on('message', (result) => {
						results.set(result.id, result);
						if (results.size % 20 === 0)
							process.stderr.write(`\r${results.size}/${series.length} series`);
					});
					worker.on('error', reject);
					worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
				})
		)
	);
	const wallSeconds = (performance.now() - startedMs) / 1000;
	process.stderr.write('\n');

	const methods = Object.keys(results.get(series[0].id).forecasts);
	const scores = {};
	for (const method of methods) {
		let smapeSum = 0;
		let maseSum = 0;
		let msSum = 0;
		for (const { id, train, test } of series) {
			const result = results.get(id);
			smapeSum += smape(test, result.forecasts[method]);
			maseSum += mase(test, result.forecasts[method], train, PERIOD);
			msSum +=
				result.ms[
					method === 'naive2' || method === 'seasonal-naive' || method === 'picked'
						? method
						: `candidate:${method}`
				] ?? 0;
		}
		scores[method] = {
			smape: smapeSum / series.length,
			mase: maseSum / series.length,
			meanFitMs: msSum / series.length
		};
	}
	for (const method of methods) scores[method].owa = owa(scores[method], scores.naive2);

	const pickedCounts = {};
	for (const { id } of series) {
		const { members, combiner } = results.get(id).selection;
		const key =
			combiner === 'single' ? members[0] : `${combiner}(${[...members].sort().join(',')})`;
		pickedCounts[key] = (pickedCounts[key] ?? 0) + 1;
	}
	// 95 % intervals of the picked method: coverage and M4's MSIS (α = 0.05, seasonal naive scale).
	let covered = 0;
	let msisSum = 0;
	for (const { id, train, test } of series) {
		const { lower, upper } = results.get(id).interval95;
		let penaltySum = 0;
		for (let h = 0; h < HORIZON; h++) {
			const y = test[h];
			if (y >= lower[h] && y <= upper[h]) covered++;
			penaltySum += upper[h] - lower[h];
			if (y < lower[h]) penaltySum += (2 / 0.05) * (lower[h] - y);
			if (y > upper[h]) penaltySum += (2 / 0.05) * (y - upper[h]);
		}
		msisSum += penaltySum / HORIZON / seasonalNaiveScale(train, PERIOD);
	}
	const interval95 = {
		coverage: covered / (series.length * HORIZON),
		msis: msisSum / series.length
	};
	const pickedSeconds = series.reduce((sum, { id }) => sum + results.get(id).ms.picked, 0) / 1000;

	const pad = (text, width) => String(text).padEnd(width);
	const num = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '—').padStart(8);
	const lines = [
		`M4 Hourly: ${series.length} series, h = ${HORIZON}, MASE m = ${PERIOD}; ${threads} thread(s), wall ${wallSeconds.toFixed(1)} s`,
		`${pad('method', 34)}${'sMAPE'.padStart(8)}${'MASE'.padStart(8)}${'OWA'.padStart(8)}${'fit ms'.padStart(10)}`
	];
	const label = {
		picked: 'Service Lens auto (picked)',
		naive2: 'Naive2',
		'seasonal-naive': 'seasonal naive'
	};
	for (const method of methods) {
		const s = scores[method];
		lines.push(
			`${pad(label[method] ?? `candidate ${method}`, 34)}${num(s.smape, 3)}${num(s.mase, 3)}${num(s.owa, 3)}${num(s.meanFitMs, 1).padStart(10)}`
		);
	}
	lines.push('published:');
	for (const [name, s, m, o] of PUBLISHED)
		lines.push(`${pad(`  ${name}`, 34)}${num(s, 3)}${num(m, 3)}${num(o, 3)}`);
	lines.push(
		`picked method CPU time: ${pickedSeconds.toFixed(1)} s in all (${(pickedSeconds / threads).toFixed(1)} s wall on ${threads} threads)`
	);
	lines.push(
		`picked 95 % intervals: coverage ${(100 * interval95.coverage).toFixed(1)} %, MSIS ${interval95.msis.toFixed(3)} (published M4 Hourly MSIS: ARIMA 7.538, ETS 17.487)`
	);
	lines.push(
		`picked: ${Object.entries(pickedCounts)
			.sort((a, b) => b[1] - a[1])
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}`
	);
	console.log(lines.join('\n'));

	mkdirSync(outDir, { recursive: true });
	const header = ['id', ...Array.from({ length: HORIZON }, (_, h) => `F${h + 1}`)].join(',');
	const rows = series.map(({ id }) =>
		[id, ...results.get(id).forecasts.picked.map((v) => +v.toPrecision(10))].join(',')
	);
	writeFileSync(`${outDir}/m4-hourly-forecasts.csv`, `${header}\n${rows.join('\n')}\n`);
	writeFileSync(
		`${outDir}/forecast.json`,
		JSON.stringify(
			{
				dataset: 'M4 Hourly',
				series: series.length,
				every,
				horizon: HORIZON,
				period: PERIOD,
				threads,
				node: process.version,
				wallSeconds,
				pickedCpuSeconds: pickedSeconds,
				scores,
				interval95,
				pickedCounts,
				published: PUBLISHED.map(([method, s, m, o]) => ({ method, smape: s, mase: m, owa: o }))
			},
			null,
			'\t'
		) + '\n'
	);
}

async function loadMetrics() {
	const { runnerImport } = await import('vite');
	const { module } = await runnerImport(
		fileURLToPath(new URL('../src/lib/core/forecast/metrics.ts', import.meta.url)),
		{ root: repoRoot, logLevel: 'error' }
	);
	return /** @type {typeof import('../src/lib/core/forecast/metrics')} */ (module);
}

if (isMainThread) await main();
else await runWorker();
