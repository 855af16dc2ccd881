// "Record partner confirmation" (issue 21 item 3) against a real database, on whichever back end
// this run uses: the partner's decision date and reference are set on the agreement (so it is no
// longer "Not confirmed by partner"), the confirmation is a decision in the chain, audited with
// before and after, and the public page reads it; only a link that is not final can be
// confirmed, by staff, on the version they saw, with a date that is not in the future.
import { beforeEach, describe, expect, it } from "vitest";
import { recordConfirmation } from "@/lib/agreements/record-confirmation";
import { getPublicPartner } from "@/lib/data/public";
import { db } from "@/lib/db";
import { verifyDecisionChain } from "@/lib/decisions/chain";
import { STALE_VERSION_MESSAGE } from "@/lib/domain/errors";
import { isPartnerConfirmed } from "@/lib/domain/lifecycle";
import { confirmationSchema } from "@/lib/domain/validation/agreement";
import { createAgreement, createCouncillor, createStaff, resetDatabase } from "../helpers/database";
import { daysFromToday, refusal } from "../helpers/outcomes";

beforeEach(resetDatabase);

function confirmation(agreementId: string, version: number, fields: Record<string, string> = {}) {
  return confirmationSchema.parse({
    agreementId,
    version,
    partnerDecisionDate: "2026-03-12",
    partnerDecisionReference: "Ratsversammlung 2026/31",
    confirmationNote: "The mayor's letter confirms the council's vote.",
    ...fields,
  });
}

describe("recording the partner's confirmation", () => {
  it("sets the partner's decision on the agreement, adds a PARTNER_CONFIRMED decision to the chain, is audited, and shows on the public page", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement();
    const before = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(isPartnerConfirmed(before)).toBe(false);

    expect(await recordConfirmation(confirmation(agreement.id, agreement.version), officer)).toEqual({ confirmation: "agreement.partnerConfirmed" });

    const after = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id }, include: { partner: true } });
    expect(after.partnerDecisionDate?.toISOString().slice(0, 10)).toBe("2026-03-12");
    expect(after.partnerDecisionReference).toBe("Ratsversammlung 2026/31");
    expect(isPartnerConfirmed(after)).toBe(true);
    expect(after.version).toBe(agreement.version + 1);
    expect(after.status).toBe("ACTIVE");
    const decision = await db.decision.findFirstOrThrow({ where: { agreementId: agreement.id, kind: "PARTNER_CONFIRMED" }, include: { partnerConfirmation: true } });
    expect(decision).toMatchObject({ actorId: officer.id, reason: "The mayor's letter confirms the council's vote.", fromStatus: null, toStatus: null });
    expect(decision.partnerConfirmation?.partnerDecisionReference).toBe("Ratsversammlung 2026/31");
    expect(decision.partnerConfirmation?.partnerDecisionDate?.toISOString().slice(0, 10)).toBe("2026-03-12");
    expect((await verifyDecisionChain(db)).ok).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agreement.partnerConfirmation", entityId: agreement.id } });
    expect(audit.details).toEqual({
      partnerDecisionDate: { from: null, to: "2026-03-12" },
      partnerDecisionReference: { from: null, to: "Ratsversammlung 2026/31" },
    });

    const page = await getPublicPartner(after.partner.slug);
    expect(page?.links[0]).toMatchObject({ partnerConfirmed: true, partnerDecisionDate: "2026-03-12" });
  });

  it("confirms a draft, a pending and a suspended link too; a later record corrects an earlier one, with only a reference", async () => {
    const officer = await createStaff();
    for (const status of ["DRAFT", "PENDING_APPROVAL", "SUSPENDED"] as const) {
      const agreement = await createAgreement({ status });
      await recordConfirmation(confirmation(agreement.id, agreement.version, { confirmationNote: "" }), officer);
      const second = await recordConfirmation(confirmation(agreement.id, agreement.version + 1, { partnerDecisionDate: "", partnerDecisionReference: "Letter of the mayor" }), officer);
      expect(second.confirmation).toBe("agreement.partnerConfirmed");
      const after = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
      expect({ status: after.status, date: after.partnerDecisionDate, reference: after.partnerDecisionReference }).toEqual({ status, date: null, reference: "Letter of the mayor" });
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agreement.partnerConfirmation", entityId: agreement.id }, orderBy: { createdAt: "desc" } });
      expect(audit.details).toMatchObject({ partnerDecisionDate: { from: "2026-03-12", to: null }, partnerDecisionReference: { from: "Ratsversammlung 2026/31", to: "Letter of the mayor" } });
    }
    expect(await db.decision.count({ where: { kind: "PARTNER_CONFIRMED" } })).toBe(6);
    expect((await verifyDecisionChain(db)).ok).toBe(true);
  });

  it("refuses a terminated or withdrawn link, a councillor and a stale version, writing nothing", async () => {
    const officer = await createStaff();
    for (const status of ["TERMINATED", "WITHDRAWN"] as const) {
      const agreement = await createAgreement({ status });
      const error = await refusal(recordConfirmation(confirmation(agreement.id, agreement.version), officer));
      expect(error.message).toBe("The partner's confirmation cannot be recorded on a terminated or withdrawn agreement");
    }
    const active = await createAgreement();
    expect((await refusal(recordConfirmation(confirmation(active.id, active.version), await createCouncillor()))).code).toBe("FORBIDDEN");
    expect((await refusal(recordConfirmation(confirmation(active.id, active.version + 1), officer))).message).toBe(STALE_VERSION_MESSAGE);
    expect(await db.partnerConfirmation.count()).toBe(0);
    expect(await db.decision.count({ where: { kind: "PARTNER_CONFIRMED" } })).toBe(0);
    expect(await db.agreement.count({ where: { OR: [{ partnerDecisionDate: { not: null } }, { partnerDecisionReference: { not: null } }] } })).toBe(0);
  });

  it("asks for the date or the reference, a real date not in the future, naming the field", () => {
    const id = "6f1c1f7e-0000-4000-8000-000000000001";
    const problems = (fields: Record<string, string>) => {
      const parsed = confirmationSchema.safeParse({ agreementId: id, version: "1", partnerDecisionDate: "2026-03-12", partnerDecisionReference: "", ...fields });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    };
    expect(problems({})).toEqual({});
    expect(problems({ partnerDecisionDate: daysFromToday(0) })).toEqual({});
    expect(problems({ partnerDecisionDate: "", partnerDecisionReference: "Cabinet 12/2026" })).toEqual({});
    expect(problems({ partnerDecisionDate: "", partnerDecisionReference: "  " })).toEqual({ partnerDecisionDate: "Enter the partner decision date or the partner decision reference, or both" });
    expect(problems({ partnerDecisionDate: daysFromToday(1) })).toEqual({ partnerDecisionDate: "Partner decision date cannot be in the future" });
    expect(problems({ partnerDecisionDate: "2026-02-30" })).toEqual({ partnerDecisionDate: "Partner decision date must be a real date, like 2024-03-31" });
    expect(problems({ partnerDecisionReference: "Minute\n12" })).toHaveProperty("partnerDecisionReference");
  });
});
