import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Layer rules: core is pure, workers are framework-free, components never reach for data. */
const noFrameworkInCore = {
	patterns: [
		{ group: ['svelte', 'svelte/*', '$app/*', '$env/*'], message: 'core/ is pure TypeScript.' },
		{
			group: ['dexie', '$lib/db/*', '$lib/bridge/*', '$lib/state/*'],
			message: 'core/ does no I/O.'
		},
		{ group: ['@tensorflow/*'], message: 'tfjs lives in $lib/ml, loaded lazily in workers.' }
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte'],
		ignores: ['eslint.config.js', 'svelte.config.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/await-thenable': 'error'
		}
	},
	{
		files: ['src/lib/core/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', noFrameworkInCore] }
	},
	{
		files: ['workers/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '$env/*', '$lib/state/*', '$lib/components/*']
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/components/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['$lib/db/*', '$lib/bridge/*', '$lib/state/*', 'dexie'] }] }
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'bench/out/',
			'test-results/',
			'playwright-report/'
		]
	}
);
