import type { TfRuntimeInfo } from '$lib/ml/tf-runtime';
import { analyzeWorker } from '$lib/bridge/workers';
import { formatBytes, type FormatLocale } from '$lib/format/format';

/** What this device runs the models on, and how much the browser stores for us. */
class RuntimeManager {
	#info = $state.raw<TfRuntimeInfo | null>(null);
	#storageUsedBytes = $state<number | null>(null);

	get info(): TfRuntimeInfo | null {
		return this.#info;
	}

	storageText(locale: FormatLocale): string {
		return formatBytes(this.#storageUsedBytes, locale);
	}

	async load(): Promise<void> {
		const estimate = await navigator.storage?.estimate?.();
		this.#storageUsedBytes = estimate?.usage ?? null;
		this.#info = await analyzeWorker().runtimeInfo();
	}
}

export const runtime = new RuntimeManager();
