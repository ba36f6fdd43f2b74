import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Bundled with the app: the wasm binaries load from our own origin, also offline.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export interface TfRuntimeInfo {
	backend: string;
	/** 2x2 matMul result, proving the backend computes. */
	check: number[];
	initMs: number;
}

let initialised: Promise<TfRuntimeInfo> | null = null;

/**
 * Loads tfjs once per worker on the wasm backend (2.5-16x faster than cpu here; see
 * ../shared/STACK-NOTES.md §6). tfjs falls back silently, so the backend is checked
 * and cpu is chosen explicitly if wasm cannot start; software WebGL is never used.
 */
export function initTfRuntime(): Promise<TfRuntimeInfo> {
	initialised ??= (async () => {
		const startedAt = performance.now();
		setWasmPaths({
			'tfjs-backend-wasm.wasm': wasmPlain,
			'tfjs-backend-wasm-simd.wasm': wasmSimd,
			'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd
		});
		const isWasm = await tf.setBackend('wasm').catch(() => false);
		if (!isWasm || tf.getBackend() !== 'wasm') await tf.setBackend('cpu');
		await tf.ready();
		const check = tf.tidy(() =>
			tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2]))
		);
		const values = Array.from(await check.data());
		check.dispose();
		return { backend: tf.getBackend(), check: values, initMs: performance.now() - startedAt };
	})();
	return initialised;
}
