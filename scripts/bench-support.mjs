// What the browser benchmarks share: the project root, building, and serving the built site
// with `vite preview` on a port of their own.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {number[]} values */
export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs a command in the project root; rejects on a non-zero exit. */
export function run(command, args) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve(undefined) : reject(new Error(`${command} ${args.join(' ')}: ${code}`))
		);
	});
}

/**
 * Starts `vite preview` on `port` in its own process group (stopping it also stops npx's
 * child) and waits until `${baseUrl}/bench` answers; resolves with the function that stops it.
 */
export async function startPreview(port, baseUrl) {
	const child = spawn(
		'npx',
		['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
		{ cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'] }
	);
	let stderr = '';
	child.stderr.on('data', (data) => (stderr += String(data)));
	const stop = () => {
		if (child.exitCode !== null || child.pid === undefined) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// Already gone.
		}
	};
	for (let attempt = 0; attempt < 120; attempt++) {
		if (child.exitCode !== null) throw new Error(`vite preview exited: ${stderr.trim()}`);
		try {
			if ((await fetch(`${baseUrl}/bench`)).ok) return stop;
		} catch {
			// Not listening yet.
		}
		await sleep(250);
	}
	stop();
	throw new Error(`vite preview did not answer on ${baseUrl}: ${stderr.trim()}`);
}
