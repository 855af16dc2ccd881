// The decision record as a hash chain (docs/decisions/009-decision-chain.md). Every Decision is
// written by appendDecisions, which gives it the next sequence number, the previous decision's hash
// and the SHA-256 of its own content; verifyDecisionChain recomputes them all. Changing, deleting
// or reordering a row, even by someone with direct database access, breaks the chain there.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { AgreementStatus, DecisionKind } from "@/generated/prisma/enums";
import type { Sql } from "@/lib/backup/catalog";
import { insertRows, type Row } from "@/lib/backup/rows";
import type { Tx } from "@/lib/db";

/** previousHash of the first decision. */
export const GENESIS_HASH = "0".repeat(64);

/** The pg_advisory_xact_lock key that serializes appends: any constant no other code uses. */
const CHAIN_LOCK = 2026112801;

/**
 * Options for a transaction that appends decisions. It may queue behind others — for the
 * proposal's row lock, then for the chain lock — so a burst of votes on one proposal waits its
 * turn; Prisma's default (5 s from the start) turned such a wait into an error under load.
 */
export const DECISION_TRANSACTION = { maxWait: 10_000, timeout: 20_000 } as const;

/** The columns of a Decision the hash covers, besides sequence and previousHash. */
export type DecisionContent = {
  id: string;
  agreementId: string;
  proposalId: string | null;
  kind: DecisionKind;
  actorId: string | null;
  fromStatus: AgreementStatus | null;
  toStatus: AgreementStatus | null;
  reason: string | null;
  publicReason: string | null;
  reference: string | null;
  voteKey: string | null;
  /** An amendment's terms, before and after (lib/domain/term-changes.ts); null (or left out) on every other decision. */
  changes?: Prisma.JsonValue | null;
  /** How the decision is taken: its route and the route's details (lib/domain/decision-routes.ts); null (or left out) when none is recorded. */
  route?: Prisma.JsonValue | null;
  /** The SHA-256 of each background paper of the proposal this decision closes (sorted), so a paper cannot be swapped afterwards; null (or left out) when it has none. */
  papers?: Prisma.JsonValue | null;
  /** v3: the salted digest of each free-text field (DIGESTED_FIELDS), which the hash covers instead of the text; null (or left out) on v1/v2 rows. */
  fieldDigests?: Prisma.JsonValue | null;
  createdAt: Date;
};

export type ChainedDecision = DecisionContent & { sequence: number; previousHash: string; hash: string };

/** A decision to record: id and createdAt default to a new UUID and now, the rest to null; its field digests are made here. */
export type NewDecision = Pick<DecisionContent, "agreementId" | "kind"> & { [K in Exclude<keyof DecisionContent, "agreementId" | "kind" | "fieldDigests">]?: DecisionContent[K] | undefined };

/**
 * The free-text fields a v3 hash commits to by a salted digest, each read as the text its digest is
 * made of (an amendment's changes as JSON with sorted keys). Text may be erased from these, never
 * from the other columns. A new field joins here as a new key: rows written before it have no
 * digest for it, and their serialization stays as it was.
 */
export const DIGESTED_FIELDS = {
  reason: (decision: DecisionContent) => decision.reason,
  publicReason: (decision: DecisionContent) => decision.publicReason,
  reference: (decision: DecisionContent) => decision.reference,
  changes: (decision: DecisionContent) => (decision.changes === null || decision.changes === undefined ? null : JSON.stringify(sortedKeys(decision.changes))),
  // Added with issue 24 (decision routes): rows written before it have no digest for it.
  route: (decision: DecisionContent) => (decision.route === null || decision.route === undefined ? null : JSON.stringify(sortedKeys(decision.route))),
  // Added with issue 23 (documents): the hashes of a decided proposal's background papers.
  papers: (decision: DecisionContent) => (decision.papers === null || decision.papers === undefined ? null : JSON.stringify(sortedKeys(decision.papers))),
} as const;

export type DigestedField = keyof typeof DIGESTED_FIELDS;

export function isDigestedField(name: string): name is DigestedField {
  return Object.hasOwn(DIGESTED_FIELDS, name);
}

/** A new random salt: 32 bytes as 64 hex digits, so a digest of a short text (a name) cannot be guessed back. */
export function newSalt(): string {
  return randomBytes(32).toString("hex");
}

/** SHA-256 (hex) of the UTF-8 bytes of the salt followed by the text. */
export function fieldDigest(salt: string, text: string): string {
  return createHash("sha256").update(salt + text, "utf8").digest("hex");
}

/** A decision's field digests and the salts to keep beside them: a digest for every field that holds text, null for the others. */
export function digestFields(decision: DecisionContent): { fieldDigests: Record<DigestedField, string | null>; salts: { field: DigestedField; salt: string }[] } {
  const fieldDigests = {} as Record<DigestedField, string | null>;
  const salts: { field: DigestedField; salt: string }[] = [];
  for (const [field, read] of Object.entries(DIGESTED_FIELDS) as [DigestedField, (typeof DIGESTED_FIELDS)[DigestedField]][]) {
    const text = read(decision);
    if (text === null) {
      fieldDigests[field] = null;
    } else {
      const salt = newSalt();
      salts.push({ field, salt });
      fieldDigests[field] = fieldDigest(salt, text);
    }
  }
  return { fieldDigests, salts };
}

/**
 * The exact text that is hashed: a JSON array (no spaces) of the fields in this order, absent
 * values as null, createdAt as ISO 8601 UTC with milliseconds. Version "v3" (every decision with
 * field digests, all written since issue 22) has the digests of the free-text fields in place of
 * their text, as an object with sorted keys. Before it: "v1" is every decision without changes, as
 * the migration's SQL function decision_chain_hash also builds it; "v2" (a decision that carries an
 * amendment's changes) adds them after voteKey, their object keys sorted, since PostgreSQL's jsonb
 * gives keys back in an order of its own. Change none without a new version.
 */
export function canonicalDecision(decision: DecisionContent & { sequence: number; previousHash: string }): string {
  const digests = decision.fieldDigests ?? null;
  if (digests !== null) {
    return JSON.stringify([
      "v3",
      decision.sequence,
      decision.id,
      decision.agreementId,
      decision.proposalId,
      decision.kind,
      decision.actorId,
      decision.fromStatus,
      decision.toStatus,
      decision.voteKey,
      sortedKeys(digests),
      decision.createdAt.toISOString(),
      decision.previousHash,
    ]);
  }
  const fields = [
    decision.sequence,
    decision.id,
    decision.agreementId,
    decision.proposalId,
    decision.kind,
    decision.actorId,
    decision.fromStatus,
    decision.toStatus,
    decision.reason,
    decision.publicReason,
    decision.reference,
    decision.voteKey,
  ];
  const tail = [decision.createdAt.toISOString(), decision.previousHash];
  const changes = decision.changes ?? null;
  return JSON.stringify(changes === null ? ["v1", ...fields, ...tail] : ["v2", ...fields, sortedKeys(changes), ...tail]);
}

/** A JSON value with every object's keys in code-unit order, so the same value always serializes the same. */
function sortedKeys(value: Prisma.JsonValue): Prisma.JsonValue {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Prisma.JsonObject)[key] ?? null)]),
  );
}

export function decisionHash(decision: DecisionContent & { sequence: number; previousHash: string }): string {
  return createHash("sha256").update(canonicalDecision(decision), "utf8").digest("hex");
}

/**
 * Appends decisions to the chain, in the order given, and returns them as written. Call it inside
 * the transaction that makes the change: the advisory lock is held until that transaction ends, so
 * concurrent appends queue instead of forking (the unique previousHash refuses a fork regardless).
 * Lock order: callers take their own row locks first and this lock last.
 */
export async function appendDecisions(tx: Sql, decisions: readonly NewDecision[], onBatch?: (count: number) => void): Promise<ChainedDecision[]> {
  if (decisions.length === 0) return [];
  // executeRaw: the lock function returns void, a type the driver adapters cannot read back.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [head] = await tx.$queryRawUnsafe<{ sequence: number; hash: string }[]>(`SELECT "sequence", "hash" FROM "Decision" ORDER BY "sequence" DESC LIMIT 1`);
  let sequence = head ? Number(head.sequence) : 0;
  let previousHash = head?.hash ?? GENESIS_HASH;
  // The clock is read once the lock is held, so createdAt follows the chain's order on one server.
  const now = new Date();
  const salts: { decisionId: string; field: DigestedField; salt: string }[] = [];
  const chained = decisions.map((decision): ChainedDecision => {
    const content: DecisionContent = {
      id: decision.id ?? randomUUID(),
      agreementId: decision.agreementId,
      proposalId: decision.proposalId ?? null,
      kind: decision.kind,
      actorId: decision.actorId ?? null,
      fromStatus: decision.fromStatus ?? null,
      toStatus: decision.toStatus ?? null,
      reason: decision.reason ?? null,
      publicReason: decision.publicReason ?? null,
      reference: decision.reference ?? null,
      voteKey: decision.voteKey ?? null,
      changes: decision.changes ?? null,
      route: decision.route ?? null,
      papers: decision.papers ?? null,
      createdAt: decision.createdAt ?? now,
    };
    const digested = digestFields(content);
    content.fieldDigests = digested.fieldDigests;
    for (const { field, salt } of digested.salts) salts.push({ decisionId: content.id, field, salt });
    sequence += 1;
    const row = { ...content, sequence, previousHash, hash: decisionHash({ ...content, sequence, previousHash }) };
    previousHash = row.hash;
    return row;
  });
  const rows: Row[] = chained.map((decision) => ({ ...decision, createdAt: decision.createdAt.toISOString() }));
  await insertRows(tx, "Decision", Object.keys(rows[0]!), rows, { onBatch });
  await insertRows(tx, "DecisionField", ["decisionId", "field", "salt"], salts);
  return chained;
}

export async function appendDecision(tx: Sql, decision: NewDecision): Promise<ChainedDecision> {
  const [chained] = await appendDecisions(tx, [decision]);
  return chained!;
}

export type ChainFailure = { id: string; sequence: number; problem: string };
/** `erased`: the free-text fields whose text was erased (their digests still verify the chain); never counted as tampering. */
export type ChainReport = { ok: true; count: number; erased: number; head: { sequence: number; hash: string } | null } | { ok: false; verified: number; failure: ChainFailure };

const chainSelect = {
  id: true,
  agreementId: true,
  proposalId: true,
  kind: true,
  actorId: true,
  fromStatus: true,
  toStatus: true,
  reason: true,
  publicReason: true,
  reference: true,
  voteKey: true,
  changes: true,
  route: true,
  papers: true,
  fieldDigests: true,
  createdAt: true,
  sequence: true,
  previousHash: true,
  hash: true,
  fields: { select: { field: true, salt: true, erasedAt: true } },
} as const;

type StoredField = { field: string; salt: string | null; erasedAt: Date | null };

/**
 * A v3 decision's free-text fields against their digests: each field with text must give its digest
 * with its salt; a field without text either never had any (no digest) or was erased (its erasure
 * recorded). Returns how many are erased, or what does not match.
 */
export function checkFieldDigests(decision: DecisionContent & { fields: readonly StoredField[] }): { erased: number } | { problem: string } {
  const digests = decision.fieldDigests;
  if (digests === null || digests === undefined) return { erased: 0 };
  if (typeof digests !== "object" || Array.isArray(digests)) return { problem: "its field digests are not an object" };
  for (const name of Object.keys(digests)) if (!isDigestedField(name)) return { problem: `it has a digest of an unknown field, ${name}` };
  let erased = 0;
  for (const [field, read] of Object.entries(DIGESTED_FIELDS) as [DigestedField, (typeof DIGESTED_FIELDS)[DigestedField]][]) {
    const digest = digests[field] ?? null;
    const text = read(decision);
    const stored = decision.fields.find((row) => row.field === field);
    if (digest === null) {
      if (text !== null) return { problem: `its ${field} has text but no digest: it was added after the decision was recorded` };
      continue;
    }
    if (typeof digest !== "string") return { problem: `its ${field} digest is not text` };
    if (text === null) {
      if (!stored?.erasedAt) return { problem: `its ${field} is missing, and not recorded as erased` };
      erased += 1;
      continue;
    }
    if (!stored?.salt) return { problem: `the salt of its ${field} is missing` };
    if (fieldDigest(stored.salt, text) !== digest) return { problem: `its ${field} does not match its digest` };
  }
  return { erased };
}

/**
 * Walks the chain in sequence order, a batch at a time (keyset on the unique sequence index), and
 * stops at the first decision that does not match: a gap in the sequence (a row deleted), a
 * previousHash that is not the hash before it (rows deleted or reordered), a free-text field that
 * does not match its digest or is missing without a recorded erasure, a v1/v2 row after the chain
 * moved to v3, or content that no longer gives its hash (a row changed). Erased fields are counted.
 *
 * `from`: the head of a chain verified before (and the erased fields counted up to it). The walk
 * starts after it, if that decision is still there unchanged (its hash covers its content and the
 * hash before it), else from the first: the decisions recorded since are checked without reading
 * the whole chain again. A change further back is found by the next walk from the first decision.
 */
export async function verifyDecisionChain(
  client: Pick<Tx, "decision">,
  options: { batchSize?: number; from?: { sequence: number; hash: string; erased?: number } | null } = {},
): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 5000;
  let expected = 1;
  let previousHash = GENESIS_HASH;
  let erased = 0;
  // The sequence of the first v3 decision: every decision after it must be v3 too.
  let versionStep: number | null = null;
  if (options.from) {
    const head = await client.decision.findUnique({ where: { sequence: options.from.sequence }, select: chainSelect });
    if (head && head.hash === options.from.hash && decisionHash(head) === head.hash && !("problem" in checkFieldDigests(head))) {
      expected = head.sequence + 1;
      previousHash = head.hash;
      erased = options.from.erased ?? 0;
      if (head.fieldDigests !== null) versionStep = head.sequence;
    }
  }
  for (;;) {
    const batch = await client.decision.findMany({ where: { sequence: { gte: expected } }, orderBy: { sequence: "asc" }, take: batchSize, select: chainSelect });
    for (const decision of batch) {
      const failure = (problem: string): ChainReport => ({ ok: false, verified: expected - 1, failure: { id: decision.id, sequence: decision.sequence, problem } });
      if (decision.sequence !== expected) {
        return failure(`expected sequence ${expected} here: ${expected === decision.sequence - 1 ? `decision ${expected} is` : `decisions ${expected}–${decision.sequence - 1} are`} missing`);
      }
      if (decision.previousHash !== previousHash) {
        return failure(`its previousHash ${decision.previousHash} is not the hash of the decision before it (${previousHash})`);
      }
      if (decision.fieldDigests === null) {
        if (versionStep !== null) return failure(`it is serialized as ${decision.changes === null ? "v1" : "v2"}, but the chain moved to v3 at sequence ${versionStep}`);
      } else {
        versionStep ??= decision.sequence;
      }
      const fields = checkFieldDigests(decision);
      if ("problem" in fields) return failure(fields.problem);
      const hash = decisionHash(decision);
      if (decision.hash !== hash) return failure(`its content does not match its hash: stored ${decision.hash}, computed ${hash}`);
      erased += fields.erased;
      previousHash = hash;
      expected += 1;
    }
    if (batch.length < batchSize) break;
  }
  const count = expected - 1;
  return { ok: true, count, erased, head: count === 0 ? null : { sequence: count, hash: previousHash } };
}

/** One line for people: "N decisions verified, M fields erased" with the head, or the first decision that does not match. */
export function describeChainReport(report: ChainReport): string {
  if (report.ok) {
    const decisions = `${report.count.toLocaleString("en-GB")} ${report.count === 1 ? "decision" : "decisions"}`;
    const erased = `${report.erased.toLocaleString("en-GB")} ${report.erased === 1 ? "field" : "fields"} erased`;
    return report.head ? `${decisions} verified, ${erased} (latest: sequence ${report.head.sequence}, hash ${report.head.hash}).` : "0 decisions verified (the record is empty).";
  }
  const { id, sequence, problem } = report.failure;
  return `The decision record does not verify: decision ${id} (sequence ${sequence}): ${problem}. The ${report.verified.toLocaleString("en-GB")} before it verify.`;
}

/** What the version step did: how many decisions it re-hashed, how many of them were v1/v2, and the head before and after. */
export type Recommit = { rows: number; legacyRows: number; previousHead: { sequence: number; hash: string } | null; head: { sequence: number; hash: string } | null };

/**
 * The version step for v1/v2 decisions: their hash covers their text, so a field of one cannot be
 * erased until it is committed as v3. Inside the caller's transaction, under the chain lock: checks
 * the whole chain as it is (refuses if it does not verify), gives every v1/v2 decision its field
 * digests and salts, re-hashes every decision from the first as v3 (each previousHash follows) and
 * checks the result. The trigger lets it rewrite only the chain columns, and only in a transaction
 * that says so. Returns null when there is no v1/v2 decision. The caller records it in the audit
 * log with the head before and after: a head kept outside the database before the step is checked
 * against `previousHead`.
 */
export async function recommitLegacyDecisions(tx: Pick<Tx, "decision" | "$queryRawUnsafe" | "$executeRawUnsafe">, options: { batchSize?: number } = {}): Promise<Recommit | null> {
  const batchSize = options.batchSize ?? 2000;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [legacy] = await tx.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS "count" FROM "Decision" WHERE "fieldDigests" IS NULL`);
  const legacyRows = Number(legacy?.count ?? 0);
  if (legacyRows === 0) return null;
  const before = await verifyDecisionChain(tx, { batchSize });
  if (!before.ok) throw new Error(`The v1/v2 decisions cannot be re-committed: ${describeChainReport(before)}`);
  await tx.$executeRawUnsafe(`SELECT set_config('twinning.decision_recommit', 'v3', true)`);
  let previousHash = GENESIS_HASH;
  let next = 1;
  for (;;) {
    const batch = await tx.decision.findMany({ where: { sequence: { gte: next } }, orderBy: { sequence: "asc" }, take: batchSize, select: chainSelect });
    const updates: Row[] = [];
    const salts: Row[] = [];
    for (const decision of batch) {
      let fieldDigests = decision.fieldDigests;
      if (fieldDigests === null) {
        const digested = digestFields(decision);
        fieldDigests = digested.fieldDigests;
        for (const { field, salt } of digested.salts) salts.push({ decisionId: decision.id, field, salt });
      }
      const hash = decisionHash({ ...decision, fieldDigests, previousHash });
      updates.push({ id: decision.id, previousHash, hash, fieldDigests });
      previousHash = hash;
      next = decision.sequence + 1;
    }
    await insertRows(tx, "DecisionField", ["decisionId", "field", "salt"], salts);
    if (updates.length > 0) {
      await tx.$executeRawUnsafe(
        `UPDATE "Decision" AS t SET "previousHash" = r."previousHash", "hash" = r."hash", "fieldDigests" = r."fieldDigests"
         FROM json_populate_recordset(NULL::"Decision", $1::json) AS r WHERE t."id" = r."id"`,
        JSON.stringify(updates),
      );
    }
    if (batch.length < batchSize) break;
  }
  await tx.$executeRawUnsafe(`SELECT set_config('twinning.decision_recommit', '', true)`);
  const after = await verifyDecisionChain(tx, { batchSize });
  if (!after.ok || after.count !== before.count) throw new Error(`The re-committed decision record does not verify: ${describeChainReport(after)}`);
  return { rows: after.count, legacyRows, previousHead: before.head, head: after.head };
}
