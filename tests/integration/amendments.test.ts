// Amendments and direct corrections (issue 21 item 1) against a real database, on whichever back
// end this run uses. An amendment is a proposal: nothing changes until councillors approve it; then
// the terms change in the vote's transaction, the status stays, the version moves on, and the
// AMENDED decision keeps each changed term's before and after, hashed into the chain. A rejection
// leaves the terms as they were. Details that are not terms are corrected at once, audited with
// before and after, on the version the officer saw.
import { beforeEach, describe, expect, it } from "vitest";
import { applyCommand } from "@/lib/agreements/apply-command";
import { correctDetails } from "@/lib/agreements/correct-details";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { getAgreement } from "@/lib/data/agreements";
import { getPublicPartner } from "@/lib/data/public";
import { AMENDMENT_COMMAND, returnedProposal } from "@/lib/domain/lifecycle";
import { resubmittedTerms } from "@/lib/domain/term-changes";
import { db } from "@/lib/db";
import { verifyDecisionChain } from "@/lib/decisions/chain";
import { REFUSED, STALE_VERSION_MESSAGE } from "@/lib/domain/errors";
import { amendmentSchema, commandSchema, correctionSchema, voteSchema } from "@/lib/domain/validation/agreement";
import { backend, createAdmin, createAgreement, createCouncillor, createStaff, resetDatabase, setApprovalsNeeded } from "../helpers/database";
import { refusal } from "../helpers/outcomes";

beforeEach(resetDatabase);

const TERMS = { relationshipType: "TWIN_TOWN", purpose: "Exchange and friendship.", themes: ["CULTURE"], publicSummary: "", formalisedOn: "" };

/** "Propose amendment" as the form sends it: the terms as they are (createAgreement's), with `changes` over them. */
function amendment(agreement: { id: string; version: number; title: string }, changes: Record<string, unknown> = {}) {
  return amendmentSchema.parse({ agreementId: agreement.id, version: agreement.version, command: "proposeAmendment", ...TERMS, title: agreement.title, reason: "The twinning association asked for a new name.", ...changes });
}

async function current(id: string) {
  return db.agreement.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, status: true, title: true, purpose: true, themes: true, relationshipType: true, publicSummary: true, formalisedOn: true, partner: { select: { slug: true } } } });
}

async function activeLink(status: "ACTIVE" | "SUSPENDED" = "ACTIVE") {
  const created = await createAgreement({ status });
  return current(created.id);
}

const approve = (proposalId: string, reason = "") => voteSchema.parse({ proposalId, decision: "approve", reason });
const reject = (proposalId: string) => voteSchema.parse({ proposalId, decision: "reject", reason: "Keep the name the charter gives." });

describe(`amending the terms (${backend()})`, () => {
  it("opens an AMENDMENT proposal that carries the changes; nothing changes on the agreement yet", async () => {
    const officer = await createStaff();
    const link = await activeLink();
    const { proposalId, confirmation } = await applyCommand(amendment(link, { title: "Kiel and Coventry", themes: ["CULTURE", "SPORT"] }), officer);
    expect(confirmation).toBe("agreement.proposeAmendment");

    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal).toMatchObject({ kind: "AMENDMENT", state: "OPEN", proposerId: officer.id });
    const changes = { title: { from: link.title, to: "Kiel and Coventry" }, themes: { from: ["CULTURE"], to: ["CULTURE", "SPORT"] } };
    expect(proposal.changes).toEqual(changes);
    const after = await current(link.id);
    expect(after).toMatchObject({ title: link.title, themes: ["CULTURE"], status: "ACTIVE", version: link.version + 1 });
    const proposed = await db.decision.findFirstOrThrow({ where: { proposalId, kind: "PROPOSED" } });
    expect(proposed).toMatchObject({ fromStatus: "ACTIVE", toStatus: "ACTIVE", changes });
    expect((await verifyDecisionChain(db)).ok).toBe(true);
  });

  it("on approval by the quorum changes the terms in the same transaction, keeps the status, and the decision keeps each change's before and after", async () => {
    await setApprovalsNeeded(2);
    const officer = await createStaff();
    const [first, second] = [await createCouncillor(), await createCouncillor()];
    const link = await activeLink();
    const { proposalId } = await applyCommand(
      amendment(link, { title: "Kiel and Coventry", relationshipType: "FRIENDSHIP_CITY", publicSummary: "Friends since 1947.", formalisedOn: "1967-06-01", reference: "Cabinet 2026/12" }),
      officer,
    );

    expect(await decideProposal(approve(proposalId!), first)).toMatchObject({ outcome: "open", remaining: 1 });
    expect((await current(link.id)).title).toBe(link.title);
    expect(await decideProposal(approve(proposalId!, "The association's request is sensible."), second)).toMatchObject({ outcome: "approved", confirmation: "vote.amended" });

    const after = await current(link.id);
    expect(after).toMatchObject({ title: "Kiel and Coventry", relationshipType: "FRIENDSHIP_CITY", publicSummary: "Friends since 1947.", status: "ACTIVE", purpose: link.purpose, version: link.version + 2 });
    expect(after.formalisedOn?.toISOString().slice(0, 10)).toBe("1967-06-01");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe("APPROVED");
    const amended = await db.decision.findFirstOrThrow({ where: { proposalId, kind: "AMENDED" } });
    expect(amended).toMatchObject({ actorId: second.id, fromStatus: "ACTIVE", toStatus: "ACTIVE", reference: "Cabinet 2026/12" });
    expect(amended.changes).toEqual({
      title: { from: link.title, to: "Kiel and Coventry" },
      relationshipType: { from: "TWIN_TOWN", to: "FRIENDSHIP_CITY" },
      publicSummary: { from: "", to: "Friends since 1947." },
      formalisedOn: { from: null, to: "1967-06-01" },
    });
    // The status change stays the one that made the link Active: an amendment is no status decision.
    expect(await db.decision.count({ where: { proposalId, kind: "STATUS_CHANGED" } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agreement.amend", entityId: link.id } });
    expect(audit.details).toMatchObject({ proposalId, changes: amended.changes });
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true });

    const page = await getPublicPartner(after.partner.slug);
    expect(page?.links[0]).toMatchObject({ title: "Kiel and Coventry", relationshipType: "FRIENDSHIP_CITY", amendedAt: amended.createdAt.toISOString() });
  });

  it("a Suspended link stays Suspended when its amendment is approved", async () => {
    const link = await activeLink("SUSPENDED");
    const { proposalId } = await applyCommand(amendment(link, { purpose: "Kept alive by the choirs while the link is paused." }), await createStaff());
    await decideProposal(approve(proposalId!), await createCouncillor());
    expect(await current(link.id)).toMatchObject({ status: "SUSPENDED", purpose: "Kept alive by the choirs while the link is paused." });
  });

  it("on rejection leaves the terms as they were and returns the proposal to its proposer", async () => {
    const officer = await createStaff();
    const link = await activeLink();
    const { proposalId } = await applyCommand(amendment(link, { title: "Kiel and Coventry" }), officer);
    expect(await decideProposal(reject(proposalId!), await createCouncillor())).toMatchObject({ outcome: "rejected" });

    expect(await current(link.id)).toMatchObject({ title: link.title, status: "ACTIVE", version: link.version + 1 });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ state: "REJECTED", proposerId: officer.id });
    expect(await db.decision.count({ where: { kind: "AMENDED" } })).toBe(0);
    expect((await verifyDecisionChain(db)).ok).toBe(true);
  });

  it("resubmitting a rejected amendment starts from its terms and reasons; once another amendment is approved, from the terms as they are", async () => {
    const officer = await createStaff();
    const councillor = await createCouncillor();
    const link = await activeLink();
    const { proposalId } = await applyCommand(amendment(link, { title: "Kiel and Coventry", themes: ["CULTURE", "SPORT"], reference: "Cabinet 2026/12" }), officer);
    await decideProposal(reject(proposalId!), councillor);

    const read = async () => (await getAgreement(link.id))!;
    const afterRejection = await read();
    const returned = returnedProposal(afterRejection.proposals, AMENDMENT_COMMAND);
    expect(returned).toMatchObject({ id: proposalId, state: "REJECTED", reference: "Cabinet 2026/12" });
    // The rejected terms over the current ones: what it changed as proposed, the rest as it is.
    expect(resubmittedTerms(afterRejection, returned!.changes)).toMatchObject({ title: "Kiel and Coventry", themes: ["CULTURE", "SPORT"], purpose: link.purpose, relationshipType: link.relationshipType });

    const { proposalId: approvedId } = await applyCommand(amendment({ ...link, version: afterRejection.version }, { title: "Kiel–Coventry" }), officer);
    await decideProposal(approve(approvedId!), councillor);
    const afterApproval = await read();
    expect(returnedProposal(afterApproval.proposals, AMENDMENT_COMMAND)).toBeUndefined();
    expect(afterApproval.title).toBe("Kiel–Coventry");
  });

  it("refuses an amendment that changes nothing, one beside an open proposal, one on a link not Active or Suspended, a councillor, a resident and a stale version, writing nothing", async () => {
    const officer = await createStaff();
    const link = await activeLink();
    expect((await refusal(applyCommand(amendment(link, { themes: ["CULTURE"] }), officer))).message).toBe("The amendment changes nothing: change at least one of the terms");
    expect((await refusal(applyCommand(amendment(link, { title: "New" }), await createCouncillor()))).code).toBe("FORBIDDEN");
    expect((await refusal(applyCommand(amendment(link, { title: "New" }), null as never))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(applyCommand(amendment({ ...link, version: link.version + 1 }, { title: "New" }), officer))).message).toBe(STALE_VERSION_MESSAGE);
    await db.agreement.update({ where: { id: link.id }, data: { linkBegan: new Date("1947-01-01T00:00:00.000Z") } });
    expect((await refusal(applyCommand(amendment(link, { formalisedOn: "1946-12-31" }), officer))).fieldErrors).toEqual({ formalisedOn: ["Formalised on must be on or after the date the link began"] });
    for (const status of ["DRAFT", "PENDING_APPROVAL", "TERMINATED", "WITHDRAWN"] as const) {
      const other = await current((await createAgreement({ status })).id);
      expect((await refusal(applyCommand(amendment(other, { title: "New" }), officer))).code).toBe("INVALID_TRANSITION");
    }
    expect(await db.proposal.count()).toBe(0);

    const { proposalId } = await applyCommand(commandSchema.parse({ agreementId: link.id, version: link.version, command: "proposeSuspension", reason: "No reply", publicReason: "Paused." }), officer);
    expect(proposalId).toBeDefined();
    expect((await refusal(applyCommand(amendment({ ...link, version: link.version + 1 }, { title: "New" }), officer))).message).toBe(REFUSED.openProposal);
    expect(await db.proposal.count({ where: { kind: "AMENDMENT" } })).toBe(0);
  });

  it("names the field of a bad term, and never takes an amendment through the status commands' form", () => {
    const problems = (fields: Record<string, unknown>) => {
      const parsed = amendmentSchema.safeParse({ agreementId: "6f1c1f7e-0000-4000-8000-000000000001", version: "1", command: "proposeAmendment", ...TERMS, title: "A title", reason: "Why", ...fields });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    };
    expect(problems({})).toEqual({});
    expect(problems({ title: "" })).toEqual({ title: "Enter the agreement's title" });
    expect(problems({ reason: "" })).toEqual({ reason: "Enter a reason for the change" });
    expect(problems({ relationshipType: "ENEMY" })).toEqual({ relationshipType: "Choose a relationship type" });
    expect(problems({ formalisedOn: "2026-02-30" })).toEqual({ formalisedOn: "Formalised on must be a real date, like 2024-03-31" });
    expect(problems({ formalisedOn: "2999-01-01" })).toEqual({ formalisedOn: "Formalised on cannot be in the future" });
    expect(commandSchema.safeParse({ agreementId: "6f1c1f7e-0000-4000-8000-000000000001", version: "1", command: "proposeAmendment", reason: "Why" }).success).toBe(false);
  });
});

describe(`correcting details (${backend()})`, () => {
  function correction(agreement: { id: string; version: number }, fields: Record<string, unknown> = {}) {
    return correctionSchema.parse({ agreementId: agreement.id, version: agreement.version, website: "", latitude: "", longitude: "", population: "", region: "", leadOfficerId: "", internalNotes: "", ...fields });
  }

  it("applies the partner's and the agreement's details at once, no vote, audited with each change's before and after; the public page shows the partner's", async () => {
    const officer = await createStaff();
    const lead = await createAdmin();
    const link = await activeLink();
    const { partnerId, leadOfficerId } = await db.agreement.findUniqueOrThrow({ where: { id: link.id }, select: { partnerId: true, leadOfficerId: true } });

    expect(await correctDetails(correction(link, { website: "www.kiel.de", population: "246,000", latitude: "54.3233", longitude: "10.1228", region: "Schleswig-Holstein", wikidataId: "Q1707", leadOfficerId: lead.id, internalNotes: "Call the Rathaus first." }), officer)).toEqual({
      confirmation: "agreement.corrected",
    });

    const partner = await db.partner.findUniqueOrThrow({ where: { id: partnerId } });
    expect(partner).toMatchObject({ website: "https://www.kiel.de", population: 246000, latitude: 54.3233, longitude: 10.1228, region: "Schleswig-Holstein", wikidataId: "Q1707" });
    const after = await db.agreement.findUniqueOrThrow({ where: { id: link.id } });
    expect(after).toMatchObject({ leadOfficerId: lead.id, internalNotes: "Call the Rathaus first.", status: "ACTIVE", version: link.version + 1, title: link.title });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agreement.correct", entityId: link.id } });
    expect(audit).toMatchObject({ actorId: officer.id });
    expect(audit.details).toEqual({
      partnerId,
      changes: {
        website: { from: null, to: "https://www.kiel.de" },
        population: { from: null, to: 246000 },
        latitude: { from: null, to: 54.3233 },
        longitude: { from: null, to: 10.1228 },
        region: { from: null, to: "Schleswig-Holstein" },
        wikidataId: { from: null, to: "Q1707" },
        leadOfficerId: { from: leadOfficerId, to: lead.id },
        internalNotes: { from: "", to: "Call the Rathaus first." },
      },
    });
    // A correction is no decision: the chain is as it was.
    expect(await db.decision.count({ where: { agreementId: link.id } })).toBe(1);

    const page = await getPublicPartner(link.partner.slug);
    expect(page?.partner).toMatchObject({ website: "https://www.kiel.de", population: 246000 });
    expect(JSON.stringify(page)).not.toContain("Call the Rathaus first.");
  });

  it("records only what changed", async () => {
    const officer = await createStaff();
    const link = await activeLink("SUSPENDED");
    const { leadOfficerId } = await db.agreement.findUniqueOrThrow({ where: { id: link.id }, select: { leadOfficerId: true } });
    await correctDetails(correction(link, { website: "https://kiel.de", leadOfficerId }), officer);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agreement.correct", entityId: link.id } });
    expect(audit.details).toMatchObject({ changes: { website: { from: null, to: "https://kiel.de" } } });
    expect(Object.keys((audit.details as { changes: object }).changes)).toEqual(["website"]);
  });

  it("refuses a stale version, no change, a lead officer who cannot lead, a link not Active or Suspended, a councillor and a resident, writing nothing", async () => {
    const officer = await createStaff();
    const link = await activeLink();
    const { leadOfficerId } = await db.agreement.findUniqueOrThrow({ where: { id: link.id }, select: { leadOfficerId: true } });
    await correctDetails(correction(link, { website: "kiel.de", leadOfficerId }), officer);
    const corrected = { ...link, version: link.version + 1 };

    expect((await refusal(correctDetails(correction(link, { website: "www.kiel.de", leadOfficerId }), officer))).message).toBe(STALE_VERSION_MESSAGE);
    expect((await refusal(correctDetails(correction(corrected, { website: "https://kiel.de", leadOfficerId }), officer))).message).toBe("Nothing was changed: correct at least one detail");
    const councillor = await createCouncillor();
    expect((await refusal(correctDetails(correction(corrected, { leadOfficerId: councillor.id }), officer))).fieldErrors).toEqual({ leadOfficerId: ["Choose a lead officer from the list: an active officer or admin"] });
    expect((await refusal(correctDetails(correction(corrected, { website: "https://kiel.de/neu" }), councillor))).code).toBe("FORBIDDEN");
    expect((await refusal(correctDetails(correction(corrected, { website: "https://kiel.de/neu" }), null as never))).code).toBe("UNAUTHENTICATED");
    for (const status of ["DRAFT", "PENDING_APPROVAL", "TERMINATED", "WITHDRAWN"] as const) {
      const other = await createAgreement({ status });
      expect((await refusal(correctDetails(correction(other, { website: "https://kiel.de" }), officer))).message).toBe(
        "Only the details of an Active or Suspended agreement can be corrected; a draft is edited in full",
      );
    }
    expect(await db.auditLog.count({ where: { action: "agreement.correct" } })).toBe(1);
  });

  it("names the field of bad input, and reads numbers and websites as the draft form does", () => {
    const problems = (fields: Record<string, unknown>) => {
      const parsed = correctionSchema.safeParse({ agreementId: "6f1c1f7e-0000-4000-8000-000000000001", version: "1", ...fields });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    };
    expect(problems({ population: "334,000", website: "lille.fr" })).toEqual({});
    expect(problems({ population: "3,5" })).toEqual({ population: "Population must use a point for decimals (like 3.5); a comma separates thousands (like 334,000)" });
    expect(problems({ website: "javascript:alert(1)" })).toEqual({ website: "Website must be a web address, like www.lille.fr or https://www.lille.fr" });
    expect(problems({ latitude: "54.3" })).toEqual({ longitude: "Enter both latitude and longitude, or neither" });
    expect(problems({ leadOfficerId: "someone" })).toEqual({ leadOfficerId: "Choose a lead officer from the list: an active officer or admin" });
  });
});
