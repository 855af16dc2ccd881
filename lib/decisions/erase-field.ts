// Erasing the text of a decision's free-text field (issue 22 item 4; docs/decisions/009-decision-chain.md,
// "Version v3"): the text goes, its digest stays in the hashed row, so the chain still verifies and
// reports the field as erased. The salt goes too, so a guess at the text cannot be confirmed. Used by
// a person's erasure (lib/admin/personal-data.ts); one audit row per field erased.
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import { DIGESTED_FIELDS, recommitLegacyDecisions, type DigestedField } from "./chain";

export type FieldErasure = { decisionId: string; field: DigestedField };

/** Who erases, when and why (the why is kept beside the field and in the audit log: name no one in it). */
export type ErasureContext = { by: Pick<Actor, "id" | "email"> | null; at: Date; why: string };

/** The proposal fields that hold a copy of the decision field of the same name (its SUBMITTED or PROPOSED decision's text). */
const PROPOSAL_COPIES = { reason: "", publicReason: null, reference: null } as const satisfies Partial<Record<DigestedField, string | null>>;

/**
 * Erases each field's text (a field already erased, or that never held text, is left as it is).
 * A v1/v2 decision among them is first committed as v3 by the version step (recommitLegacyDecisions),
 * audited with the chain's head before and after. With a public reason go its translations; a
 * proposal's copy of the same text goes too. Returns how many fields were erased.
 */
export async function eraseDecisionFields(tx: Tx, targets: readonly FieldErasure[], context: ErasureContext): Promise<number> {
  if (targets.length === 0) return 0;
  const ids = [...new Set(targets.map((target) => target.decisionId))];
  const legacy = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id"::text AS "id" FROM "Decision" WHERE "id" = ANY($1::uuid[]) AND "fieldDigests" IS NULL LIMIT 1`, ids);
  if (legacy.length > 0) {
    const step = await recommitLegacyDecisions(tx);
    if (step) await writeAudit(tx, { actor: context.by, action: "decisions.recommit", details: step as unknown as Prisma.InputJsonValue });
  }
  const decisions = await tx.decision.findMany({
    where: { id: { in: ids } },
    select: { id: true, proposalId: true, reason: true, publicReason: true, reference: true, changes: true, route: true, agreementId: true, kind: true, actorId: true, fromStatus: true, toStatus: true, voteKey: true, createdAt: true },
  });
  let erased = 0;
  for (const { decisionId, field } of targets) {
    const decision = decisions.find((row) => row.id === decisionId);
    if (!decision) throw new Error(`No decision ${decisionId} to erase a field of.`);
    const text = DIGESTED_FIELDS[field](decision);
    if (text === null) continue;
    // `field` is one of DIGESTED_FIELDS' names, never input text.
    await tx.$executeRawUnsafe(`UPDATE "Decision" SET "${field}" = NULL WHERE "id" = $1::uuid`, decisionId);
    await tx.decisionField.update({
      where: { decisionId_field: { decisionId, field } },
      data: { salt: null, erasedAt: context.at, erasedById: context.by?.id ?? null, erasureReason: context.why },
    });
    if (field === "publicReason") await tx.decisionTranslation.deleteMany({ where: { decisionId } });
    if (decision.proposalId && field in PROPOSAL_COPIES) {
      const copy = field as keyof typeof PROPOSAL_COPIES;
      await tx.proposal.updateMany({ where: { id: decision.proposalId, [copy]: text }, data: { [copy]: PROPOSAL_COPIES[copy] } });
    }
    (decision as Record<string, unknown>)[field] = null;
    await writeAudit(tx, { actor: context.by, action: "decision.erase-field", entityType: "Decision", entityId: decisionId, details: { field, why: context.why } });
    erased += 1;
  }
  return erased;
}

/** The fields of decisions whose text contains any of `needles` (a person's name and email), to erase. */
export async function decisionFieldsContaining(tx: Tx, needles: readonly string[]): Promise<FieldErasure[]> {
  const wanted = needles.filter((needle) => needle.length > 0);
  if (wanted.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ id: string; reason: string | null; publicReason: string | null; reference: string | null; changes: string | null; route: string | null }[]>(
    `SELECT "id"::text AS "id", "reason", "publicReason", "reference", "changes"::text AS "changes", "route"::text AS "route" FROM "Decision"
     WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS n(needle)
                   WHERE strpos("reason", n.needle) > 0 OR strpos("publicReason", n.needle) > 0 OR strpos("reference", n.needle) > 0 OR strpos("changes"::text, n.needle) > 0 OR strpos("route"::text, n.needle) > 0)
     ORDER BY "sequence"`,
    wanted,
  );
  const found: FieldErasure[] = [];
  for (const row of rows) {
    for (const field of Object.keys(DIGESTED_FIELDS) as DigestedField[]) {
      // Background papers' hashes name nobody.
      if (field === "papers") continue;
      const text = row[field];
      if (text !== null && wanted.some((needle) => text.includes(needle))) found.push({ decisionId: row.id, field });
    }
  }
  return found;
}
