import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The web manifest is not picked up by the PWA plugin's globs when it does not write it. */
const manifestRevision = createHash('sha256')
	.update(readFileSync('static/manifest.webmanifest'))
	.digest('hex')
	.slice(0, 16);

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			registerType: 'autoUpdate',
			injectRegister: false,
			manifest: false,
			workbox: {
				// tfjs needs its .wasm files offline; the demo export is part of the app.
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,webmanifest,wasm,csv}',
					'prerendered/**/*.{html,json}'
				],
				additionalManifestEntries: [{ url: 'manifest.webmanifest', revision: manifestRevision }],
				maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
				navigateFallback: '/',
				// Take over the open page at once, so the first visit is already offline-ready.
				clientsClaim: true,
				skipWaiting: true
			}
		})
	],
	// BENCH_NO_MINIFY=1 (bench-dashboard's profiles): readable function names in CPU profiles.
	...(process.env.BENCH_NO_MINIFY === '1' ? { build: { minify: false } } : {}),
	worker: { format: 'es' },
	// Worker entry points live in the top-level workers/ folder (the design card's layout).
	server: { fs: { allow: ['workers'] } },
	// Pre-bundle what the page and the workers import, so the first `npm start` visit is not
	// reloaded half-way (e.g. during the first import) when Vite discovers them late.
	optimizeDeps: {
		include: [
			'dexie',
			'comlink',
			'papaparse',
			'd3',
			'@tensorflow/tfjs',
			'@tensorflow/tfjs-backend-wasm'
		]
	},
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'workers/**/*.spec.ts'],
		environment: 'node',
		setupFiles: ['tests/setup/node.ts'],
		env: { TZ: 'UTC' },
		// Model fits (SARIMA, the demo shop) take ~1-2 s alone but far longer on a loaded 2-core CI box.
		testTimeout: 30_000
	}
});
