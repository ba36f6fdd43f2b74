// The page's own cost of a dashboard filter or date-range change, in real headless Chromium:
// main-thread CPU time (not wall time, so the shared machine's load matters less) per change,
// split into script, style, layout and paint, from a Chromium trace.
//
// Imports BENCH_PAGE_ROWS generated tickets (default 50k: the page's work does not grow with
// the rows, the worker's does; see bench-dashboard.mjs for the 1M figures), opens the
// dashboard, shows every view of the bench's filter and range steps once (so the worker answers
// from its cache and its compute time stays out), then traces BENCH_PAGE_ROUNDS rounds of the
// same steps. Each change is timed from the input event until the overview's data-filter names
// the new filter (as bench-dashboard.mjs does) and until the next frame is produced.
// Writes bench/out/dashboard-page.json. See docs/benchmarks.md, "Dashboard speed".
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { median, ROOT, run, sleep, startPreview } from './bench-support.mjs';

const OUT_DIR = join(ROOT, 'bench', 'out');
const PORT = Number(process.env.BENCH_PORT ?? 4176);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const ROWS = Number(process.env.BENCH_PAGE_ROWS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 2);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];
/**
 * Trace events of the renderer's main thread, grouped as the report states them; what the
 * main thread's tasks spend besides these is script (event handlers, the worker's answer, the
 * Svelte updates they cause, the benchmark's own evaluate calls).
 */
const GROUPS = {
	style: ['UpdateLayoutTree'],
	layout: ['Layout'],
	paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
	gc: ['MinorGC', 'MajorGC']
};

const round1 = (value) => Math.round(value * 10) / 10;

/** One change in the page: ms until the overview shows it, and until the next frame. */
function change(page, step) {
	return page.evaluate(async ({ kind, testId, value }) => {
		const overview = document.querySelector('[data-testid=overview]');
		if (!overview) throw new Error('no overview');
		const before = overview.getAttribute('data-filter');
		const started = performance.now();
		const shown = new Promise((resolve) => {
			const observer = new MutationObserver(() => {
				if (
					overview.getAttribute('data-loading') === 'false' &&
					overview.getAttribute('data-filter') !== before
				) {
					observer.disconnect();
					resolve(performance.now());
				}
			});
			observer.observe(overview, { attributes: true });
		});
		if (kind === 'checkbox') {
			const box = document.querySelector(
				`[data-testid=${testId}] input[value="${CSS.escape(value)}"]`
			);
			if (!box) throw new Error(`no checkbox ${testId}=${value}`);
			box.click();
		} else {
			const input = document.querySelector(`[data-testid=${testId}]`);
			input.value = value;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		}
		const shownAt = await shown;
		// The frame that shows it: style, layout and paint included.
		await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
		return {
			shownMs: shownAt - started,
			frameMs: performance.now() - started,
			roundTripMs: Number(overview.getAttribute('data-round-trip-ms')),
			computeMs: Number(overview.getAttribute('data-compute-ms'))
		};
	}, step);
}

/** CPU ms of the renderer main thread's tasks, and of each group within them. */
function mainThreadCpu(events) {
	const names = new Map();
	for (const event of events)
		if (event.name === 'thread_name') names.set(`${event.pid}:${event.tid}`, event.args.name);
	const perThread = new Map();
	for (const event of events) {
		const thread = `${event.pid}:${event.tid}`;
		if (event.ph === 'X' && names.get(thread) === 'CrRendererMain')
			perThread.set(thread, (perThread.get(thread) ?? 0) + 1);
	}
	// The page's renderer: the main thread with the most events.
	const main = [...perThread].sort((a, b) => b[1] - a[1])[0]?.[0];
	const onMain = events.filter((event) => event.ph === 'X' && `${event.pid}:${event.tid}` === main);
	const cpuOf = (event) => (event.tdur ?? event.dur) / 1000;
	/** CPU of the outermost events among `named` (a GC inside a layout counts once). */
	const outermost = (named) => {
		const spans = onMain
			.filter((event) => named.includes(event.name))
			.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
		let end = -1;
		let total = 0;
		for (const event of spans) {
			if (event.ts < end) continue;
			end = event.ts + event.dur;
			total += cpuOf(event);
		}
		return total;
	};
	const groups = Object.fromEntries(
		Object.entries(GROUPS).map(([group, named]) => [group, outermost(named)])
	);
	const tasks = outermost(['RunTask']);
	const grouped = Object.values(groups).reduce((sum, ms) => sum + ms, 0);
	return { script: tasks - grouped, ...groups, total: tasks };
}

async function main() {
	if (process.env.BENCH_SKIP_BUILD !== '1') await run('npx', ['vite', 'build']);
	const stopPreview = await startPreview(PORT, BASE_URL);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		const context = await browser.newContext({
			serviceWorkers: 'block',
			timezoneId: 'Europe/Berlin',
			locale: 'en-GB'
		});
		const page = await context.newPage();
		page.setDefaultTimeout(10 * 60_000);
		console.log(`Importing ${ROWS} generated tickets…`);
		await page.goto(`${BASE_URL}/bench?rows=${ROWS}&mode=import&prepare=1`);
		await page.waitForSelector(
			'[data-testid=bench-result]:is([data-state=done], [data-state=error])'
		);
		if ((await page.getAttribute('[data-testid=bench-result]', 'data-state')) !== 'done')
			throw new Error(await page.textContent('[data-testid=bench-result]'));
		await page.goto(`${BASE_URL}/`);
		await page.waitForSelector(`[data-testid=kpi-tickets][data-value="${ROWS}"]`);
		const agents = await page.$$eval('[data-testid=filter-agent] input', (inputs) =>
			inputs.slice(0, 2).map((input) => input.value)
		);
		const box = (testId, value) => ({ kind: 'checkbox', testId, value });
		const day = (testId, value) => ({ kind: 'date', testId, value });
		// bench-dashboard.mjs's steps: filters on and off, then date ranges.
		const steps = [
			box('filter-agent', agents[0]),
			box('filter-channel', 'chat'),
			box('filter-agent', agents[0]),
			box('filter-channel', 'chat'),
			box('filter-status', 'solved'),
			box('filter-status', 'solved'),
			day('filter-from', '2025-09-01'),
			day('filter-to', '2025-11-30'),
			day('filter-to', '2026-03-31'),
			day('filter-from', ''),
			day('filter-to', '')
		];
		// Every view once: the traced rounds measure the page, not the worker's compute.
		for (const step of steps) await change(page, step);
		await sleep(1000);

		const cdp = await context.newCDPSession(page);
		const events = [];
		cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
		const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
		await cdp.send('Tracing.start', {
			categories: TRACE_CATEGORIES.join(','),
			transferMode: 'ReportEvents'
		});
		const times = [];
		for (let round = 0; round < ROUNDS; round++)
			for (const step of steps) times.push(await change(page, step));
		await cdp.send('Tracing.end');
		await complete;

		const changes = times.length;
		const cpu = mainThreadCpu(events);
		const perChange = (ms) => round1(ms / changes);
		const result = {
			rows: ROWS,
			changes,
			cpus: os.cpus().length,
			loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
			// Main-thread CPU ms per change (trace events' thread time), and script + style + layout.
			cpuMsPerChange: {
				...Object.fromEntries(Object.entries(cpu).map(([group, ms]) => [group, perChange(ms)])),
				scriptStyleLayout: perChange(cpu.script + cpu.style + cpu.layout)
			},
			medianMs: {
				shown: Math.round(median(times.map((time) => time.shownMs))),
				shownMinusRoundTrip: Math.round(
					median(times.map((time) => time.shownMs - time.roundTripMs))
				),
				nextFrame: Math.round(median(times.map((time) => time.frameMs))),
				roundTrip: Math.round(median(times.map((time) => time.roundTripMs)))
			},
			coldSamples: times.filter((time) => time.computeMs > 0).length
		};
		console.log(JSON.stringify(result, null, 2));
		await mkdir(OUT_DIR, { recursive: true });
		await writeFile(join(OUT_DIR, 'dashboard-page.json'), JSON.stringify(result, null, 2));
		await context.close();
	} finally {
		await browser.close();
		stopPreview();
	}
}

await main();
