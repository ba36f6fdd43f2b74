// Writes static/demo/demo-shop-tickets.csv from generateDemoShopCsv().
// Node 20 has no --experimental-strip-types, so the TypeScript generator is loaded
// through Vite's module runner (Vite is already a dev dependency; nothing extra to install).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const generatorPath = fileURLToPath(new URL('../src/lib/core/demo/demo-shop.ts', import.meta.url));
const outputPath = fileURLToPath(new URL('../static/demo/demo-shop-tickets.csv', import.meta.url));

const { module: loaded } = await runnerImport(generatorPath, { root: repoRoot, logLevel: 'error' });
const generator = /** @type {typeof import('../src/lib/core/demo/demo-shop')} */ (loaded);
const startedAtMs = performance.now();
const csv = generator.generateDemoShopCsv();
const elapsedMs = performance.now() - startedAtMs;

await mkdir(dirname(outputPath), { recursive: true });
await writeFile(outputPath, csv, 'utf8');

const rowCount = csv.split('\n').length - 2;
const sizeBytes = Buffer.byteLength(csv, 'utf8');
console.log(
	`Wrote ${outputPath}: ${rowCount} tickets, ${sizeBytes} bytes, generated in ${elapsedMs.toFixed(0)} ms`
);
