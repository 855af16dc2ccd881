// The partner's own answer through an emailed link (issue 23 item 3), on both databases: staff
// request confirmation from a contact; the email (in the contact's language) carries a single-use
// link whose token is stored only as a hash; opening the page uses nothing up; the answer is a
// decision by the partner (no user; who answered copied from the contact) and is consumed once even
// when posted twice at once; the link expires after 14 days (time injected), a forged token opens
// nothing, and a change of the terms after sending makes the link outdated; the page answers 404 for
// a link never sent and 410 Gone for one used, expired or outdated (the proxy picks the status). Accepting makes the
// link "Confirmed by both councils" on the public page; a decline is on the dashboard and changes no
// status; "confirmation withdrawn" undoes an accepted confirmation.
import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { acceptPartnerAnswer } from "@/lib/contacts/accept-answer";
import { answerConfirmation, LINK_UNUSABLE } from "@/lib/contacts/answer-confirmation";
import { requestPartnerConfirmation } from "@/lib/contacts/request-confirmation";
import { removeContact, saveContact } from "@/lib/contacts/save-contact";
import { withdrawPartnerConfirmation } from "@/lib/contacts/withdraw-confirmation";
import { getConfirmationPage, getPartnerAnswersPanel } from "@/lib/data/contacts";
import { getPublicPartner } from "@/lib/data/public";
import { db } from "@/lib/db";
import { markChanged } from "@/lib/cache";
import { verifyDecisionChain } from "@/lib/decisions/chain";
import { contactSchema, partnerAnswerSchema } from "@/lib/domain/validation/contacts";
import { createAgreement, createCouncillor, createStaff, resetDatabase } from "../helpers/database";
import { rowsContaining } from "../helpers/dump";
import { refusal } from "../helpers/outcomes";

const DAY = 24 * 60 * 60 * 1000;

beforeEach(resetDatabase);

async function setUp({ language = "de", email = "ingrid@kiel.test" }: { language?: string; email?: string } = {}) {
  const officer = await createStaff();
  const agreement = await createAgreement();
  const { contactId } = await saveContact(
    contactSchema.parse({ agreementId: agreement.id, name: "Ingrid Petersen", organisation: "Landeshauptstadt Kiel", email, preferredLanguage: language, role: "Partnerschaftsbüro" }),
    officer,
  );
  return { officer, agreement, contactId };
}

/** The public page as a visitor reads it after a write (the action's invalidation, which a test does not run). */
async function publicLink(slug: string) {
  markChanged();
  return (await getPublicPartner(slug))?.links[0];
}

/** The token in the link of the newest confirmation email, as the partner reads it. */
async function tokenFromOutbox(): Promise<{ token: string; subject: string; text: string; recipientEmail: string }> {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { kind: "PARTNER_CONFIRMATION_REQUEST" }, orderBy: { createdAt: "desc" } });
  const token = /\/confirm\/([A-Za-z0-9_-]{43})/.exec(message.textBody)?.[1];
  if (!token) throw new Error(`No link in: ${message.textBody}`);
  return { token, subject: message.subject, text: message.textBody, recipientEmail: message.recipientEmail };
}

const answer = (token: string, fields: Record<string, string> = {}) => partnerAnswerSchema.parse({ token, answer: "CONFIRMED", reference: "Ratsversammlung 2026/31", ...fields });

describe("requesting the partner's confirmation", () => {
  it("emails the contact a link in their language, keeps only the token's hash, and opening the page uses nothing up", async () => {
    const { officer, agreement, contactId } = await setUp();
    const result = await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    expect(result.confirmation).toBe("partner.confirmation-requested");
    const { token, subject, text, recipientEmail } = await tokenFromOutbox();
    expect(recipientEmail).toBe("ingrid@kiel.test");
    expect(subject).toMatch(/^Bitte bestätigen Sie die Partnerschaft/);
    expect(text).toContain(`/de/confirm/${token}`);
    expect(text).toContain("Sehr geehrte/r Ingrid Petersen");
    // The database holds the hash, never the token (but in the unsent email's body).
    const link = await db.singleUseLink.findFirstOrThrow({ where: { purpose: "partner-confirmation", subjectId: result.requestId } });
    expect(link.tokenHash).toBe(createHash("sha256").update(token).digest("base64url"));
    expect((await rowsContaining(token)).map((row) => row.split(":")[0])).toEqual(["OutboxMessage"]);
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeGreaterThan(14 * DAY - 60_000);

    for (let i = 0; i < 3; i += 1) expect((await getConfirmationPage(token)).kind).toBe("open");
    expect((await db.singleUseLink.findFirstOrThrow({ where: { id: link.id } })).usedAt).toBeNull();
    const page = await getConfirmationPage(token);
    expect(page).toMatchObject({ kind: "open", terms: { agreementId: agreement.id, status: "ACTIVE" }, language: "de" });
  });

  it("is refused for a contact without an email, another agreement's contact, a councillor and a final link", async () => {
    const { officer, agreement, contactId } = await setUp();
    const { contactId: noEmail } = await saveContact(contactSchema.parse({ agreementId: agreement.id, name: "Nobody by email", preferredLanguage: "en" }), officer);
    const withoutEmail = await refusal(requestPartnerConfirmation({ agreementId: agreement.id, contactId: noEmail }, officer));
    expect(withoutEmail.fieldErrors).toEqual({ contactId: ["This contact has no email address: add one before asking them to confirm"] });
    const other = await createAgreement();
    expect((await refusal(requestPartnerConfirmation({ agreementId: other.id, contactId }, officer))).fieldErrors).toHaveProperty("contactId");
    expect((await refusal(requestPartnerConfirmation({ agreementId: agreement.id, contactId }, await createCouncillor()))).code).toBe("FORBIDDEN");
    const ended = await createAgreement({ status: "TERMINATED" });
    const { contactId: endedContact } = await saveContact(contactSchema.parse({ agreementId: ended.id, name: "Late", email: "late@test.example", preferredLanguage: "en" }), officer);
    expect((await refusal(requestPartnerConfirmation({ agreementId: ended.id, contactId: endedContact }, officer))).code).toBe("INVALID_TRANSITION");
    expect(await db.outboxMessage.count()).toBe(0);
  });
});

describe("the partner's answer", () => {
  // The longest journey of this file: a minute for a loaded machine.
  it("confirms once: a decision by the partner with who answered; the link is used; the public page waits for staff", { timeout: 60_000 }, async () => {
    const { officer, agreement, contactId } = await setUp();
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const { token } = await tokenFromOutbox();
    const { answerId } = await answerConfirmation(answer(token), "203.0.113.5");

    const recorded = await db.partnerAnswer.findUniqueOrThrow({ where: { id: answerId }, include: { decision: true } });
    expect(recorded).toMatchObject({ answer: "CONFIRMED", reference: "Ratsversammlung 2026/31", contactName: "Ingrid Petersen", contactOrganisation: "Landeshauptstadt Kiel", acceptedDecisionId: null });
    expect(recorded.decision).toMatchObject({ kind: "PARTNER_ANSWER_CONFIRMED", actorId: null, reference: "Ratsversammlung 2026/31", agreementId: agreement.id });
    expect((await verifyDecisionChain(db)).ok).toBe(true);
    expect(await getConfirmationPage(token)).toMatchObject({ kind: "unusable", reason: "used" });
    expect((await refusal(answerConfirmation(answer(token), "203.0.113.5"))).message).toBe(LINK_UNUSABLE);
    expect(await db.partnerAnswer.count()).toBe(1);
    // Not public yet: staff accept it first.
    const partner = await db.partner.findUniqueOrThrow({ where: { id: agreement.partnerId } });
    expect(await publicLink(partner.slug)).toMatchObject({ partnerConfirmed: false });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "agreement.partner-answer" } })).toMatchObject({ entityId: agreement.id, actorId: null });

    // The contact deleted later (retention, erasure): the record keeps who answered.
    await removeContact({ agreementId: agreement.id, contactId }, officer);
    expect(await db.partnerAnswer.findUniqueOrThrow({ where: { id: answerId } })).toMatchObject({ contactName: "Ingrid Petersen" });

    // Staff accept: the public page says "Confirmed by both councils" (partnerConfirmed) with the partner's reference.
    expect(await acceptPartnerAnswer({ agreementId: agreement.id, answerId }, officer)).toEqual({ confirmation: "partner.confirmation-accepted" });
    const after = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(after.partnerDecisionReference).toBe("Ratsversammlung 2026/31");
    expect(after.status).toBe("ACTIVE");
    expect(await publicLink(partner.slug)).toMatchObject({ partnerConfirmed: true });
    expect((await refusal(acceptPartnerAnswer({ agreementId: agreement.id, answerId }, officer))).code).toBe("INVALID_TRANSITION");
    expect((await getPartnerAnswersPanel()).items).toEqual([]);

    // Withdrawn later: no longer confirmed, a decision with the reason.
    expect(await withdrawPartnerConfirmation({ agreementId: agreement.id, reason: "Their council rescinded the vote." }, officer)).toEqual({ confirmation: "partner.confirmation-withdrawn" });
    expect(await publicLink(partner.slug)).toMatchObject({ partnerConfirmed: false });
    expect(await db.decision.findFirstOrThrow({ where: { kind: "PARTNER_CONFIRMATION_WITHDRAWN" } })).toMatchObject({ reason: "Their council rescinded the vote.", actorId: officer.id });
    expect((await refusal(withdrawPartnerConfirmation({ agreementId: agreement.id, reason: "Again" }, officer))).code).toBe("INVALID_TRANSITION");
    expect((await verifyDecisionChain(db)).ok).toBe(true);
  });

  it("is consumed once when two answers are posted at the same moment", async () => {
    const { officer, agreement, contactId } = await setUp();
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const { token } = await tokenFromOutbox();
    const outcomes = await Promise.allSettled([answerConfirmation(answer(token), "203.0.113.5"), answerConfirmation(answer(token, { answer: "DECLINED" }), "203.0.113.6")]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "NOT_FOUND", message: LINK_UNUSABLE });
    expect(await db.partnerAnswer.count()).toBe(1);
    expect(await db.decision.count({ where: { kind: { in: ["PARTNER_ANSWER_CONFIRMED", "PARTNER_ANSWER_DECLINED"] } } })).toBe(1);
  });

  it("a decline is recorded, changes no status, and is on the staff dashboard until a new request is sent", async () => {
    const { officer, agreement, contactId } = await setUp({ language: "fr" });
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const { token, subject } = await tokenFromOutbox();
    expect(subject).toMatch(/^Merci de confirmer le jumelage/);
    const before = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    const { answerId } = await answerConfirmation(answer(token, { answer: "DECLINED", reference: "" }), null);
    const after = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(after).toMatchObject({ status: before.status, version: before.version, partnerDecisionDate: null, partnerDecisionReference: null });
    expect(await db.decision.findFirstOrThrow({ where: { kind: "PARTNER_ANSWER_DECLINED" } })).toMatchObject({ actorId: null, reference: null });
    const panel = await getPartnerAnswersPanel();
    expect(panel).toMatchObject({ total: 1, items: [{ answerId, agreementId: agreement.id, answer: "DECLINED" }] });
    expect((await refusal(acceptPartnerAnswer({ agreementId: agreement.id, answerId }, officer))).code).toBe("INVALID_TRANSITION");
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    expect((await getPartnerAnswersPanel()).total).toBe(0);
  });
});

describe("a link that no longer works", () => {
  it("expires after 14 days (time injected): the page says so and the answer is refused", async () => {
    const { officer, agreement, contactId } = await setUp();
    const sentAt = new Date();
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer, { clock: () => sentAt });
    const { token } = await tokenFromOutbox();
    const thirteenDaysOn = new Date(sentAt.getTime() + 13 * DAY);
    const fifteenDaysOn = new Date(sentAt.getTime() + 15 * DAY);
    expect((await getConfirmationPage(token, thirteenDaysOn)).kind).toBe("open");
    expect(await getConfirmationPage(token, fifteenDaysOn)).toMatchObject({ kind: "unusable", reason: "expired" });
    expect((await refusal(answerConfirmation(answer(token), null, { clock: () => fifteenDaysOn }))).message).toBe(LINK_UNUSABLE);
    expect(await db.partnerAnswer.count()).toBe(0);
    // Within the fortnight it still works.
    await answerConfirmation(answer(token), null, { clock: () => thirteenDaysOn });
    expect(await db.partnerAnswer.count()).toBe(1);
  });

  it("a forged or mangled token opens nothing and is refused cleanly", async () => {
    const { officer, agreement, contactId } = await setUp();
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const { token } = await tokenFromOutbox();
    const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [forged, "x", "", "../../etc/passwd", "%ff", "a".repeat(43)]) {
      expect(await getConfirmationPage(bad)).toMatchObject({ kind: "unusable", reason: "unknown" });
      expect((await refusal(answerConfirmation(answer(bad), "198.51.100.9"))).message).toBe(LINK_UNUSABLE);
    }
    expect(await db.partnerAnswer.count()).toBe(0);
    expect((await getConfirmationPage(token)).kind).toBe("open");
  });

  it("is outdated once the terms change after sending (an amendment), and a new request works", async () => {
    const { officer, agreement, contactId } = await setUp();
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const { token: first } = await tokenFromOutbox();
    // What an approved amendment does to the terms (lib/agreements/decide-proposal.ts): a new purpose.
    await db.agreement.update({ where: { id: agreement.id }, data: { purpose: "Exchange, friendship and climate partnership.", version: { increment: 1 } } });
    expect(await getConfirmationPage(first)).toMatchObject({ kind: "unusable", reason: "outdated" });
    expect((await refusal(answerConfirmation(answer(first), null))).message).toBe(LINK_UNUSABLE);
    // Refused without being used: it stays outdated, not "used".
    expect(await getConfirmationPage(first)).toMatchObject({ reason: "outdated" });

    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const { token: second } = await tokenFromOutbox();
    expect(second).not.toBe(first);
    const page = await getConfirmationPage(second);
    expect(page).toMatchObject({ kind: "open", terms: { purpose: "Exchange, friendship and climate partnership." } });
    await answerConfirmation(answer(second), null);
    expect(await db.partnerAnswer.count()).toBe(1);
  });

  it("is throttled: every answer counts against the address", async () => {
    const { officer, agreement, contactId } = await setUp();
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const refusals: string[] = [];
    for (let i = 0; i < 11; i += 1) refusals.push((await refusal(answerConfirmation(answer(`${"b".repeat(42)}${String.fromCharCode(65 + i)}`), "192.0.2.77"))).message);
    expect(refusals.slice(0, 10).every((message) => message === LINK_UNUSABLE)).toBe(true);
    expect(refusals[10]).toBe("Too many answers from here in a short time. Please wait 15 minutes and try again.");
    // The real link from another address still works.
    const { token } = await tokenFromOutbox();
    await answerConfirmation(answer(token), "192.0.2.78");
  });
});

describe("the link's page answers an honest status (proxy.ts picks it; the page renders its message in full)", () => {
  const status = async (path: string, method = "GET") => (await proxy(new NextRequest(new URL(path, "http://localhost:3000"), { method, headers: { host: "localhost:3000" } }))).status;

  it("200 while it opens the form, 404 never sent, 410 used (200 for the thanks), expired or outdated — in every language's address, and opening it uses nothing up", async () => {
    const { officer, agreement, contactId } = await setUp();
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const { token } = await tokenFromOutbox();
    for (const path of [`/confirm/${token}`, `/de/confirm/${token}`, `/fr/confirm/${token}`]) expect(await status(path), path).toBe(200);
    expect((await getConfirmationPage(token)).kind).toBe("open");
    for (const path of [`/confirm/${"A".repeat(43)}`, "/confirm/x", `/cy/confirm/${token.slice(0, -1)}`, "/confirm/%E2%82"]) expect(await status(path), path).toBe(path === "/confirm/%E2%82" ? 400 : 404);

    await answerConfirmation(answer(token), null);
    expect(await status(`/confirm/${token}`)).toBe(410);
    expect(await status(`/de/confirm/${token}`, "HEAD")).toBe(410);
    expect(await status(`/confirm/${token}?answered=confirmed`)).toBe(200);
    expect(await status(`/confirm/${token}?answered=maybe`)).toBe(410);

    // Outdated: the terms changed after sending.
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer);
    const { token: second } = await tokenFromOutbox();
    expect(await status(`/confirm/${second}`)).toBe(200);
    await db.agreement.update({ where: { id: agreement.id }, data: { purpose: "Exchange, friendship and climate partnership.", version: { increment: 1 } } });
    expect(await status(`/confirm/${second}`)).toBe(410);
  });

  it("410 once expired (the links' own clock moved on)", async () => {
    const { officer, agreement, contactId } = await setUp();
    await requestPartnerConfirmation({ agreementId: agreement.id, contactId }, officer, { clock: () => new Date(Date.now() - 15 * DAY) });
    const { token } = await tokenFromOutbox();
    expect(await status(`/confirm/${token}`)).toBe(410);
  });
});
