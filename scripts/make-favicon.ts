// `npx tsx scripts/make-favicon.ts`: writes the site icon, two linked rings on the brand blue,
// as app/icon.svg and app/favicon.ico (browsers ask for /favicon.ico whatever the page says).
// Both come from the shapes below, so they cannot drift apart. Run it after changing them.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { ROOT } from "./lib/run";

/** On a 64 × 64 grid; the colours are the brand blue and focus yellow of app/globals.css. */
const SQUARE = { size: 64, radius: 12, fill: "#1d4f91" };
const RINGS = [
  { cx: 25, cy: 32, r: 13, width: 6, stroke: "#ffffff" },
  { cx: 39, cy: 32, r: 13, width: 6, stroke: "#ffdd00" },
] as const;
const ICO_SIZES = [16, 32, 48];

function svg(): string {
  const [left, right] = RINGS;
  const ring = (c: (typeof RINGS)[number]) => `<circle cx="${c.cx}" cy="${c.cy}" r="${c.r}" fill="none" stroke="${c.stroke}" stroke-width="${c.width}"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SQUARE.size} ${SQUARE.size}">`,
    `<rect width="${SQUARE.size}" height="${SQUARE.size}" rx="${SQUARE.radius}" fill="${SQUARE.fill}"/>`,
    ring(left),
    ring(right),
    // The left ring's upper half again, over the right ring: the rings interlock.
    `<path d="M${left.cx - left.r} ${left.cy}A${left.r} ${left.r} 0 0 1 ${left.cx + left.r} ${left.cy}" fill="none" stroke="${left.stroke}" stroke-width="${left.width}"/>`,
    `</svg>`,
    "",
  ].join("\n");
}

type Rgba = [number, number, number, number];

function rgb(hex: string): Rgba {
  return [Number.parseInt(hex.slice(1, 3), 16), Number.parseInt(hex.slice(3, 5), 16), Number.parseInt(hex.slice(5, 7), 16), 255];
}

/** The colour at a point of the 64 × 64 grid, painted in the SVG's order. */
function colourAt(x: number, y: number): Rgba {
  const { size, radius } = SQUARE;
  const dx = Math.max(radius - x, 0, x - (size - radius));
  const dy = Math.max(radius - y, 0, y - (size - radius));
  if (x < 0 || y < 0 || x > size || y > size || dx * dx + dy * dy > radius * radius) return [0, 0, 0, 0];
  const onRing = (c: (typeof RINGS)[number]) => Math.abs(Math.hypot(x - c.cx, y - c.cy) - c.r) <= c.width / 2;
  const [left, right] = RINGS;
  if (onRing(left) && y <= left.cy) return rgb(left.stroke);
  if (onRing(right)) return rgb(right.stroke);
  if (onRing(left)) return rgb(left.stroke);
  return rgb(SQUARE.fill);
}

/** An RGBA PNG of the icon at `pixels` × `pixels`, each pixel the average of 8 × 8 samples. */
function png(pixels: number): Buffer {
  const samples = 8;
  const scale = SQUARE.size / pixels;
  const rows: Buffer[] = [];
  for (let py = 0; py < pixels; py += 1) {
    const row = Buffer.alloc(1 + pixels * 4); // filter byte 0: none
    for (let px = 0; px < pixels; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const [r, g, b, a] = colourAt((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale);
          sum[0]! += r * a;
          sum[1]! += g * a;
          sum[2]! += b * a;
          sum[3]! += a;
        }
      }
      const alpha = sum[3]!;
      const offset = 1 + px * 4;
      for (let channel = 0; channel < 3; channel += 1) row[offset + channel] = alpha === 0 ? 0 : Math.round(sum[channel]! / alpha);
      row[offset + 3] = Math.round(alpha / (samples * samples));
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO holding one PNG per size (every browser in use reads PNG entries). */
function ico(sizes: number[]): Buffer {
  const images = sizes.map(png);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, index) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(sizes[index]! % 256, 0);
    entry.writeUInt8(sizes[index]! % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images]);
}

fs.writeFileSync(path.join(ROOT, "app", "icon.svg"), svg());
fs.writeFileSync(path.join(ROOT, "app", "favicon.ico"), ico(ICO_SIZES));
console.log("Wrote app/icon.svg and app/favicon.ico.");
