// "Customers to review" benchmark (src/lib/core/risk): precision and recall of the list on
// seeded synthetic shops (the demo generator with several seeds; each run plants the same four
// serial claimers with their own random claims), side by side with the rules alone, and the
// Isolation Forest's time at 1M tickets. Run by `npm run bench:anomaly` after the NAB part,
// or alone with BENCH_PART=risk. Writes bench/out/risk.json. See docs/anomaly-detection.md.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { runnerImport } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'bench', 'out');
const SEEDS = [20260601, 1, 2, 3, 4, 5];
const MILLION = Number(process.env.BENCH_RISK_TICKETS ?? 1_000_000);

const load = async (path) =>
	(await runnerImport(join(ROOT, path), { root: ROOT, logLevel: 'error' })).module;
const demo = /** @type {typeof import('../src/lib/core/demo/demo-shop')} */ (
	await load('src/lib/core/demo/demo-shop.ts')
);
const risk = /** @type {typeof import('../src/lib/core/risk/customer-risk')} */ (
	await load('src/lib/core/risk/customer-risk.ts')
);
const columnsModule = /** @type {typeof import('../src/lib/core/model/ticket-columns')} */ (
	await load('src/lib/core/model/ticket-columns.ts')
);
const forestModule = /** @type {typeof import('../src/lib/core/anomaly/isolation-forest')} */ (
	await load('src/lib/core/anomaly/isolation-forest.ts')
);

/** The fields the risk features read, straight from the demo CSV (no importer needed). */
function demoColumns(csv) {
	const rows = Papa.parse(csv, { header: true, skipEmptyLines: true }).data;
	return columnsModule.toTicketColumns(
		rows.map((row) => {
			const score = Number(row['Satisfaction Score']);
			const rated = score >= 1 && score <= 5;
			return {
				key: `zendesk:${row.Id}`,
				externalId: row.Id,
				importId: 1,
				createdAtMs: Date.parse(row['Created at']),
				firstResponseSeconds: null,
				solvedAtMs: null,
				resolutionSeconds: null,
				status: 'closed',
				channel: 'email',
				priority: 'normal',
				agent: row.Assignee ?? '',
				group: row.Group ?? '',
				subject: row.Subject ?? '',
				tags: (row.Tags ?? '').split(' ').filter(Boolean),
				customerKey: (row['Requester email'] ?? '').toLowerCase(),
				csatScore: rated ? score : null,
				csatScale: rated ? 'five_point' : 'none',
				agentReplies: null,
				reopens: null
			};
		})
	);
}

const planted = new Set(demo.DEMO_SHOP_FACTS.serialClaimers);
const quality = (listed) => {
	const hits = listed.filter((key) => planted.has(key)).length;
	return {
		listed: listed.length,
		hits,
		precision: listed.length > 0 ? hits / listed.length : 0,
		recall: hits / planted.size
	};
};

const perSeed = [];
for (const seed of SEEDS) {
	const features = risk.customerFeatures(demoColumns(demo.generateDemoShopCsv({ seed })));
	const { customers, norms } = risk.rankRiskyCustomers(features);
	const keys = customers.map((c) => c.customerKey);
	const rulesOnly = features
		.filter((f) => risk.firedRules(f, norms).length >= 2)
		.map((f) => f.customerKey);
	perSeed.push({
		seed,
		customers: features.length,
		list: quality(keys),
		top4: quality(keys.slice(0, 4)),
		top10: quality(keys.slice(0, 10)),
		rules: quality(rulesOnly)
	});
}
const mean = (pick) => perSeed.reduce((sum, row) => sum + pick(row), 0) / perSeed.length;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log('\nCustomers to review on seeded demo shops (4 planted serial claimers each)');
console.log('seed        customers  list  P(list)  R(list)  P@4     R@10    rules-only P / R');
for (const row of perSeed)
	console.log(
		`${String(row.seed).padEnd(12)}${String(row.customers).padStart(9)}${String(row.list.listed).padStart(6)}` +
			`${pct(row.list.precision).padStart(9)}${pct(row.list.recall).padStart(9)}${pct(row.top4.precision).padStart(8)}` +
			`${pct(row.top10.recall).padStart(8)}   ${pct(row.rules.precision)} / ${pct(row.rules.recall)} (${row.rules.listed})`
	);
console.log(
	`mean: list precision ${pct(mean((r) => r.list.precision))}, recall ${pct(mean((r) => r.list.recall))}; ` +
		`precision@4 ${pct(mean((r) => r.top4.precision))}; rules alone ${pct(mean((r) => r.rules.precision))} / ${pct(mean((r) => r.rules.recall))}`
);

// Isolation Forest at 1M tickets: a seeded shop of heavy-tailed customers, built in memory.
function bigShop(tickets) {
	let state = 12345;
	const rng = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const columns = columnsModule.emptyTicketColumns(tickets);
	const customers = Math.round(tickets / 6);
	for (let row = 0; row < tickets; row++) {
		// Zipf-like: a few regulars, a long tail.
		const customer = Math.floor(customers * Math.pow(rng(), 2));
		const claim = rng() < 0.2;
		columns.keys.push(`t${row}`);
		columns.externalIds.push(String(row));
		columns.createdAtMs[row] = 1.78e12 + row * 1000;
		columns.agents.push('');
		columns.groups.push('');
		columns.subjects.push(claim ? 'Refund please' : 'Question');
		columns.tags.push(claim && rng() < 0.4 ? 'returns_refunds|refund_issued' : 'order_status');
		columns.customerKeys.push(`c${customer}@shop`);
		const rated = rng() < 0.3;
		columns.csatScaleCodes[row] = rated ? 2 : 0;
		columns.csatScores[row] = rated ? (rng() < 0.85 ? 5 : 1) : NaN;
	}
	columns.size = tickets;
	return columns;
}
const shop = bigShop(MILLION);
/** The machine is shared: the 1-minute load average beside every timing. */
const loadAverage = () => loadavg()[0];
const loadBefore = loadAverage();
let t0 = performance.now();
const bigFeatures = risk.customerFeatures(shop);
const featuresMs = performance.now() - t0;
t0 = performance.now();
const ranked = risk.rankRiskyCustomers(bigFeatures);
const rankMs = performance.now() - t0;
// The fit alone (100 trees of 256), on the same feature rows the ranking builds.
const rows = bigFeatures.map((f) => [
	Math.log1p(f.contacts),
	Math.log1p(f.claims),
	f.claims / f.contacts,
	f.compensated / f.contacts,
	Math.log1p(f.abusive),
	f.rated ? f.unsatisfied / f.rated : 0
]);
t0 = performance.now();
const forest = forestModule.fitIsolationForest(rows, { seed: 1 });
const fitMs = performance.now() - t0;
t0 = performance.now();
for (const row of rows) forestModule.scoreIsolation(forest, row);
const scoreMs = performance.now() - t0;
const loadAfter = loadAverage();
console.log(
	`\nIsolation Forest at ${MILLION.toLocaleString('en')} tickets (${bigFeatures.length.toLocaleString('en')} customers): ` +
		`features ${featuresMs.toFixed(0)} ms, fit ${fitMs.toFixed(1)} ms, scoring every customer ${scoreMs.toFixed(0)} ms, ` +
		`whole ranking ${rankMs.toFixed(0)} ms (${ranked.customers.length} listed); ` +
		`load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (${cpus().length} cores)`
);
console.log(
	`Isolation Forest fit time at ${MILLION.toLocaleString('en')} tickets: ${(fitMs / 1000).toFixed(2)} s ` +
		`(100 trees x 256 rows of ${rows.length.toLocaleString('en')} customer feature rows; load ${loadBefore.toFixed(1)})`
);

await mkdir(OUT_DIR, { recursive: true });
await writeFile(
	join(OUT_DIR, 'risk.json'),
	JSON.stringify(
		{
			seeds: perSeed,
			mean: {
				listPrecision: mean((r) => r.list.precision),
				listRecall: mean((r) => r.list.recall),
				precisionAt4: mean((r) => r.top4.precision),
				rulesPrecision: mean((r) => r.rules.precision),
				rulesRecall: mean((r) => r.rules.recall)
			},
			isolationForest: {
				tickets: MILLION,
				customers: bigFeatures.length,
				featuresMs,
				fitMs,
				scoreMs,
				rankMs,
				loadAverage: { before: loadBefore, after: loadAfter, cores: cpus().length }
			}
		},
		null,
		'\t'
	) + '\n'
);
