import type { FileFormat } from '../model/records';

/** Encodings we detect: Unicode, GB18030 (a superset of GBK/GB2312) and Excel's Western default. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

export type SniffResult =
	| { ok: true; format: FileFormat; encoding: TextEncoding }
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

	let encoding: TextEncoding = 'utf-8';
	if (startsWith(head, [0xff, 0xfe])) encoding = 'utf-16le';
	else if (startsWith(head, [0xfe, 0xff])) encoding = 'utf-16be';
	else {
		const utf16 = utf16WithoutBom(head);
		if (utf16 !== null) encoding = utf16;
		// NUL bytes never occur in 8-bit text exports: this is some other binary file.
		else if (head.includes(0))
			return {
				ok: false,
				code: 'binary_file',
				message: `"${fileName}" is a binary file, not an export. Drop a CSV, JSON or NDJSON file.`
			};
		else encoding = eightBitEncoding(head);
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
	if (/\.mbox$/i.test(fileName) || MBOX_START.test(trimmed))
		return { ok: true, format: 'mbox', encoding };
	if (/\.eml$/i.test(fileName) || looksLikeEmail(trimmed))
		return { ok: true, format: 'eml', encoding };
	return { ok: true, format: 'csv', encoding };
}

/** An mbox starts with an envelope line: "From <sender> <date>" (no colon after From). */
const MBOX_START = /^From \S+ [^\r\n]*\d{4}\s*(\r?\n)/;
const EMAIL_HEADERS =
	/^(received|return-path|delivered-to|from|to|subject|date|message-id|mime-version|x-[\w-]+)$/i;

/** A single e-mail (.eml): the first lines are RFC 5322 headers, among them From or Message-ID. */
function looksLikeEmail(text: string): boolean {
	const headerBlock = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
	const names = headerBlock
		.split(/\r?\n/)
		.filter((line) => !/^[ \t]/.test(line))
		.slice(0, 40)
		.map((line) => /^([!-9;-~]+):/.exec(line)?.[1] ?? null);
	if (names.length < 2 || names.some((name) => name === null)) return false;
	return (
		names.every((name) => name !== null && /^[\w-]+$/.test(name)) &&
		names.some((name) => /^(from|message-id)$/i.test(name ?? '')) &&
		names.filter((name) => EMAIL_HEADERS.test(name ?? '')).length >= 2
	);
}

/** UTF-16 without a BOM: ASCII text then has a NUL in every other byte. */
function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const pairs = Math.floor(Math.min(head.length, 4096) / 2);
	if (pairs < 4) return null;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < pairs; i++) {
		if (head[2 * i] === 0) evenNul++;
		if (head[2 * i + 1] === 0) oddNul++;
	}
	if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
	if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
	return null;
}

/**
 * UTF-8 when the bytes decode as UTF-8; otherwise GB18030 when the high bytes come in
 * GBK pairs (Chinese exports from Excel or older helpdesks), else Windows-1252 (Excel's
 * Western default, where an accented letter is a lone high byte).
 */
function eightBitEncoding(head: Uint8Array): TextEncoding {
	try {
		// stream: a multi-byte character cut off at the end of the head is not an error.
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return 'utf-8';
	} catch {
		// not UTF-8
	}
	let highBytes = 0;
	let inPairs = 0;
	for (let i = 0; i < head.length; i++) {
		const byte = head[i] ?? 0;
		if (byte < 0x80) continue;
		highBytes++;
		const next = head[i + 1] ?? 0;
		if (byte >= 0x81 && byte <= 0xfe && next >= 0x40 && next <= 0xfe && next !== 0x7f) {
			inPairs += 2;
			highBytes++;
			i++;
		}
	}
	return highBytes > 0 && inPairs / highBytes >= 0.8 ? 'gb18030' : 'windows-1252';
}
