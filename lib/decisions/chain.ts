// The decision record as a hash chain (docs/decisions/009-decision-chain.md). Every Decision is
// written by appendDecisions, which gives it the next sequence number, the previous decision's hash
// and the SHA-256 of its own content; verifyDecisionChain recomputes them all. Changing, deleting
// or reordering a row, even by someone with direct database access, breaks the chain there.
import { createHash, randomUUID } from "node:crypto";
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
  createdAt: Date;
};

export type ChainedDecision = DecisionContent & { sequence: number; previousHash: string; hash: string };

/** A decision to record: id and createdAt default to a new UUID and now, the rest to null. */
export type NewDecision = Pick<DecisionContent, "agreementId" | "kind"> & { [K in Exclude<keyof DecisionContent, "agreementId" | "kind">]?: DecisionContent[K] | undefined };

/**
 * The exact text that is hashed: a JSON array (no spaces) of the fields in this order, absent
 * values as null, createdAt as ISO 8601 UTC with milliseconds. Version "v1" is every decision
 * without changes, as the migration's SQL function decision_chain_hash also builds it; "v2" (a
 * decision that carries an amendment's changes) adds them after voteKey, their object keys sorted,
 * since PostgreSQL's jsonb gives keys back in an order of its own. Change neither without a new version.
 */
export function canonicalDecision(decision: DecisionContent & { sequence: number; previousHash: string }): string {
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
      createdAt: decision.createdAt ?? now,
    };
    sequence += 1;
    const row = { ...content, sequence, previousHash, hash: decisionHash({ ...content, sequence, previousHash }) };
    previousHash = row.hash;
    return row;
  });
  const rows: Row[] = chained.map((decision) => ({ ...decision, createdAt: decision.createdAt.toISOString() }));
  await insertRows(tx, "Decision", Object.keys(rows[0]!), rows, { onBatch });
  return chained;
}

export async function appendDecision(tx: Sql, decision: NewDecision): Promise<ChainedDecision> {
  const [chained] = await appendDecisions(tx, [decision]);
  return chained!;
}

export type ChainFailure = { id: string; sequence: number; problem: string };
export type ChainReport = { ok: true; count: number; head: { sequence: number; hash: string } | null } | { ok: false; verified: number; failure: ChainFailure };

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
  createdAt: true,
  sequence: true,
  previousHash: true,
  hash: true,
} as const;

/**
 * Walks the chain in sequence order, a batch at a time (keyset on the unique sequence index), and
 * stops at the first decision that does not match: a gap in the sequence (a row deleted), a
 * previousHash that is not the hash before it (rows deleted or reordered), or content that no
 * longer gives its hash (a row changed).
 *
 * `from`: the head of a chain verified before. The walk starts after it, if that decision is still
 * there unchanged (its hash covers its content and the hash before it), else from the first: the
 * decisions recorded since are checked without reading the whole chain again. A change further
 * back is found by the next walk from the first decision.
 */
export async function verifyDecisionChain(client: Pick<Tx, "decision">, options: { batchSize?: number; from?: { sequence: number; hash: string } | null } = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 5000;
  let expected = 1;
  let previousHash = GENESIS_HASH;
  if (options.from) {
    const head = await client.decision.findUnique({ where: { sequence: options.from.sequence }, select: chainSelect });
    if (head && head.hash === options.from.hash && decisionHash(head) === head.hash) {
      expected = head.sequence + 1;
      previousHash = head.hash;
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
      const hash = decisionHash(decision);
      if (decision.hash !== hash) return failure(`its content does not match its hash: stored ${decision.hash}, computed ${hash}`);
      previousHash = hash;
      expected += 1;
    }
    if (batch.length < batchSize) break;
  }
  const count = expected - 1;
  return { ok: true, count, head: count === 0 ? null : { sequence: count, hash: previousHash } };
}

/** One line for people: "N decisions verified" with the head, or the first decision that does not match. */
export function describeChainReport(report: ChainReport): string {
  if (report.ok) {
    const noun = report.count === 1 ? "decision" : "decisions";
    return report.head ? `${report.count.toLocaleString("en-GB")} ${noun} verified (latest: sequence ${report.head.sequence}, hash ${report.head.hash}).` : "0 decisions verified (the record is empty).";
  }
  const { id, sequence, problem } = report.failure;
  return `The decision record does not verify: decision ${id} (sequence ${sequence}): ${problem}. The ${report.verified.toLocaleString("en-GB")} before it verify.`;
}
