/**
 * A string dictionary: each distinct value gets a small integer code in first-seen order, so a
 * column of repeated names becomes a typed array of codes plus one short list of values.
 */
export class StringDictionary {
	readonly values: string[] = [];
	#codes = new Map<string, number>();

	/** The code of `value`, adding it when new. */
	encode(value: string): number {
		let code = this.#codes.get(value);
		if (code === undefined) {
			code = this.values.length;
			this.values.push(value);
			this.#codes.set(value, code);
		}
		return code;
	}

	/** The code of `value`, or -1 when it never occurred. */
	codeOf(value: string): number {
		return this.#codes.get(value) ?? -1;
	}

	get size(): number {
		return this.values.length;
	}
}
