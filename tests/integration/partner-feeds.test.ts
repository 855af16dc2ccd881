// What a partner publishes about us (issue 25 item 2), on whichever back end this run uses: the
// partner's feed address from the agreement form and from "Correct details".
import { beforeEach, describe, expect, it } from "vitest";
import { correctDetails } from "@/lib/agreements/correct-details";
import { createDraft } from "@/lib/agreements/create-draft";
import { db } from "@/lib/db";
import { correctionSchema, createAgreementSchema } from "@/lib/domain/validation/agreement";
import { zodFieldErrors } from "@/lib/web/safe-action";
import { backend, createAgreement, createStaff, draftInput, resetDatabase } from "../helpers/database";

beforeEach(resetDatabase);

describe(`a partner's feed address (${backend()})`, () => {
  it("is saved from the agreement form and corrected on an Active link; anything but an http(s) address is refused, naming the field", async () => {
    const staff = await createStaff();
    const { id } = await createDraft(draftInput({ feedUrl: "https://www.kiel.de/.well-known/twinning.json" }), staff);
    const saved = await db.agreement.findUniqueOrThrow({ where: { id }, select: { partner: { select: { feedUrl: true } } } });
    expect(saved.partner.feedUrl).toBe("https://www.kiel.de/.well-known/twinning.json");

    const refusal = ["Partner's feed address must be a web address starting https:// or http://, like https://www.kiel.de/.well-known/twinning.json"];
    for (const bad of ["www.kiel.de/feed.json", "file:///etc/passwd", "ftp://kiel.de/feed.json", "https://user:secret@kiel.de/feed.json", "javascript:alert(1)", "https://kiel.de/a b"]) {
      const parsed = createAgreementSchema.safeParse({ ...draftInput(), linkBegan: "1986-05-01", formalisedOn: "1987-06-01", feedUrl: bad });
      expect(parsed.success, bad).toBe(false);
      if (!parsed.success) expect(zodFieldErrors(parsed.error).feedUrl, bad).toEqual(refusal);
    }

    const link = await createAgreement({ status: "ACTIVE", createdBy: staff });
    const correction = (feedUrl: string) =>
      correctionSchema.parse({ agreementId: link.id, version: link.version, website: "", latitude: "", longitude: "", population: "", region: "", leadOfficerId: "", internalNotes: "", feedUrl });
    await correctDetails(correction("http://twinning.partner.example/open-data/twinning-links.json"), staff);
    expect((await db.partner.findUniqueOrThrow({ where: { id: link.partnerId }, select: { feedUrl: true } })).feedUrl).toBe("http://twinning.partner.example/open-data/twinning-links.json");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agreement.correct", entityId: link.id }, select: { details: true } });
    expect(audit.details).toMatchObject({ changes: { feedUrl: { from: null, to: "http://twinning.partner.example/open-data/twinning-links.json" } } });
  });
});
