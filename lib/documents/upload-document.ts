// "Upload": a document's journey from the request to the database. The body streams to a private
// temporary folder (never held whole in memory), is checked from its content, loses a photo's
// metadata, is scanned by clamd where one is configured, and is then stored by its SHA-256 in
// pieces, with the Document row and its audit row in one transaction. The folder goes in every case.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeAudit } from "@/lib/audit";
import pg from "pg";
import { databaseHandle, db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { isPubliclyVisible } from "@/lib/domain/lifecycle";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { parseDocumentFields, type DocumentProblem } from "@/lib/domain/validation/document";
import { clamdAddress, scanFile } from "./clamav";
import { checkDocumentContent, MEDIA_TYPES } from "./content-check";
import { MAX_DOCUMENT_BYTES, MAX_FIELD_BYTES, STORED_CHUNK_BYTES } from "./limits";
import { MultipartError, readMultipart, type FilePartSink } from "./multipart";
import { DamagedImageError, stripJpegMetadata, stripPngMetadata } from "./strip-metadata";

/** The permission to upload and remove documents: whoever may edit the agreement. */
export const DOCUMENT_WRITE = "agreement:edit" as const;

export type UploadOutcome = { ok: true; documentId: string; fields: Record<string, string> } | { ok: false; problems: DocumentProblem[]; fields: Record<string, string> };

/** The fields of the form as sent (to echo back), from the streamed body. */
const FIELD_NAMES = ["title", "type", "isPublic", "accessible", "altText", "backgroundPaper"] as const;

function formFields(sent: Map<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of FIELD_NAMES) {
    const value = sent.get(name);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

/**
 * The form's fields sent before its file, for a request refused as too large before it is read
 * (its Content-Length says so): read up to the file's first bytes, and no further.
 */
export async function fieldsBeforeFile(body: ReadableStream<Uint8Array> | null, boundary: string): Promise<Record<string, string>> {
  const sent = new Map<string, string>();
  const discard: FilePartSink = { write: async () => {}, close: async () => {} };
  try {
    await readMultipart(body, boundary, { fields: sent, fileField: "file", maxFileBytes: 0, maxFieldBytes: MAX_FIELD_BYTES, openFile: async () => discard });
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
  }
  return formFields(sent);
}

/**
 * Reads a multipart upload from `body` and stores it as a document of `agreementId`, or says what
 * is wrong. Refusals that come from the request (malformed, too large) and from the content are
 * problems for the form, never exceptions; an agreement that does not exist is NOT_FOUND.
 */
export async function uploadDocument(actor: Actor, agreementId: string, body: ReadableStream<Uint8Array> | null, boundary: string, context: { ip?: string | null; env?: NodeJS.ProcessEnv } = {}): Promise<UploadOutcome> {
  requirePermission(actor, DOCUMENT_WRITE);
  const agreement = await db.agreement.findUnique({ where: { id: agreementId }, select: { id: true } });
  if (!agreement) throw new AppError("NOT_FOUND", "There is no such agreement.");
  const folder = await mkdtemp(path.join(tmpdir(), "twinning-document-"));
  const received = path.join(folder, "received");
  const fields: Record<string, string> = {};
  // The fields as they arrive: those before the file are kept even when the file is refused while it streams.
  const sent = new Map<string, string>();
  try {
    let parsed;
    try {
      parsed = await readMultipart(body, boundary, {
        fields: sent,
        fileField: "file",
        maxFileBytes: MAX_DOCUMENT_BYTES,
        maxFieldBytes: MAX_FIELD_BYTES,
        openFile: async () => {
          const handle = await open(received, "w");
          return {
            write: async (bytes) => {
              await handle.write(bytes);
            },
            close: () => handle.close(),
          };
        },
      });
    } catch (error) {
      if (error instanceof MultipartError) return { ok: false, problems: [error.reason === "fileTooLarge" ? "tooLarge" : "malformed"], fields: formFields(sent) };
      throw error;
    }
    Object.assign(fields, formFields(parsed.fields));
    const problems: DocumentProblem[] = [];
    if (!parsed.file || (parsed.file.size === 0 && !parsed.file.fileName)) problems.push("chooseFile");
    else if (parsed.file.size === 0) problems.push("empty");
    const check = problems.length === 0 ? await checkDocumentContent(received) : null;
    if (check && !check.ok) problems.push(check.refusal === "tooLarge" ? "tooLarge" : check.refusal);
    const isImage = check?.ok === true && (check.kind === "jpeg" || check.kind === "png");
    const form = parseDocumentFields(fields, isImage || fields.type === "PHOTO");
    if (!form.ok) problems.push(...form.problems);
    if (problems.length > 0 || !check?.ok || !form.ok || !parsed.file) return { ok: false, problems: orderOf(problems), fields };

    let stored = received;
    if (isImage) {
      stored = path.join(folder, "stripped");
      try {
        await (check.kind === "jpeg" ? stripJpegMetadata(received, stored) : stripPngMetadata(received, stored));
      } catch (error) {
        if (error instanceof DamagedImageError) return { ok: false, problems: ["damaged"], fields };
        throw error;
      }
    }
    const clamd = clamdAddress(context.env);
    if (clamd) {
      const scan = await scanFile(stored, clamd);
      if ("error" in scan) return { ok: false, problems: ["scanFailed"], fields };
      if (!scan.clean) return { ok: false, problems: ["virus"], fields };
    }
    const { size } = await stat(stored);
    const sha256 = await fileHash(stored);
    const documentId = randomUUID();
    const fileName = safeStoredName(parsed.file.fileName);
    await storeFile(stored, sha256, size);
    await db.$transaction(async (tx) => {
      // "Background paper of the open proposal": attached to the proposal open now; when it is decided, the paper's hash goes into the chain.
      const proposal = fields.backgroundPaper === "on" ? await tx.proposal.findFirst({ where: { agreementId, state: "OPEN" }, select: { id: true } }) : null;
      await tx.document.create({
        data: {
          id: documentId,
          agreementId,
          sha256,
          title: form.fields.title,
          type: form.fields.type,
          fileName,
          mediaType: MEDIA_TYPES[check.kind],
          size,
          isPublic: form.fields.isPublic,
          accessible: form.fields.accessible,
          altText: form.fields.altText || null,
          uploadedById: actor.id,
          proposalId: proposal?.id ?? null,
        },
      });
      await writeAudit(tx, { actor, action: "document.upload", entityType: "Document", entityId: documentId, ip: context.ip, details: { agreementId, sha256, size, mediaType: MEDIA_TYPES[check.kind], isPublic: form.fields.isPublic } });
    });
    return { ok: true, documentId, fields };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function orderOf(problems: DocumentProblem[]): DocumentProblem[] {
  return [...new Set(problems)];
}

/** The uploaded name, as text to show and to offer on download: no path, no control characters, within reason. */
export function safeStoredName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "").trim().slice(-200);
  return clean || "document";
}

async function fileHash(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const piece of createReadStream(file, { highWaterMark: STORED_CHUNK_BYTES })) hash.update(piece as Buffer);
  return hash.digest("hex");
}

/**
 * Keeps the bytes under their hash, once (the same bytes uploaded again are already there), in one
 * transaction, so a failed upload leaves no half file. Each piece is its own statement, with a turn
 * for other requests between them: on the embedded database a statement holds the thread that
 * answers everyone (decision 015). The pieces go through the driver itself, as bytea parameters:
 * through Prisma, every statement's parameters stayed in memory after the upload (decision 021).
 */
async function storeFile(file: string, sha256: string, size: number): Promise<void> {
  await withDriverTransaction(async (query) => {
    const inserted = await query(`INSERT INTO "StoredFile" ("sha256", "size") VALUES ($1, $2) ON CONFLICT ("sha256") DO NOTHING`, [sha256, size]);
    if (inserted === 0) return;
    let part = 0;
    for await (const piece of createReadStream(file, { highWaterMark: STORED_CHUNK_BYTES })) {
      await new Promise((resolve) => setImmediate(resolve));
      await query(`INSERT INTO "StoredFileChunk" ("sha256", "part", "bytes") VALUES ($1, $2, $3)`, [sha256, part, piece as Buffer]);
      part += 1;
    }
  });
}

type DriverQuery = (sql: string, params: unknown[]) => Promise<number>;

/** A transaction on the database behind `db`, straight through its driver: PGlite's own, or a connection of its own to the PostgreSQL server. */
async function withDriverTransaction(run: (query: DriverQuery) => Promise<void>): Promise<void> {
  const handle = databaseHandle();
  if (handle.pglite) {
    await handle.pglite.transaction(async (tx) => run(async (sql, params) => (await tx.query(sql, params)).affectedRows ?? 0));
    return;
  }
  const client = new pg.Client(handle.clientConfig);
  await client.connect();
  try {
    await client.query("BEGIN");
    await run(async (sql, params) => (await client.query(sql, params)).rowCount ?? 0);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Why a document cannot be removed: it is a background paper of a decided proposal. */
export const ATTACHED_TO_DECISION = "This document is a background paper of a decision: it cannot be removed.";

/** Removes a document; its bytes go too when no other document has them. */
export async function removeDocument(input: { documentId: string; agreementId: string }, actor: Actor, context: { ip?: string | null } = {}): Promise<{ confirmation: "agreement.documentRemoved" }> {
  requirePermission(actor, DOCUMENT_WRITE);
  return db.$transaction(async (tx) => {
    const document = await tx.document.findFirst({ where: { id: input.documentId, agreementId: input.agreementId }, select: { id: true, sha256: true, title: true, proposal: { select: { state: true } } } });
    if (!document) throw new AppError("NOT_FOUND", "This document has already been removed.");
    if (document.proposal && document.proposal.state !== "OPEN") throw new AppError("CONFLICT", ATTACHED_TO_DECISION);
    await tx.document.delete({ where: { id: document.id } });
    if ((await tx.document.count({ where: { sha256: document.sha256 } })) === 0) await tx.storedFile.delete({ where: { sha256: document.sha256 } });
    await writeAudit(tx, { actor, action: "document.remove", entityType: "Document", entityId: document.id, ip: context.ip, details: { agreementId: input.agreementId, sha256: document.sha256, title: document.title } });
    return { confirmation: "agreement.documentRemoved" as const };
  });
}

/** Whether a document may be served to someone without a session: shown to the public, on a link the public sees. */
export function isPublicDocument(document: { isPublic: boolean; agreement: { status: Parameters<typeof isPubliclyVisible>[0] } }): boolean {
  return document.isPublic && isPubliclyVisible(document.agreement.status);
}
