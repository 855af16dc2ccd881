// The spreadsheet import: check a file against the register (read only), then import it in one
// transaction — all rows or none — entering the lifecycle as its IMPORT_RULE says (Active, with an "Imported" decision).
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { AgreementStatus, RelationshipType } from "@/generated/prisma/enums";
import { agreementData } from "@/lib/agreements/agreement-fields";
import { findOrCreatePartner, partnerData, slugify } from "@/lib/agreements/partners";
import { writeAudit } from "@/lib/audit";
import { insertRows } from "@/lib/backup/rows";
import { db, type Tx } from "@/lib/db";
import { IMPORT_RULE } from "@/lib/domain/lifecycle";
import { appendDecisions, type NewDecision } from "@/lib/decisions/chain";
import { isoDate } from "@/lib/export/spreadsheet-safety";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { PREVIEW_ROW_LIMIT, PROBLEM_LIMIT, type ImportCheck, type ImportMessage, type PreviewRow } from "./import-state";
import { readSpreadsheet, type UploadedFile } from "./read-spreadsheet";
import { validateSheetInTurns, type ValidatedSheet, type ValidRow } from "./validate-rows";

/** Serialises imports: two people importing the same file at once must not both add its rows. */
const IMPORT_LOCK_KEY = 7_340_221;

/** Generous: a 10,000-row file on embedded PGlite takes well under a minute. */
const TRANSACTION_TIMEOUT_MS = 5 * 60_000;

/** Told to a user who starts an import while another of theirs is still being checked or imported. */
export const IMPORT_BUSY: ImportMessage = { key: "importPage.busy" };

/** Nothing was read: another import of the user's is under way. */
type Busy = { ok: false; messages: ImportMessage[]; busy: true };

/** Users with an import being checked or imported in this process. */
const importing = new Set<string>();

/**
 * One import at a time per user: a second one while the first is being read is refused, so one
 * person cannot fill the server with spreadsheets. Per process, as are the readers it protects.
 */
async function oneAtATime<T>(actor: Actor, run: () => Promise<T>): Promise<T | Busy> {
  if (importing.has(actor.id)) return { ok: false, messages: [IMPORT_BUSY], busy: true };
  importing.add(actor.id);
  try {
    return await run();
  } finally {
    importing.delete(actor.id);
  }
}

type PartnerRef = { id: string; name: string };

type Checked = { ok: true; check: ImportCheck; ready: ValidRow[]; partners: ReadonlyMap<string, PartnerRef> } | { ok: false; messages: ImportMessage[] };

type Reader = Pick<Tx, "$queryRaw">;

/** The file's name as the user knows it: no folders, no control characters, not too long. */
export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.normalize("NFC").replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "").trim();
  return (clean || "spreadsheet").slice(0, 120);
}

/**
 * Partners looked up per query. One SQL array parameter per batch: Prisma's `in` list with a
 * relation costs several times more, on the thread that answers requests.
 */
const LOOKUP_BATCH = 2000;

/**
 * Lets other requests have a turn between two statements. An embedded PGlite statement runs on
 * the thread that answers requests and never waits on I/O, so a run of them (the import's
 * transaction held it in one piece) would otherwise keep the thread to itself.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The import's bulk writes: a thousand rows per statement, with a turn for other requests between them. */
const ROWS_BETWEEN_TURNS = { rowsPerStatement: 1000, betweenStatements: nextTurn };

/** Which links (partner identity + relationship type) are already in the register, and which partners exist. */
async function registerState(client: Reader, rows: readonly ValidRow[]) {
  const keys = [...new Set(rows.map((row) => row.partnerKey))];
  const existingPartners = new Map<string, PartnerRef>();
  const existingLinks = new Map<string, AgreementStatus>();
  for (let start = 0; start < keys.length; start += LOOKUP_BATCH) {
    if (start > 0) await nextTurn();
    // A withdrawn draft never became a link: importing the link again is allowed.
    const found = await client.$queryRaw<{ id: string; name: string; identityKey: string; relationshipType: RelationshipType | null; status: AgreementStatus | null }[]>`
      SELECT p."id", p."name", p."identityKey", a."relationshipType", a."status"
      FROM "Partner" AS p
      LEFT JOIN "Agreement" AS a ON a."partnerId" = p."id" AND a."status" <> 'WITHDRAWN'
      WHERE p."identityKey" = ANY(${keys.slice(start, start + LOOKUP_BATCH)}::text[])`;
    for (const row of found) {
      existingPartners.set(row.identityKey, { id: row.id, name: row.name });
      if (row.relationshipType && row.status) existingLinks.set(`${row.identityKey}#${row.relationshipType}`, row.status);
    }
  }
  return { existingPartners, existingLinks };
}

function previewRow(row: ValidRow, newPartner: boolean, existingStatus?: AgreementStatus): PreviewRow {
  return {
    rowNumber: row.rowNumber,
    partnerName: row.input.partnerName,
    country: row.input.country,
    relationshipType: row.input.relationshipType,
    linkBegan: row.input.linkBegan ? isoDate(row.input.linkBegan) : null,
    formalisedOn: row.input.formalisedOn ? isoDate(row.input.formalisedOn) : null,
    newPartner,
    ...(existingStatus ? { existingStatus } : {}),
  };
}

type Read = { ok: true; validated: ValidatedSheet } | { ok: false; messages: ImportMessage[] };

/** Reads the file (in a worker thread) and checks every row on its own; needs no database. */
async function readFile(file: UploadedFile): Promise<Read> {
  const read = await readSpreadsheet(file);
  if (!read.ok) return { ok: false, messages: [read.message] };
  const validated = await validateSheetInTurns(read.sheet);
  if (validated.fileProblems.length) return { ok: false, messages: validated.fileProblems };
  return { ok: true, validated };
}

/** Compares the checked rows with the register. Writes nothing. */
async function compareWithRegister(file: UploadedFile, validated: ValidatedSheet, client: Reader): Promise<Checked> {
  const { existingPartners, existingLinks } = await registerState(client, validated.rows);
  const ready: ValidRow[] = [];
  const readyRows: PreviewRow[] = [];
  const presentRows: PreviewRow[] = [];
  for (const row of validated.rows) {
    const existing = existingLinks.get(row.linkKey);
    if (existing) {
      presentRows.push(previewRow(row, false, existing));
      continue;
    }
    ready.push(row);
    readyRows.push(previewRow(row, !existingPartners.has(row.partnerKey)));
  }
  const check: ImportCheck = {
    fileName: displayFileName(file.name),
    fileSize: file.bytes.byteLength,
    rowCount: validated.rowCount,
    readyCount: readyRows.length,
    ready: readyRows.slice(0, PREVIEW_ROW_LIMIT),
    presentCount: presentRows.length,
    present: presentRows.slice(0, PREVIEW_ROW_LIMIT),
    problemCount: validated.problems.length,
    problemRowCount: new Set(validated.problems.map((problem) => problem.rowNumber)).size,
    problems: validated.problems.slice(0, PROBLEM_LIMIT),
    notes: validated.notes,
  };
  return { ok: true, check, ready, partners: existingPartners };
}

// What the import writes, and its columns checked against Prisma's own input types so a renamed column fails to compile.
type PartnerRow = Prisma.PartnerCreateManyInput & { id: string; updatedAt: Date };
type AgreementRow = Prisma.AgreementCreateManyInput & { id: string; updatedAt: Date };

const PARTNER_COLUMNS = ["id", "slug", "name", "country", "region", "kind", "latitude", "longitude", "population", "website", "identityKey", "updatedAt"] as const satisfies readonly (keyof PartnerRow)[];

const AGREEMENT_COLUMNS = ["id", "partnerId", "relationshipType", "title", "purpose", "themes", "linkBegan", "formalisedOn", "reviewDate", "leadOfficerId", "publicSummary", "internalNotes", "partnerDecisionDate", "partnerDecisionReference", "status", "createdById", "updatedAt"] as const satisfies readonly (keyof AgreementRow)[];

/**
 * The partners of the ready rows: existing ones by identity, new ones written in one statement
 * (a query per row would take minutes for a large file on embedded PGlite). A new partner gets the
 * slug findOrCreatePartner would give it first (name, then name-country); the rare one whose
 * slugs are both taken goes through findOrCreatePartner itself, which numbers it.
 */
async function createPartners(tx: Tx, rows: readonly ValidRow[], existing: ReadonlyMap<string, PartnerRef>) {
  const byKey = new Map(existing);
  const fresh = new Map<string, ValidRow>();
  for (const row of rows) if (!byKey.has(row.partnerKey) && !fresh.has(row.partnerKey)) fresh.set(row.partnerKey, row);
  const candidates = new Map([...fresh].map(([key, row]) => {
    const base = slugify(row.input.partnerName);
    return [key, row.input.country ? [base, `${base}-${row.input.country.toLowerCase()}`] : [base]] as const;
  }));
  const wanted = [...new Set([...candidates.values()].flat())];
  const taken = new Set<string>();
  for (let start = 0; start < wanted.length; start += LOOKUP_BATCH) {
    if (start > 0) await nextTurn();
    const rows = await tx.$queryRaw<{ slug: string }[]>`SELECT "slug" FROM "Partner" WHERE "slug" = ANY(${wanted.slice(start, start + LOOKUP_BATCH)}::text[])`;
    for (const row of rows) taken.add(row.slug);
  }
  const data: PartnerRow[] = [];
  const now = new Date();
  const numbered: ValidRow[] = [];
  for (const [key, row] of fresh) {
    const slug = candidates.get(key)!.find((candidate) => !taken.has(candidate));
    if (!slug) {
      numbered.push(row);
      continue;
    }
    taken.add(slug);
    const id = randomUUID();
    byKey.set(key, { id, name: row.input.partnerName });
    const { input } = row;
    data.push({ id, slug, ...partnerData(input), identityKey: key, updatedAt: now });
  }
  await insertRows(tx, "Partner", PARTNER_COLUMNS, data, ROWS_BETWEEN_TURNS);
  for (const row of numbered) byKey.set(row.partnerKey, await findOrCreatePartner(tx, row.input));
  return { byKey, created: data.length + numbered.length };
}

export type PreviewResult = { ok: true; check: ImportCheck } | { ok: false; messages: ImportMessage[]; busy?: true };

/** Step one: what the import would do, row by row. Nothing is written. */
export async function previewImport(file: UploadedFile, actor: Actor): Promise<PreviewResult> {
  requirePermission(actor, "import:run");
  return oneAtATime(actor, async () => {
    const read = await readFile(file);
    if (!read.ok) return read;
    const checked = await compareWithRegister(file, read.validated, db);
    return checked.ok ? { ok: true, check: checked.check } : checked;
  });
}

export type ImportResult =
  | { ok: true; fileName: string; created: number; present: number; newPartners: number }
  /** Nothing was written: the file (or a row of it) is not right, or it changed since the preview. */
  | { ok: false; messages: ImportMessage[]; check?: ImportCheck; busy?: true };

/**
 * Step two, after the user confirmed: checks the file again, then imports every ready row in one
 * transaction (all or nothing). Rows already in the register are skipped, so importing the same
 * file twice adds nothing the second time.
 */
export async function runImport(file: UploadedFile, actor: Actor, context: { ip?: string | null } = {}): Promise<ImportResult> {
  requirePermission(actor, "import:run");
  return oneAtATime(actor, async () => {
    // Read before the transaction begins: reading takes a while and needs no database.
    const read = await readFile(file);
    return read.ok ? importRows(file, read.validated, actor, context) : read;
  });
}

async function importRows(file: UploadedFile, validated: ValidatedSheet, actor: Actor, context: { ip?: string | null }): Promise<ImportResult> {
  const fileName = displayFileName(file.name);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return db.$transaction(
    async (tx): Promise<ImportResult> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY}::bigint)`;
      // Compared again inside the lock: the register may have changed since the preview.
      const checked = await compareWithRegister(file, validated, tx);
      if (!checked.ok) return checked;
      const { check, ready, partners } = checked;
      if (check.problemCount > 0) {
        return { ok: false, messages: [{ key: "importPage.importer.notImported", values: { rows: check.problemRowCount } }], check };
      }
      if (ready.length === 0) return { ok: true, fileName, created: 0, present: check.presentCount, newPartners: 0 };

      const { byKey, created: newPartners } = await createPartners(tx, ready, partners);
      const agreements: AgreementRow[] = [];
      const decisions: NewDecision[] = [];
      const now = new Date();
      for (const row of ready) {
        const agreementId = randomUUID();
        const partner = byKey.get(row.partnerKey)!;
        agreements.push({ ...agreementData(row.input, partner.name), id: agreementId, partnerId: partner.id, status: IMPORT_RULE.status, createdById: actor.id, leadOfficerId: actor.id, updatedAt: now });
        decisions.push({
          agreementId,
          kind: IMPORT_RULE.decision,
          actorId: actor.id,
          fromStatus: IMPORT_RULE.fromStatus,
          toStatus: IMPORT_RULE.status,
          reason: `Imported from the spreadsheet “${fileName}” (row ${row.rowNumber}).`,
        });
      }
      await insertRows(tx, "Agreement", AGREEMENT_COLUMNS, agreements, ROWS_BETWEEN_TURNS);
      await nextTurn();
      const chained = await appendDecisions(tx, decisions);
      // The decision that set each agreement's status (the two rows point at each other, so one is
      // written after), matched by the ids in hand: a join on the decisions found a plan that grew
      // with the table (decision 015).
      for (let start = 0; start < chained.length; start += LOOKUP_BATCH) {
        await nextTurn();
        const batch = chained.slice(start, start + LOOKUP_BATCH);
        await tx.$executeRaw`
          UPDATE "Agreement" AS a SET "statusDecisionId" = x."decisionId"
          FROM unnest(${batch.map((decision) => decision.agreementId)}::uuid[], ${batch.map((decision) => decision.id)}::uuid[]) AS x("agreementId", "decisionId")
          WHERE a."id" = x."agreementId"`;
      }
      await writeAudit(tx, {
        actor,
        action: "agreement.import",
        entityType: "Import",
        ip: context.ip ?? null,
        details: { fileName, sha256, bytes: file.bytes.byteLength, rows: check.rowCount, created: agreements.length, alreadyPresent: check.presentCount, newPartners },
      });
      return { ok: true, fileName, created: agreements.length, present: check.presentCount, newPartners };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
}
