// Decisions as they were written before serialization v3 (v1, or v2 with an amendment's changes):
// hashed over their text, with no field digests and no salts. For the tests of the version step.
import { randomUUID } from "node:crypto";
import { insertRows } from "@/lib/backup/rows";
import { db } from "@/lib/db";
import { decisionHash, GENESIS_HASH, type ChainedDecision, type DecisionContent, type NewDecision } from "@/lib/decisions/chain";

export async function appendLegacyDecisions(decisions: readonly NewDecision[]): Promise<ChainedDecision[]> {
  const head = await db.decision.findFirst({ orderBy: { sequence: "desc" }, select: { sequence: true, hash: true } });
  let sequence = head?.sequence ?? 0;
  let previousHash = head?.hash ?? GENESIS_HASH;
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
      createdAt: decision.createdAt ?? new Date(),
    };
    sequence += 1;
    const row = { ...content, sequence, previousHash, hash: decisionHash({ ...content, sequence, previousHash }) };
    previousHash = row.hash;
    return row;
  });
  const rows = chained.map((decision) => ({ ...decision, createdAt: decision.createdAt.toISOString() }));
  await insertRows(db, "Decision", Object.keys(rows[0]!), rows);
  return chained;
}
