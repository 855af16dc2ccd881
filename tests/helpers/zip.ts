// Reads one file out of a ZIP archive (a .docx or .xlsx) in memory: the central directory at the
// end names each entry and where its local header is; entries are stored or deflated.
import { inflateRawSync } from "node:zlib";

export function zipEntries(archive: Buffer): string[] {
  return [...centralDirectory(archive)].map((entry) => entry.name);
}

export function zipEntryText(archive: Buffer, name: string): string {
  const entry = [...centralDirectory(archive)].find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in the archive.`);
  const local = entry.localHeader;
  if (archive.readUInt32LE(local) !== 0x04034b50) throw new Error("Damaged local header.");
  const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
  const raw = archive.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw.toString("utf8");
  if (entry.method === 8) return inflateRawSync(raw).toString("utf8");
  throw new Error(`Unknown compression method ${entry.method}.`);
}

function* centralDirectory(archive: Buffer) {
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("Not a ZIP archive: no end of central directory.");
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error("Damaged central directory.");
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    yield {
      method: archive.readUInt16LE(offset + 10),
      compressedSize: archive.readUInt32LE(offset + 20),
      localHeader: archive.readUInt32LE(offset + 42),
      name: archive.subarray(offset + 46, offset + 46 + nameLength).toString("utf8"),
    };
    offset += 46 + nameLength + extraLength + commentLength;
  }
}
