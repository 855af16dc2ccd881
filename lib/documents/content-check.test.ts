import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docx, jpegWithGps, objectStreamData, pdf, pdfWithStreams, pngWithText, zip } from "@/tests/helpers/document-files";
import { checkDocumentContent, scanPdf } from "./content-check";
import { contentDisposition } from "./download-name";
import { stripJpegMetadata, stripPngMetadata } from "./strip-metadata";

let folder: string;
let count = 0;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "content-check-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function fileOf(bytes: Uint8Array): Promise<string> {
  const file = path.join(folder, `f${(count += 1)}`);
  await writeFile(file, bytes);
  return file;
}

const check = async (bytes: Uint8Array) => checkDocumentContent(await fileOf(bytes));

describe("what a file is, from its content", () => {
  it("takes a PDF, a docx, an xlsx, an odt, a JPEG and a PNG whatever their names", async () => {
    expect(await check(pdf())).toEqual({ ok: true, kind: "pdf" });
    expect(await check(docx())).toEqual({ ok: true, kind: "docx" });
    expect(await check(zip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.xml", data: "<workbook/>" }]))).toEqual({ ok: true, kind: "xlsx" });
    expect(await check(zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text", deflate: false }, { name: "content.xml", data: "<office:document-content/>" }]))).toEqual({ ok: true, kind: "odt" });
    expect(await check(jpegWithGps())).toEqual({ ok: true, kind: "jpeg" });
    expect(await check(pngWithText())).toEqual({ ok: true, kind: "png" });
  });

  it("refuses what is none of those: a script, HTML, an ordinary zip, an old .doc, an empty file", async () => {
    expect(await check(Buffer.from("#!/bin/sh\nrm -rf /\n"))).toEqual({ ok: false, refusal: "unknownType" });
    expect(await check(Buffer.from("<html><script>alert(1)</script></html>"))).toEqual({ ok: false, refusal: "unknownType" });
    expect(await check(zip([{ name: "photos/a.txt", data: "hello" }]))).toEqual({ ok: false, refusal: "unknownType" });
    expect(await check(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ ok: false, refusal: "legacyOffice" });
    expect(await check(new Uint8Array())).toEqual({ ok: false, refusal: "empty" });
  });

  it("refuses a macro-enabled Office file: a vbaProject.bin inside the zip, even named .docx", async () => {
    expect(await check(docx([{ name: "word/vbaProject.bin", data: Buffer.alloc(100, 7) }]))).toEqual({ ok: false, refusal: "macros" });
    expect(await check(docx([{ name: "xl/VBAPROJECT.BIN", data: "x" }]))).toEqual({ ok: false, refusal: "macros" });
  });

  it("refuses a PDF that carries JavaScript, however the name is written", async () => {
    expect(await check(pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    expect(await check(pdf("/AA << /O << /S /J#61vaScript >> >> "))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    expect(await check(pdf("/Names << /JS 5 0 R >> "))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    // An XFA form runs scripts of its own (JavaScript or FormCalc) from its template.
    expect(await check(pdf("/AcroForm << /Fields [] /XFA 7 0 R >> "))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    expect(await check(pdf("/AcroForm << /X#46A [(template) 8 0 R] >> "))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    expect(await check(pdf("/OpenAction << /S /#4AavaScript /#4A#53 (app.alert(1)) >> "))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    // Names that only begin the same way are not JavaScript.
    expect(await check(pdf("/JSON (x) /Jpeg 1 "))).toEqual({ ok: true, kind: "pdf" });
  });

  it("finds /JavaScript split across the pieces the file is read in", async () => {
    const padding = " ".repeat(64 * 1024 - 20);
    expect(await check(pdf(`${padding}/JavaScript (x) `))).toEqual({ ok: false, refusal: "pdfJavaScript" });
  });

  it("finds JavaScript inside a compressed object stream, written plainly or with #xx escapes", async () => {
    const hidden = (object: string) => pdfWithStreams([{ dictionary: "/Type /ObjStm /N 1 /First 4", data: objectStreamData(object), flate: true }]);
    expect(await check(hidden("<< /S /JavaScript /JS (app.alert(1)) >>"))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    expect(await check(hidden("<< /OpenAction << /S /J#61vaScrip#74 >> >>"))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    expect(await check(hidden("<< /AA << /O 12 0 R >> /J#53 (x) >>"))).toEqual({ ok: false, refusal: "pdfJavaScript" });
    // The same object stream without a script, and a compressed page's content, are taken.
    expect(await check(hidden("<< /OpenAction << /S /GoTo /D [0 /Fit] >> >>"))).toEqual({ ok: true, kind: "pdf" });
    expect(await check(pdfWithStreams([{ data: "BT /F1 12 Tf (JSON Jpeg) Tj ET", flate: true }]))).toEqual({ ok: true, kind: "pdf" });
    // An image's compressed pixels that happen to spell "/JS ": pixels, not a dictionary; an object stream saying the same is refused.
    const pixels = Buffer.from("\x00\x01/JS \x02\x03", "latin1");
    expect(await check(pdfWithStreams([{ dictionary: "/Type /XObject /Subtype /Image /Width 3 /Height 2 /BitsPerComponent 8 /ColorSpace /DeviceGray", data: pixels, flate: true }]))).toEqual({ ok: true, kind: "pdf" });
    expect(await check(pdfWithStreams([{ dictionary: "/Type /ObjStm /Subtype /Image /N 1 /First 4", data: pixels, flate: true }]))).toEqual({ ok: false, refusal: "pdfJavaScript" });
  });

  it("finds JavaScript in a compressed stream larger than a piece, and across the pieces it expands in", async () => {
    const filler = Buffer.alloc(300 * 1024);
    for (let at = 0; at < filler.length; at += 1) filler[at] = (at * 7919) % 251;
    const script = `${filler.toString("latin1")} << /S /JavaScript >>`;
    expect(await check(pdfWithStreams([{ dictionary: "/Type /ObjStm /N 1 /First 4", data: script, flate: true }]))).toEqual({ ok: false, refusal: "pdfJavaScript" });
  });

  it("refuses an object stream in a filter it cannot decode, a filter it cannot read, and a damaged object stream", async () => {
    const objects = objectStreamData("<< /S /JavaScript >>");
    expect(await check(pdfWithStreams([{ dictionary: "/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode", data: "not decoded here" }]))).toEqual({ ok: false, refusal: "pdfUnreadable" });
    expect(await check(pdfWithStreams([{ dictionary: "/Type /ObjStm /N 1 /First 4 /Filter [/ASCII85Decode /FlateDecode]", data: "<~not decoded~>" }]))).toEqual({ ok: false, refusal: "pdfUnreadable" });
    expect(await check(pdfWithStreams([{ dictionary: "/T#79pe /ObjStm /N 1 /First 4 /Filter /RunLengthDecode", data: "x" }]))).toEqual({ ok: false, refusal: "pdfUnreadable" });
    expect(await check(pdfWithStreams([{ dictionary: "/Type /ObjStm /N 1 /First 4 /DecodeParms << /Predictor 12 /Columns 5 >>", data: objects, flate: true }]))).toEqual({ ok: false, refusal: "pdfUnreadable" });
    // An indirect filter: what it names cannot be read from the dictionary.
    expect(await check(pdfWithStreams([{ dictionary: "/Filter 7 0 R", data: "x" }]))).toEqual({ ok: false, refusal: "pdfUnreadable" });
    expect(await check(pdfWithStreams([{ dictionary: "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", data: "this is not zlib data at all" }]))).toEqual({ ok: false, refusal: "pdfUnreadable" });
    // A photo's own filter (DCTDecode) is not an object stream: taken, its bytes read as they are.
    expect(await check(pdfWithStreams([{ dictionary: "/Type /XObject /Subtype /Image /Filter /DCTDecode", data: "\xff\xd8\xff\xe0 jpeg bytes" }]))).toEqual({ ok: true, kind: "pdf" });
  });

  it("refuses compressed streams that expand beyond the limit, stopping as soon as they pass it", async () => {
    const zeros = Buffer.alloc(3 * 1024 * 1024);
    const file = await fileOf(pdfWithStreams([{ data: zeros, flate: true }, { data: zeros, flate: true }]));
    expect(await scanPdf(file, 5 * 1024 * 1024)).toBe("expandsTooMuch");
    expect(await scanPdf(file, 7 * 1024 * 1024)).toBe("clean");
    expect(await check(pdfWithStreams([{ data: zeros, flate: true }]))).toEqual({ ok: true, kind: "pdf" });
  });

  it("refuses a zip bomb: by the sizes it declares, and by what it really expands to when it lies", async () => {
    const zeros = Buffer.alloc(50 * 1024 * 1024);
    // 50 MB of zeros deflate to about 50 KB: a ratio of about 1,000.
    expect(await check(docx([{ name: "word/media/big.bin", data: zeros }]))).toEqual({ ok: false, refusal: "expandsTooMuch" });
    expect(await check(docx([{ name: "word/media/big.bin", data: zeros, declaredSize: 10 }]))).toEqual({ ok: false, refusal: "expandsTooMuch" });
  });
});

describe("a photo's metadata", () => {
  it("a JPEG comes out without its Exif GPS, XMP and comment, the picture's segments unchanged", async () => {
    const source = await fileOf(jpegWithGps());
    const target = path.join(folder, "stripped.jpg");
    await stripJpegMetadata(source, target);
    const out = await readFile(target);
    const text = out.toString("latin1");
    expect(text).not.toContain("GPS");
    expect(text).not.toContain("Exif");
    expect(text).not.toContain("Canon");
    expect(text).not.toContain("school exchange");
    expect(text).toContain("JFIF");
    // The quantisation table, frame, scan and data are all still there, in order, ending with EOI.
    const original = jpegWithGps();
    const scanFrom = original.indexOf(Buffer.from([0xff, 0xdb]));
    expect(out.subarray(out.indexOf(Buffer.from([0xff, 0xdb])))).toEqual(original.subarray(scanFrom));
    expect(await checkDocumentContent(target)).toEqual({ ok: true, kind: "jpeg" });
  });

  it("a PNG comes out without its text and eXIf chunks", async () => {
    const source = await fileOf(pngWithText());
    const target = path.join(folder, "stripped.png");
    await stripPngMetadata(source, target);
    const text = (await readFile(target)).toString("latin1");
    expect(text).not.toContain("Coventry");
    expect(text).not.toContain("eXIf");
    expect(text).toContain("IHDR");
    expect(text).toContain("IDAT");
    expect(text.endsWith("IEND\xaeB`\x82")).toBe(true);
  });
});

describe("the download's file name", () => {
  it("is offered with the extension of its content, quoted safely, and in full as RFC 8187", () => {
    expect(contentDisposition("Charter.pdf", "application/pdf")).toBe(`attachment; filename="Charter.pdf"; filename*=UTF-8''Charter.pdf`);
    expect(contentDisposition('evil".html', "application/pdf")).toBe(`attachment; filename="evil_.pdf"; filename*=UTF-8''evil%22.pdf`);
    expect(contentDisposition("Siarter Cymraeg – Ŵyl.docx", "application/pdf")).toBe(`attachment; filename="Siarter Cymraeg  Wyl.pdf"; filename*=UTF-8''Siarter%20Cymraeg%20%E2%80%93%20%C5%B4yl.pdf`);
  });
});
