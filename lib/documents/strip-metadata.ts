// Photos lose their location and camera metadata on upload (photos of children on exchanges): the
// file is copied segment by segment (JPEG) or chunk by chunk (PNG), leaving out those that carry
// it. Pure JavaScript with positional reads, a piece at a time: no native image library, and memory
// does not grow with the picture.
import { open, type FileHandle } from "node:fs/promises";

const PIECE = 64 * 1024;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function copyRange(from: FileHandle, to: FileHandle, start: number, end: number): Promise<void> {
  for (let at = start; at < end; at += PIECE) await to.write(await readAt(from, at, Math.min(PIECE, end - at)));
}

/**
 * JPEG segments left out: APP1 (Exif, with GPS, and XMP), APP12 and APP13 (camera and IPTC/Photoshop
 * data) and comments. APP0 (JFIF), APP2 (the colour profile) and APP14 (Adobe colour) stay: the
 * picture looks the same.
 */
const JPEG_DROPPED = new Set([0xe1, 0xec, 0xed, 0xfe]);

/** PNG chunks left out: text (tEXt, zTXt, iTXt, where cameras and editors write), eXIf and tIME. */
const PNG_DROPPED = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

export class DamagedImageError extends Error {
  override name = "DamagedImageError";
}

/** Copies the JPEG at `source` to `target` without its metadata segments. */
export async function stripJpegMetadata(source: string, target: string): Promise<void> {
  const input = await open(source, "r");
  const output = await open(target, "w");
  try {
    const { size } = await input.stat();
    await output.write(Buffer.from([0xff, 0xd8]));
    let at = 2;
    for (;;) {
      const marker = await readAt(input, at, 4);
      if (marker.length < 2 || marker[0] !== 0xff) throw new DamagedImageError("A JPEG segment does not start with a marker.");
      const code = marker[1]!;
      // Fill bytes before a marker.
      if (code === 0xff) {
        at += 1;
        continue;
      }
      // End of image, or a marker without a length: copy the rest as it is.
      if (code === 0xd9 || (code >= 0xd0 && code <= 0xd7) || code === 0x01) {
        await copyRange(input, output, at, size);
        break;
      }
      if (marker.length < 4) throw new DamagedImageError("A JPEG segment is cut short.");
      const length = marker.readUInt16BE(2);
      const end = at + 2 + length;
      if (length < 2 || end > size) throw new DamagedImageError("A JPEG segment runs past the end of the file.");
      if (!JPEG_DROPPED.has(code)) await copyRange(input, output, at, end);
      at = end;
      // Start of scan: the picture's data follows; what comes after it is copied as it is.
      if (code === 0xda) {
        await copyRange(input, output, at, size);
        break;
      }
    }
  } finally {
    await input.close();
    await output.close();
  }
}

/** Copies the PNG at `source` to `target` without its metadata chunks. */
export async function stripPngMetadata(source: string, target: string): Promise<void> {
  const input = await open(source, "r");
  const output = await open(target, "w");
  try {
    const { size } = await input.stat();
    await copyRange(input, output, 0, 8);
    let at = 8;
    while (at < size) {
      const header = await readAt(input, at, 8);
      if (header.length < 8) throw new DamagedImageError("A PNG chunk is cut short.");
      const length = header.readUInt32BE(0);
      const type = header.subarray(4, 8).toString("latin1");
      const end = at + 12 + length;
      if (end > size) throw new DamagedImageError("A PNG chunk runs past the end of the file.");
      if (!PNG_DROPPED.has(type)) await copyRange(input, output, at, end);
      at = end;
      if (type === "IEND") break;
    }
  } finally {
    await input.close();
    await output.close();
  }
}
