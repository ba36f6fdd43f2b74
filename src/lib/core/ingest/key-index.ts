/**
 * A string → number map for millions of row keys that keeps no strings: each key is held
 * as a 64-bit hash (two independent 32-bit hashes) in typed arrays, open addressing. The
 * arrays are ArrayBuffers outside the JS heap, so the garbage collector never marks them.
 * A Map<string, …> of 1M ticket keys costs ~125 bytes a key and a lot of GC time; this costs
 * 12 bytes a slot with 32-bit integer values (16 with `wideValues`), at a load of one quarter
 * to one half: 24-48 bytes a key. Two different keys share both hashes with probability
 * ~n²/2^65 (≈ 3·10⁻⁸ for a million tickets), which we accept for duplicate detection.
 */
export class KeyIndex {
	/**
	 * Both hashes of each slot side by side ([a, b] at 2·slot), so a probe touches one
	 * cache line; [0, 0] marks a free slot (a key hashing to it is stored as [0, 1]).
	 */
	#hashes: Uint32Array;
	/** Int32Array unless `wideValues` (values beyond ±2³¹, e.g. chunk id × row slots). */
	#values: Int32Array | Float64Array;
	readonly #wide: boolean;
	#mask: number;
	#size = 0;

	constructor(initialCapacity = 1024, options: { wideValues?: boolean } = {}) {
		const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity * 2)));
		this.#wide = options.wideValues === true;
		this.#hashes = new Uint32Array(capacity * 2);
		this.#values = this.#newValues(capacity);
		this.#mask = capacity - 1;
	}

	#newValues(capacity: number): Int32Array | Float64Array {
		return this.#wide ? new Float64Array(capacity) : new Int32Array(capacity);
	}

	get size(): number {
		return this.#size;
	}

	/** Bytes held (hash and value arrays): what the index costs in memory. */
	get bytes(): number {
		return this.#hashes.byteLength + this.#values.byteLength;
	}

	get(key: string): number | undefined {
		hashKey(key);
		const a = hashA;
		const b = hashB;
		const hashes = this.#hashes;
		const mask = this.#mask;
		for (let slot = (a ^ (b >>> 7)) & mask; ; slot = (slot + 1) & mask) {
			const slotA = hashes[2 * slot] ?? 0;
			const slotB = hashes[2 * slot + 1] ?? 0;
			if (slotA === a && slotB === b) return this.#values[slot];
			if (slotA === 0 && slotB === 0) return undefined;
		}
	}

	set(key: string, value: number): void {
		if ((this.#size + 1) * 2 > this.#mask + 1) this.#grow();
		hashKey(key);
		const slot = this.#slotOf(hashA, hashB);
		if (slot < 0) this.#values[-slot - 1] = value;
		else this.#put(slot, hashA, hashB, value);
	}

	/**
	 * The value of `key` when it is there (left unchanged); else inserts `value` and returns
	 * undefined. One hash of the key instead of two for a `get` then a `set`.
	 */
	getOrSet(key: string, value: number): number | undefined {
		if ((this.#size + 1) * 2 > this.#mask + 1) this.#grow();
		hashKey(key);
		const slot = this.#slotOf(hashA, hashB);
		if (slot < 0) return this.#values[-slot - 1];
		this.#put(slot, hashA, hashB, value);
		return undefined;
	}

	/** The free slot for (a, b), or -(slot + 1) when (a, b) is already there. */
	#slotOf(a: number, b: number): number {
		const hashes = this.#hashes;
		const mask = this.#mask;
		for (let slot = (a ^ (b >>> 7)) & mask; ; slot = (slot + 1) & mask) {
			const slotA = hashes[2 * slot] ?? 0;
			const slotB = hashes[2 * slot + 1] ?? 0;
			if (slotA === a && slotB === b) return -slot - 1;
			if (slotA === 0 && slotB === 0) return slot;
		}
	}

	#put(slot: number, a: number, b: number, value: number): void {
		this.#hashes[2 * slot] = a;
		this.#hashes[2 * slot + 1] = b;
		this.#values[slot] = value;
		this.#size++;
	}

	#grow(): void {
		const hashes = this.#hashes;
		const values = this.#values;
		const capacity = (this.#mask + 1) * 2;
		this.#hashes = new Uint32Array(capacity * 2);
		this.#values = this.#newValues(capacity);
		this.#mask = capacity - 1;
		this.#size = 0;
		for (let slot = 0; slot < values.length; slot++) {
			const a = hashes[2 * slot] ?? 0;
			const b = hashes[2 * slot + 1] ?? 0;
			if (a !== 0 || b !== 0) this.#put(this.#slotOf(a, b), a, b, values[slot] ?? 0);
		}
	}
}

/** The two hashes of the last key hashed (module state: no allocation per key). */
let hashA = 0;
let hashB = 0;

/**
 * FNV-1a and a second, independent hash (murmur3-style mixing, different seed) of `text`,
 * in one pass over its characters, into hashA / hashB.
 */
function hashKey(text: string): void {
	let fnv = 0x811c9dc5;
	let hash = 0x9747b28c ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		fnv ^= code;
		fnv = Math.imul(fnv, 0x01000193);
		let k = Math.imul(code, 0xcc9e2d51);
		k = (k << 15) | (k >>> 17);
		hash ^= Math.imul(k, 0x1b873593);
		hash = (hash << 13) | (hash >>> 19);
		hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
	}
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	hash ^= hash >>> 16;
	hashA = fnv >>> 0;
	// [0, 0] marks a free slot.
	hashB = hashA === 0 && hash === 0 ? 1 : hash >>> 0;
}
