/**
 * Asks the browser not to evict our IndexedDB under storage pressure: the merchant's
 * imports live only here. Browsers may grant it silently, ask, or refuse; all are fine.
 */
export async function requestPersistentStorage(): Promise<boolean> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}
