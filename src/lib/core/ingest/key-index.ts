/**
 * A string → number map for millions of row keys that keeps no strings: each key is held
 * as a 64-bit hash (two independent 32-bit hashes) in typed arrays, open addressing.
 * A Map<string, …> of 1M ticket keys costs ~125 bytes a key and a lot of GC time; this
 * costs 16-32. Two different keys share both hashes with probability ~n²/2^65
 * (≈ 3·10⁻⁸ for a million tickets), which we accept for duplicate detection.
 */
export class KeyIndex {
	#hashA: Uint32Array;
	#hashB: Uint32Array;
	#values: Float64Array;
	#used: Uint8Array;
	#size = 0;

	constructor(initialCapacity = 1024) {
		const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity * 2)));
		this.#hashA = new Uint32Array(capacity);
		this.#hashB = new Uint32Array(capacity);
		this.#values = new Float64Array(capacity);
		this.#used = new Uint8Array(capacity);
	}

	get size(): number {
		return this.#size;
	}

	get(key: string): number | undefined {
		hashKey(key);
		const a = hashA;
		const b = hashB;
		const mask = this.#used.length - 1;
		for (let slot = (a ^ (b >>> 7)) & mask; this.#used[slot] === 1; slot = (slot + 1) & mask) {
			if (this.#hashA[slot] === a && this.#hashB[slot] === b) return this.#values[slot];
		}
		return undefined;
	}

	set(key: string, value: number): void {
		if ((this.#size + 1) * 2 > this.#used.length) this.#grow();
		hashKey(key);
		this.#insert(hashA, hashB, value);
	}

	/**
	 * The value of `key` when it is there (left unchanged); else inserts `value` and returns
	 * undefined. One hash of the key instead of two for a `get` then a `set`.
	 */
	getOrSet(key: string, value: number): number | undefined {
		if ((this.#size + 1) * 2 > this.#used.length) this.#grow();
		hashKey(key);
		const a = hashA;
		const b = hashB;
		const mask = this.#used.length - 1;
		let slot = (a ^ (b >>> 7)) & mask;
		while (this.#used[slot] === 1) {
			if (this.#hashA[slot] === a && this.#hashB[slot] === b) return this.#values[slot];
			slot = (slot + 1) & mask;
		}
		this.#used[slot] = 1;
		this.#hashA[slot] = a;
		this.#hashB[slot] = b;
		this.#values[slot] = value;
		this.#size++;
		return undefined;
	}

	#insert(a: number, b: number, value: number): void {
		const mask = this.#used.length - 1;
		let slot = (a ^ (b >>> 7)) & mask;
		while (this.#used[slot] === 1) {
			if (this.#hashA[slot] === a && this.#hashB[slot] === b) {
				this.#values[slot] = value;
				return;
			}
			slot = (slot + 1) & mask;
		}
		this.#used[slot] = 1;
		this.#hashA[slot] = a;
		this.#hashB[slot] = b;
		this.#values[slot] = value;
		this.#size++;
	}

	#grow(): void {
		const [hashA, hashB, values, used] = [this.#hashA, this.#hashB, this.#values, this.#used];
		const capacity = used.length * 2;
		this.#hashA = new Uint32Array(capacity);
		this.#hashB = new Uint32Array(capacity);
		this.#values = new Float64Array(capacity);
		this.#used = new Uint8Array(capacity);
		this.#size = 0;
		for (let slot = 0; slot < used.length; slot++)
			if (used[slot] === 1) this.#insert(hashA[slot] ?? 0, hashB[slot] ?? 0, values[slot] ?? 0);
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
	hashB = hash >>> 0;
}
