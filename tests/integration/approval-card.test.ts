// What a councillor needs to decide (issue 21 item 5), on whichever back end this run uses: each
// open proposal from listOpenProposals carries the agreement's purpose, public summary and themes,
// the partner and its confirmation, the cost of its exchanges so far (one total per currency) and
// its earlier decisions. The statement count at scale is checked in query-plans.test.ts.
import { beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
import { applyCommand } from "@/lib/agreements/apply-command";
import { listOpenProposals } from "@/lib/data/agreements";
import { db } from "@/lib/db";
import { commandSchema } from "@/lib/domain/validation/agreement";
import { createAgreement, createStaff, resetDatabase } from "../helpers/database";

beforeEach(resetDatabase);

async function proposeSuspension(agreementId: string, actor: Awaited<ReturnType<typeof createStaff>>) {
  const { version } = await db.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { version: true } });
  return applyCommand(commandSchema.parse({ agreementId, version, command: "proposeSuspension", reason: "The partner council was dissolved.", publicReason: "Paused." }), actor);
}

async function logExchange(agreementId: string, createdById: string, cost: string | null, currency: string | null) {
  await db.exchange.create({ data: { agreementId, createdById, kind: "CULTURAL", direction: "INBOUND", startDate: new Date("2026-05-04T00:00:00Z"), cost, currency } });
}

describe("listOpenProposals", () => {
  it("carries the agreement's terms, the partner and its confirmation, costs per currency and earlier decisions", async () => {
    const officer = await createStaff();
    const kiel = await createAgreement({ createdBy: officer, partnerName: "Kiel" });
    await db.agreement.update({
      where: { id: kiel.id },
      data: { purpose: "Sailing clubs and schools.", publicSummary: "Kiel and our town share a harbour festival.", themes: ["SPORT", "EDUCATION"], partnerDecisionDate: new Date("2026-03-12T00:00:00Z"), partnerDecisionReference: "KI-2026-4" },
    });
    await db.partner.update({ where: { id: kiel.partnerId }, data: { region: "Schleswig-Holstein", localName: "Kiel", localNameLanguage: "de" } });
    await logExchange(kiel.id, officer.id, "1200.50", "GBP");
    await logExchange(kiel.id, officer.id, "99.50", null);
    await logExchange(kiel.id, officer.id, "300.00", "EUR");
    await logExchange(kiel.id, officer.id, null, null);
    const bare = await createAgreement({ createdBy: officer, partnerName: "Lublin" });

    const kielProposal = await proposeSuspension(kiel.id, officer);
    await proposeSuspension(bare.id, officer);

    const open = await listOpenProposals();
    expect(open).toHaveLength(2);
    const card = open.find((proposal) => proposal.id === kielProposal.proposalId)!;
    expect(card.agreement).toMatchObject({
      purpose: "Sailing clubs and schools.",
      publicSummary: "Kiel and our town share a harbour festival.",
      themes: ["SPORT", "EDUCATION"],
      partnerDecisionReference: "KI-2026-4",
      partner: { name: "Kiel", country: "DE", region: "Schleswig-Holstein", localName: "Kiel", localNameLanguage: "de" },
      // No currency counts as pounds; amounts in different currencies are never added together.
      costs: [
        { currency: "EUR", amount: "300.00" },
        { currency: "GBP", amount: "1300.00" },
      ],
    });
    expect(card.agreement.partnerDecisionDate?.toISOString().slice(0, 10)).toBe("2026-03-12");
    // The decisions so far, oldest first: the import, then this proposal.
    expect(card.agreement.decisions.map((decision) => decision.kind)).toEqual(["IMPORTED", "PROPOSED"]);
    expect(card.agreement.decisions[1]).toMatchObject({ reason: "The partner council was dissolved.", actor: { name: officer.name } });

    const other = open.find((proposal) => proposal.id !== kielProposal.proposalId)!;
    expect(other.agreement).toMatchObject({ partnerDecisionDate: null, partnerDecisionReference: null, costs: [] });
    expect(other.agreement.partner.name).toBe("Lublin");
  });
});
