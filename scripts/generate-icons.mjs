// Writes the PWA icons (a white lens ring on the brand blue) as PNG, with no image library:
// run `node scripts/generate-icons.mjs` after changing the design.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
const crc32 = (bytes) => {
	let c = 0xffffffff;
	for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
};

function icon(size, { maskable }) {
	const raw = Buffer.alloc((size * 4 + 1) * size);
	const centre = size / 2;
	const outer = size * (maskable ? 0.3 : 0.36);
	const inner = outer * 0.7;
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const d = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
			// Handle of the lens, down and to the right.
			const along = (x - centre + (y - centre)) / Math.SQRT2;
			const across = Math.abs(x - centre - (y - centre)) / Math.SQRT2;
			const isHandle = along > outer * 0.95 && along < outer * 1.55 && across < size * 0.045;
			const isRing = (d <= outer && d >= inner) || isHandle;
			const corner = size * 0.18;
			const dx = Math.max(corner - x, x - (size - 1 - corner), 0);
			const dy = Math.max(corner - y, y - (size - 1 - corner), 0);
			const isInside = maskable || Math.hypot(dx, dy) <= corner;
			const o = y * (size * 4 + 1) + 1 + x * 4;
			const [r, g, b] = isRing ? [255, 255, 255] : [11, 99, 197];
			raw[o] = r;
			raw[o + 1] = g;
			raw[o + 2] = b;
			raw[o + 3] = isInside ? 255 : 0;
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8;
	header[9] = 6;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const dir = new URL('../static/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', dir), icon(192, { maskable: false }));
writeFileSync(new URL('icon-512.png', dir), icon(512, { maskable: false }));
writeFileSync(new URL('icon-maskable-512.png', dir), icon(512, { maskable: true }));
