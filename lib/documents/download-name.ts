// The file name a download is offered under: the uploaded name, with the extension its content was
// found to be (never what the name claimed), in Content-Disposition as RFC 6266 asks — an ASCII
// fallback in filename="…" and the real name in filename*=UTF-8''… (RFC 8187).
import { EXTENSIONS, MEDIA_TYPES, type DocumentKind } from "./content-check";

const KIND_OF_MEDIA_TYPE = new Map(Object.entries(MEDIA_TYPES).map(([kind, mediaType]) => [mediaType, kind as DocumentKind]));

/** `name` with the extension of `mediaType` (replacing whatever it had). */
export function downloadName(name: string, mediaType: string): string {
  const kind = KIND_OF_MEDIA_TYPE.get(mediaType);
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "document";
  return kind ? `${stem}.${EXTENSIONS[kind]}` : stem;
}

/** The Content-Disposition header of a download. */
export function contentDisposition(name: string, mediaType: string): string {
  const full = downloadName(name, mediaType);
  const ascii = full.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\%;]/g, "_").trim() || "document";
  const encoded = encodeURIComponent(full).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
