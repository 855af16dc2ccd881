// Writes that meet on one agreement at the same moment (what e2e/load.spec.ts does over HTTP):
// exchanges logged together, with a vote changing the agreement's status in between. Each one
// is stored once and none fails — in particular, no deadlock between the row lock taken when
// logging an exchange and the activity trigger that then updates the same agreement.
import { beforeEach, describe, expect, it } from "vitest";
import { applyCommand } from "@/lib/agreements/apply-command";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { db } from "@/lib/db";
import { verifyDecisionChain } from "@/lib/decisions/chain";
import { logExchange } from "@/lib/exchanges/log-exchange";
import { commandSchema, voteSchema } from "@/lib/domain/validation/agreement";
import { createExchangeSchema } from "@/lib/domain/validation/exchange";
import { backend, createAgreement, createCouncillor, createStaff, resetDatabase } from "../helpers/database";

beforeEach(resetDatabase);

function exchange(agreementId: string, marker: string) {
  return createExchangeSchema.parse({ agreementId, kind: "CULTURAL", direction: "OUTBOUND", startDate: "2020-06-01", endDate: "2020-06-03", outcomes: marker, visibility: "INTERNAL" });
}

describe(`concurrent writes on one agreement (${backend()})`, () => {
  it("twelve exchanges logged at once are each stored once", async () => {
    const staff = await createStaff();
    const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
    const markers = Array.from({ length: 12 }, (_, i) => `together ${i}`);
    const results = await Promise.allSettled(markers.map((marker) => logExchange(exchange(agreement.id, marker), staff)));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const stored = await db.exchange.findMany({ where: { agreementId: agreement.id }, select: { outcomes: true } });
    expect(stored.map((row) => row.outcomes).sort()).toEqual([...markers].sort());
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id }, select: { lastActivityOn: true } })).lastActivityOn?.toISOString().slice(0, 10)).toBe("2020-06-03");
  });

  it("exchanges logged while a vote suspends the agreement: all stored, the status changed once, the chain verifies", async () => {
    const staff = await createStaff();
    const councillor = await createCouncillor();
    const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
    const { proposalId } = await applyCommand(
      commandSchema.parse({ agreementId: agreement.id, version: agreement.version, command: "proposeSuspension", reason: "No reply", publicReason: "Paused" }),
      staff,
    );
    const writes = [
      ...Array.from({ length: 6 }, (_, i) => logExchange(exchange(agreement.id, `before or after ${i}`), staff)),
      decideProposal(voteSchema.parse({ proposalId, decision: "approve", reason: "" }), councillor),
      ...Array.from({ length: 6 }, (_, i) => logExchange(exchange(agreement.id, `around ${i}`), staff)),
    ];
    const results = await Promise.allSettled(writes);
    // A suspended link still takes exchanges, so every write succeeds whichever came first.
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await db.exchange.count({ where: { agreementId: agreement.id } })).toBe(12);
    expect(await db.decision.count({ where: { agreementId: agreement.id, kind: "STATUS_CHANGED" } })).toBe(1);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id }, select: { status: true } })).status).toBe("SUSPENDED");
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true });
  });
});
