import type { FileFormat } from '../model/records';

export type SniffResult =
	| { ok: true; format: FileFormat; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
	| { ok: false; code: 'empty_file' | 'binary_file' | 'spreadsheet_file'; message: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
	magic.every((byte, i) => bytes[i] === byte);

/** Known binary signatures, named so the message can say what the file is. */
const BINARY_SIGNATURES: readonly { name: string; magic: readonly number[] }[] = [
	{ name: 'PNG image', magic: [0x89, 0x50, 0x4e, 0x47] },
	{ name: 'JPEG image', magic: [0xff, 0xd8, 0xff] },
	{ name: 'GIF image', magic: [0x47, 0x49, 0x46, 0x38] },
	{ name: 'WebP image', magic: [0x52, 0x49, 0x46, 0x46] },
	{ name: 'PDF document', magic: [0x25, 0x50, 0x44, 0x46] },
	{ name: 'gzip archive', magic: [0x1f, 0x8b] },
	{ name: '7-Zip archive', magic: [0x37, 0x7a, 0xbc, 0xaf] }
];

/**
 * Decides from the first bytes (a few KB) whether a file is text we can import, in which
 * encoding, and whether it is CSV, a JSON array or NDJSON. The name only breaks ties.
 */
export function sniffFile(head: Uint8Array, fileName: string, sizeBytes: number): SniffResult {
	if (sizeBytes === 0 || head.length === 0)
		return { ok: false, code: 'empty_file', message: `"${fileName}" is empty.` };
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0]))
		return {
			ok: false,
			code: 'spreadsheet_file',
			message: `"${fileName}" is a spreadsheet or archive (Excel/ZIP). Save it as CSV (UTF-8) and drop that file.`
		};
	for (const signature of BINARY_SIGNATURES)
		if (startsWith(head, signature.magic))
			return {
				ok: false,
				code: 'binary_file',
				message: `"${fileName}" is a ${signature.name}, not an export. Drop a CSV, JSON or NDJSON file.`
			};

	let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
	if (startsWith(head, [0xff, 0xfe])) encoding = 'utf-16le';
	else if (startsWith(head, [0xfe, 0xff])) encoding = 'utf-16be';
	else {
		// NUL bytes never occur in UTF-8 text exports: this is some other binary file.
		const nulCount = head.reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
		if (nulCount > 0)
			return {
				ok: false,
				code: 'binary_file',
				message: `"${fileName}" is a binary file, not an export. Drop a CSV, JSON or NDJSON file.`
			};
	}

	const text = new TextDecoder(encoding).decode(head).replace(/^\uFEFF/, '');
	const trimmed = text.trimStart();
	if (trimmed === '') return { ok: false, code: 'empty_file', message: `"${fileName}" is empty.` };
	if (trimmed.startsWith('[')) return { ok: true, format: 'json', encoding };
	if (trimmed.startsWith('{')) {
		const lines = trimmed.split('\n').filter((line) => line.trim() !== '');
		const isNdjson = lines.length > 1 && (lines[1]?.trimStart().startsWith('{') ?? false);
		const named = /\.(ndjson|jsonl)$/i.test(fileName);
		return { ok: true, format: isNdjson || named ? 'ndjson' : 'json', encoding };
	}
	return { ok: true, format: 'csv', encoding };
}
