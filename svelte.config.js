import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Everything the app talks to is its own origin; tfjs compiles WebAssembly. */
const cspDirectives = {
	'default-src': ['self'],
	'script-src': ['self', 'wasm-unsafe-eval'],
	'worker-src': ['self'],
	'connect-src': ['self'],
	'img-src': ['self', 'data:', 'blob:'],
	'style-src': ['self', 'unsafe-inline'],
	'font-src': ['self'],
	'manifest-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter({ fallback: '404.html', strict: true }),
		csp: { mode: 'hash', directives: cspDirectives },
		serviceWorker: { register: false },
		typescript: {
			// Type-check (and type-aware lint) the test runner's config with the app.
			config: (tsconfig) => ({
				...tsconfig,
				include: [...tsconfig.include, '../playwright.config.ts']
			})
		}
	}
};

export default config;
