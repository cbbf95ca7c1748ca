/**
 * Draws the toolbar icons (a dark flag mark on an amber disc) as PNG files, so the icons are
 * made here rather than taken from elsewhere. Run once: `npx tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { crc32 } from './lib/crc32';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) {
  const image = png(size, (px, py) => {
    const x = (px + 0.5) / size, y = (py + 0.5) / size;
    const d = Math.hypot(x - 0.5, y - 0.5);
    if (d > 0.48) return [0, 0, 0, 0];
    const pole = x > 0.3 && x < 0.38 && y > 0.2 && y < 0.82;
    const flag = x >= 0.38 && x < 0.72 && y > 0.2 && y < 0.5 - (x - 0.38) * 0.25;
    if (pole || flag) return [32, 24, 16, 255];
    return d > 0.43 ? [120, 60, 0, 255] : [245, 166, 35, 255];
  });
  writeFileSync(`extension/icons/icon-${size}.png`, image);
}
