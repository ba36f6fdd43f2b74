// Ingest throughput benchmark in real headless Chromium against the built static site.
// For each size it runs, each in a fresh browser context (fresh IndexedDB), papaparse alone
// ("parse") and the full import ("import") on the same generated ticket CSV, samples the JS
// heap of the page and of the ingest worker over CDP, prints a table and writes
// bench/out/ingest.json. See docs/benchmarks.md.
//
//   npm run bench                       100k and 1M rows
//   BENCH_ROWS=50000,200000 npm run bench
//   BENCH_REPEAT=3 npm run bench        3 rounds, the median run is reported
//   BENCH_PROFILE=1 npm run bench       + CPU profile of the worker in each run (unminified build)
//   BENCH_LIVE_HEAP=1 npm run bench     + live worker heap (forced GCs: slows the runs)
//   BENCH_BUILD=1 / BENCH_SKIP_BUILD=1  always rebuild / never rebuild build/
//   BENCH_KIND=messages                 a TWCS-format message export (npm run bench:messages,
//                                       1M messages by default; writes bench/out/messages.json)
//   BENCH_KIND=mbox                     a generated Gmail Takeout .mbox of BENCH_MB megabytes
//                                       (npm run bench:mailbox: 100 and 500 MB, live heap on;
//                                       parse = mbox split + postal-mime; writes bench/out/mailbox.json)
//   BENCH_PORT=4183                     preview port (default 4175), for side-by-side worktrees
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ROOT, run, sleep, startPreview } from './bench-support.mjs';

const OUT_DIR = join(ROOT, 'bench', 'out');
const PORT = Number(process.env.BENCH_PORT ?? 4175);
/**
 * BENCH_KIND=messages: a TWCS-format message export instead of a ticket CSV (npm run
 * bench:messages); BENCH_KIND=mbox: a generated mailbox of BENCH_MB megabytes (bench:mailbox).
 */
const kind = ['messages', 'mbox'].includes(process.env.BENCH_KIND ?? '')
	? process.env.BENCH_KIND
	: 'tickets';
const isMailbox = kind === 'mbox';
const BASE_URL = `http://127.0.0.1:${PORT}`;
const SAMPLE_INTERVAL_MS = 250;
const RUN_TIMEOUT_MS = 15 * 60_000;
const MB = 1_000_000;
const MODES = /** @type {const} */ (['parse', 'import']);
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
const TARGET_ROWS_PER_SECOND = 50_000;
const TARGET_RATIO = 0.5;

/** Rows per run, or for a mailbox its size in MB. */
const sizes = (
	isMailbox ? (process.env.BENCH_MB ?? '100,500') : (process.env.BENCH_ROWS ?? '100000,1000000')
)
	.split(',')
	.map((text) => Number(text.replace(/_/g, '').trim()))
	.filter((rows) => Number.isInteger(rows) && rows > 0);
const profiling = process.env.BENCH_PROFILE === '1';
const skipBuild = process.env.BENCH_SKIP_BUILD === '1';
const forceBuild = process.env.BENCH_BUILD === '1';
const liveHeap = process.env.BENCH_LIVE_HEAP === '1';
const repeat = Math.max(1, Math.floor(Number(process.env.BENCH_REPEAT ?? '1')) || 1);
/** With BENCH_LIVE_HEAP=1: a forced worker GC before every 8th sample (every ~2 s). */
const LIVE_HEAP_EVERY = 8;

/**
 * CDP access to the page and (through non-flattened auto-attach, which Playwright's
 * CDPSession can drive) to the dedicated ingest worker, whose heap is a separate isolate.
 */
async function openProbe(context, page) {
	const cdp = await context.newCDPSession(page);
	/** @type {Map<number, (message: any) => void>} */
	const pending = new Map();
	let nextId = 1;
	/** @type {{ sessionId: string, url: string } | null} */
	let worker = null;

	const sendToWorker = (method, params = {}) => {
		const session = worker;
		if (session === null) return Promise.reject(new Error('no worker attached'));
		const id = nextId++;
		return new Promise((resolve, reject) => {
			pending.set(id, (message) =>
				message.error ? reject(new Error(message.error.message)) : resolve(message.result)
			);
			cdp
				.send('Target.sendMessageToTarget', {
					sessionId: session.sessionId,
					message: JSON.stringify({ id, method, params })
				})
				.catch((error) => {
					pending.delete(id);
					reject(error);
				});
		});
	};

	cdp.on('Target.receivedMessageFromTarget', (event) => {
		const message = JSON.parse(event.message);
		const settle = message.id === undefined ? undefined : pending.get(message.id);
		if (settle === undefined) return;
		pending.delete(message.id);
		settle(message);
	});
	cdp.on('Target.attachedToTarget', (event) => {
		const { sessionId, targetInfo } = event;
		const resume = () =>
			cdp
				.send('Target.sendMessageToTarget', {
					sessionId,
					message: JSON.stringify({ id: nextId++, method: 'Runtime.runIfWaitingForDebugger' })
				})
				.catch(() => undefined);
		if (targetInfo.type !== 'worker' || !targetInfo.url.includes('ingest.worker')) {
			void resume();
			return;
		}
		worker = { sessionId, url: targetInfo.url };
		const ready = profiling
			? sendToWorker('Profiler.enable')
					.then(() => sendToWorker('Profiler.setSamplingInterval', { interval: 500 }))
					.then(() => sendToWorker('Profiler.start'))
			: Promise.resolve();
		void ready.catch((error) => console.warn(`profiler: ${error.message}`)).then(resume);
	});
	cdp.on('Target.detachedFromTarget', (event) => {
		if (worker?.sessionId === event.sessionId) worker = null;
	});
	// The worker waits for us at start, so heap sampling and profiling see all of its life.
	await cdp.send('Target.setAutoAttach', {
		autoAttach: true,
		waitForDebuggerOnStart: true,
		flatten: false
	});

	return {
		pageHeap: async () => (await cdp.send('Runtime.getHeapUsage')).usedSize,
		/** usedSize (JS heap) and backingStorageSize (ArrayBuffer stores, outside it; 0 if not reported). */
		workerHeap: async () => {
			if (worker === null) return null;
			const usage = await sendToWorker('Runtime.getHeapUsage');
			return { used: usage.usedSize, buffers: usage.backingStorageSize ?? 0 };
		},
		pageCollectGarbage: () => cdp.send('HeapProfiler.collectGarbage'),
		workerCollectGarbage: async () => {
			if (worker !== null) await sendToWorker('HeapProfiler.collectGarbage');
		},
		stopProfile: async () =>
			worker === null ? null : (await sendToWorker('Profiler.stop')).profile,
		detach: () => cdp.detach().catch(() => undefined)
	};
}

/**
 * Samples both heaps every SAMPLE_INTERVAL_MS until stopped; keeps peaks per phase. Used
 * heap includes garbage not yet collected; with BENCH_LIVE_HEAP=1 every LIVE_HEAP_EVERY-th
 * sample first forces a full GC in the worker, which gives its live heap (and slows it).
 */
function startSampler(probe, phaseOf) {
	const peaks = {
		generating: { page: 0, worker: 0 },
		running: { page: 0, worker: 0, workerBuffers: 0, liveWorker: 0, liveWorkerBuffers: 0 }
	};
	/** BENCH_LIVE_HEAP=1: [ms since the run started, live worker heap bytes, its ArrayBuffer bytes]. */
	const liveSamples = [];
	let runningSince = 0;
	let samples = 0;
	let stopped = false;
	const sample = async () => {
		const startedAt = Date.now();
		const phase = phaseOf();
		const [page, worker] = await Promise.all([
			probe.pageHeap().catch(() => null),
			probe.workerHeap().catch(() => null)
		]);
		if (phase === 'running') {
			if (runningSince === 0) runningSince = startedAt;
			if (page !== null) peaks.running.page = Math.max(peaks.running.page, page);
			if (worker !== null) {
				peaks.running.worker = Math.max(peaks.running.worker, worker.used);
				peaks.running.workerBuffers = Math.max(peaks.running.workerBuffers, worker.buffers);
			}
		} else if (page !== null) {
			peaks.generating.page = Math.max(peaks.generating.page, page);
		}
		samples++;
		if (liveHeap && phase === 'running' && samples % LIVE_HEAP_EVERY === 0) {
			const live = await probe
				.workerCollectGarbage()
				.then(() => probe.workerHeap())
				.catch(() => null);
			if (live !== null) {
				peaks.running.liveWorker = Math.max(peaks.running.liveWorker, live.used);
				peaks.running.liveWorkerBuffers = Math.max(peaks.running.liveWorkerBuffers, live.buffers);
				liveSamples.push([Date.now() - runningSince, live.used, live.buffers]);
			}
		}
	};
	const loop = (async () => {
		while (!stopped) {
			const startedAt = Date.now();
			await sample();
			await sleep(Math.max(0, SAMPLE_INTERVAL_MS - (Date.now() - startedAt)));
		}
	})();
	return async () => {
		stopped = true;
		await loop;
		// One more right after the run, so even a run shorter than the interval has a figure.
		await sample();
		return { peaks, samples, liveSamples };
	};
}

async function measure(browser, rows, mode) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		/** @type {string[]} */
		const pageErrors = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		const probe = await openProbe(context, page);
		let phase = 'generating';
		const stopSampler = startSampler(probe, () => phase);
		await page.goto(
			isMailbox
				? `${BASE_URL}/bench?mb=${rows}&mode=${mode}&kind=mbox`
				: `${BASE_URL}/bench?rows=${rows}&mode=${mode}&kind=${kind}`
		);
		await page.waitForSelector(
			'[data-testid=bench-phase]:is([data-phase=running], [data-phase=done], [data-phase=error])',
			{ timeout: RUN_TIMEOUT_MS }
		);
		// The generator's garbage would otherwise count as the page's heap during the run.
		await probe.pageCollectGarbage().catch(() => undefined);
		phase = 'running';
		// The 1-minute load average as the run starts: the machine is shared.
		const loadAverage = os.loadavg()[0];
		const result = page.locator('[data-testid=bench-result]');
		await page.waitForSelector(
			'[data-testid=bench-result]:is([data-state=done], [data-state=error])',
			{
				timeout: RUN_TIMEOUT_MS
			}
		);
		const { peaks, samples, liveSamples } = await stopSampler();
		const profile = profiling ? await probe.stopProfile() : null;
		await probe.detach();
		const state = await result.getAttribute('data-state');
		const outcome = JSON.parse((await result.textContent()) ?? '{}');
		if (state !== 'done')
			throw new Error(`${mode} of ${rows} rows failed: ${outcome.error} ${pageErrors.join('; ')}`);
		if (outcome.kind !== kind)
			throw new Error(`asked for a ${kind} export, the page generated ${outcome.kind}`);
		return {
			...outcome,
			loadAverage,
			peakHeapBytes: { page: peaks.running.page, worker: peaks.running.worker },
			peakWorkerArrayBufferBytes: peaks.running.workerBuffers,
			...(liveHeap
				? {
						peakLiveWorkerHeapBytes: peaks.running.liveWorker,
						peakLiveWorkerArrayBufferBytes: peaks.running.liveWorkerBuffers,
						liveWorkerHeapSamples: liveSamples
					}
				: {}),
			peakHeapWhileGeneratingBytes: peaks.generating.page,
			heapSamples: samples,
			profile
		};
	} finally {
		await context.close();
	}
}

// ------------------------------------------------------------------------------------------
// CPU profile summary, mapped back to source files through the build's source maps.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a v3 source map's mappings into per-line sorted [column, source, line] segments. */
function decodeMappings(map) {
	const lines = [];
	const state = [0, 0, 0, 0];
	for (const lineText of map.mappings.split(';')) {
		const segments = [];
		let column = 0;
		for (const segment of lineText.split(',')) {
			if (segment === '') continue;
			const values = [];
			let value = 0;
			let shift = 0;
			for (const char of segment) {
				const digit = BASE64.indexOf(char);
				value += (digit & 31) << shift;
				if (digit & 32) shift += 5;
				else {
					values.push(value & 1 ? -(value >>> 1) : value >>> 1);
					value = 0;
					shift = 0;
				}
			}
			column += values[0] ?? 0;
			if (values.length >= 4) {
				state[1] += values[1];
				state[2] += values[2];
				segments.push([column, state[1], state[2]]);
			}
		}
		lines.push(segments);
	}
	return lines;
}

async function sourceLocator() {
	/** @type {Map<string, any>} */
	const maps = new Map();
	return async (url, line, column) => {
		if (!url.startsWith(BASE_URL)) return null;
		const file = join(ROOT, 'build', new URL(url).pathname);
		if (!maps.has(file)) {
			let decoded = null;
			try {
				const map = JSON.parse(await readFile(`${file}.map`, 'utf8'));
				decoded = { sources: map.sources, lines: decodeMappings(map) };
			} catch {
				// No source map: report the bundle position.
			}
			maps.set(file, decoded);
		}
		const map = maps.get(file);
		const segments = map?.lines[line] ?? [];
		let best = null;
		for (const segment of segments) if (segment[0] <= column) best = segment;
		if (best === null) return null;
		const source = String(map.sources[best[1]] ?? '?').replace(/^(\.\.\/)+/, '');
		return `${source}:${best[2] + 1}`;
	};
}

async function summariseProfile(profile, top = 15) {
	const locate = await sourceLocator();
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const selfMicros = new Map();
	let total = 0;
	profile.samples.forEach((id, index) => {
		const delta = profile.timeDeltas[index] ?? 0;
		selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
		total += delta;
	});
	/** @type {Map<string, { micros: number, name: string, where: string }>} */
	const byFunction = new Map();
	/** @type {Map<string, number>} */
	const byFile = new Map();
	for (const [id, micros] of selfMicros) {
		const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
		const where =
			(await locate(url, lineNumber, columnNumber)) ??
			(url === '' ? '' : `${url.replace(BASE_URL, '')}:${lineNumber + 1}`);
		const name = functionName || (url === '' ? '(native)' : '(anonymous)');
		const key = `${name} ${where}`;
		const entry = byFunction.get(key) ?? { micros: 0, name, where };
		entry.micros += micros;
		byFunction.set(key, entry);
		const fileKey = where === '' ? name : where.replace(/:\d+$/, '');
		byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + micros);
	}
	const share = (micros) => Math.round((1000 * micros) / Math.max(1, total)) / 10;
	return {
		totalMs: Math.round(total / 1000),
		functions: [...byFunction.values()]
			.sort((a, b) => b.micros - a.micros)
			.slice(0, top)
			.map(({ micros, name, where }) => ({
				selfMs: Math.round(micros / 1000),
				percent: share(micros),
				name,
				where
			})),
		files: [...byFile]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([file, micros]) => ({
				selfMs: Math.round(micros / 1000),
				percent: share(micros),
				file
			}))
	};
}

// ------------------------------------------------------------------------------------------
// Report

const mib = (bytes) => (bytes > 0 ? `${(bytes / 1024 / 1024).toFixed(0)}` : '-');

function printTable(results) {
	const header = [
		'rows',
		'MB',
		'mode',
		's',
		'rows/s',
		'MB/s',
		'peak heap MiB page / worker',
		'index MiB',
		'load',
		'import÷parse'
	];
	const body = results.map((result) => {
		const parse = results.find((other) => other.rows === result.rows && other.mode === 'parse');
		const ratio =
			result.mode === 'import' && parse
				? (result.rowsPerSecond / parse.rowsPerSecond).toFixed(2)
				: '';
		return [
			result.rows.toLocaleString('en-US'),
			(result.bytes / MB).toFixed(1),
			result.mode,
			(result.elapsedMs / 1000).toFixed(2),
			result.rowsPerSecond.toLocaleString('en-US'),
			result.mbPerSecond.toFixed(1),
			`${mib(result.peakHeapBytes.page)} / ${mib(result.peakHeapBytes.worker)}`,
			result.indexBytes === undefined ? '' : (result.indexBytes / 1024 / 1024).toFixed(1),
			result.loadAverage.toFixed(1),
			ratio
		];
	});
	const widths = header.map((title, column) =>
		Math.max(title.length, ...body.map((row) => row[column].length))
	);
	const line = (cells) =>
		cells
			.map((cell, column) =>
				column === 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
			)
			.join('  ');
	console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
	for (const row of body) console.log(line(row));
}

/** The run with the median rows/s stands for its size and mode; all runs stay in the JSON. */
function medianRun(runs) {
	const sorted = [...runs].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond);
	const median = sorted[(sorted.length - 1) >> 1];
	if (runs.length === 1) return median;
	return {
		...median,
		runs: runs.map(({ elapsedMs, rowsPerSecond, mbPerSecond, peakHeapBytes }) => ({
			elapsedMs,
			rowsPerSecond,
			mbPerSecond,
			peakHeapBytes
		}))
	};
}

function verdicts(results) {
	return sizes.map((rows) => {
		// A mailbox is asked for in MB: its runs are found by that size, not by rows read.
		const sizeOf = (result) => (isMailbox ? Math.round(result.bytes / MB) : result.rows);
		const parse = results.find((result) => sizeOf(result) === rows && result.mode === 'parse');
		const ingest = results.find((result) => sizeOf(result) === rows && result.mode === 'import');
		const ratio = parse && ingest ? ingest.rowsPerSecond / parse.rowsPerSecond : 0;
		return {
			rows,
			importMbPerSecond: ingest?.mbPerSecond ?? 0,
			importRowsPerSecond: ingest?.rowsPerSecond ?? 0,
			meetsRowsPerSecond: (ingest?.rowsPerSecond ?? 0) >= TARGET_ROWS_PER_SECOND,
			importToParseRatio: Math.round(ratio * 100) / 100,
			meetsRatio: ratio >= TARGET_RATIO
		};
	});
}

/**
 * Mailbox: how the import's peak worker heap grows between the smallest and the largest
 * file (live heap when measured, else used heap), in MiB per 100 MB of mailbox.
 */
function memoryGrowth(results) {
	const imports = results
		.filter((result) => result.mode === 'import')
		.sort((a, b) => a.bytes - b.bytes);
	const small = imports[0];
	const large = imports[imports.length - 1];
	if (small === undefined || large === undefined || small === large) return null;
	const peakOf = (result) =>
		result.peakLiveWorkerHeapBytes > 0
			? result.peakLiveWorkerHeapBytes
			: result.peakHeapBytes.worker;
	const what = small.peakLiveWorkerHeapBytes > 0 ? 'peak live' : 'peak used';
	const growthPer100Mb =
		(peakOf(large) - peakOf(small)) / 1024 / 1024 / ((large.bytes - small.bytes) / MB / 100);
	return {
		growthMiBPer100Mb: Math.round(growthPer100Mb * 10) / 10,
		text:
			`Mailbox memory: ${what} worker heap ${mib(peakOf(small))} MiB at ${(small.bytes / MB).toFixed(0)} MB, ` +
			`${mib(peakOf(large))} MiB at ${(large.bytes / MB).toFixed(0)} MB: ` +
			`${growthPer100Mb.toFixed(1)} MiB per 100 MB of mailbox`
	};
}

const BUILD_INPUTS = [
	'src',
	'workers',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];

/** Why build/ cannot be used as it is, or null when it is current (and of the right kind). */
async function whyRebuild() {
	if (forceBuild) return 'BENCH_BUILD=1';
	const marker = join(ROOT, 'build', 'bench.html');
	if (!existsSync(marker)) return 'build/ has no bench page';
	if (skipBuild) return null;
	const workersDir = join(ROOT, 'build', '_app', 'immutable', 'workers');
	const hasMaps = (await readdir(workersDir).catch(() => [])).some((name) => name.endsWith('.map'));
	if (profiling && !hasMaps) return 'profiling needs an unminified build with source maps';
	if (!profiling && hasMaps) return 'build/ is the unminified profiling build';
	const builtAt = (await stat(marker)).mtimeMs;
	for (const input of BUILD_INPUTS) {
		const path = join(ROOT, input);
		if (!existsSync(path)) continue;
		const info = await stat(path);
		const files = info.isDirectory()
			? (await readdir(path, { recursive: true })).map((name) => join(path, name))
			: [path];
		for (const file of files) {
			// Tests do not go into the build.
			if (/\.spec\.[jt]s$/.test(file)) continue;
			if ((await stat(file)).mtimeMs > builtAt) return `${file.slice(ROOT.length)} is newer`;
		}
	}
	return null;
}

async function main() {
	if (sizes.length === 0)
		throw new Error(`BENCH_ROWS has no valid row count: ${process.env.BENCH_ROWS}`);
	const buildProblem = await whyRebuild();
	if (buildProblem !== null) {
		console.log(`Building the site: ${buildProblem}`);
		// Profiling wants readable function names and source maps; a normal run rebuilds minified.
		await run(
			'npx',
			profiling ? ['vite', 'build', '--minify', 'false', '--sourcemap', 'true'] : ['vite', 'build']
		);
	}
	const loadBefore = os.loadavg();
	stopPreview = await startPreview(PORT, BASE_URL);
	let browser = null;
	try {
		const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
			existsSync(path)
		);
		browser = await chromium.launch({
			...(executablePath ? { executablePath } : {}),
			args: CHROMIUM_ARGS
		});
		const results = [];
		for (const rows of sizes) {
			/** @type {Record<string, any[]>} */
			const runs = { parse: [], import: [] };
			// Repeats alternate the modes, so a load spike on the shared machine hits both.
			for (let round = 1; round <= repeat; round++) {
				for (const mode of MODES) {
					const label = repeat > 1 ? ` (${round}/${repeat})` : '';
					const size = isMailbox ? `${rows} MB mailbox` : `${rows.toLocaleString('en-US')} rows`;
					process.stdout.write(`${mode} ${size}${label} … `);
					const { profile, ...result } = await measure(browser, rows, mode);
					console.log(
						`${(result.elapsedMs / 1000).toFixed(2)} s, ${result.rowsPerSecond.toLocaleString('en-US')} rows/s, ` +
							`peak heap ${mib(result.peakHeapBytes.page)} / ${mib(result.peakHeapBytes.worker)} MiB ` +
							(result.indexBytes === undefined
								? ''
								: `, index ${(result.indexBytes / 1024 / 1024).toFixed(1)} MiB`) +
							` (load ${result.loadAverage.toFixed(1)}, generation ${(result.generationMs / 1000).toFixed(1)} s, ${result.heapSamples} heap samples)`
					);
					// A mailbox is asked for in MB: its rows are the mails the page generated.
					const expectedRows = isMailbox ? result.requestedRows : rows;
					if (result.rows !== expectedRows)
						throw new Error(`${mode} read ${result.rows} of ${expectedRows} rows`);
					if (profile) {
						await mkdir(OUT_DIR, { recursive: true });
						const suffix = repeat > 1 ? `-${round}` : '';
						const profilePath = join(OUT_DIR, `ingest-${rows}-${mode}${suffix}.cpuprofile`);
						await writeFile(profilePath, JSON.stringify(profile));
						result.profile = { path: profilePath, ...(await summariseProfile(profile)) };
					}
					runs[mode].push(result);
				}
			}
			for (const mode of MODES) results.push(medianRun(runs[mode]));
		}
		printTable(results);
		const seconds = (ms) => (ms / 1000).toFixed(0);
		for (const result of results.filter((result) => result.liveWorkerHeapSamples?.length)) {
			const series = result.liveWorkerHeapSamples
				.map(([ms, used, buffers]) => `${seconds(ms)}s ${mib(used)}+${mib(buffers)}`)
				.join(', ');
			console.log(
				`Live worker heap (MiB JS + ArrayBuffers, after forced GCs), ${result.mode} of ` +
					`${(result.bytes / MB).toFixed(0)} MB: ${series}`
			);
		}
		const flatness = isMailbox ? memoryGrowth(results) : null;
		if (flatness !== null) console.log(flatness.text);
		const checks = verdicts(results);
		for (const check of checks)
			if (isMailbox)
				console.log(
					`${check.rows} MB mailbox: import ${check.importRowsPerSecond.toLocaleString('en-US')} mails/s, ` +
						`${check.importMbPerSecond} MB/s, import÷parse ${check.importToParseRatio} (parse = split + postal-mime)`
				);
			else
				console.log(
					`${check.rows.toLocaleString('en-US')} rows: import ${check.importRowsPerSecond.toLocaleString('en-US')} rows/s ` +
						`(target ≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')}: ${check.meetsRowsPerSecond ? 'met' : 'MISSED'}), ` +
						`import÷parse ${check.importToParseRatio} (target ≥ ${TARGET_RATIO}: ${check.meetsRatio ? 'met' : 'MISSED'})`
				);
		for (const result of results.filter((result) => result.profile)) {
			console.log(
				`\nTop self time in the ingest worker, ${result.mode} of ${result.rows} rows (${result.profile.totalMs} ms sampled):`
			);
			for (const fn of result.profile.functions)
				console.log(
					`${String(fn.selfMs).padStart(7)} ms ${fn.percent.toFixed(1).padStart(5)} %  ${fn.name}  ${fn.where}`
				);
			console.log('By source file:');
			for (const file of result.profile.files)
				console.log(
					`${String(file.selfMs).padStart(7)} ms ${file.percent.toFixed(1).padStart(5)} %  ${file.file}`
				);
		}
		const report = {
			createdAt: new Date().toISOString(),
			machine: {
				cpus: os.cpus().length,
				cpuModel: os.cpus()[0]?.model ?? '',
				totalMemoryBytes: os.totalmem(),
				loadAverageBefore: loadBefore,
				loadAverageAfter: os.loadavg(),
				platform: `${os.platform()} ${os.release()}`,
				node: process.version,
				chromium: browser.version()
			},
			method: {
				heap: `Runtime.getHeapUsage usedSize over CDP every ${SAMPLE_INTERVAL_MS} ms, page and ingest worker, peak while the worker runs`,
				freshContextPerRun: true,
				kind,
				profiled: profiling,
				liveHeap,
				repeat
			},
			targets: { rowsPerSecond: TARGET_ROWS_PER_SECOND, importToParseRatio: TARGET_RATIO },
			...(flatness === null ? {} : { mailboxMemoryGrowthMiBPer100Mb: flatness.growthMiBPer100Mb }),
			results,
			checks
		};
		await mkdir(OUT_DIR, { recursive: true });
		const outPath = join(
			OUT_DIR,
			kind === 'messages' ? 'messages.json' : isMailbox ? 'mailbox.json' : 'ingest.json'
		);
		await writeFile(outPath, JSON.stringify(report, null, 2) + '\n');
		console.log(
			`\nChromium ${report.machine.chromium}, ${report.machine.cpus} CPUs, load average ` +
				`${loadBefore.map((load) => load.toFixed(2)).join(' ')} before / ` +
				`${report.machine.loadAverageAfter.map((load) => load.toFixed(2)).join(' ')} after. Wrote ${outPath}`
		);
	} finally {
		await browser?.close().catch(() => undefined);
		stopPreview();
	}
}

/** Stops the preview server; replaced once it runs, and called on every way out. */
let stopPreview = () => undefined;
const interrupted = () => {
	stopPreview();
	process.exit(130);
};
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);

main().catch((error) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exitCode = 1;
});
