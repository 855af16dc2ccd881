// The spreadsheet import over HTTP, through its route handlers as Next runs them: the upload is
// read with its own limit (not a server action's), checked, kept under a random id that only its
// user can use, and confirmed by that id; a second import of the same user's while one runs is
// refused; a forged, anonymous or unauthorised request changes nothing.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as confirm } from "@/app/import/confirm/route";
import { POST as upload } from "@/app/import/upload/route";
import { startSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { IMPORT_BUSY } from "@/lib/import/import-agreements";
import { MAX_FILE_BYTES, MAX_UPLOAD_REQUEST_BYTES } from "@/lib/import/limits";
import { wordImportMessages } from "@/lib/import/import-messages";
import type { ImportState } from "@/lib/import/import-state";
import { checkUpload, uploadState } from "@/lib/import/uploads";
import { backend, createCouncillor, createStaff, resetDatabase, rowCounts, type TestUser } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

const SITE = "http://localhost:3000";
const HEADER = "Partner name,Country,Relationship type";

type Visitor = { cookies: Record<string, string> };

async function sessionOf(user: TestUser): Promise<Visitor> {
  const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  const { setCookies } = await inRequest({}, () => startSession(record));
  return { cookies: setCookies };
}

function csv(rows: string[]): Uint8Array {
  return new TextEncoder().encode(`${HEADER}\r\n${rows.join("\r\n")}\r\n`);
}

function fileForm(name: string, bytes: Uint8Array): FormData {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
  return form;
}

/** A request as the browser sends it from /import (same origin), run as Next runs the handler. */
async function send(handler: (request: Request) => Promise<Response>, path: string, visitor: Visitor, init: { body: BodyInit | ReadableStream<Uint8Array>; headers?: Record<string, string> }) {
  const headers = { origin: SITE, host: "localhost:3000", ...init.headers };
  const { value } = await inRequest({ cookies: visitor.cookies, headers, path }, async () => {
    const response = await handler(new Request(`${SITE}${path}`, { method: "POST", body: init.body, headers, duplex: "half" } as RequestInit));
    return { status: response.status, location: response.headers.get("location"), text: await response.text() };
  });
  return value;
}

const sendFile = (visitor: Visitor, name: string, bytes: Uint8Array, headers: Record<string, string> = {}) => send(upload, "/import/upload", visitor, { body: fileForm(name, bytes), headers });
const sendConfirm = (visitor: Visitor, uploadId: string) =>
  send(confirm, "/import/confirm", visitor, { body: new URLSearchParams({ upload: uploadId }), headers: { "content-type": "application/x-www-form-urlencoded" } });

/** A kept refusal as an English page words it. */
function refusalOf(state: ImportState | null): string | null {
  return state?.status === "refused" ? wordImportMessages(state.messages, "en") : null;
}

function uploadIdOf(location: string | null): string {
  const match = /^\/import\?upload=([0-9a-f-]{36})$/.exec(location ?? "");
  if (!match) throw new Error(`Expected a redirect to an upload, got ${location}`);
  return match[1]!;
}

let staff: TestUser;
let other: TestUser;
let visitor: Visitor;
let otherVisitor: Visitor;

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_URL", SITE);
});

beforeEach(async () => {
  await resetDatabase();
  [staff, other] = [await createStaff(), await createStaff()];
  [visitor, otherVisitor] = [await sessionOf(staff), await sessionOf(other)];
});

describe(`the import's route handlers (${backend()})`, () => {
  it("upload → 303 to the preview; the checked file waits under a random id; confirm → 303, imported once and audited", async () => {
    const response = await sendFile(visitor, "partners.csv", csv(["Kiel,DE,Twin town", "Łódź,PL,Partnership"]));
    expect(response.status).toBe(303);
    const uploadId = uploadIdOf(response.location);
    const preview = await uploadState(staff, uploadId);
    expect(preview).toMatchObject({ status: "checked", importable: true, check: { fileName: "partners.csv", readyCount: 2, problemCount: 0 } });
    expect(await db.agreement.count()).toBe(0);
    expect(await db.importUpload.findUniqueOrThrow({ where: { id: uploadId }, select: { content: true } })).toMatchObject({ content: expect.any(String) });

    // Someone else cannot see it, nor import it by its id.
    expect(await uploadState(other, uploadId)).toBeNull();
    const forged = await sendConfirm(otherVisitor, uploadId);
    expect(forged).toMatchObject({ status: 303, location: `/import?upload=${uploadId}` });
    expect(await db.agreement.count()).toBe(0);

    const confirmed = await sendConfirm(visitor, uploadId);
    expect(confirmed).toMatchObject({ status: 303, location: `/import?upload=${uploadId}` });
    expect(await uploadState(staff, uploadId)).toEqual({ status: "imported", fileName: "partners.csv", created: 2, present: 0, newPartners: 2 });
    expect(await db.agreement.count({ where: { status: "ACTIVE" } })).toBe(2);
    expect(await db.auditLog.findFirst({ where: { action: "agreement.import" }, select: { actorId: true, details: true } })).toMatchObject({ actorId: staff.id, details: { fileName: "partners.csv", created: 2 } });
    // The file itself is not kept once imported; a second confirmation (a reload) imports nothing.
    expect(await db.importUpload.findUniqueOrThrow({ where: { id: uploadId }, select: { content: true } })).toEqual({ content: null });
    expect(await sendConfirm(visitor, uploadId)).toMatchObject({ status: 303 });
    expect(await db.agreement.count()).toBe(2);
    expect(await db.auditLog.count({ where: { action: "agreement.import" } })).toBe(1);
  });

  it("a form sent from the Welsh page lands on the Welsh page at each step; an unknown language lands on the English one", async () => {
    const form = fileForm("partners.csv", csv(["Kiel,DE,Twin town"]));
    form.append("language", "cy");
    const checked = await send(upload, "/import/upload", visitor, { body: form });
    const uploadId = /^\/cy\/import\?upload=([0-9a-f-]{36})$/.exec(checked.location ?? "")?.[1];
    expect(checked.status).toBe(303);
    expect(uploadId, checked.location ?? "").toBeDefined();
    const confirmed = await send(confirm, "/import/confirm", visitor, {
      body: new URLSearchParams({ upload: uploadId!, language: "cy" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(confirmed).toMatchObject({ status: 303, location: `/cy/import?upload=${uploadId}` });
    const german = fileForm("partners.csv", csv(["Dresden,DE,Twin town"]));
    german.append("language", "de");
    expect((await send(upload, "/import/upload", visitor, { body: german })).location).toMatch(/^\/import\?upload=/);
  });

  it("a refused file is shown like a checked one; a file with problems cannot be confirmed; a new upload replaces the last", async () => {
    const refused = uploadIdOf((await sendFile(visitor, "minutes.pdf", new TextEncoder().encode("%PDF-1.7"))).location);
    expect(refusalOf(await uploadState(staff, refused))).toMatch(/^The file must be a CSV file/);
    const bad = uploadIdOf((await sendFile(visitor, "bad.csv", csv(["Somewhere,Germny,Twin town"]))).location);
    expect(await uploadState(staff, bad)).toMatchObject({ status: "checked", importable: false, check: { problemCount: 1 } });
    expect(await uploadState(staff, refused)).toBeNull();
    await sendConfirm(visitor, bad);
    expect(await db.agreement.count()).toBe(0);
    expect(await uploadState(staff, "not-a-uuid")).toBeNull();
  });

  it("an outcome kept by an earlier release, in English sentences, reads as gone (checked again), not as an error", async () => {
    const kept = uploadIdOf((await sendFile(visitor, "minutes.pdf", new TextEncoder().encode("%PDF-1.7"))).location);
    expect(await uploadState(staff, kept)).toMatchObject({ status: "refused" });
    await db.importUpload.update({ where: { id: kept }, data: { state: { status: "refused", message: "The file must be a CSV file (.csv) or an Excel workbook (.xlsx)." } } });
    expect(await uploadState(staff, kept)).toBeNull();
  });

  it("a file just over 2 MB is refused on the page; a request over the upload's own limit is refused with 413 before it is read", async () => {
    const justOver = await sendFile(visitor, "big.csv", new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41));
    expect(refusalOf(await uploadState(staff, uploadIdOf(justOver.location)))).toMatch(/^The file is just over 2 MB/);
    const before = await rowCounts();
    const declared = await send(upload, "/import/upload", visitor, { body: "x", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_UPLOAD_REQUEST_BYTES + 1) } });
    expect(declared.status).toBe(413);
    // Sent without a length (chunked): counted as it arrives and cut off at the limit.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x41));
      },
    });
    expect((await send(upload, "/import/upload", visitor, { body: endless, headers: { "content-type": "multipart/form-data; boundary=x" } })).status).toBe(413);
    expect(sent).toBeLessThan(MAX_UPLOAD_REQUEST_BYTES + 256 * 1024);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a forged, anonymous or unauthorised request, and one that is not a form, changing nothing", async () => {
    const councillor = await sessionOf(await createCouncillor());
    const before = await rowCounts();
    const file = csv(["Kiel,DE,Twin town"]);
    expect((await sendFile(visitor, "partners.csv", file, { origin: "https://evil.example" })).status).toBe(403);
    expect(await sendFile({ cookies: {} }, "partners.csv", file)).toMatchObject({ status: 303, location: "/login?callbackUrl=%2Fimport" });
    expect((await sendFile(councillor, "partners.csv", file)).status).toBe(403);
    expect((await send(upload, "/import/upload", visitor, { body: "Partner name\nKiel", headers: { "content-type": "text/csv" } })).status).toBe(415);
    expect((await send(upload, "/import/upload", visitor, { body: "--x\r\ngarbage", headers: { "content-type": "multipart/form-data; boundary=x" } })).status).toBe(400);
    expect((await send(confirm, "/import/confirm", councillor, { body: "upload=x", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(403);
    expect((await send(confirm, "/import/confirm", visitor, { body: "nothing=here", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("one import at a time per user: a second while the first is read is refused and keeps nothing; others are not held up", async () => {
    const rows = Array.from({ length: 3000 }, (_, index) => `Town ${index},DE,Twin town`);
    const first = checkUpload(staff, { name: "large.csv", bytes: csv(rows) });
    const second = await sendFile(visitor, "small.csv", csv(["Kiel,DE,Twin town"]));
    expect(second).toMatchObject({ status: 303, location: "/import?busy=1" });
    expect(wordImportMessages([IMPORT_BUSY], "en")).toMatch(/^Another import of yours is still being checked or imported/);
    // Another user's import runs meanwhile.
    const others = await sendFile(otherVisitor, "small.csv", csv(["Kiel,DE,Twin town"]));
    expect(await uploadState(other, uploadIdOf(others.location))).toMatchObject({ status: "checked", importable: true });
    const firstOutcome = await first;
    expect("uploadId" in firstOutcome && (await uploadState(staff, firstOutcome.uploadId))).toMatchObject({ status: "checked", check: { readyCount: 3000 } });
    expect(await db.importUpload.count({ where: { userId: staff.id } })).toBe(1);
    // Once it is done, the next one goes ahead.
    expect((await sendFile(visitor, "small.csv", csv(["Kiel,DE,Twin town"]))).location).toMatch(/^\/import\?upload=/);
  });
});
