// "Record a review" (issue 21 item 2) against a real database, on whichever back end this run
// uses: the review is a decision in the chain, its outcome and next review date are kept beside
// it, the agreement's review date moves on (no longer due), and only an Active or Suspended link
// can be reviewed, by staff, on the version they saw.
import { beforeEach, describe, expect, it } from "vitest";
import { recordReview } from "@/lib/agreements/record-review";
import { db } from "@/lib/db";
import { verifyDecisionChain } from "@/lib/decisions/chain";
import { STALE_VERSION_MESSAGE } from "@/lib/domain/errors";
import { reviewSchema } from "@/lib/domain/validation/agreement";
import { createAgreement, createCouncillor, createStaff, resetDatabase } from "../helpers/database";
import { daysFromToday, refusal } from "../helpers/outcomes";

beforeEach(resetDatabase);

function review(agreementId: string, version: number, fields: Record<string, string> = {}) {
  return reviewSchema.parse({ agreementId, version, outcome: "CONTINUE_WITH_CHANGES", reviewNotes: "Met the twinning association; more school visits.", nextReviewDate: daysFromToday(730), ...fields });
}

describe("recording a review", () => {
  it("adds a REVIEWED decision to the chain with its outcome, moves the review date on, and is audited", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement();
    await db.agreement.update({ where: { id: agreement.id }, data: { reviewDate: new Date(daysFromToday(10)) } });
    const { version } = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });

    expect(await recordReview(review(agreement.id, version), officer)).toEqual({ confirmation: "agreement.reviewed" });

    const after = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(after.reviewDate?.toISOString().slice(0, 10)).toBe(daysFromToday(730));
    expect(after.version).toBe(version + 1);
    expect(after.status).toBe("ACTIVE");
    const decision = await db.decision.findFirstOrThrow({ where: { agreementId: agreement.id, kind: "REVIEWED" }, include: { review: true } });
    expect(decision).toMatchObject({ actorId: officer.id, reason: "Met the twinning association; more school visits.", fromStatus: null, toStatus: null });
    expect(decision.review).toMatchObject({ outcome: "CONTINUE_WITH_CHANGES", reviewedById: officer.id });
    expect((await verifyDecisionChain(db)).ok).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agreement.review", entityId: agreement.id } });
    expect(audit.details).toMatchObject({ outcome: "CONTINUE_WITH_CHANGES", reviewDate: { to: daysFromToday(730) } });
  });

  it("reviews a Suspended link too, with the notes left out", async () => {
    const agreement = await createAgreement({ status: "SUSPENDED" });
    await recordReview(review(agreement.id, agreement.version, { reviewNotes: "", outcome: "RECOMMEND_ENDING" }), await createStaff());
    const decision = await db.decision.findFirstOrThrow({ where: { agreementId: agreement.id, kind: "REVIEWED" }, include: { review: true } });
    expect(decision.reason).toBeNull();
    expect(decision.review?.outcome).toBe("RECOMMEND_ENDING");
  });

  it("refuses a draft, a terminated link, a councillor and a stale version, writing nothing", async () => {
    const officer = await createStaff();
    for (const status of ["DRAFT", "PENDING_APPROVAL", "TERMINATED", "WITHDRAWN"] as const) {
      const agreement = await createAgreement({ status });
      expect((await refusal(recordReview(review(agreement.id, agreement.version), officer))).message).toBe("Only an Active or Suspended agreement can be reviewed");
    }
    const active = await createAgreement();
    expect((await refusal(recordReview(review(active.id, active.version), await createCouncillor()))).code).toBe("FORBIDDEN");
    expect((await refusal(recordReview(review(active.id, active.version + 1), officer))).message).toBe(STALE_VERSION_MESSAGE);
    expect(await db.agreementReview.count()).toBe(0);
    expect(await db.decision.count({ where: { kind: "REVIEWED" } })).toBe(0);
  });

  it("asks for an outcome and a next review date in the future, naming the field", () => {
    const id = "6f1c1f7e-0000-4000-8000-000000000001";
    const problems = (fields: Record<string, string>) => {
      const parsed = reviewSchema.safeParse({ agreementId: id, version: "1", outcome: "CONTINUE", nextReviewDate: daysFromToday(30), ...fields });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    };
    expect(problems({})).toEqual({});
    expect(problems({ outcome: "" })).toEqual({ outcome: "Choose the review's outcome" });
    expect(problems({ outcome: "CARRY_ON" })).toEqual({ outcome: "Choose the review's outcome" });
    expect(problems({ nextReviewDate: "" })).toEqual({ nextReviewDate: "Enter the next review date" });
    expect(problems({ nextReviewDate: daysFromToday(0) })).toEqual({ nextReviewDate: "Next review date must be in the future" });
    expect(problems({ nextReviewDate: "2027-02-30" })).toEqual({ nextReviewDate: "Next review date must be a real date, like 2024-03-31" });
  });
});
