// The import between its steps. A checked file is kept in the database (ImportUpload) under a
// random id that only its user can use, so the confirmation sends that id rather than the file,
// and any instance can take it; /import?upload=<id> shows what became of it.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { previewImport, runImport } from "./import-agreements";
import type { ImportMessage, ImportState } from "./import-state";
import type { UploadedFile } from "./read-spreadsheet";

/** How long a checked file waits for its confirmation. */
const UPLOAD_HOURS = 2;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where a step leads: the upload's page, or (when another import of the user's is still running,
 * and nothing was kept) back to the import with that said.
 */
export type StepOutcome = { uploadId: string; created?: number } | { busy: true };

/** The file's name as sent, as text the database takes (no NUL), within reason. */
function storableName(name: string): string {
  return name.replace(/\u0000/g, "").slice(-255);
}

/**
 * The file is written in pieces of this many base64 characters, other requests having a turn
 * between them: on the embedded database a statement holds the thread that answers requests
 * while it runs (decision 015).
 */
const CONTENT_PIECE = 256 * 1024;

/** Keeps what the user will see (and the file, while it can be imported); the user's earlier uploads and everyone's expired ones go. */
async function keep(userId: string, state: ImportState, file: UploadedFile, importable: boolean, now = new Date()): Promise<string> {
  const id = randomUUID();
  const content = importable ? Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString("base64") : null;
  await db.$transaction(
    async (tx) => {
      await tx.importUpload.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lte: now } }] } });
      await tx.importUpload.create({
        data: {
          id,
          userId,
          state: state as Prisma.InputJsonObject,
          fileName: storableName(file.name),
          content: content === null ? null : "",
          createdAt: now,
          expiresAt: new Date(now.getTime() + UPLOAD_HOURS * 60 * 60 * 1000),
        },
      });
      for (let start = 0; content !== null && start < content.length; start += CONTENT_PIECE) {
        await new Promise((resolve) => setImmediate(resolve));
        await tx.$executeRaw`UPDATE "ImportUpload" SET "content" = "content" || ${content.slice(start, start + CONTENT_PIECE)} WHERE "id" = ${id}::uuid`;
      }
    },
    { timeout: 60_000 },
  );
  return id;
}

/** A refusal before the file could be checked (no file chosen, or too large): shown like any other. */
export async function keepRefusal(actor: Actor, message: ImportMessage, fileName = ""): Promise<string> {
  requirePermission(actor, "import:run");
  return keep(actor.id, { status: "refused", messages: [message], ...(fileName ? { fileName } : {}) }, { name: fileName, bytes: new Uint8Array() }, false);
}

/** Step one: checks every row (nothing is imported) and keeps the outcome, with the file when it can be imported. */
export async function checkUpload(actor: Actor, file: UploadedFile): Promise<StepOutcome> {
  requirePermission(actor, "import:run");
  const preview = await previewImport(file, actor);
  if (!preview.ok && preview.busy) return { busy: true };
  if (!preview.ok) return { uploadId: await keep(actor.id, { status: "refused", messages: preview.messages, fileName: file.name }, file, false) };
  const importable = preview.check.problemCount === 0 && preview.check.readyCount > 0;
  return { uploadId: await keep(actor.id, { status: "checked", check: preview.check, importable }, file, importable) };
}

/** Step two: imports the file kept under `uploadId` (the user's own, not expired), then keeps the outcome in its place. */
export async function confirmUpload(actor: Actor, uploadId: string, context: { ip?: string | null } = {}): Promise<StepOutcome> {
  requirePermission(actor, "import:run");
  const upload = UUID.test(uploadId)
    ? await db.importUpload.findFirst({ where: { id: uploadId, userId: actor.id, expiresAt: { gt: new Date() } }, select: { fileName: true, content: true } })
    : null;
  // Gone, or already imported (a second click, or the page reloaded): the page says which.
  if (!upload?.content) return { uploadId };
  const result = await runImport({ name: upload.fileName, bytes: new Uint8Array(Buffer.from(upload.content, "base64")) }, actor, context);
  if (!result.ok && result.busy) return { busy: true };
  const state: ImportState = result.ok
    ? { status: "imported", fileName: result.fileName, created: result.created, present: result.present, newPartners: result.newPartners }
    : result.check
      ? { status: "checked", check: result.check, importable: false, message: result.messages[0] }
      : { status: "refused", messages: result.messages, fileName: upload.fileName };
  await db.importUpload.updateMany({ where: { id: uploadId, userId: actor.id }, data: { state: state as Prisma.InputJsonObject, content: null } });
  return { uploadId, created: result.ok ? result.created : 0 };
}

/** What /import shows for `uploadId`: the user's own upload, or null when there is none (expired, replaced, or another's). */
export async function uploadState(actor: Actor, uploadId: string): Promise<ImportState | null> {
  if (!UUID.test(uploadId)) return null;
  const upload = await db.importUpload.findFirst({ where: { id: uploadId, userId: actor.id, expiresAt: { gt: new Date() } }, select: { state: true } });
  const state = upload?.state as ImportState | undefined;
  return state && keptAsMessages(state) ? state : null;
}

/** False for an outcome kept by an earlier release, with English sentences where messages are now keys: the page says it is gone, to be checked again. */
function keptAsMessages(state: ImportState): boolean {
  const isMessage = (message: unknown) => typeof message === "object" && message !== null;
  if (state.status === "refused") return Array.isArray(state.messages) && state.messages.every(isMessage);
  if (state.status === "checked") return [...state.check.problems, ...state.check.notes].every(isMessage) && (state.message === undefined || isMessage(state.message));
  return true;
}
