/** Bytes per read: big enough to keep per-piece overhead low, small enough for flat memory. */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

export interface TextPiece {
	text: string;
	/** Bytes of the file consumed so far (for "percent of bytes"). */
	bytesRead: number;
}

/**
 * Streams a Blob (a dropped File) as decoded text without holding the whole file. TextDecoder
 * in stream mode keeps multi-byte characters that straddle two reads intact.
 */
export async function* readTextPieces(
	blob: Blob,
	encoding: string,
	chunkBytes = READ_CHUNK_BYTES,
	options: { syncInWorker?: boolean } = {}
): AsyncGenerator<TextPiece> {
	const decoder = new TextDecoder(encoding);
	const SyncReader = options.syncInWorker === true ? syncReader() : null;
	if (SyncReader !== null) {
		// A worker that parses without yielding to its event loop would see an async read's
		// completion only at its next await of a task: reading synchronously is not slower.
		const reader = new SyncReader();
		for (let start = 0; start < blob.size; start += chunkBytes) {
			const end = Math.min(blob.size, start + chunkBytes);
			const bytes = new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end)));
			yield { text: decoder.decode(bytes, { stream: end < blob.size }), bytesRead: end };
		}
		return;
	}
	const read = (start: number) =>
		blob.slice(start, Math.min(blob.size, start + chunkBytes)).arrayBuffer();
	// The next slice is read while the consumer works on this one.
	let next = blob.size > 0 ? read(0) : null;
	for (let start = 0; next !== null; start += chunkBytes) {
		const bytes = new Uint8Array(await next);
		const end = start + bytes.length;
		next = end < blob.size ? read(end) : null;
		yield { text: decoder.decode(bytes, { stream: end < blob.size }), bytesRead: end };
	}
}

export async function readHead(blob: Blob, bytes = 64 * 1024): Promise<Uint8Array> {
	return new Uint8Array(await blob.slice(0, bytes).arrayBuffer());
}

interface SyncBlobReader {
	readAsArrayBuffer(blob: Blob): ArrayBuffer;
}

/** FileReaderSync in a dedicated worker; null elsewhere (the page, Node). */
function syncReader(): (new () => SyncBlobReader) | null {
	const constructor = (globalThis as { FileReaderSync?: new () => SyncBlobReader }).FileReaderSync;
	return constructor ?? null;
}
