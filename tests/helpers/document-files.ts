// Minimal files crafted in the tests of the document checks: a zip writer (stored or deflated
// entries, with sizes that may lie), a PDF (with streams, compressed or not), a JPEG with an Exif GPS segment, a PNG with text chunks.
import { crc32, deflateRawSync, deflateSync } from "node:zlib";

export type ZipEntry = { name: string; data: Uint8Array | string; deflate?: boolean; declaredSize?: number };

export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data) : Buffer.from(entry.data);
    const stored = entry.deflate === false ? data : deflateRawSync(data);
    const method = entry.deflate === false ? 0 : 8;
    const name = Buffer.from(entry.name);
    const crc = crc32(data);
    const size = entry.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

export function docx(extra: ZipEntry[] = []): Buffer {
  return zip([{ name: "[Content_Types].xml", data: CONTENT_TYPES }, { name: "word/document.xml", data: "<w:document><w:body><w:p><w:r><w:t>Charter</w:t></w:r></w:p></w:body></w:document>" }, ...extra]);
}

export function pdf(body = ""): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${body}>> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, "latin1");
}

/** A stream of a PDF: its dictionary's entries besides /Length, and its bytes (FlateDecode-compressed when `flate`). */
export type PdfStream = { dictionary?: string; data: Uint8Array | string; flate?: boolean };

/**
 * A PDF whose objects 3, 4, … are these streams, e.g. an object stream (/Type /ObjStm /N 1 /First 4)
 * holding a dictionary the file's own text never shows.
 */
export function pdfWithStreams(streams: PdfStream[], catalog = ""): Buffer {
  const parts: Buffer[] = [Buffer.from(`%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R ${catalog}>> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n`, "latin1")];
  streams.forEach((stream, index) => {
    const plain = typeof stream.data === "string" ? Buffer.from(stream.data, "latin1") : Buffer.from(stream.data);
    const bytes = stream.flate ? deflateSync(plain) : plain;
    const filter = stream.flate ? "/Filter /FlateDecode " : "";
    parts.push(Buffer.from(`${index + 3} 0 obj << ${filter}${stream.dictionary ?? ""} /Length ${bytes.length} >>\nstream\r\n`, "latin1"), bytes, Buffer.from("\r\nendstream\nendobj\n", "latin1"));
  });
  parts.push(Buffer.from("trailer << /Root 1 0 R >>\n%%EOF\n", "latin1"));
  return Buffer.concat(parts);
}

/** An object stream's data holding one object, numbered 9. */
export function objectStreamData(object: string): string {
  return `9 0 ${object}`;
}

function segment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt8(0xff, 0);
  header.writeUInt8(marker, 1);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** A JPEG's structure: SOI, JFIF, an Exif segment naming GPS coordinates, a comment, a scan, EOI. */
export function jpegWithGps(): Buffer {
  const exif = Buffer.concat([Buffer.from("Exif\0\0MM\0*\0\0\0\x08", "latin1"), Buffer.from("GPSLatitude 52.4068 N GPSLongitude 1.5197 W Canon EOS", "latin1")]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", "latin1")),
    segment(0xe1, exif),
    segment(0xe1, Buffer.from("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>exif:GPSLatitude</x:xmpmeta>", "latin1")),
    segment(0xfe, Buffer.from("Taken at the school exchange", "latin1")),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 PNG with a tEXt chunk naming a place and an eXIf chunk. */
export function pngWithText(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("tEXt", Buffer.from("Location\0Coventry, 52.4068 N", "latin1")),
    chunk("eXIf", Buffer.from("MM\0*GPS", "latin1")),
    chunk("IDAT", deflateRawSync(Buffer.from([0, 0]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
