// The partner's answer on /confirm/<token>: "Confirm the partnership" or "Decline", with "Your
// reference". Opening the page uses nothing up (mail scanners open links); posting the answer does,
// in one transaction with the partner's decision (actor: the partner council, no user; who answered
// is copied from the contact into PartnerAnswer, so retention deleting the contact later leaves the
// record whole) and the audit row. Every post counts against the address and the link (the reset
// link's limits, lib/domain/sign-in-lock.ts): nobody can try tokens or answers quickly.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { admitSignIn, settleSignIn, type LockKeys } from "@/lib/auth/sign-in-lock";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { AppError } from "@/lib/domain/errors";
import { answerable } from "@/lib/domain/partner-answer";
import { addressKey, RESET_ADDRESS_RULE, RESET_EMAIL_RULE } from "@/lib/domain/sign-in-lock";
import { CONTACT_REFUSALS, type PartnerAnswerInput } from "@/lib/domain/validation/contacts";
import { consumeLink } from "@/lib/links/single-use-link";
import { readConfirmationTerms, termsDigest } from "./terms";

/** The refusal of a link that is used, expired, forged or outdated: the action sends the partner to the link's page, which says which. */
export const LINK_UNUSABLE = CONTACT_REFUSALS.linkUnusable;
const ANSWER_THROTTLED = CONTACT_REFUSALS.answerThrottled;

/** The counters an answer counts in: its client address's and its link's, apart from sign-in's. */
export function answerLockKeys(token: string, address: string | null): LockKeys {
  const link = createHash("sha256").update(token).digest("hex").slice(0, 32);
  return [
    { key: `confirm-link:${link}`, rule: RESET_EMAIL_RULE },
    { key: `confirm-${addressKey(address)}`, rule: RESET_ADDRESS_RULE },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
}

export async function answerConfirmation(input: PartnerAnswerInput, address: string | null, { clock = () => new Date() }: { clock?: () => Date } = {}): Promise<{ answerId: string }> {
  const keys = answerLockKeys(input.token, address);
  const admission = await admitSignIn(keys, clock);
  if (admission.kind !== "admitted") throw new AppError("VALIDATION", ANSWER_THROTTLED);
  let settled = false;
  try {
    const result = await db.$transaction(async (tx) => {
      const now = clock();
      await settleSignIn(tx, keys, "failed", now);
      const requestId = await consumeLink(tx, "partner-confirmation", input.token, now);
      const request = requestId
        ? await tx.confirmationRequest.findUnique({ where: { id: requestId }, select: { id: true, agreementId: true, termsDigest: true, contact: { select: { id: true, name: true, organisation: true } } } })
        : null;
      if (!request) throw new AppError("NOT_FOUND", LINK_UNUSABLE);
      const terms = await readConfirmationTerms(tx, request.agreementId);
      // An outdated link is refused and, as the transaction rolls back, stays unused: its page says the terms changed.
      if (!request.contact || !answerable({ termsDigest: request.termsDigest, contactKept: true }, { termsDigest: termsDigest(terms), status: terms.status })) throw new AppError("NOT_FOUND", LINK_UNUSABLE);
      const decision = await appendDecision(tx, {
        agreementId: request.agreementId,
        kind: input.answer === "CONFIRMED" ? "PARTNER_ANSWER_CONFIRMED" : "PARTNER_ANSWER_DECLINED",
        actorId: null,
        reference: input.reference ?? null,
      });
      const answer = await tx.partnerAnswer.create({
        data: {
          agreementId: request.agreementId,
          requestId: request.id,
          decisionId: decision.id,
          answer: input.answer,
          reference: input.reference ?? null,
          contactName: request.contact.name,
          contactOrganisation: request.contact.organisation,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorEmail: "partner council (single-use link)",
        action: "agreement.partner-answer",
        entityType: "Agreement",
        entityId: request.agreementId,
        ip: address,
        details: { answer: input.answer, requestId: request.id, answerId: answer.id },
      });
      return { answerId: answer.id };
    }, DECISION_TRANSACTION);
    settled = true;
    return result;
  } finally {
    // A refused answer still counts (the transaction that counted it rolled back): count it apart.
    if (!settled) await db.$transaction((tx) => settleSignIn(tx, keys, "failed", clock())).catch(() => undefined);
  }
}
