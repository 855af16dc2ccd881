// Writes emails to the outbox inside the caller's transaction (the transactional outbox): the
// message exists if and only if the change that caused it was committed.
import type { NotificationKind } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { rolesWith } from "@/lib/domain/permissions";
import type { StaffLocale } from "@/lib/i18n/locales";
import { readSettings } from "@/lib/settings";
import { appUrl } from "./config";
import { decisionReachedEmail, passwordChangedEmail, passwordResetEmail, proposalNewEmail, twoStepChangedEmail, type TwoStepChange, type ProposalFacts, type RenderedEmail } from "./templates";

/** `language`: the recipient's own (User.language): their emails are written in it. */
export type Recipient = { id: string; email: string; name: string; language: StaffLocale };

export type OutboxDraft = { kind: NotificationKind; recipient: Recipient; dedupeKey: string; email: RenderedEmail };

/** Drops the recipients who turned this kind off at /account (no row means on). */
export async function withKindEnabled<R extends Recipient>(tx: Tx, kind: NotificationKind, recipients: R[]): Promise<R[]> {
  if (recipients.length === 0) return [];
  const off = await tx.notificationPreference.findMany({
    where: { kind, enabled: false, userId: { in: recipients.map((recipient) => recipient.id) } },
    select: { userId: true },
  });
  const muted = new Set(off.map((row) => row.userId));
  return recipients.filter((recipient) => !muted.has(recipient.id));
}

/**
 * Adds messages to the outbox. A dedupeKey already there is skipped (ON CONFLICT DO NOTHING), so
 * a job that runs twice, or a retried caller, never queues the same message twice. Returns how
 * many were added.
 */
export async function enqueue(tx: Tx, drafts: OutboxDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const { count } = await tx.outboxMessage.createMany({
    data: drafts.map(({ kind, recipient, dedupeKey, email }) => ({
      kind,
      recipientId: recipient.id,
      recipientEmail: recipient.email,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      dedupeKey,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** What a notification about a proposal says of it (lib/jobs/reminders.ts adds the votes). */
export const proposalSelect = {
  id: true,
  kind: true,
  reason: true,
  createdAt: true,
  proposerId: true,
  proposer: { select: { name: true } },
  agreement: { select: { id: true, title: true, leadOfficerId: true, partner: { select: { name: true } } } },
} as const;

type ProposalRow = {
  id: string;
  kind: ProposalFacts["kind"];
  reason: string;
  createdAt: Date;
  proposerId: string;
  proposer: { name: string };
  agreement: { id: string; title: string; leadOfficerId: string | null; partner: { name: string } };
};

export function proposalFacts(proposal: ProposalRow): ProposalFacts {
  return {
    agreementTitle: proposal.agreement.title,
    partnerName: proposal.agreement.partner.name,
    kind: proposal.kind,
    reason: proposal.reason,
    proposerName: proposal.proposer.name,
    openedAt: proposal.createdAt,
  };
}

/** The active users who may vote on proposals (councillors), other than the proposer when given. */
export async function eligibleVoters(tx: Tx, proposerId?: string): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { active: true, role: { in: rolesWith("proposal:decide") }, ...(proposerId ? { id: { not: proposerId } } : {}) },
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, language: true },
  });
}

/** A new proposal: one email to every councillor who may vote on it (never the proposer). */
export async function enqueueProposalCreated(tx: Tx, proposalId: string): Promise<number> {
  const proposal: ProposalRow = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: proposalSelect });
  const { councilName } = await readSettings(tx);
  const recipients = await withKindEnabled(tx, "PROPOSAL_NEW", await eligibleVoters(tx, proposal.proposerId));
  const facts = proposalFacts(proposal);
  const baseUrl = appUrl();
  return enqueue(
    tx,
    recipients.map((recipient) => ({
      kind: "PROPOSAL_NEW",
      recipient,
      dedupeKey: `proposal-new:${proposal.id}:${recipient.id}`,
      email: proposalNewEmail({ baseUrl, councilName, recipientName: recipient.name, locale: recipient.language, proposal: facts }),
    })),
  );
}

/**
 * Who hears of what became of a proposal ("Decisions on my proposals and links"): its proposer,
 * the link's lead officer and anyone else named (`also`), once each, active, with that kind on.
 */
export async function decisionRecipients(tx: Tx, proposal: Pick<ProposalRow, "proposerId" | "agreement">, also: readonly (string | null)[] = []): Promise<Recipient[]> {
  const ids = [...new Set([proposal.proposerId, proposal.agreement.leadOfficerId, ...also].filter((id): id is string => Boolean(id)))];
  const users = await tx.user.findMany({ where: { id: { in: ids }, active: true }, orderBy: { email: "asc" }, select: { id: true, email: true, name: true, language: true } });
  return withKindEnabled(tx, "DECISION_REACHED", users);
}

/** A proposal closed (approved or rejected): the proposer and the agreement's lead officer. */
export async function enqueueDecisionReached(
  tx: Tx,
  input: { proposalId: string; outcome: "approved" | "rejected"; decidedBy: { name: string }; reason: string | null },
): Promise<number> {
  const proposal: ProposalRow = await tx.proposal.findUniqueOrThrow({ where: { id: input.proposalId }, select: proposalSelect });
  const { councilName } = await readSettings(tx);
  const recipients = await decisionRecipients(tx, proposal);
  const facts = proposalFacts(proposal);
  const baseUrl = appUrl();
  return enqueue(
    tx,
    recipients.map((recipient) => ({
      kind: "DECISION_REACHED",
      recipient,
      dedupeKey: `decision:${proposal.id}:${recipient.id}`,
      email: decisionReachedEmail({
        baseUrl,
        councilName,
        recipientName: recipient.name,
        locale: recipient.language,
        proposal: facts,
        outcome: input.outcome,
        decidedBy: input.decidedBy.name,
        decisionReason: input.reason,
        agreementId: proposal.agreement.id,
      }),
    })),
  );
}

/** A changed password: a security notice to its owner, sent whatever their preferences (no withKindEnabled). */
export async function enqueuePasswordChanged(tx: Tx, recipient: Recipient, changedAt: Date): Promise<number> {
  const { councilName } = await readSettings(tx);
  return enqueue(tx, [
    {
      kind: "PASSWORD_CHANGED",
      recipient,
      dedupeKey: `password-changed:${recipient.id}:${changedAt.toISOString()}`,
      email: passwordChangedEmail({ baseUrl: appUrl(), councilName, recipientName: recipient.name, locale: recipient.language, changedAt }),
    },
  ]);
}

/**
 * A password reset link to its owner (lib/auth/password-reset.ts), whatever their preferences. The
 * link opens the account: the sender removes it from the row once sent (send-outbox.ts), and the
 * jobs remove it from a message still unsent when the link expires.
 */
export async function enqueuePasswordReset(tx: Tx, recipient: Recipient, link: { token: string; expiresAt: Date }, askedAt: Date): Promise<number> {
  const { councilName } = await readSettings(tx);
  return enqueue(tx, [
    {
      kind: "PASSWORD_RESET",
      recipient,
      dedupeKey: `password-reset:${recipient.id}:${askedAt.toISOString()}`,
      email: passwordResetEmail({ baseUrl: appUrl(), councilName, recipientName: recipient.name, locale: recipient.language, ...link }),
    },
  ]);
}

/** Two-step verification changed: a security notice to its owner, whatever their preferences. */
export async function enqueueTwoStepChanged(tx: Tx, recipient: Recipient, change: TwoStepChange, changedAt: Date): Promise<number> {
  const { councilName } = await readSettings(tx);
  return enqueue(tx, [
    {
      kind: "TWO_STEP_CHANGED",
      recipient,
      dedupeKey: `two-step:${change}:${recipient.id}:${changedAt.toISOString()}`,
      email: twoStepChangedEmail({ baseUrl: appUrl(), councilName, recipientName: recipient.name, locale: recipient.language, change, changedAt }),
    },
  ]);
}
